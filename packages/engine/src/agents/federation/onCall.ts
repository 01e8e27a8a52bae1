import type { AgentId, TaskId } from "../../shared/ids.ts";
import type { Instant } from "../../shared/time.ts";
import type { Task } from "../../tasks/state.ts";
import type { TenantEvent } from "../../tenant/messages.ts";
import type { TenantState } from "../../tenant/state.ts";
import { customerOf, type Leg } from "../../voice/state.ts";
import { federationOf } from "./config.ts";
import type { ExternalPresenceRequested } from "./events.ts";

/** Agents on an answered customer call, per task a batch of events touches. */
export type CallsOnHand = ReadonlyMap<TaskId, readonly AgentId[]>;

const NONE: CallsOnHand = new Map();

const talking = (leg: Leg): boolean => leg.status === "connected" || leg.status === "held";

/**
 * Agents on the task's customer call with the customer answered: their leg and the customer's are
 * connected or held. Consulted agents on the side call are not on it until a conference or a
 * transfer brings them to the customer.
 */
export function agentsOnCall(task: Task | undefined): AgentId[] {
  const call = task?.call;
  const customer = call && customerOf(call);
  if (!call || !customer || !talking(customer.leg)) return [];
  return call.parties.flatMap((p) =>
    p.kind === "agent" && p.agentId !== null && p.bridge === "main" && talking(p.leg) ? [p.agentId] : [],
  );
}

/** Who is on which call before a batch of events applies: what `presenceRequests` compares with. */
export function callsBefore(s: TenantState, events: readonly TenantEvent[]): CallsOnHand {
  if ((federationOf(s.config)?.onCallStatus ?? null) === null) return NONE;
  const calls = new Map<TaskId, AgentId[]>();
  for (const e of events)
    if ("taskId" in e && !calls.has(e.taskId)) calls.set(e.taskId, agentsOnCall(s.tasks.get(e.taskId)));
  return calls;
}

/**
 * FED-3: once the batch has applied, one request per agent whose call became active — an inbound
 * call accepted, an outdial answered, or a transfer or conference that put the agent on the
 * customer's call. Holding and retrieving keep the call active and ask for nothing; digital tasks
 * have no call and never ask. Implements FED-3.
 */
export function presenceRequests(
  s: TenantState,
  before: CallsOnHand,
  at: Instant,
): ExternalPresenceRequested[] {
  const status = federationOf(s.config)?.onCallStatus ?? null;
  if (status === null) return [];
  const requests: ExternalPresenceRequested[] = [];
  for (const [taskId, was] of before)
    for (const agentId of agentsOnCall(s.tasks.get(taskId)))
      if (!was.includes(agentId) && s.agents.has(agentId))
        requests.push({ type: "presence.external_requested", at, agentId, status, taskId });
  return requests;
}
