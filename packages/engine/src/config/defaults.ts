import type { PerChannel } from "../shared/channels.ts";
import type { AutoWrapUp, DisconnectPolicy } from "./types.ts";

/** RTE-3: 18 s for voice, 30 s for the digital channels. */
export const DEFAULT_OFFER_TIMEOUT_SEC: PerChannel<number> = { voice: 18, chat: 30, email: 30, social: 30 };

export const DEFAULT_CAPACITY: PerChannel<number> = { voice: 1, chat: 3, email: 2, social: 2 };

export const DEFAULT_AUTO_WRAP_UP: AutoWrapUp = { enabled: false, afterSec: 120 };

/** CON-1…CON-3: 60 s grace, 120 s heartbeat window, LOAD off. */
export const DEFAULT_DISCONNECT_POLICY: DisconnectPolicy = {
  graceSec: 60,
  heartbeatTimeoutSec: 120,
  logoutOnDisconnect: false,
};

/** Capacity bounds a profile may set: voice is one call at a time. */
export const MAX_CAPACITY: PerChannel<number> = { voice: 1, chat: 20, email: 20, social: 20 };
