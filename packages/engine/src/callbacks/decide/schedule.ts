import type { ConfigLookup } from "../../config/lookup.ts";
import type { EntryPoint } from "../../config/types.ts";
import { accept, type Decision, type Rejection, reject } from "../../shared/decision.ts";
import { configOf, isRejection, loggedInAgent } from "../../shared/guards.ts";
import type { AgentId } from "../../shared/ids.ts";
import type { Instant } from "../../shared/time.ts";
import type { TenantState } from "../../tenant/state.ts";
import { variablesFor } from "../../variables/startFor.ts";
import type { TaskVariables } from "../../variables/types.ts";
import type { CallbackAssignee, DeleteCallback, ScheduleCallback, UpdateCallback } from "../commands.ts";
import type { CallbackEvent } from "../events.ts";
import { type CallbackRequest, type CallbackWindow, checkSchedule } from "../schedule.ts";
import { CALLBACK_REASON_VARIABLE, type Callback, PERSONAL_CALLBACK_PRIORITY } from "../state.ts";

/** CB-8: callbacks are scheduled through an active callback entry point. */
export function callbackEntryPoint(config: ConfigLookup, entryPointId: string): EntryPoint | Rejection {
  const ep = config.entryPoints.get(entryPointId);
  if (!ep) return reject("UNKNOWN_ENTRY_POINT", `There is no entry point ${entryPointId}`);
  if (ep.kind !== "callback")
    return reject("ENTRY_POINT_NOT_CALLBACK", `Entry point ${ep.name} is not for callbacks`);
  if (!ep.active) return reject("ENTRY_POINT_INACTIVE", `Entry point ${ep.name} is not active`);
  return ep;
}

function windowOf(request: CallbackRequest, now: Instant): CallbackWindow | Rejection {
  const checked = checkSchedule(request, now);
  if (checked.ok) return checked.window;
  return reject("CALLBACK_INVALID", `The callback has ${checked.problems.length} problem(s)`, {
    problems: checked.problems,
  });
}

/** CB-7: the reason is kept in the flow's callback-reason variable, when the flow has one. */
export function callbackVariables(
  config: ConfigLookup,
  ep: EntryPoint,
  reason: string | null,
): TaskVariables | Rejection {
  const flow = ep.flowId === undefined ? undefined : config.flows.get(ep.flowId);
  const keeps = reason !== null && flow?.variables.some((v) => v.name === CALLBACK_REASON_VARIABLE);
  return variablesFor(config, ep, keeps ? { [CALLBACK_REASON_VARIABLE]: reason } : {});
}

function assigneeOf(s: TenantState, by: AgentId, to: CallbackAssignee): AgentId | null | Rejection {
  if (to.kind === "any") return null;
  if (to.kind === "me") return by;
  const user = s.config?.users.get(to.agentId);
  const team = s.agents.get(by)?.station.teamId;
  if (!user?.roles.includes("agent") || !team || !user.teamIds.includes(team))
    return reject("CALLBACK_ASSIGNEE_INVALID", `Agent ${to.agentId} is not an agent of the same team`);
  return to.agentId;
}

/**
 * Schedule a callback: checked the CB-4 way, through an active callback entry point whose voice
 * queue the agent's team serves, for any agent, the agent, or a colleague of the same team
 * (personal, with priority). It waits, untimed for routing, until its window opens.
 * Implements CB-1, CB-4, CB-6, CB-7, CB-8.
 */
export function decideScheduleCallback(
  cmd: ScheduleCallback,
  s: TenantState,
  now: Instant,
): Decision<CallbackEvent> {
  const config = configOf(s);
  if (isRejection(config)) return config;
  const agent = loggedInAgent(s, cmd.agentId);
  if (isRejection(agent)) return agent;
  if (s.tasks.has(cmd.taskId)) return reject("TASK_EXISTS", `Task ${cmd.taskId} already exists`);
  const ep = callbackEntryPoint(config, cmd.entryPointId);
  if (isRejection(ep)) return ep;
  const queue = config.queues.get(ep.queueId);
  if (queue?.channel !== "voice" || !queue.teamIds.includes(agent.station.teamId))
    return reject(
      "QUEUE_NOT_AVAILABLE",
      `Queue ${queue?.name ?? ep.queueId} is not a voice queue of the agent's team`,
    );
  const window = windowOf(cmd.request, now);
  if (isRejection(window)) return window;
  const assignee = assigneeOf(s, cmd.agentId, cmd.assignTo);
  if (isRejection(assignee)) return assignee;
  const variables = callbackVariables(config, ep, window.reason);
  if (isRejection(variables)) return variables;
  const callback: Callback = {
    kind: assignee ? "personal" : "scheduled",
    number: window.number,
    name: window.name,
    window: { start: window.start, end: window.end, timeZone: window.timeZone },
    reason: window.reason,
    assignee,
    scheduledBy: cmd.agentId,
    attempts: 0,
  };
  return accept({
    type: "callback.created",
    at: now,
    taskId: cmd.taskId,
    agentId: cmd.agentId,
    entryPointId: ep.id,
    queueId: ep.queueId,
    callback,
    priority: assignee ? PERSONAL_CALLBACK_PRIORITY : 0,
    variables,
    dueAt: window.start,
  });
}

/** A scheduled callback that has not started: only those can change (CB-5). */
function notStarted(s: TenantState, taskId: string, now: Instant) {
  const task = s.tasks.get(taskId as never);
  if (!task?.callback) return reject("UNKNOWN_CALLBACK", `There is no scheduled callback ${taskId}`);
  if (task.status !== "scheduled" || !task.callback.window || now >= task.callback.window.start)
    return reject("CALLBACK_STARTED", "The callback's start time has passed: it can no longer change");
  return { task, callback: task.callback };
}

/** CB-5: edit a scheduled callback before its start. Implements CB-4, CB-5. */
export function decideUpdateCallback(
  cmd: UpdateCallback,
  s: TenantState,
  now: Instant,
): Decision<CallbackEvent> {
  const found = notStarted(s, cmd.taskId, now);
  if (isRejection(found)) return found;
  const window = windowOf(cmd.request, now);
  if (isRejection(window)) return window;
  const callback: Callback = {
    ...found.callback,
    number: window.number,
    name: window.name,
    window: { start: window.start, end: window.end, timeZone: window.timeZone },
    reason: window.reason,
  };
  return accept({
    type: "callback.updated",
    at: now,
    taskId: found.task.id,
    agentId: cmd.agentId,
    callback,
    dueAt: window.start,
  });
}

/** CB-5: delete a scheduled callback before its start. */
export function decideDeleteCallback(
  cmd: DeleteCallback,
  s: TenantState,
  now: Instant,
): Decision<CallbackEvent> {
  const found = notStarted(s, cmd.taskId, now);
  if (isRejection(found)) return found;
  return accept({ type: "callback.deleted", at: now, taskId: found.task.id, agentId: cmd.agentId });
}
