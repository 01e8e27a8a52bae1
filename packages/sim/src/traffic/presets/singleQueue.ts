import {
  DEFAULT_DISCONNECT_POLICY,
  DEFAULT_OFFER_TIMEOUT_SEC,
  type Plain,
  type TenantConfig,
} from "@parley/engine";
import { INSTANT_BOT } from "../../bots/behaviour.ts";
import type { Scenario } from "../../virtual/scenario.ts";
import { constant, exponential } from "../distributions.ts";
import { flatVolumes } from "../profile.ts";

export interface SingleQueueOptions {
  /** Offered load in Erlangs. */
  readonly erlangs: number;
  readonly agents: number;
  /** Mean of the exponential handle time, in seconds. */
  readonly ahtSec: number;
  /** Mean of the exponential patience, in seconds; absent: nobody hangs up (Erlang C). */
  readonly patienceSec?: number;
  /** Service-level threshold of the queue (default 20 s). */
  readonly serviceLevelSec?: number;
  readonly durationSec: number;
  readonly warmupSec?: number;
  /** Default 2026-01-05 00:00 UTC, a Monday. */
  readonly startAt?: number;
}

/**
 * The textbook queue as a tenant: one voice queue, N identical agents on shift the whole run,
 * Poisson arrivals at A / AHT, exponential handle times, no wrap-up, offers accepted the
 * instant they are made — so a contact's wait in the engine is its wait in M/M/N (Erlang C),
 * or in M/M/N+M (Erlang A) with patience.
 */
export function singleQueueScenario(o: SingleQueueOptions): Scenario {
  const agentIds = Array.from({ length: o.agents }, (_, i) => `a${i + 1}`);
  const config: Plain<TenantConfig> = {
    tenantId: "erlang",
    name: `M/M/${o.agents}${o.patienceSec === undefined ? "" : "+M"}`,
    auxCodes: [
      { id: "not-ready", name: "Not ready", kind: "IDLE", isDefault: true },
      { id: "done", name: "Done", kind: "WRAP_UP", isDefault: true },
    ],
    profiles: [
      {
        id: "voice",
        name: "Voice",
        idleCodeIds: ["not-ready"],
        wrapUpCodeIds: ["done"],
        capacity: { voice: 1, chat: 0, email: 0, social: 0 },
        offerTimeoutSec: DEFAULT_OFFER_TIMEOUT_SEC,
        autoWrapUp: { enabled: false, afterSec: 120 },
        availableAfterOutdial: false,
        recordingPauseSec: 30,
        disconnect: DEFAULT_DISCONNECT_POLICY,
      },
    ],
    teams: [{ id: "team", name: "Team" }],
    users: agentIds.map((id) => ({ id, name: id, roles: ["agent"], teamIds: ["team"], profileId: "voice" })),
    queues: [
      {
        id: "queue",
        name: "Queue",
        channel: "voice",
        teamIds: ["team"],
        distribution: "longest_available",
        serviceLevelSec: o.serviceLevelSec ?? 20,
      },
    ],
    entryPoints: [
      { id: "line", name: "Line", channel: "voice", kind: "inbound", queueId: "queue", active: true },
    ],
    sharedLines: [],
  };
  return {
    name: config.name,
    config,
    startAt: o.startAt ?? Date.UTC(2026, 0, 5),
    durationSec: o.durationSec,
    warmupSec: o.warmupSec ?? 0,
    traffic: {
      intervalSec: 3_600,
      entryPoints: [
        {
          entryPointId: "line",
          volumes: flatVolumes((o.erlangs / o.ahtSec) * 3_600),
          handle: exponential(o.ahtSec),
          wrapUp: constant(0),
          patience: o.patienceSec === undefined ? null : exponential(o.patienceSec),
        },
      ],
    },
    bots: {
      behaviour: INSTANT_BOT,
      shifts: agentIds.map((agentId) => ({
        agentId,
        teamId: "team",
        startSec: 0,
        endSec: Number.POSITIVE_INFINITY,
      })),
    },
  };
}
