import { type EntryPointId, fromPlain } from "@parley/engine";
import { PiecewisePoisson } from "../traffic/arrivals.ts";
import { type Sampler, sampler } from "../traffic/distributions.ts";
import type { Random } from "../traffic/random.ts";
import type { Scenario } from "./scenario.ts";
import type { QueueTotals } from "./stats.ts";

/** One entry point's traffic during a run, compiled: its arrivals, samplers and random streams. */
export interface Stream {
  readonly id: EntryPointId;
  readonly arrivals: PiecewisePoisson;
  readonly handle: Sampler;
  readonly wrapUp: Sampler;
  readonly patience: Sampler | null;
  readonly priority: number;
  /** Its queue's totals. */
  readonly totals: QueueTotals;
  /** Seconds since the start: the last arrival, kept exact (the engine gets whole ms). */
  last: number;
  readonly arrivalRandom: Random;
  /** Handle, wrap-up and patience: drawn per contact as it arrives. */
  readonly contactRandom: Random;
}

/** The scenario's traffic, checked against its tenant: each entry point must take inbound contacts. */
export function streamsFor(scenario: Scenario, root: Random, totals: readonly QueueTotals[]): Stream[] {
  const config = scenario.config;
  const entryPoints = new Map(config.entryPoints.map((ep) => [ep.id, ep]));
  const totalsOf = new Map(totals.map((t) => [t.queueId, t]));
  return scenario.traffic.entryPoints.map((t) => {
    const ep = entryPoints.get(t.entryPointId);
    if (ep?.kind !== "inbound" || !ep.active)
      throw new Error(`traffic for ${t.entryPointId}: not an active inbound entry point of the tenant`);
    const queueTotals = totalsOf.get(ep.queueId);
    if (!queueTotals) throw new Error(`entry point ${ep.id}: no queue ${ep.queueId}`);
    return {
      id: fromPlain<EntryPointId>(ep.id),
      arrivals: new PiecewisePoisson(t.volumes, scenario.traffic.intervalSec),
      handle: sampler(t.handle),
      wrapUp: sampler(t.wrapUp),
      patience: t.patience ? sampler(t.patience) : null,
      priority: t.priority ?? 0,
      totals: queueTotals,
      last: 0,
      arrivalRandom: root.fork(),
      contactRandom: root.fork(),
    };
  });
}
