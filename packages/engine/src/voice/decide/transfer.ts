import type { ConfigLookup } from "../../config/lookup.ts";
import type { EntryPoint } from "../../config/types.ts";
import { accept, type Decision, type Rejection, reject } from "../../shared/decision.ts";
import { configOf, isRejection } from "../../shared/guards.ts";
import { type Instant, seconds } from "../../shared/time.ts";
import { engagementOf, type Task } from "../../tasks/state.ts";
import type { TenantEvent } from "../../tenant/messages.ts";
import type { TenantState } from "../../tenant/state.ts";
import { copyGlobalsOnTransfer } from "../../variables/transfer.ts";
import type { TaskVariables } from "../../variables/types.ts";
import type { TransferCall } from "../commands.ts";
import type { CallTransferred } from "../events.ts";
import { dialable } from "./dial.ts";
import { handedOff, left } from "./legs.ts";
import { onCall } from "./seat.ts";

/** RTE-4: offers longer than 8 s flash for their last 5 s — transfers too. */
const flashAt = (timeoutSec: number, expiresAt: Instant) => (timeoutSec > 8 ? expiresAt - 5_000 : null);

/**
 * Blind transfer by the primary agent to an Available agent with a free line, a queue, an entry
 * point's queue, or a number. The agent leaves for wrap-up at once and the customer goes on; to a
 * number, the call leaves the contact center with the transfer (see `handedOff`).
 * Implements XFR-1, XFR-2, XFR-4, XFR-6.
 */
export function decideTransfer(cmd: TransferCall, s: TenantState, now: Instant): Decision<TenantEvent> {
  const config = configOf(s);
  if (isRejection(config)) return config;
  const c = onCall(s, cmd.taskId, cmd.agentId, "transfer");
  if (isRejection(c)) return c;
  const to = resolveTarget(cmd, s, c.task, now);
  if (isRejection(to)) return to;

  const profile = config.profiles.get(s.agents.get(cmd.agentId)?.profileId ?? ("" as never));
  const autoWrapUpAt = profile?.autoWrapUp.enabled ? now + seconds(profile.autoWrapUp.afterSec) : null;
  const events: TenantEvent[] = [];
  if (c.me) events.push(left(c.task.id, c.me, "dropped", "transferred", now));
  events.push({
    type: "task.transferred",
    at: now,
    taskId: c.task.id,
    agentId: cmd.agentId,
    to,
    autoWrapUpAt,
  });
  // After the transfer event, which tells the switch to put the customer through: these only record it.
  if (to.kind === "dial_number") events.push(...handedOff(c.task.id, c.call, now));
  return accept(...events);
}

function resolveTarget(
  cmd: TransferCall,
  s: TenantState,
  task: Task,
  now: Instant,
): CallTransferred["to"] | Rejection {
  const config = s.config;
  const target = cmd.target;
  if (!config) return reject("NOT_CONFIGURED", "The tenant has no configuration yet");
  switch (target.kind) {
    case "agent": {
      const other = s.agents.get(target.agentId);
      const no = (why: string) =>
        reject("TRANSFER_TARGET_UNAVAILABLE", `Agent ${target.agentId} ${why}`, { agentId: target.agentId });
      if (!other) return no("is not logged in");
      if (other.id === cmd.agentId || engagementOf(task, other.id)) return no("is already on this call");
      // XFR-2: Available agents only; wrap-up still holds the agent's voice line.
      if (other.presence.type !== "available" || other.pending?.type === "logged_out")
        return no("is not Available");
      const profile = config.profiles.get(other.profileId);
      if (!profile || other.load.voice >= profile.capacity.voice)
        return no("has no free voice line (on a call or in wrap-up)");
      const timeout = profile.offerTimeoutSec.voice;
      const expiresAt = now + seconds(timeout);
      return { kind: "agent", agentId: other.id, expiresAt, flashAt: flashAt(timeout, expiresAt) };
    }
    case "queue": {
      const queue = config.queues.get(target.queueId);
      if (queue?.channel !== "voice")
        return reject("UNKNOWN_QUEUE", `There is no voice queue ${target.queueId}`);
      return { kind: "queue", queueId: queue.id, entryPointId: task.entryPointId, variables: null };
    }
    case "entry_point": {
      const ep = config.entryPoints.get(target.entryPointId);
      if (ep?.channel !== "voice" || ep.kind !== "inbound")
        return reject("UNKNOWN_ENTRY_POINT", `There is no inbound voice entry point ${target.entryPointId}`);
      if (!ep.active) return reject("ENTRY_POINT_INACTIVE", `Entry point ${ep.name} is not active`);
      return {
        kind: "queue",
        queueId: ep.queueId,
        entryPointId: ep.id,
        variables: carriedVariables(config, task, ep),
      };
    }
    case "dial_number": {
      const number = dialable(target.number);
      return isRejection(number) ? number : { kind: "dial_number", number };
    }
  }
}

/**
 * XFR-5: transferring to an entry point starts its flow; global variables whose name and type both
 * match are copied, the others start afresh. The same flow keeps its variables as they are.
 */
function carriedVariables(config: ConfigLookup, task: Task, ep: EntryPoint): TaskVariables | null {
  const fromId = config.entryPoints.get(task.entryPointId)?.flowId;
  if (fromId === ep.flowId) return null;
  const from = fromId === undefined ? undefined : config.flows.get(fromId);
  const to = ep.flowId === undefined ? undefined : config.flows.get(ep.flowId);
  if (!to) return {};
  return copyGlobalsOnTransfer(from ?? { id: to.id, name: "none", variables: [] }, to, task.variables);
}
