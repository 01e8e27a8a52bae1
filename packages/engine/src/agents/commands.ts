import type { Actor } from "../shared/actor.ts";
import type { AgentId, AuxCodeId, TeamId } from "../shared/ids.ts";
import type { Device } from "./state.ts";

export interface StationChoice {
  readonly teamId: TeamId;
  readonly device: Device;
  readonly address?: string | null;
  readonly line?: string | null;
}

/** The states an agent (or supervisor) may choose. RONA is the system's alone (AGT-5). */
export type ChosenState =
  | { readonly type: "available" }
  | { readonly type: "idle"; readonly codeId?: AuxCodeId };

export type ChosenPending = ChosenState | { readonly type: "logged_out" };

export interface LoginAgent {
  readonly type: "LoginAgent";
  readonly agentId: AgentId;
  readonly station: StationChoice;
}

export interface LogoutAgent {
  readonly type: "LogoutAgent";
  readonly agentId: AgentId;
  readonly by: Actor;
}

export interface ChangeAgentState {
  readonly type: "ChangeAgentState";
  readonly agentId: AgentId;
  readonly to: ChosenState | { readonly type: "rona" };
  readonly by: Actor;
}

/** Choose the state to take when the last interaction ends; null withdraws it. */
export interface SetPendingAgentState {
  readonly type: "SetPendingAgentState";
  readonly agentId: AgentId;
  readonly pending: ChosenPending | null;
}

export type AgentCommand = LoginAgent | LogoutAgent | ChangeAgentState | SetPendingAgentState;
