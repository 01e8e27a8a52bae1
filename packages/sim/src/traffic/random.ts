import { uniformFloat64 } from "pure-rand/distribution/uniformFloat64";
import { xoroshiro128plus } from "pure-rand/generator/xoroshiro128plus";
import type { JumpableRandomGenerator } from "pure-rand/types/JumpableRandomGenerator";

/** A range of numbers (milliseconds, mostly), drawn uniformly between its two ends. */
export type Range = readonly [min: number, max: number];

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

  /** A whole number between the ends of a range. */
  between([min, max]: Range): number {
    return Math.round(min + (max - min) * this.next());
  }

  chance(p: number): boolean {
    return this.next() < p;
  }

  pick<T>(items: readonly T[]): T {
    const item = items[Math.floor(this.next() * items.length)];
    if (item === undefined) throw new Error("pick from an empty list");
    return item;
  }

  /** One of the keys, with probability proportional to its weight. */
  weighted<K extends string>(weights: Readonly<Partial<Record<K, number>>>): K {
    const entries = Object.entries(weights) as [K, number][];
    const total = entries.reduce((sum, [, w]) => sum + Math.max(0, w), 0);
    let r = this.next() * total;
    for (const [k, w] of entries) {
      r -= Math.max(0, w);
      if (r < 0) return k;
    }
    const last = entries.at(-1);
    if (!last) throw new Error("no weights");
    return last[0];
  }
}
