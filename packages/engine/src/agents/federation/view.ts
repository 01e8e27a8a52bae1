import type { AgentId } from "../../shared/ids.ts";
import { type Duration, seconds } from "../../shared/time.ts";
import type { TenantState } from "../../tenant/state.ts";
import { federationOf } from "./config.ts";
import type { PresenceRequest, PresenceSync } from "./state.ts";

/** FED-4: the feed usually lags up to ~12 s; beyond that the profile shows the sync as delayed. */
export const USUAL_SYNC_LAG: Duration = seconds(12);

/**
 * What the user profile shows about presence federation. `federation: "off"`: reports are still
 * recorded but change nothing. `waiting` until the feed reports a presence for this login, then
 * the last report with its lag — `delayed` when it lagged beyond the usual ~12 s.
 */
export type PresenceSyncView = {
  readonly federation: "on" | "off";
  /** What Parley last asked the tool to show (FED-3), and whether the feed has shown it since. */
  readonly requested: PresenceRequest | null;
} & ({ readonly status: "waiting" } | (PresenceSync & { readonly status: "in_sync" | "delayed" }));

/** The sync status of a logged-in agent; null for an agent who is not logged in. Implements FED-4. */
export function presenceSync(s: TenantState, agentId: AgentId): PresenceSyncView | null {
  const agent = s.agents.get(agentId);
  if (!agent) return null;
  const federation = federationOf(s.config) === null ? "off" : "on";
  const requested = agent.federation?.requested ?? null;
  const sync = agent.federation?.sync ?? null;
  if (sync === null) return { federation, requested, status: "waiting" };
  return { federation, requested, ...sync, status: sync.lag > USUAL_SYNC_LAG ? "delayed" : "in_sync" };
}
