import type { Actor } from "../shared/actor.ts";
import type { AgentId, ProfileId } from "../shared/ids.ts";
import type { Instant } from "../shared/time.ts";
import type { PendingState, PresenceValue, Station } from "./state.ts";

/** AGT-1: login puts the agent Idle with the default idle code. */
export interface AgentLoggedIn {
  readonly type: "agent.logged_in";
  readonly at: Instant;
  readonly agentId: AgentId;
  readonly profileId: ProfileId;
  readonly station: Station;
  readonly generation: number;
  readonly to: PresenceValue;
}

/** Why the system changed a state by itself, beside the reason code. */
export type StateChangeCause =
  | "chosen"
  | "ring_no_answer"
  | "device_unreachable"
  | "pending_applied"
  | "outdial_ended"
  | "consult_unanswered"
  | "presence_federation"
  | "disconnected"
  | "device_lost";

/** AGT-11: every change carries time, previous state, new state, reason and actor. */
export interface AgentStateChanged {
  readonly type: "agent.state.changed";
  readonly at: Instant;
  readonly agentId: AgentId;
  readonly from: PresenceValue;
  readonly to: PresenceValue;
  readonly cause: StateChangeCause;
  /** A reserved system reason code (see SYSTEM_REASON), or null for the agent's own choice. */
  readonly reasonCode: number | null;
  readonly actor: Actor;
}

export interface AgentLoggedOut {
  readonly type: "agent.logged_out";
  readonly at: Instant;
  readonly agentId: AgentId;
  readonly from: PresenceValue;
  /** `disconnected`: the desktop's grace ran out (CON-1); `device_lost`: the phone went away (CON-6). */
  readonly cause: "chosen" | "pending_applied" | "disconnected" | "device_lost";
  readonly reasonCode: number | null;
  readonly actor: Actor;
}

export interface AgentPendingStateSet {
  readonly type: "agent.pending_state.set";
  readonly at: Instant;
  readonly agentId: AgentId;
  readonly pending: PendingState | null;
}

export type AgentEvent = AgentLoggedIn | AgentStateChanged | AgentLoggedOut | AgentPendingStateSet;
