import type { PerChannel } from "../shared/channels.ts";
import type { TenantState } from "../tenant/state.ts";
import type { AgentState } from "./state.ts";

const NONE: PerChannel<number> = { voice: 0, chat: 0, email: 0, social: 0 };

export const capacityOf = (state: TenantState, agent: AgentState): PerChannel<number> =>
  state.config?.profiles.get(agent.profileId)?.capacity ?? NONE;

/** Puts the agent back in the routing lines its presence and load now call for. */
export const refile = (state: TenantState, agent: AgentState): void =>
  state.ready.update(agent, capacityOf(state, agent));
