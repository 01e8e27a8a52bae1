import type { AgentStateChanged } from "../../agents/events.ts";
import { presenceValue } from "../../agents/state.ts";
import { SYSTEM_REASON } from "../../config/systemCodes.ts";
import { SYSTEM } from "../../shared/actor.ts";
import { accept, type Decision } from "../../shared/decision.ts";
import { isRejection } from "../../shared/guards.ts";
import type { TaskId } from "../../shared/ids.ts";
import type { Instant } from "../../shared/time.ts";
import type { TenantEvent } from "../../tenant/messages.ts";
import type { TenantState } from "../../tenant/state.ts";
import type { ReportOfferFailed } from "../commands.ts";
import type { TaskOf } from "../state.ts";
import { offeredTo } from "./offerOf.ts";
import { transferDropped } from "./transferDropped.ts";

function toRona(s: TenantState, task: TaskOf<"offered">, now: Instant, cause: AgentStateChanged["cause"]) {
  const agent = s.agents.get(task.offer.agentId);
  if (!agent || agent.presence.type === "rona") return [];
  const change: AgentStateChanged = {
    type: "agent.state.changed",
    at: now,
    agentId: agent.id,
    from: presenceValue(agent.presence),
    to: { type: "rona" },
    cause,
    reasonCode: SYSTEM_REASON.RING_NO_ANSWER,
    actor: SYSTEM,
  };
  return [change];
}

/**
 * The offer timer ran out: the task returns to the head of its queue and the agent goes to RONA —
 * also while engaged on another channel, where the call goes on (RTE-6). Implements RTE-3, RTE-6.
 */
export function decideOfferTimeout(taskId: TaskId, s: TenantState, now: Instant): Decision<TenantEvent> {
  const task = s.tasks.get(taskId);
  if (task?.status !== "offered") return accept();
  const agentId = task.offer.agentId;
  return accept<TenantEvent>(
    { type: "offer.timed_out", at: now, taskId, agentId },
    ...toRona(s, task, now, "ring_no_answer"),
    ...transferDropped(task, now),
  );
}

/** The offer could not reach the agent's device: handled as RONA. Implements RTE-5. */
export function decideOfferFailed(
  cmd: ReportOfferFailed,
  s: TenantState,
  now: Instant,
): Decision<TenantEvent> {
  const task = offeredTo(s, cmd.taskId, cmd.agentId);
  if (isRejection(task)) return task;
  return accept<TenantEvent>(
    { type: "offer.failed", at: now, taskId: task.id, agentId: cmd.agentId, cause: cmd.cause },
    ...toRona(s, task, now, "device_unreachable"),
    ...transferDropped(task, now),
  );
}
