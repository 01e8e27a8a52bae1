import type { Random } from "./random.ts";

/**
 * A duration in seconds, as data: handle times, wrap-up times, patience, the bots' delays.
 * Lognormal takes its own mean and standard deviation (not those of the underlying normal).
 */
export type Distribution =
  | { readonly kind: "constant"; readonly value: number }
  | { readonly kind: "exponential"; readonly mean: number }
  | { readonly kind: "lognormal"; readonly mean: number; readonly sd: number };

export const constant = (value: number): Distribution => ({ kind: "constant", value });
export const exponential = (mean: number): Distribution => ({ kind: "exponential", mean });
export const lognormal = (mean: number, sd: number): Distribution => ({ kind: "lognormal", mean, sd });

/** Draws seconds; compiled once per distribution so the hot path has no switch. */
export type Sampler = (random: Random) => number;

export function sampler(d: Distribution): Sampler {
  switch (d.kind) {
    case "constant": {
      const value = d.value;
      if (!(value >= 0)) throw new RangeError(`constant duration must be ≥ 0, got ${value}`);
      return () => value;
    }
    case "exponential": {
      const mean = d.mean;
      if (!(mean > 0)) throw new RangeError(`exponential mean must be > 0, got ${mean}`);
      return (random) => random.exponential(mean);
    }
    case "lognormal": {
      const { mean, sd } = d;
      if (!(mean > 0) || !(sd >= 0)) throw new RangeError(`lognormal needs mean > 0 and sd ≥ 0`);
      const sigma2 = Math.log(1 + (sd * sd) / (mean * mean));
      const sigma = Math.sqrt(sigma2);
      const mu = Math.log(mean) - sigma2 / 2;
      return (random) => Math.exp(mu + sigma * random.normal());
    }
  }
}

export function meanOf(d: Distribution): number {
  return d.kind === "constant" ? d.value : d.mean;
}
