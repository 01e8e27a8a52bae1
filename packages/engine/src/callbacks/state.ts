import type { AgentId } from "../shared/ids.ts";
import type { Instant } from "../shared/time.ts";

/**
 * CB-1: a courtesy callback replaces waiting in the queue; a web callback comes from a website or
 * bot; a scheduled callback is for a later window; a personal one is for one agent.
 */
export type CallbackKind = "courtesy" | "web" | "scheduled" | "personal";

/** What makes a voice task a callback: whom to call, when, and for whom. */
export interface Callback {
  readonly kind: CallbackKind;
  readonly number: string;
  readonly name: string | null;
  /** The window to call in; null for callbacks that are due at once. */
  readonly window: { readonly start: Instant; readonly end: Instant; readonly timeZone: string } | null;
  /** CB-7: kept as a CAD variable too, when the flow has one. */
  readonly reason: string | null;
  /** CB-6: offered to this agent only; null for any agent of the queue. */
  readonly assignee: AgentId | null;
  /** Who scheduled it, if an agent did. */
  readonly scheduledBy: AgentId | null;
  /** Attempts to reach the customer so far. */
  readonly attempts: number;
}

/** CB-6: a personal callback comes before everything else in the assignee's queues. */
export const PERSONAL_CALLBACK_PRIORITY = 100;

/** The flow variable a callback's reason is kept in (CB-7), when the flow defines it. */
export const CALLBACK_REASON_VARIABLE = "callbackReason";
