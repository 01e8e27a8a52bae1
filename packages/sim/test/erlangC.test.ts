import { describe, expect, it } from "vitest";
import { erlangC } from "../src/index.ts";
import { confidence95, type Measured, replicate } from "./erlangRuns.ts";

/**
 * The engine, driven in virtual time, is an M/M/N queue when the traffic and the bots make it one:
 * Poisson arrivals at A / AHT, exponential handle times (AHT 180 s), nobody hangs up, one FIFO
 * queue, N identical agents that accept the instant an offer is made and wrap up at once. Then
 * the probability of waiting, the ASA and the service level (20 s) it produces must agree with
 * Erlang C: each must have the formula inside the 95 % confidence interval of 12 seeded,
 * independent two-day replications (4 h of warm-up dropped: the queue starts empty, and near
 * N = 11 it takes hours to forget that). Seeded, so the verdict is the same on every run.
 */

const SEEDS = Array.from({ length: 12 }, (_, i) => i + 1);
const WARMUP_SEC = 4 * 3_600;
const metrics = ["pWait", "asaSec", "serviceLevel"] as const;

describe("Simulation agrees with Erlang C (A = 10 Erlangs, AHT 180 s, T = 20 s)", () => {
  it.each([
    // The reference figures, rounded as given there.
    { agents: 11, pWait: 0.682, asaSec: 122.8, serviceLevel: 0.39 },
    { agents: 13, pWait: 0.285, asaSec: 17.1, serviceLevel: 0.796 },
    { agents: 14, pWait: 0.174, asaSec: 7.8, serviceLevel: 0.888 },
  ])(
    "N = $agents: P(wait) $pWait, ASA $asaSec s, SL $serviceLevel inside the 95 % CI of the runs",
    (reference) => {
      const formula = erlangC({ erlangs: 10, agents: reference.agents, ahtSec: 180, thresholdSec: 20 });
      for (const m of metrics) expect(formula[m]).toBeCloseTo(reference[m], m === "asaSec" ? 0 : 2);

      const runs: Measured[] = replicate(
        { erlangs: 10, agents: reference.agents, ahtSec: 180, durationSec: 2 * 86_400 },
        SEEDS,
        WARMUP_SEC,
      );
      // About 4,800 contacts a day: ~8,000 per run are measured.
      for (const run of runs) expect(run.contacts).toBeGreaterThan(7_000);
      for (const m of metrics) {
        const ci = confidence95(runs.map((r) => r[m]));
        expect({
          metric: m,
          formula: formula[m],
          inside: ci.low <= formula[m] && formula[m] <= ci.high,
          ci,
        }).toEqual({
          metric: m,
          formula: formula[m],
          inside: true,
          ci,
        });
        // And the interval is tight enough to mean something: within ±15 % of the mean.
        expect(ci.high - ci.mean).toBeLessThan(0.15 * ci.mean);
      }
    },
  );
});
