import type { Random } from "./random.ts";

/**
 * Arrival times of a Poisson process whose rate is constant within each interval and repeats
 * after the last (a non-homogeneous Poisson process with a piecewise-constant rate). Exact: an
 * Exp(1) draw is spent against the integrated rate, interval by interval, so a quiet night and
 * a busy morning need no thinning.
 */
export class PiecewisePoisson {
  /** Contacts per second in each interval. */
  private readonly rates: Float64Array;
  private readonly intervalSec: number;
  private readonly silent: boolean;

  constructor(volumes: readonly number[], intervalSec: number) {
    if (!(intervalSec > 0)) throw new RangeError("intervalSec must be > 0");
    if (volumes.length === 0) throw new RangeError("volumes must not be empty");
    this.intervalSec = intervalSec;
    this.rates = Float64Array.from(volumes, (v) => {
      if (!(v >= 0)) throw new RangeError(`a volume must be ≥ 0, got ${v}`);
      return v / intervalSec;
    });
    this.silent = this.rates.every((r) => r === 0);
  }

  /** The next arrival after `fromSec` (seconds since the profile's start); Infinity if none ever. */
  next(fromSec: number, random: Random): number {
    if (this.silent) return Number.POSITIVE_INFINITY;
    let budget = random.exponential(1);
    let t = fromSec;
    const len = this.rates.length;
    let i = Math.floor(t / this.intervalSec);
    for (;;) {
      const rate = this.rates[i % len] as number;
      const end = (i + 1) * this.intervalSec;
      const need = rate * (end - t);
      if (need >= budget) return t + budget / rate;
      budget -= need;
      t = end;
      i++;
    }
  }
}
