import type { AgentId } from "../../shared/ids.ts";

/**
 * Facts about an agent's desktop or device that the host reports. Each names the login it is about
 * by its `generation` (from `agent.logged_in`): a fact about an older login changes nothing (CON-5).
 * The host sends them only when no desktop of that login is left attached — a second desktop that
 * attached meanwhile keeps the login connected.
 */
interface ConnectionFact {
  readonly agentId: AgentId;
  readonly generation: number;
}

/** CON-1: the desktop said it is closing (browser closed, or the agent navigated away). */
export interface DesktopClosed extends ConnectionFact {
  readonly type: "DesktopClosed";
}

/**
 * CON-2: the host heard no heartbeat from the desktop for the profile's `heartbeatTimeoutSec` (the
 * host runs that window; the engine only keeps the setting). The grace starts now, so a crash can
 * take heartbeat window + grace to apply: 120 s + 60 s by default.
 */
export interface HeartbeatsMissed extends ConnectionFact {
  readonly type: "HeartbeatsMissed";
}

/** CON-4: a desktop of the login is attached again. */
export interface DesktopReconnected extends ConnectionFact {
  readonly type: "DesktopReconnected";
}

/** CON-6: the agent's phone lost its network or power; the agent is logged out. */
export interface DeviceLost extends ConnectionFact {
  readonly type: "DeviceLost";
}

export type ConnectionCommand = DesktopClosed | HeartbeatsMissed | DesktopReconnected | DeviceLost;
