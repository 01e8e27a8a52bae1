import { type Rejection, reject } from "../../shared/decision.ts";
import { activeTask, isRejection } from "../../shared/guards.ts";
import type { AgentId, TaskId } from "../../shared/ids.ts";
import type { TenantState } from "../../tenant/state.ts";
import type { TaskOf } from "../state.ts";

/** The task, if it is offered to this agent right now. */
export function offeredTo(s: TenantState, taskId: TaskId, agentId: AgentId): TaskOf<"offered"> | Rejection {
  const task = activeTask(s, taskId);
  if (isRejection(task)) return task;
  if (task.status !== "offered" || task.offer.agentId !== agentId)
    return reject("NOT_OFFERED_TO_AGENT", `Task ${taskId} is not offered to agent ${agentId}`, {
      taskId,
      status: task.status,
    });
  return task;
}

/** The task, if this agent owns it and it is in the given status. */
export function ownedBy<S extends "assigned" | "wrapping">(
  s: TenantState,
  taskId: TaskId,
  agentId: AgentId,
  status: S,
): TaskOf<S> | Rejection {
  const task = activeTask(s, taskId);
  if (isRejection(task)) return task;
  if (
    task.status === "queued" ||
    task.status === "offered" ||
    task.status === "parked" ||
    task.status === "scheduled" ||
    task.agentId !== agentId
  )
    return reject("NOT_TASK_OWNER", `Task ${taskId} is not assigned to agent ${agentId}`, { taskId });
  if (task.status !== status)
    return status === "wrapping"
      ? reject("TASK_NOT_WRAPPING", `Task ${taskId} is not in wrap-up`, { taskId })
      : reject("TASK_NOT_ACTIVE", `Task ${taskId} has already ended`, { taskId });
  return task as TaskOf<S>;
}
