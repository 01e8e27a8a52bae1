import type { PresenceValue } from "../agents/state.ts";
import type { Actor } from "../shared/actor.ts";
import type { AgentId } from "../shared/ids.ts";
import type { Instant } from "../shared/time.ts";
import type { TenantEvent } from "../tenant/messages.ts";

export type HistoryState = PresenceValue | { readonly type: "logged_out" };

/** One row of the agent state report (AGT-11). */
export interface StateHistoryRow {
  readonly agentId: AgentId;
  readonly at: Instant;
  readonly from: HistoryState;
  readonly to: HistoryState;
  /** The idle code chosen, or a reserved system reason code. */
  readonly reason: string | number | null;
  readonly actor: Actor;
}

const LOGGED_OUT = { type: "logged_out" } as const;

/** Every agent state change in the events, in order: login and logout included. Implements AGT-11. */
export function stateHistory(events: Iterable<TenantEvent>): StateHistoryRow[] {
  const rows: StateHistoryRow[] = [];
  for (const e of events) {
    if (e.type === "agent.logged_in")
      rows.push({
        agentId: e.agentId,
        at: e.at,
        from: LOGGED_OUT,
        to: e.to,
        reason: e.to.type === "idle" ? e.to.codeId : null,
        actor: { kind: "agent", id: e.agentId },
      });
    else if (e.type === "agent.state.changed")
      rows.push({
        agentId: e.agentId,
        at: e.at,
        from: e.from,
        to: e.to,
        reason: e.reasonCode ?? (e.to.type === "idle" ? e.to.codeId : null),
        actor: e.actor,
      });
    else if (e.type === "agent.logged_out")
      rows.push({
        agentId: e.agentId,
        at: e.at,
        from: e.from,
        to: LOGGED_OUT,
        reason: e.reasonCode,
        actor: e.actor,
      });
  }
  return rows;
}
