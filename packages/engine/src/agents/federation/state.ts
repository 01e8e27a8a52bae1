import type { TaskId } from "../../shared/ids.ts";
import type { Duration, Instant } from "../../shared/time.ts";

/** A presence in the CRM or collaboration tool (Dynamics 365, Teams), as the host's feed reports it. */
export type ExternalPresence = "available" | "busy" | "do_not_disturb" | "appear_away" | "offline";

export const EXTERNAL_PRESENCES: readonly ExternalPresence[] = [
  "available",
  "busy",
  "do_not_disturb",
  "appear_away",
  "offline",
];

/** Set by the person in the tool, or by the tool itself (e.g. accepting a chat there). */
export type PresenceSource = "manual" | "automatic";

/** FED-4: the external presence last taken in, and how far the feed lagged behind it. */
export interface PresenceSync {
  readonly external: ExternalPresence;
  readonly source: PresenceSource;
  /** When the tool saw the change, as the feed says. */
  readonly observedAt: Instant;
  /** When Parley took it in. */
  readonly appliedAt: Instant;
  /** `appliedAt − observedAt`, never negative: usually up to ~12 s. */
  readonly lag: Duration;
}

/**
 * FED-3: the external presence Parley last asked for. `pending` until the feed shows it
 * (`confirmed`), or shows something else that is newer, or the wait runs out (`superseded`).
 */
export interface PresenceRequest {
  readonly presence: ExternalPresence;
  /** The call that became active. */
  readonly taskId: TaskId;
  readonly at: Instant;
  readonly outcome: "pending" | "confirmed" | "superseded";
}

/** An agent's side of presence federation, for this login: what came in and what went out. */
export interface FederationSync {
  readonly sync: PresenceSync | null;
  readonly requested: PresenceRequest | null;
}
