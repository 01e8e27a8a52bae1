import type { Distribution } from "./distributions.ts";

/**
 * The traffic of one entry point, as data. Arrivals are Poisson with a rate that is constant
 * within each interval: `volumes[i]` contacts are expected in interval i. The volumes cover
 * `volumes.length × intervalSec` from the scenario's start and then repeat, so one day's curve
 * drives a week.
 */
export interface EntryPointTraffic {
  readonly entryPointId: string;
  /** Expected contacts per interval. */
  readonly volumes: readonly number[];
  /** How long an agent spends with the contact once it is accepted, until End. */
  readonly handle: Distribution;
  /** From End to the wrap-up code; a constant 0 wraps up at once. */
  readonly wrapUp: Distribution;
  /** How long the customer waits before hanging up; null: never. */
  readonly patience: Distribution | null;
  /** Routing priority (0 by default; higher goes first). */
  readonly priority?: number;
}

export interface TrafficProfile {
  /** Length of one interval of `volumes`: usually 900 (15 min) or 1,800 (30 min). */
  readonly intervalSec: number;
  readonly entryPoints: readonly EntryPointTraffic[];
}

/** A flat rate: `perHour` contacts an hour, all day long (as one interval of a day). */
export function flatVolumes(perHour: number, intervalSec = 3_600, days = 1): number[] {
  const count = Math.round((days * 86_400) / intervalSec);
  return Array.from({ length: count }, () => (perHour * intervalSec) / 3_600);
}

/**
 * Splits a total curve between entry points by share — the channel mix. Shares need not add up
 * to 1; they are normalized.
 *
 * @example splitVolumes([100, 200], { "ep-voice": 0.7, "ep-chat": 0.3 })
 * // { "ep-voice": [70, 140], "ep-chat": [30, 60] }
 */
export function splitVolumes(
  total: readonly number[],
  mix: Readonly<Record<string, number>>,
): Record<string, number[]> {
  const sum = Object.values(mix).reduce((a, b) => a + b, 0);
  if (!(sum > 0)) throw new RangeError("the mix has no positive share");
  return Object.fromEntries(
    Object.entries(mix).map(([id, share]) => [id, total.map((v) => (v * share) / sum)]),
  );
}

/** A daily shape (any positive weights per interval) scaled to a daily total. */
export function scaleCurve(shape: readonly number[], dailyTotal: number): number[] {
  const sum = shape.reduce((a, b) => a + b, 0);
  if (!(sum > 0)) throw new RangeError("the curve has no positive weight");
  return shape.map((w) => (w * dailyTotal) / sum);
}
