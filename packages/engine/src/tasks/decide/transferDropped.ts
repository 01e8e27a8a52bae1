import type { Instant } from "../../shared/time.ts";
import type { TenantEvent } from "../../tenant/messages.ts";
import { left } from "../../voice/decide/legs.ts";
import { customerOf, isUp } from "../../voice/state.ts";
import type { TaskOf } from "../state.ts";

/**
 * A call transferred straight to an agent who does not take it is dropped, not queued again
 * (XFR-3). Nothing for routed offers, which go back to their queue.
 */
export function transferDropped(task: TaskOf<"offered">, now: Instant): TenantEvent[] {
  if (task.offer.kind !== "transfer") return [];
  const customer = task.call && customerOf(task.call);
  return [
    ...(customer && isUp(customer) ? [left(task.id, customer, "dropped", "no_answer", now)] : []),
    { type: "task.canceled", at: now, taskId: task.id, reason: "transfer_failed", agentId: null },
  ];
}
