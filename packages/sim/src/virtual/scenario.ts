import type { Plain, TenantConfig } from "@parley/engine";
import type { BotBehaviour, Shift } from "../bots/behaviour.ts";
import type { TrafficProfile } from "../traffic/profile.ts";

/** Everything a virtual-time run needs: the tenant, the traffic and the bots' shifts. */
export interface Scenario {
  readonly name: string;
  readonly config: Plain<TenantConfig>;
  /** When the run starts, in ms since the epoch (the engine's clock); the profile's time 0. */
  readonly startAt: number;
  readonly durationSec: number;
  readonly traffic: TrafficProfile;
  readonly bots: {
    readonly behaviour: BotBehaviour;
    readonly shifts: readonly Shift[];
  };
  /** Contacts arriving before this many seconds are left out of `stats` (a warm-up); 0 by default. */
  readonly warmupSec?: number;
}
