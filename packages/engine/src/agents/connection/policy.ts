import { DEFAULT_DISCONNECT_POLICY } from "../../config/defaults.ts";
import type { DisconnectPolicy } from "../../config/types.ts";
import type { TenantState } from "../../tenant/state.ts";
import type { AgentState } from "../state.ts";

/** The disconnect policy of the agent's desktop profile (CON-1…CON-3). */
export const policyOf = (s: TenantState, agent: AgentState): DisconnectPolicy =>
  s.config?.profiles.get(agent.profileId)?.disconnect ?? DEFAULT_DISCONNECT_POLICY;
