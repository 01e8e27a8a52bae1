import { tenant } from "../../../test/fixtures.ts";
import type { Scenario } from "../../../test/scenario.ts";
import type { AgentId } from "../../shared/ids.ts";
import { agentConnection } from "../../views/agentConnection.ts";
import type { ConnectionCommand } from "./commands.ts";

/** Steps the connection tests share: facts as the host reports them, about the agent's current login. */

export const generationOf = (s: Scenario, agentId = "a1"): number =>
  s.state.agents.get(agentId as AgentId)?.generation ?? 0;

/** A fact about the agent's current login, or about `generation` when given. */
export const fact =
  (type: ConnectionCommand["type"], agentId = "a1", generation?: number) =>
  (s: Scenario) =>
    s.ok({ type, agentId, generation: generation ?? generationOf(s, agentId) });

export const desktopClosed = (agentId = "a1", generation?: number) =>
  fact("DesktopClosed", agentId, generation);
export const heartbeatsMissed = (agentId = "a1", generation?: number) =>
  fact("HeartbeatsMissed", agentId, generation);
export const reconnected = (agentId = "a1", generation?: number) =>
  fact("DesktopReconnected", agentId, generation);
export const deviceLost = (agentId = "a1", generation?: number) => fact("DeviceLost", agentId, generation);

/** The tenant with "logout on agent disconnect" (LOAD) switched on in every profile. */
export const loadOn = (s: Scenario) => {
  const base = tenant();
  const profiles = base.profiles.map((p) => ({
    ...p,
    disconnect: { ...p.disconnect, logoutOnDisconnect: true },
  }));
  s.ok({ type: "ConfigureTenant", config: { ...base, profiles } as never });
};

export const loggedIn = (s: Scenario) => s.login("a1");
export const available = (s: Scenario) => s.available("a1");
/** a1 on a call, c1. */
export const onCall = (s: Scenario) => {
  s.available("a1");
  s.receive("c1");
  s.accept("c1", "a1");
};

export const connectionOf = (s: Scenario, agentId = "a1") =>
  agentConnection(s.state, agentId as AgentId, s.now);
