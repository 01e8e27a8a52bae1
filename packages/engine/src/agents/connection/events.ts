import type { AgentId } from "../../shared/ids.ts";
import type { Instant } from "../../shared/time.ts";
import type { DisconnectCause } from "./state.ts";

/** The desktop went away: the grace runs until `graceUntil` (CON-1, CON-2). */
export interface AgentConnectionLost {
  readonly type: "agent.connection.lost";
  readonly at: Instant;
  readonly agentId: AgentId;
  readonly generation: number;
  readonly cause: DisconnectCause;
  readonly graceUntil: Instant;
}

/** A desktop is back: a running grace is cancelled, the agent's state is untouched (CON-4). */
export interface AgentConnectionRestored {
  readonly type: "agent.connection.restored";
  readonly at: Instant;
  readonly agentId: AgentId;
  readonly generation: number;
}

/**
 * What the policy did when the grace ran out: `logged_out` (LOAD on, nothing in hand),
 * `logout_deferred` (LOAD on, interactions still open: Not Ready now, logged out after the last one),
 * `not_ready` (LOAD off, CON-3). The agent and offer events that carry it out follow this one.
 */
export type DisconnectOutcome = "logged_out" | "logout_deferred" | "not_ready";

export interface AgentDisconnectGraceExpired {
  readonly type: "agent.connection.grace_expired";
  readonly at: Instant;
  readonly agentId: AgentId;
  readonly generation: number;
  readonly outcome: DisconnectOutcome;
}

export type ConnectionEvent = AgentConnectionLost | AgentConnectionRestored | AgentDisconnectGraceExpired;

/** Connection events share the `agent.` prefix with agent events, so test for them first. */
export const isConnectionEvent = (e: { readonly type: string }): e is ConnectionEvent =>
  e.type.startsWith("agent.connection.");
