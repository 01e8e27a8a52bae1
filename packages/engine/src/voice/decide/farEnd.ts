import { accept, type Decision } from "../../shared/decision.ts";
import { activeTask, isRejection } from "../../shared/guards.ts";
import type { Instant } from "../../shared/time.ts";
import type { Task } from "../../tasks/state.ts";
import type { TenantEvent } from "../../tenant/messages.ts";
import type { TenantState } from "../../tenant/state.ts";
import type { LegAnswered, LegFailed, LegHungUp } from "../commands.ts";
import { isUp, mainAgents, type Party, partyOf, type VoiceCall } from "../state.ts";
import { answeredLeg, callEnded, consultClosed, consultFailed, ownerAloneEnds } from "./consult.ts";
import { leaving } from "./leave.ts";
import { left, legTo } from "./legs.ts";

/** What the telephony port reports is about a call the engine knows; a repeat changes nothing. */
function legOf(s: TenantState, cmd: { taskId: Task["id"]; partyId: Party["id"] }) {
  const task = activeTask(s, cmd.taskId);
  if (isRejection(task)) return task;
  const call = task.call;
  const party = call && partyOf(call, cmd.partyId);
  return call && party && isUp(party) ? { task, call, party } : null;
}

/** The far end answered: the outdial customer, or the consulted number or device. */
export function decideLegAnswered(cmd: LegAnswered, s: TenantState, now: Instant): Decision<TenantEvent> {
  const leg = legOf(s, cmd);
  if (leg === null || isRejection(leg)) return leg ?? accept();
  const { task, call, party } = leg;
  if (party.leg.status !== "alerting") return accept();
  if (party.kind === "customer") return accept(legTo(task.id, party, "connected", now));
  if (call.consult?.partyId === party.id) return accept(answeredLeg(task.id, call, party, now));
  return accept(legTo(task.id, party, "connected", now));
}

/** A leg could not be set up: busy, no answer, unreachable, invalid number, device fault. */
export function decideLegFailed(cmd: LegFailed, s: TenantState, now: Instant): Decision<TenantEvent> {
  const leg = legOf(s, cmd);
  if (leg === null || isRejection(leg)) return leg ?? accept();
  const { task, call, party } = leg;
  if (call.consult?.partyId === party.id) return accept(...consultFailed(s, task, cmd.cause, now));
  if (party.kind === "customer" && task.callback && task.status === "assigned") {
    // CB-2: a callback the customer does not answer goes back to the queue.
    const me = call.parties.find((p) => p.agentId === task.agentId && isUp(p));
    return accept<TenantEvent>(
      left(task.id, party, "failed", cmd.cause, now),
      ...(me ? [left(task.id, me, "dropped", "call_ended", now)] : []),
      { type: "callback.retry", at: now, taskId: task.id, agentId: task.agentId },
    );
  }
  if (party.kind === "customer") return accept(...customerGone(s, task, call, "failed", cmd.cause, now));
  if (party.agentId) return accept(...leaving(s, task, call, party.agentId, now));
  return accept(...numberLeaves(s, task, call, party, "failed", cmd.cause, now));
}

/** The far end hung up. */
export function decideLegHungUp(cmd: LegHungUp, s: TenantState, now: Instant): Decision<TenantEvent> {
  const leg = legOf(s, cmd);
  if (leg === null || isRejection(leg)) return leg ?? accept();
  const { task, call, party } = leg;
  if (party.kind === "customer") return accept(...customerGone(s, task, call, "dropped", "hung_up", now));
  if (call.consult?.partyId === party.id)
    return accept<TenantEvent>(
      ...consultClosed(task, call, "ended", "hung_up", now),
      ...ownerAloneEnds(s, task, call, now),
    );
  if (party.agentId) return accept(...leaving(s, task, call, party.agentId, now));
  return accept(...numberLeaves(s, task, call, party, "dropped", "hung_up", now));
}

/**
 * The customer is gone. Mid-consult the owner keeps the consult and gets wrap-up (CNS-10); in a
 * conference the agents may go on talking (post call, CNF-6); otherwise the call ends and the
 * owner wraps up.
 */
export function customerGone(
  s: TenantState,
  task: Task,
  call: VoiceCall,
  status: "dropped" | "failed",
  cause: "hung_up" | LegFailed["cause"],
  now: Instant,
): TenantEvent[] {
  const customer = partyOf(call, "customer" as Party["id"]);
  const events: TenantEvent[] =
    customer && isUp(customer) ? [left(task.id, customer, status, cause, now)] : [];
  if (task.status === "queued" || task.status === "offered")
    // Gone while transferred to an agent or a queue: the contact is abandoned there.
    events.push({
      type: "task.canceled",
      at: now,
      taskId: task.id,
      reason: "abandoned",
      agentId: task.status === "offered" ? task.offer.agentId : null,
    });
  if (task.status !== "assigned") return events;
  const owner = task.agentId;
  const others = mainAgents(call).filter((p) => p.agentId !== owner);
  if (call.consult?.by === owner || others.length > 0) return events;
  for (const p of call.parties)
    if (isUp(p) && p.kind !== "customer") events.push(left(task.id, p, "dropped", "call_ended", now));
  events.push(...callEnded(s, task, owner, "customer", now));
  return events;
}

/** A conferenced number leaves; after the customer has gone that may leave the owner alone (CNF-6). */
function numberLeaves(
  s: TenantState,
  task: Task,
  call: VoiceCall,
  party: Party,
  status: "dropped" | "failed",
  cause: "hung_up" | LegFailed["cause"],
  now: Instant,
): TenantEvent[] {
  const gone = left(task.id, party, status, cause, now);
  const after: VoiceCall = {
    ...call,
    parties: call.parties.map((p) => (p.id === party.id ? { ...p, leg: gone.leg } : p)),
  };
  return [gone, ...(call.consult ? [] : ownerAloneEnds(s, task, after, now))];
}
