import { describe, expect, it } from "vitest";
import { agentsForServiceLevel, erlangA, erlangB, erlangC } from "../src/index.ts";

describe("Erlang B", () => {
  it("matches the published traffic tables", () => {
    // Erlang B tables (e.g. any teletraffic handbook): 10 E on 10 lines blocks 21.46 %, 2 E on 5
    // lines 3.67 %, 80 E on 100 lines 0.40 %.
    expect(erlangB(10, 10)).toBeCloseTo(0.21458, 5);
    expect(erlangB(5, 2)).toBeCloseTo(0.0367, 4);
    expect(erlangB(100, 80)).toBeCloseTo(0.00399, 5);
    expect(erlangB(0, 3)).toBe(1);
  });

  it("stays finite for thousands of agents, where A^N / N! overflows", () => {
    const b = erlangB(5_000, 4_900);
    expect(Number.isFinite(b)).toBe(true);
    expect(b).toBeGreaterThan(0);
    expect(b).toBeLessThan(0.01);
  });
});

describe("Erlang C", () => {
  it.each([
    { agents: 11, pWait: 0.682, asaSec: 122.8, serviceLevel: 0.39 },
    { agents: 13, pWait: 0.285, asaSec: 17.1, serviceLevel: 0.796 },
    { agents: 14, pWait: 0.174, asaSec: 7.8, serviceLevel: 0.888 },
  ])("A = 10 E, N = $agents, AHT 180 s, T = 20 s: the reference figures", ({ agents, ...want }) => {
    const r = erlangC({ erlangs: 10, agents, ahtSec: 180, thresholdSec: 20 });
    expect(r.pWait).toBeCloseTo(want.pWait, 3);
    expect(Math.round(r.asaSec * 10) / 10).toBe(want.asaSec);
    expect(r.serviceLevel).toBeCloseTo(want.serviceLevel, 3);
    expect(r.occupancy).toBeCloseTo(10 / agents, 12);
  });

  it("a queue at or over capacity: everyone waits, forever", () => {
    expect(erlangC({ erlangs: 10, agents: 10, ahtSec: 180, thresholdSec: 20 })).toEqual({
      pWait: 1,
      asaSec: Number.POSITIVE_INFINITY,
      serviceLevel: 0,
      occupancy: 1,
    });
  });

  it("holds for a 5,000-agent center", () => {
    const r = erlangC({ erlangs: 4_900, agents: 5_000, ahtSec: 180, thresholdSec: 20 });
    expect(r.pWait).toBeGreaterThan(0);
    expect(r.pWait).toBeLessThan(1);
    expect(r.serviceLevel).toBeGreaterThan(0.99);
  });

  it("staffing: 14 agents for 80 % within 20 s at 10 E (13 give 79.6 %)", () => {
    expect(agentsForServiceLevel({ erlangs: 10, ahtSec: 180, thresholdSec: 20, target: 0.8 })).toBe(14);
    expect(agentsForServiceLevel({ erlangs: 10, ahtSec: 180, thresholdSec: 20, target: 0.79 })).toBe(13);
    expect(
      agentsForServiceLevel({ erlangs: 0, ahtSec: 180, thresholdSec: 20, target: 0.8, minAgents: 2 }),
    ).toBe(2);
  });
});

/** Poisson(a) probabilities 0..k. */
function poisson(a: number, k: number): number[] {
  const p = [Math.exp(-a)];
  for (let i = 1; i <= k; i++) p.push(((p[i - 1] as number) * a) / i);
  return p;
}

/** P(Binomial(n, p) ≥ k). */
function binomialAtLeast(n: number, p: number, k: number): number {
  let term = (1 - p) ** n;
  let below = 0;
  for (let i = 0; i < k; i++) {
    below += term;
    term *= ((n - i) / (i + 1)) * (p / (1 - p));
  }
  return 1 - below;
}

/** The lower incomplete gamma function γ(x, y) by Simpson's rule — independent of the series. */
function lowerGamma(x: number, y: number, steps = 200_000): number {
  const f = (t: number) => (t === 0 ? 0 : t ** (x - 1) * Math.exp(-t));
  const h = y / steps;
  let s = f(0) + f(y);
  for (let i = 1; i < steps; i++) s += (i % 2 === 1 ? 4 : 2) * f(i * h);
  return (s * h) / 3;
}

describe("Erlang A (M/M/N+M)", () => {
  it("patience equal to the handle time is M/M/∞: Poisson table values", () => {
    // With θ = μ every contact present leaves at rate μ, waiting or served: the number present is
    // Poisson(A). Poisson tables: P(X ≤ 10) = 0.583040, P(X ≤ 11) = 0.696776 for a mean of 10.
    const r = erlangA({ erlangs: 10, agents: 11, ahtSec: 180, patienceSec: 180, thresholdSec: 20 });
    expect(r.pWait).toBeCloseTo(1 - 0.58304, 5);
    // P(abandon) = E[(X − N)⁺] / A = P(X ≥ N) − (N / A)·P(X ≥ N + 1).
    expect(r.pAbandon).toBeCloseTo(1 - 0.58304 - 1.1 * (1 - 0.696776), 5);
  });

  it("patience equal to the handle time: the service level by order statistics", () => {
    // An arrival with j ahead is answered when j + 1 of the N + j + 1 exponential clocks in front
    // of it (and its own) have rung, its own not first: P = N / (N + j + 1) · P(Bin(N + j + 1,
    // 1 − e^{−μT}) ≥ j + 1). A closed form that shares nothing with the uniformization.
    const n = 11;
    const mu = 1 / 180;
    const t = 20;
    const p = poisson(10, 200);
    const ringWithin = 1 - Math.exp(-mu * t);
    let sl = p.slice(0, n).reduce((a, b) => a + b, 0);
    for (let j = 0; n + j < p.length; j++)
      sl += (p[n + j] as number) * (n / (n + j + 1)) * binomialAtLeast(n + j + 1, ringWithin, j + 1);
    const r = erlangA({ erlangs: 10, agents: n, ahtSec: 180, patienceSec: 180, thresholdSec: t });
    expect(r.serviceLevel).toBeCloseTo(sl, 10);
  });

  it("agrees with the incomplete-gamma form: P(W > 0) = A·B / (1 + (A − 1)·B), P(Ab) as in M&Z", () => {
    const erlangs = 10;
    const n = 11;
    const mu = 1 / 180;
    const theta = 1 / 120;
    const lambda = erlangs * mu;
    const x = (n * mu) / theta;
    const y = lambda / theta;
    const a = ((x * Math.exp(y)) / y ** x) * lowerGamma(x, y);
    const b = erlangB(n, erlangs);
    const pWait = (a * b) / (1 + (a - 1) * b);
    const rho = lambda / (n * mu);
    const pAbandon = (1 / (rho * a) + 1 - 1 / rho) * pWait;
    const r = erlangA({ erlangs, agents: n, ahtSec: 180, patienceSec: 120, thresholdSec: 20 });
    expect(r.pWait).toBeCloseTo(pWait, 8);
    expect(r.pAbandon).toBeCloseTo(pAbandon, 8);
  });

  it("abandonment and time in queue agree (P(Ab) = θ·E[wait]), two ways of computing them", () => {
    for (const [n, patienceSec] of [
      [9, 300],
      [11, 120],
      [480, 90],
    ] as const) {
      const erlangs = n === 480 ? 470 : 10;
      const r = erlangA({ erlangs, agents: n, ahtSec: 180, patienceSec, thresholdSec: 20 });
      expect(r.pAbandon).toBeCloseTo(r.meanWaitSec / patienceSec, 10);
    }
  });

  it("infinitely patient callers give Erlang C, the service level included", () => {
    for (const agents of [11, 13, 14]) {
      const c = erlangC({ erlangs: 10, agents, ahtSec: 180, thresholdSec: 20 });
      const a = erlangA({ erlangs: 10, agents, ahtSec: 180, patienceSec: Infinity, thresholdSec: 20 });
      expect(a.pWait).toBeCloseTo(c.pWait, 10);
      expect(a.asaSec).toBeCloseTo(c.asaSec, 8);
      expect(a.serviceLevel).toBeCloseTo(c.serviceLevel, 10);
      expect(a.pAbandon).toBe(0);
    }
  });

  it("stays stable over capacity (abandonment keeps the queue finite) and for large centers", () => {
    const over = erlangA({ erlangs: 12, agents: 10, ahtSec: 180, patienceSec: 60, thresholdSec: 20 });
    expect(over.pWait).toBeGreaterThan(0.5);
    // At most N·μ are answered: at least 1 − N/A of the callers hang up.
    expect(over.pAbandon).toBeGreaterThan(1 - 10 / 12);
    expect(over.occupancy).toBeLessThanOrEqual(1);
    const big = erlangA({ erlangs: 4_900, agents: 5_000, ahtSec: 180, patienceSec: 60, thresholdSec: 20 });
    expect(big.pWait).toBeGreaterThan(0);
    expect(big.serviceLevel).toBeGreaterThan(0.99);
    expect(big.serviceLevel).toBeLessThanOrEqual(1);
  });
});
