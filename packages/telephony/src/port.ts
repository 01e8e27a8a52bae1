import type { Command, Instant, TenantEvent } from "@parley/engine";

/** What a switch reports to the engine: far-end facts about offers and call legs. */
export type SwitchCommand = Extract<
  Command,
  {
    type:
      | "ConfirmOfferDelivered"
      | "AcceptTask"
      | "ReportOfferFailed"
      | "LegAnswered"
      | "LegFailed"
      | "LegHungUp"
      // A caller who hangs up before any agent answered has no leg yet: that is an abandon.
      | "CustomerLeft";
  }
>;

export type LegFailureCause = Extract<SwitchCommand, { type: "LegFailed" }>["cause"];
export type OfferFailureCause = Extract<SwitchCommand, { type: "ReportOfferFailed" }>["cause"];

/**
 * The seam between the engine and a switch (the simulated one here; SIP or PBX adapters later).
 *
 * It is pull-based on purpose: the engine's host owns time — a virtual clock in tests and the
 * simulator, the wall clock in the server — so an adapter never calls back on its own. The host
 * hands it every event the engine emits, asks `nextDueAt()` when to come back, and at that time
 * feeds `due(now)` to the engine as commands. A real adapter buffers what the switch told it and
 * returns it from `due`, with `nextDueAt()` = now while anything is buffered.
 *
 * A call transferred out to a number (XFR-1: `task.transferred` to a number, or `task.ended` after
 * a consult transfer to one) leaves the contact center: the switch connects the customer and the
 * number and forgets the call. The `participant.left` events (cause `transferred`) that follow
 * record it; they hang nothing up.
 */
export interface TelephonyPort {
  /** Learn what the engine wants of the switch: ring, dial, hold, retrieve, bridge, hang up. */
  handle(event: TenantEvent, now: Instant): void;
  /** What happened at the far end by `now`, oldest first; each fact is returned once. */
  due(now: Instant): SwitchCommand[];
  /** When `due` will next have something; null when nothing is pending. */
  nextDueAt(): Instant | null;
}
