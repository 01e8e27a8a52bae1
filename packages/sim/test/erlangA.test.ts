import { describe, expect, it } from "vitest";
import { erlangA } from "../src/index.ts";
import { confidence95, replicate } from "./erlangRuns.ts";

/**
 * With impatient callers — exponential patience, a CustomerLeft when it runs out while the
 * contact waits — the engine is M/M/N+M, and Erlang A is the reference: P(wait), P(abandon),
 * ASA (of the answered) and the service level (answered within 20 s over answered + abandoned)
 * each inside the 95 % confidence interval of 12 seeded two-day replications.
 */

const SEEDS = Array.from({ length: 12 }, (_, i) => i + 1);
const metrics = ["pWait", "pAbandon", "asaSec", "serviceLevel"] as const;

describe("Simulation agrees with Erlang A (A = 10 Erlangs, AHT 180 s, T = 20 s)", () => {
  it("N = 11, mean patience 120 s: P(wait), P(abandon), ASA and SL inside the 95 % CI of the runs", () => {
    const options = { erlangs: 10, agents: 11, ahtSec: 180, patienceSec: 120 };
    const formula = erlangA({ ...options, thresholdSec: 20 });
    // About 38 % wait, 9 % hang up, ASA 9.8 s, 74 % within 20 s.
    expect(formula.pWait).toBeCloseTo(0.383, 3);
    expect(formula.pAbandon).toBeCloseTo(0.0942, 4);
    expect(formula.asaSec).toBeCloseTo(9.78, 2);
    expect(formula.serviceLevel).toBeCloseTo(0.742, 3);

    // Abandonment forgets the empty start fast: an hour of warm-up is plenty.
    const runs = replicate({ ...options, durationSec: 2 * 86_400 }, SEEDS, 3_600);
    for (const m of metrics) {
      const ci = confidence95(runs.map((r) => r[m]));
      expect({ metric: m, inside: ci.low <= formula[m] && formula[m] <= ci.high, ci }).toEqual({
        metric: m,
        inside: true,
        ci,
      });
      expect(ci.high - ci.mean).toBeLessThan(0.1 * ci.mean);
    }
  });
});
