import type { Scenario } from "../../virtual/scenario.ts";
import { centerScenario } from "./center.ts";
import { demoDayScenario } from "./demoDay.ts";
import { singleQueueScenario } from "./singleQueue.ts";

/** The built-in scenarios by name, as the CLI's `--profile` takes them. */
export const PROFILES: Readonly<Record<string, () => Scenario>> = {
  /** 24 h of the 500-agent center (the `sim.day_seconds` benchmark's day). */
  day: () => centerScenario(),
  /** The demo tenant's own people through an office day. */
  demo: () => demoDayScenario(),
  /** M/M/13 at 10 Erlangs, AHT 180 s, for a day: Erlang C says 79.6 % within 20 s, ASA 17.1 s. */
  "erlang-c": () =>
    singleQueueScenario({ erlangs: 10, agents: 13, ahtSec: 180, durationSec: 86_400, warmupSec: 3_600 }),
  /** The same with callers who hang up after 3 minutes on average (Erlang A). */
  "erlang-a": () =>
    singleQueueScenario({
      erlangs: 10,
      agents: 11,
      ahtSec: 180,
      patienceSec: 180,
      durationSec: 86_400,
      warmupSec: 3_600,
    }),
};

export { type CenterOptions, centerScenario } from "./center.ts";
export { demoDayScenario } from "./demoDay.ts";
export { BREAK_SHRINKAGE, coverRequirement, standardBreaks } from "./shifts.ts";
export { type SingleQueueOptions, singleQueueScenario } from "./singleQueue.ts";
