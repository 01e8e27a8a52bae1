import { accept, type Decision } from "../../shared/decision.ts";
import { isRejection } from "../../shared/guards.ts";
import type { Instant } from "../../shared/time.ts";
import type { TenantEvent } from "../../tenant/messages.ts";
import type { TenantState } from "../../tenant/state.ts";
import type { DeclineTask } from "../commands.ts";
import { offeredTo } from "./offerOf.ts";
import { transferDropped } from "./transferDropped.ts";

/** Decline: the task goes back to its place in the queue and on to someone else (a directed transfer is dropped, XFR-3). */
export function decideDecline(cmd: DeclineTask, s: TenantState, now: Instant): Decision<TenantEvent> {
  const task = offeredTo(s, cmd.taskId, cmd.agentId);
  if (isRejection(task)) return task;
  return accept<TenantEvent>(
    { type: "offer.declined", at: now, taskId: task.id, agentId: cmd.agentId },
    ...transferDropped(task, now),
  );
}
