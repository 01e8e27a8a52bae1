/**
 * Simulation benchmark: wall-clock seconds for a virtual-time day — 24 h of the 500-agent center
 * (`centerScenario`: the demo tenant with 500 bots on 8-hour shifts, five lines on the weekday
 * curve, breaks, abandons, the odd RONA) driven through the engine with no server. Events are
 * counted as they stream out, not kept. One run warms the JIT up; the figure is the median of
 * the next ones (each the same seeded day).
 */

import { centerScenario } from "../src/traffic/presets/center.ts";
import { simulate } from "../src/virtual/runner.ts";

const AGENTS = 500;
const WARMUP_RUNS = 1;
const RUNS = 3;

const median = (xs: number[]): number => {
  const s = [...xs].sort((a, b) => a - b);
  const mid = s.length >> 1;
  return s.length % 2 ? (s[mid] as number) : ((s[mid - 1] as number) + (s[mid] as number)) / 2;
};

export default async function dayBench(): Promise<void> {
  const scenario = centerScenario({ agents: AGENTS });
  const seconds: number[] = [];
  let contacts = 0;
  let events = 0;
  for (let r = 0; r < WARMUP_RUNS + RUNS; r++) {
    let streamed = 0;
    const started = performance.now();
    const result = simulate(scenario, {
      seed: 1,
      keepEvents: false,
      onEvent: () => {
        streamed++;
      },
    });
    const elapsed = (performance.now() - started) / 1000;
    if (r >= WARMUP_RUNS) seconds.push(elapsed);
    contacts = result.stats.contacts;
    events = streamed;
    const rejected = Object.entries(result.stats.rejected);
    if (rejected.length > 0)
      console.error(`sim.day: refused commands ${JSON.stringify(result.stats.rejected)}`);
  }
  console.log(
    [
      "BENCH sim.day_seconds",
      median(seconds).toFixed(2),
      "s",
      `agents=${AGENTS}`,
      `contacts=${contacts}`,
      `events=${events}`,
      `runs=${RUNS}`,
    ].join(" "),
  );
}
