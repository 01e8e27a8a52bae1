import { describe, expect, it } from "vitest";
import {
  constant,
  coverRequirement,
  exponential,
  flatVolumes,
  lognormal,
  PiecewisePoisson,
  Random,
  refine,
  sampler,
  scaleCurve,
  splitVolumes,
  standardBreaks,
  WEEKDAY_CURVE_15MIN,
  WEEKDAY_CURVE_30MIN,
} from "../src/index.ts";
import { Agenda } from "../src/virtual/agenda.ts";

const draw = (n: number, f: () => number) => Array.from({ length: n }, f);
const mean = (xs: number[]) => xs.reduce((a, b) => a + b, 0) / xs.length;
const sd = (xs: number[]) => {
  const m = mean(xs);
  return Math.sqrt(xs.reduce((a, x) => a + (x - m) ** 2, 0) / (xs.length - 1));
};

describe("Random", () => {
  it("is seeded: the same seed gives the same stream, another seed another", () => {
    const a = Random.seeded(7);
    const b = Random.seeded(7);
    const c = Random.seeded(8);
    const xs = draw(100, () => a.next());
    expect(draw(100, () => b.next())).toEqual(xs);
    expect(draw(100, () => c.next())).not.toEqual(xs);
    for (const x of xs) expect(x >= 0 && x < 1).toBe(true);
  });

  it("forks independent, reproducible streams", () => {
    const root = Random.seeded(1);
    const one = root.fork();
    const two = root.fork();
    const again = Random.seeded(1);
    const oneAgain = again.fork();
    const first = draw(50, () => one.next());
    expect(draw(50, () => oneAgain.next())).toEqual(first);
    expect(draw(50, () => two.next())).not.toEqual(first);
  });
});

describe("Distributions", () => {
  const random = Random.seeded(3);

  it("exponential has its mean and a standard deviation equal to it", () => {
    const xs = draw(40_000, () => sampler(exponential(180))(random));
    expect(mean(xs)).toBeGreaterThan(180 * 0.97);
    expect(mean(xs)).toBeLessThan(180 * 1.03);
    expect(sd(xs) / mean(xs)).toBeCloseTo(1, 1);
  });

  it("lognormal takes its own mean and standard deviation", () => {
    const xs = draw(40_000, () => sampler(lognormal(300, 180))(random));
    expect(mean(xs)).toBeGreaterThan(300 * 0.97);
    expect(mean(xs)).toBeLessThan(300 * 1.03);
    expect(sd(xs)).toBeGreaterThan(180 * 0.93);
    expect(sd(xs)).toBeLessThan(180 * 1.07);
    expect(Math.min(...xs)).toBeGreaterThan(0);
  });

  it("constant is constant, and nonsense is refused", () => {
    expect(sampler(constant(12))(random)).toBe(12);
    expect(() => sampler(exponential(0))).toThrow(RangeError);
    expect(() => sampler(lognormal(10, -1))).toThrow(RangeError);
  });
});

describe("Poisson arrivals by interval", () => {
  it("follow each interval's volume, none in an empty one, and repeat after the last", () => {
    const volumes = [0, 100, 0, 400];
    const process = new PiecewisePoisson(volumes, 900);
    const random = Random.seeded(11);
    const cycles = 40;
    const counts = [0, 0, 0, 0];
    for (let t = process.next(0, random); t < cycles * 3_600; t = process.next(t, random))
      counts[Math.floor(t / 900) % 4] = (counts[Math.floor(t / 900) % 4] as number) + 1;
    expect(counts[0]).toBe(0);
    expect(counts[2]).toBe(0);
    // Poisson: within four standard deviations of the expected counts.
    for (const i of [1, 3]) {
      const expected = (volumes[i] as number) * cycles;
      expect(Math.abs((counts[i] as number) - expected)).toBeLessThan(4 * Math.sqrt(expected));
    }
  });

  it("gaps within one interval are exponential", () => {
    const process = new PiecewisePoisson(flatVolumes(200), 3_600);
    const random = Random.seeded(5);
    const gaps: number[] = [];
    for (let t = 0, i = 0; i < 20_000; i++) {
      const next = process.next(t, random);
      gaps.push(next - t);
      t = next;
    }
    expect(mean(gaps)).toBeCloseTo(18, 0);
    expect(sd(gaps) / mean(gaps)).toBeCloseTo(1, 1);
  });

  it("a silent profile never arrives", () => {
    expect(new PiecewisePoisson([0, 0], 900).next(0, Random.seeded(1))).toBe(Number.POSITIVE_INFINITY);
  });
});

describe("Profiles as data", () => {
  it("split a curve by channel mix and scale a shape to a daily total", () => {
    expect(splitVolumes([100, 200], { voice: 7, chat: 3 })).toEqual({ voice: [70, 140], chat: [30, 60] });
    expect(scaleCurve([1, 3], 400)).toEqual([100, 300]);
    expect(flatVolumes(120, 1_800)).toHaveLength(48);
    expect(flatVolumes(120, 1_800)[0]).toBe(60);
  });

  it("the weekday curve: quiet at night, peaking mid-morning", () => {
    expect(WEEKDAY_CURVE_30MIN).toHaveLength(48);
    expect(WEEKDAY_CURVE_15MIN).toHaveLength(96);
    const peak = WEEKDAY_CURVE_30MIN.indexOf(Math.max(...WEEKDAY_CURVE_30MIN));
    expect(peak).toBe(20); // 10:00
    expect(WEEKDAY_CURVE_30MIN[6]).toBeLessThan(0.05 * (WEEKDAY_CURVE_30MIN[20] as number)); // 03:00
    expect(refine([1, 3], 2)).toEqual([1, 2, 3, 2]);
  });

  it("rosters shifts that cover the requirement in every interval", () => {
    const required = [2, 2, 5, 9, 9, 4, 4, 6, 2, 2];
    const starts = coverRequirement(required, 4);
    required.forEach((need, i) => {
      const on = starts.filter((s) => s <= i && i < s + 4).length;
      expect(on).toBeGreaterThanOrEqual(need);
    });
    expect(standardBreaks(3_600, 600).map((b) => b.startSec)).toEqual([
      3_600 * 3 + 600,
      3_600 * 5 + 600,
      3_600 * 7 + 600,
    ]);
  });
});

describe("Agenda", () => {
  it("pops the earliest first and keeps planning order among equal times, past its first size", () => {
    const agenda = new Agenda();
    const random = Random.seeded(9);
    const planned: [number, number][] = [];
    for (let i = 0; i < 5_000; i++) {
      const time = Math.floor(random.next() * 100);
      planned.push([time, i]);
      agenda.push(time, 1, i);
    }
    const popped: [number, number][] = [];
    while (agenda.size > 0) {
      agenda.pop();
      popped.push([agenda.time, agenda.a]);
    }
    planned.sort((x, y) => x[0] - y[0] || x[1] - y[1]);
    expect(popped).toEqual(planned);
    expect(agenda.peekTime()).toBe(Number.POSITIVE_INFINITY);
  });
});
