import { accept, type Decision } from "../../shared/decision.ts";
import { isRejection } from "../../shared/guards.ts";
import type { Instant } from "../../shared/time.ts";
import type { TenantState } from "../../tenant/state.ts";
import type { DeclineTask } from "../commands.ts";
import type { TaskEvent } from "../events.ts";
import { offeredTo } from "./offerOf.ts";

/** Decline: the task goes back to its place in the queue and on to someone else. */
export function decideDecline(cmd: DeclineTask, s: TenantState, now: Instant): Decision<TaskEvent> {
  const task = offeredTo(s, cmd.taskId, cmd.agentId);
  if (isRejection(task)) return task;
  return accept({ type: "offer.declined", at: now, taskId: task.id, agentId: cmd.agentId });
}
