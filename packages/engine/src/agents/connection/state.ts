import type { Instant } from "../../shared/time.ts";

/** Why the server counts a desktop as gone: it said so (CON-1), or its heartbeats stopped (CON-2). */
export type DisconnectCause = "desktop_closed" | "heartbeats_missed";

/**
 * The desktop's link to the server, as the host reports it. It is not the agent's presence: the
 * disconnect policy changes presence only when the grace runs out, so a desktop that comes back in
 * time finds the agent exactly as it left them (CON-4).
 *
 * - `connected`: a desktop of this login is attached (since login or the last reconnect).
 * - `unavailable`: the desktop went away at `since`; the policy applies at `graceUntil` (CON-1, CON-2).
 * - `disconnected`: the grace ran out but the agent is still logged in, Not Ready or with a logout
 *   owed until the last interaction ends (CON-3); a reconnect brings the desktop back to them.
 *
 * During the grace the agent stays routable, as with Finesse, where the agent state is untouched
 * until the code-255 request: an extension or phone may still ring and be answered, and an offer
 * that reaches nobody ends in RONA as any other would.
 */
export type Connection =
  | { readonly status: "connected"; readonly since: Instant }
  | {
      readonly status: "unavailable";
      readonly since: Instant;
      readonly graceUntil: Instant;
      readonly cause: DisconnectCause;
    }
  | { readonly status: "disconnected"; readonly since: Instant; readonly cause: DisconnectCause };
