import { assertNever } from "../../shared/assertNever.ts";
import type { TenantState } from "../../tenant/state.ts";
import type { FederationEvent } from "./events.ts";
import type { FederationSync } from "./state.ts";

const EMPTY: FederationSync = { sync: null, requested: null };

/** Records what the feed reported and what Parley asked for, on the agent's login record. */
export function evolveFederation(state: TenantState, e: FederationEvent): void {
  const agent = state.agents.get(e.agentId);
  if (!agent) return;
  const current = agent.federation ?? EMPTY;
  switch (e.type) {
    case "presence.external_observed": {
      const { requested } = current;
      agent.federation = {
        sync: {
          external: e.presence,
          source: e.source,
          observedAt: e.observedAt,
          appliedAt: e.at,
          lag: e.lag,
        },
        requested: requested && e.request ? { ...requested, outcome: e.request } : requested,
      };
      return;
    }
    case "presence.external_requested":
      agent.federation = {
        ...current,
        requested: { presence: e.status, taskId: e.taskId, at: e.at, outcome: "pending" },
      };
      return;
    default:
      assertNever(e);
  }
}
