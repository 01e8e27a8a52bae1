import { applyPendingAfter } from "../../agents/afterLastInteraction.ts";
import { accept, type Decision, reject } from "../../shared/decision.ts";
import { configOf, isRejection } from "../../shared/guards.ts";
import type { AuxCodeId, TaskId } from "../../shared/ids.ts";
import type { Instant } from "../../shared/time.ts";
import type { TenantEvent } from "../../tenant/messages.ts";
import type { TenantState } from "../../tenant/state.ts";
import type { WrapUpTask } from "../commands.ts";
import type { TaskWrappedUp } from "../events.ts";
import type { TaskOf } from "../state.ts";
import { ownedBy } from "./offerOf.ts";

function wrappedUp(
  s: TenantState,
  task: TaskOf<"wrapping">,
  codeId: AuxCodeId,
  auto: boolean,
  now: Instant,
): TenantEvent[] {
  const event: TaskWrappedUp = {
    type: "task.wrapup",
    at: now,
    taskId: task.id,
    agentId: task.agentId,
    codeId,
    auto,
    durations: {
      waited: task.assignedAt - task.createdAt,
      handled: task.endedAt - task.assignedAt,
      wrappedUp: now - task.endedAt,
      total: now - task.createdAt,
    },
  };
  const agent = s.agents.get(task.agentId);
  return agent ? [event, ...applyPendingAfter(agent, task.id, now)] : [event];
}

/**
 * Submit wrap-up with a code of the agent's profile: the interaction ends for the agent, whose
 * chosen state carries on — Available stays Available, Idle stays Idle. Implements WRP-1, WRP-3.
 */
export function decideWrapUp(cmd: WrapUpTask, s: TenantState, now: Instant): Decision<TenantEvent> {
  const config = configOf(s);
  if (isRejection(config)) return config;
  const task = ownedBy(s, cmd.taskId, cmd.agentId, "wrapping");
  if (isRejection(task)) return task;
  const code = config.auxCodes.get(cmd.codeId);
  if (code?.kind !== "WRAP_UP")
    return reject("UNKNOWN_WRAPUP_CODE", `"${cmd.codeId}" is not a wrap-up code`, { codeId: cmd.codeId });
  const profileId = s.agents.get(task.agentId)?.profileId;
  if (!profileId || !config.profiles.get(profileId)?.wrapUpCodeIds.includes(code.id))
    return reject("WRAPUP_CODE_NOT_ALLOWED", `Wrap-up code "${code.name}" is not in this agent's profile`);
  return accept(...wrappedUp(s, task, code.id, false, now));
}

/** Auto wrap-up: the timer applies the default wrap-up code for the agent. Implements WRP-3. */
export function decideAutoWrapUp(taskId: TaskId, s: TenantState, now: Instant): Decision<TenantEvent> {
  const task = s.tasks.get(taskId);
  if (task?.status !== "wrapping" || !s.config) return accept();
  return accept(...wrappedUp(s, task, s.config.defaultWrapUpCode.id, true, now));
}
