import { accept, type Decision } from "../../shared/decision.ts";
import { activeTask, isRejection } from "../../shared/guards.ts";
import type { Instant } from "../../shared/time.ts";
import { seconds } from "../../shared/time.ts";
import type { TenantEvent } from "../../tenant/messages.ts";
import type { TenantState } from "../../tenant/state.ts";
import { decideLegHungUp } from "../../voice/decide/farEnd.ts";
import { decideVoiceEnd } from "../../voice/decide/leave.ts";
import { CUSTOMER } from "../../voice/state.ts";
import type { CustomerLeft, EndTask } from "../commands.ts";
import type { TaskEnded } from "../events.ts";
import type { TaskOf } from "../state.ts";
import { ownedBy } from "./offerOf.ts";
import { stateAfterOutdial } from "./outdial.ts";

function ended(s: TenantState, task: TaskOf<"assigned">, by: TaskEnded["by"], now: Instant): TenantEvent[] {
  const profileId = s.agents.get(task.agentId)?.profileId;
  const auto = profileId === undefined ? undefined : s.config?.profiles.get(profileId)?.autoWrapUp;
  const event: TaskEnded = {
    type: "task.ended",
    at: now,
    taskId: task.id,
    agentId: task.agentId,
    by,
    autoWrapUpAt: auto?.enabled ? now + seconds(auto.afterSec) : null,
  };
  return [event, ...stateAfterOutdial(s, task, now)];
}

/** The agent ends the interaction; wrap-up follows (WRP-2), on a timer if configured (WRP-3). */
export function decideEnd(cmd: EndTask, s: TenantState, now: Instant): Decision<TenantEvent> {
  const call = s.tasks.get(cmd.taskId);
  if (call?.call) return decideVoiceEnd(cmd, s, now);
  const task = ownedBy(s, cmd.taskId, cmd.agentId, "assigned");
  if (isRejection(task)) return task;
  return accept(...ended(s, task, "agent", now));
}

/**
 * The customer went away. Waiting or offered, the contact is abandoned and any offer withdrawn;
 * connected, it ends and the agent wraps up; in wrap-up it changes nothing.
 */
export function decideCustomerLeft(cmd: CustomerLeft, s: TenantState, now: Instant): Decision<TenantEvent> {
  const task = activeTask(s, cmd.taskId);
  if (isRejection(task)) return task;
  if (task.call) return decideLegHungUp({ type: "LegHungUp", taskId: task.id, partyId: CUSTOMER }, s, now);
  switch (task.status) {
    case "queued":
    case "offered":
      return accept({
        type: "task.canceled",
        at: now,
        taskId: task.id,
        reason: "abandoned",
        agentId: task.status === "offered" ? task.offer.agentId : null,
      });
    case "assigned":
      return accept(...ended(s, task, "customer", now));
    case "wrapping":
    case "parked":
    case "scheduled":
      return accept();
  }
}
