import { uniformFloat64 } from "pure-rand/distribution/uniformFloat64";
import { xoroshiro128plus } from "pure-rand/generator/xoroshiro128plus";
import type { JumpableRandomGenerator } from "pure-rand/types/JumpableRandomGenerator";

/** xoroshiro128+ seeded from a small integer starts with a few lookalike outputs: drop them. */
const WARM_UP = 16;

/**
 * A seeded stream of random numbers (xoroshiro128+). `fork()` hands out an independent stream —
 * the generator's jump moves 2⁶⁴ steps ahead — so arrivals, handle times and the bots each draw
 * from their own, and changing one part of a scenario does not reshuffle the others.
 */
export class Random {
  private spare = Number.NaN;

  private constructor(private readonly gen: JumpableRandomGenerator) {}

  static seeded(seed: number): Random {
    const gen = xoroshiro128plus(seed | 0);
    for (let i = 0; i < WARM_UP; i++) gen.next();
    return new Random(gen);
  }

  /** A stream of its own; this one jumps past everything the new one will ever draw. */
  fork(): Random {
    const child = new Random(this.gen.clone());
    this.gen.jump();
    return child;
  }

  /** Uniform in [0, 1). */
  next(): number {
    return uniformFloat64(this.gen);
  }

  /** Exponential with this mean. */
  exponential(mean: number): number {
    // 1 − u is in (0, 1]: the log is finite.
    return -mean * Math.log(1 - this.next());
  }

  /** Standard normal (Marsaglia's polar method; the second value is kept for the next call). */
  normal(): number {
    if (!Number.isNaN(this.spare)) {
      const z = this.spare;
      this.spare = Number.NaN;
      return z;
    }
    for (;;) {
      const u = 2 * this.next() - 1;
      const v = 2 * this.next() - 1;
      const s = u * u + v * v;
      if (s === 0 || s >= 1) continue;
      const k = Math.sqrt((-2 * Math.log(s)) / s);
      this.spare = v * k;
      return u * k;
    }
  }
}
