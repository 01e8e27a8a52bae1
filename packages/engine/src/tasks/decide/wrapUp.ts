import { applyPendingAfter } from "../../agents/afterLastInteraction.ts";
import { accept, type Decision, type Rejection, reject } from "../../shared/decision.ts";
import { activeTask, configOf, isRejection } from "../../shared/guards.ts";
import type { AgentId, AuxCodeId, TaskId } from "../../shared/ids.ts";
import type { Instant } from "../../shared/time.ts";
import type { TenantEvent } from "../../tenant/messages.ts";
import type { TenantState } from "../../tenant/state.ts";
import { callEnded, consultClosed } from "../../voice/decide/consult.ts";
import { judge } from "../../voice/rules.ts";
import type { WrapUpTask } from "../commands.ts";
import type { TaskWrappedUp } from "../events.ts";
import { type Engagement, engagementOf, type Task } from "../state.ts";

type Wrapping = Extract<Engagement, { status: "wrapping" }>;

/** The agent's own wrap-up in the task: only an owner who has left wraps up (CNF-5, CNS-8). */
function wrappingOf(
  s: TenantState,
  taskId: TaskId,
  agentId: AgentId,
): { task: Task; part: Wrapping } | Rejection {
  const task = activeTask(s, taskId);
  if (isRejection(task)) return task;
  const part = engagementOf(task, agentId);
  if (part?.role !== "owner")
    return reject("NOT_TASK_OWNER", `Agent ${agentId} has no wrap-up to do for task ${taskId}`, { taskId });
  if (part.status !== "wrapping")
    return reject("TASK_NOT_WRAPPING", `Task ${taskId} is not in wrap-up`, { taskId });
  return { task, part };
}

function wrappedUp(
  s: TenantState,
  { task, part }: { task: Task; part: Wrapping },
  codeId: AuxCodeId,
  auto: boolean,
  now: Instant,
): TenantEvent[] {
  const event: TaskWrappedUp = {
    type: "task.wrapup",
    at: now,
    taskId: task.id,
    agentId: part.agentId,
    codeId,
    auto,
    durations: {
      // A callback's customer waits from its window, not from when it was scheduled.
      waited: (task.answeredAt ?? part.since) - (task.callback?.window?.start ?? task.createdAt),
      handled: part.endedAt - part.since,
      wrappedUp: now - part.endedAt,
      total: now - task.createdAt,
    },
  };
  const agent = s.agents.get(part.agentId);
  const after = agent ? applyPendingAfter(agent, task.id, now) : [];
  return [event, ...after, ...reopenedOnWrapUp(task, part, now)];
}

/**
 * DIG-3: a persistent chat closed by the agent waits for the customer once wrapped up; if the
 * customer wrote after the close, they are waiting already, so it queues again at once.
 */
function reopenedOnWrapUp(task: Task, part: Wrapping, now: Instant): TenantEvent[] {
  const lastOwner = task.agents.every((e) => e.agentId === part.agentId);
  const parks = task.status === "wrapping" && lastOwner && task.waitsUntil !== null && task.waitsUntil > now;
  const c = task.conversation;
  // A state stored before `closedAfter` existed has none: nothing is known to be new then.
  const wroteSince = c?.messages.slice(c.closedAfter ?? c.messages.length).some((m) => m.from === "customer");
  return parks && wroteSince ? [{ type: "conversation.reopened", at: now, taskId: task.id }] : [];
}

/**
 * Submit wrap-up with a code of the agent's profile: the interaction ends for the agent, whose
 * chosen state carries on — Available stays Available, Idle stays Idle. Implements WRP-1, WRP-3.
 */
export function decideWrapUp(cmd: WrapUpTask, s: TenantState, now: Instant): Decision<TenantEvent> {
  const config = configOf(s);
  if (isRejection(config)) return config;
  const closing = closeCallForWrapUp(s, cmd, now);
  const wrapping = closing ? closing.wrapping : wrappingOf(s, cmd.taskId, cmd.agentId);
  if (isRejection(wrapping)) return wrapping;
  const code = config.auxCodes.get(cmd.codeId);
  if (code?.kind !== "WRAP_UP")
    return reject("UNKNOWN_WRAPUP_CODE", `"${cmd.codeId}" is not a wrap-up code`, { codeId: cmd.codeId });
  const profileId = s.agents.get(cmd.agentId)?.profileId;
  if (!profileId || !config.profiles.get(profileId)?.wrapUpCodeIds.includes(code.id))
    return reject("WRAPUP_CODE_NOT_ALLOWED", `Wrap-up code "${code.name}" is not in this agent's profile`);
  return accept(...(closing?.events ?? []), ...wrappedUp(s, wrapping, code.id, false, now));
}

/**
 * CNS-10: the customer hung up mid-consult and the owner, still on the consult, submits wrap-up:
 * the consult closes and the call ends first.
 */
function closeCallForWrapUp(s: TenantState, cmd: WrapUpTask, now: Instant) {
  const task = s.tasks.get(cmd.taskId);
  const part = task && engagementOf(task, cmd.agentId);
  if (!task?.call || part?.status !== "active" || judge(task, cmd.agentId, "wrap_up") !== null) return null;
  const events: TenantEvent[] = [
    ...consultClosed(task, task.call, "ended", "call_ended", now),
    ...callEnded(s, task, cmd.agentId, "customer", now),
  ];
  const wrapping: Wrapping = { ...part, role: "owner", status: "wrapping", endedAt: now, autoWrapUpAt: null };
  return { events, wrapping: { task, part: wrapping } };
}

/** Auto wrap-up: the timer applies the default wrap-up code for the agent. Implements WRP-3. */
export function decideAutoWrapUp(
  taskId: TaskId,
  agentId: AgentId,
  s: TenantState,
  now: Instant,
): Decision<TenantEvent> {
  const wrapping = wrappingOf(s, taskId, agentId);
  if (isRejection(wrapping) || !s.config) return accept();
  return accept(...wrappedUp(s, wrapping, s.config.defaultWrapUpCode.id, true, now));
}
