import { type Channel, DIGITAL_CHANNELS } from "../shared/channels.ts";
import type { AgentId, TaskId } from "../shared/ids.ts";
import type { Instant } from "../shared/time.ts";
import type { Customer, Offer } from "../tasks/state.ts";
import type { TenantState } from "../tenant/state.ts";

/** POP-3: emails on top, then social, chats, and calls at the bottom. */
const STACK_ORDER: Record<Channel, number> = { email: 0, social: 1, chat: 2, voice: 3 };
export const POPOVERS_SHOWN = 5;

export interface Popover {
  readonly taskId: TaskId;
  readonly channel: Channel;
  readonly phase: Offer["phase"];
  readonly offeredAt: Instant;
  readonly expiresAt: Instant;
  readonly flashAt: Instant | null;
  readonly customer: Customer;
}

export interface PopoverStack {
  /** Every pending request, top to bottom. */
  readonly items: readonly Popover[];
  readonly total: number;
  /** POP-2: above five requests the stack shows the first five and reads `1–5 of N`. */
  readonly shown: number;
  /** POP-4: how many digital requests "Accept N requests" would take; 0 hides the button. */
  readonly acceptAllCount: number;
}

/** The agent's pending offers in popover order. Implements POP-2, POP-3, POP-4. */
export function popoverStack(s: TenantState, agentId: AgentId): PopoverStack {
  const items: Popover[] = [];
  for (const taskId of s.agents.get(agentId)?.offers ?? []) {
    const task = s.tasks.get(taskId);
    if (task?.status !== "offered") continue;
    const { phase, offeredAt, expiresAt, flashAt } = task.offer;
    items.push({
      taskId,
      channel: task.channel,
      phase,
      offeredAt,
      expiresAt,
      flashAt,
      customer: task.customer,
    });
  }
  items.sort(
    (a, b) =>
      STACK_ORDER[a.channel] - STACK_ORDER[b.channel] ||
      a.offeredAt - b.offeredAt ||
      (a.taskId < b.taskId ? -1 : 1),
  );
  return {
    items,
    total: items.length,
    shown: Math.min(items.length, POPOVERS_SHOWN),
    acceptAllCount: items.filter((p) => p.phase === "requested" && DIGITAL_CHANNELS.includes(p.channel))
      .length,
  };
}

/** The stack's caption, e.g. `1–5 of 7`; empty when everything fits. */
export const stackCaption = (stack: PopoverStack): string =>
  stack.total > POPOVERS_SHOWN ? `1–${stack.shown} of ${stack.total}` : "";
