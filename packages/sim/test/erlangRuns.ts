import type { Plain, TenantEvent } from "@parley/engine";
import { type SingleQueueOptions, simulate, singleQueueScenario } from "../src/index.ts";

/** What one run measured, over the contacts that arrived in its window. */
export interface Measured {
  readonly contacts: number;
  /** Waited at all (answered after > 0 ms, or hung up): finding every agent busy. */
  readonly pWait: number;
  readonly pAbandon: number;
  /** Mean wait of the answered, seconds. */
  readonly asaSec: number;
  /** Answered within the threshold over answered + abandoned, as the engine counts service level. */
  readonly serviceLevel: number;
}

/**
 * Measures a run from its events alone, as they stream out: a contact's wait runs from
 * `task.received` to `task.assigned` (the engine answers at accept) or to `task.canceled`
 * (abandoned). Only contacts arriving in [from, to) count, and each must have an outcome by the
 * end of the run.
 */
export class Meter {
  private readonly arrived = new Map<string, number>();
  private answered = 0;
  private waited = 0;
  private inTime = 0;
  private abandoned = 0;
  private waitMs = 0;

  constructor(
    private readonly from: number,
    private readonly to: number,
    private readonly thresholdSec: number,
  ) {}

  readonly add = (e: Plain<TenantEvent>): void => {
    if (e.type === "task.received") {
      if (e.at >= this.from && e.at < this.to) this.arrived.set(e.taskId, e.at);
    } else if (e.type === "task.assigned") {
      const at = this.arrived.get(e.taskId);
      if (at === undefined) return;
      this.arrived.delete(e.taskId);
      const wait = e.at - at;
      this.answered++;
      this.waitMs += wait;
      if (wait > 0) this.waited++;
      if (wait <= this.thresholdSec * 1000) this.inTime++;
    } else if (e.type === "task.canceled" && e.reason === "abandoned") {
      if (!this.arrived.delete(e.taskId)) return;
      this.abandoned++;
      this.waited++;
    }
  };

  result(): Measured {
    if (this.arrived.size > 0) throw new Error(`${this.arrived.size} contacts of the window had no outcome`);
    const closed = this.answered + this.abandoned;
    return {
      contacts: closed,
      pWait: this.waited / closed,
      pAbandon: this.abandoned / closed,
      asaSec: this.waitMs / this.answered / 1000,
      serviceLevel: this.inTime / closed,
    };
  }
}

/** Two-sided 95 % Student t quantiles by degrees of freedom (1–30). */
const T_975 = [
  12.706, 4.303, 3.182, 2.776, 2.571, 2.447, 2.365, 2.306, 2.262, 2.228, 2.201, 2.179, 2.16, 2.145, 2.131,
  2.12, 2.11, 2.101, 2.093, 2.086, 2.08, 2.074, 2.069, 2.064, 2.06, 2.056, 2.052, 2.048, 2.045, 2.042,
];

export interface Interval {
  readonly mean: number;
  readonly low: number;
  readonly high: number;
}

/** The 95 % confidence interval of the mean of independent replications (t with n − 1 df). */
export function confidence95(xs: readonly number[]): Interval {
  const n = xs.length;
  if (n < 2 || n > 31) throw new RangeError("2 to 31 replications");
  const mean = xs.reduce((a, b) => a + b, 0) / n;
  const sd = Math.sqrt(xs.reduce((a, x) => a + (x - mean) ** 2, 0) / (n - 1));
  const half = ((T_975[n - 2] as number) * sd) / Math.sqrt(n);
  return { mean, low: mean - half, high: mean + half };
}

/**
 * Independent replications of a single-queue day: each seed runs `durationSec`, drops the
 * warm-up (the queue starts empty) and the last hour (so every counted contact is finished),
 * and measures the rest from its events.
 */
export function replicate(
  options: Omit<SingleQueueOptions, "warmupSec">,
  seeds: readonly number[],
  warmupSec: number,
): Measured[] {
  const scenario = singleQueueScenario(options);
  const runs: Measured[] = [];
  const startAt = scenario.startAt;
  const endAt = startAt + scenario.durationSec * 1000;
  for (const seed of seeds) {
    const meter = new Meter(startAt + warmupSec * 1000, endAt - 3_600_000, options.serviceLevelSec ?? 20);
    const result = simulate(scenario, { seed, keepEvents: false, onEvent: meter.add });
    if (Object.keys(result.stats.rejected).length > 0)
      throw new Error(`refused commands: ${JSON.stringify(result.stats.rejected)}`);
    runs.push(meter.result());
  }
  return runs;
}
