import { DIGITAL_CHANNELS } from "../../shared/channels.ts";
import { accept, type Decision, reject } from "../../shared/decision.ts";
import { isRejection, loggedInAgent } from "../../shared/guards.ts";
import type { Instant } from "../../shared/time.ts";
import type { TenantEvent } from "../../tenant/messages.ts";
import type { TenantState } from "../../tenant/state.ts";
import { joined, newAgentParty, newCustomerParty } from "../../voice/decide/legs.ts";
import type { AcceptAllDigital, AcceptTask } from "../commands.ts";
import type { TaskEvent } from "../events.ts";
import { offeredTo } from "./offerOf.ts";

/**
 * Accept a contact request. While it is still connecting there is nothing to accept yet; once
 * its time is up it is RONA, even if the host's timer has not fired yet. Implements RTE-2, RTE-3.
 */
export function decideAccept(cmd: AcceptTask, s: TenantState, now: Instant): Decision<TenantEvent> {
  const task = offeredTo(s, cmd.taskId, cmd.agentId);
  if (isRejection(task)) return task;
  if (task.offer.phase === "connecting")
    return reject("OFFER_NOT_DELIVERED", `Task ${task.id} is still connecting to the agent`, {
      taskId: task.id,
    });
  if (now >= task.offer.expiresAt)
    return reject("OFFER_EXPIRED", `The request for task ${task.id} has timed out`, { taskId: task.id });
  const assigned: TaskEvent = { type: "task.assigned", at: now, taskId: task.id, agentId: cmd.agentId };
  if (task.channel !== "voice") return accept(assigned);
  // POP-9: answered on the agent's device, the call connects the customer and the agent; for a
  // callback the system now dials the customer (CB-2).
  const customerLeg = task.callback ? "alerting" : "connected";
  return accept<TenantEvent>(
    assigned,
    joined(task.id, newCustomerParty(task.customer.address ?? null, customerLeg, now), now),
    joined(task.id, newAgentParty(cmd.agentId, "main", "connected", now), now),
  );
}

/** "Accept N requests": every delivered digital offer of the agent at once. Implements POP-4. */
export function decideAcceptAll(cmd: AcceptAllDigital, s: TenantState, now: Instant): Decision<TaskEvent> {
  const agent = loggedInAgent(s, cmd.agentId);
  if (isRejection(agent)) return agent;
  const events: TaskEvent[] = [];
  for (const taskId of agent.offers) {
    const task = s.tasks.get(taskId);
    if (
      task?.status === "offered" &&
      task.offer.phase === "requested" &&
      now < task.offer.expiresAt &&
      DIGITAL_CHANNELS.includes(task.channel)
    )
      events.push({ type: "task.assigned", at: now, taskId, agentId: agent.id });
  }
  if (events.length === 0)
    return reject("NOTHING_TO_ACCEPT", "There is no digital contact request to accept");
  return accept(...events);
}
