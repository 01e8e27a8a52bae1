import { assertNever } from "../shared/assertNever.ts";
import { perChannel } from "../shared/channels.ts";
import { closesIn } from "../tasks/closedWork.ts";
import type { TenantState } from "../tenant/state.ts";
import type { AgentEvent } from "./events.ts";
import { refile } from "./refile.ts";
import type { AgentState, Presence, PresenceValue, Station } from "./state.ts";

export const deviceKey = (s: Station): string | null =>
  s.address === null ? null : `${s.device}:${s.address}${s.line === null ? "" : `#${s.line}`}`;

const toPresence = (v: PresenceValue, since: number): Presence =>
  v.type === "idle" ? { type: "idle", codeId: v.codeId, since } : { type: v.type, since };

export function evolveAgent(state: TenantState, e: AgentEvent): void {
  switch (e.type) {
    case "agent.logged_in": {
      // SES-15: the closed work items kept while logged out come back to the record.
      const closedWork = state.closedWork.get(e.agentId) ?? null;
      state.closedWork.delete(e.agentId);
      const agent: AgentState = {
        id: e.agentId,
        profileId: e.profileId,
        station: e.station,
        loginAt: e.at,
        generation: e.generation,
        presence: toPresence(e.to, e.at),
        idleSince: e.to.type === "idle" ? e.at : null,
        pending: null,
        load: perChannel(() => 0),
        lastWorkAt: perChannel(() => e.at),
        tasks: [],
        offers: [],
        connection: { status: "connected", since: e.at },
        closedWork,
        closedKept: closesIn(closedWork),
      };
      state.agents.set(e.agentId, agent);
      state.loginCount = e.generation;
      const device = deviceKey(e.station);
      if (device) state.devices.set(device, e.agentId);
      refile(state, agent);
      return;
    }
    case "agent.state.changed": {
      const agent = state.agents.get(e.agentId);
      if (!agent) return;
      agent.presence = toPresence(e.to, e.at);
      // Moving between idle codes keeps the idle period going (TMR-2).
      agent.idleSince = e.to.type !== "idle" ? null : e.from.type === "idle" ? agent.idleSince : e.at;
      // A choice replaces the pending state — except a logout the system forced (CON-1, CON-6).
      const forced = agent.pending?.type === "logged_out" && agent.pending.reasonCode !== undefined;
      if (e.cause === "pending_applied" || (e.cause === "chosen" && !forced)) agent.pending = null;
      refile(state, agent);
      return;
    }
    case "agent.logged_out": {
      const agent = state.agents.get(e.agentId);
      if (!agent) return;
      const device = deviceKey(agent.station);
      if (device) state.devices.delete(device);
      state.ready.remove(agent.id);
      state.timers.clearForAgent("disconnect_grace", agent.id);
      state.agents.delete(agent.id);
      // SES-15: the closed work items wait for the next login.
      if (agent.closedWork) state.closedWork.set(agent.id, agent.closedWork);
      return;
    }
    case "agent.pending_state.set": {
      const agent = state.agents.get(e.agentId);
      if (!agent) return;
      agent.pending = e.pending;
      refile(state, agent);
      return;
    }
    default:
      assertNever(e);
  }
}
