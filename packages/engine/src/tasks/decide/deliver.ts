import { accept, type Decision } from "../../shared/decision.ts";
import { isRejection } from "../../shared/guards.ts";
import type { Instant } from "../../shared/time.ts";
import type { TenantState } from "../../tenant/state.ts";
import type { ConfirmOfferDelivered } from "../commands.ts";
import type { TaskEvent } from "../events.ts";
import { offeredTo } from "./offerOf.ts";

/** The connecting popover becomes the contact request the agent acts on. Implements RTE-2. */
export function decideDelivered(
  cmd: ConfirmOfferDelivered,
  s: TenantState,
  now: Instant,
): Decision<TaskEvent> {
  const task = offeredTo(s, cmd.taskId, cmd.agentId);
  if (isRejection(task)) return task;
  if (task.offer.phase === "requested") return accept();
  return accept({ type: "offer.delivered", at: now, taskId: task.id, agentId: cmd.agentId });
}
