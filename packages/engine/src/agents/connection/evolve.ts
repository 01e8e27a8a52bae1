import { assertNever } from "../../shared/assertNever.ts";
import type { TenantState } from "../../tenant/state.ts";
import type { ConnectionEvent } from "./events.ts";

/**
 * Applies a connection event to its agent. The grace timer lives exactly as long as the
 * `unavailable` connection it guards; a logout clears it too (see `evolveAgent`).
 */
export function evolveConnection(state: TenantState, e: ConnectionEvent): void {
  const agent = state.agents.get(e.agentId);
  if (!agent || agent.generation !== e.generation) return;
  switch (e.type) {
    case "agent.connection.lost":
      agent.connection = { status: "unavailable", since: e.at, graceUntil: e.graceUntil, cause: e.cause };
      state.timers.setForAgent("disconnect_grace", agent.id, e.graceUntil);
      return;
    case "agent.connection.restored":
      agent.connection = { status: "connected", since: e.at };
      state.timers.clearForAgent("disconnect_grace", agent.id);
      return;
    case "agent.connection.grace_expired": {
      const lost = agent.connection;
      if (lost.status === "unavailable")
        agent.connection = { status: "disconnected", since: lost.since, cause: lost.cause };
      state.timers.clearForAgent("disconnect_grace", agent.id);
      return;
    }
    default:
      assertNever(e);
  }
}
