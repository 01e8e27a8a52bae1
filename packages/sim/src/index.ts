// The simulator's public API: virtual-time days on the engine, live traffic over the API,
// the Erlang C and Erlang A references, and reports. Exports sort by path: bots, erlang, traffic
// (profiles, random streams, presets), virtual (the runner).

export {
  type BotBehaviour,
  HUMAN_BOT,
  INSTANT_BOT,
  type Shift,
  type ShiftBreak,
} from "./bots/behaviour.ts";
export { type ErlangAInput, type ErlangAResult, erlangA } from "./erlang/erlangA.ts";
export {
  agentsForServiceLevel,
  type ErlangCInput,
  type ErlangCResult,
  erlangB,
  erlangC,
  erlangCProbability,
} from "./erlang/erlangC.ts";
export * from "./live/index.ts";
export * from "./report/index.ts";
export { PiecewisePoisson } from "./traffic/arrivals.ts";
export { refine, WEEKDAY_CURVE_15MIN, WEEKDAY_CURVE_30MIN } from "./traffic/curves.ts";
export {
  constant,
  type Distribution,
  exponential,
  lognormal,
  meanOf,
  type Sampler,
  sampler,
} from "./traffic/distributions.ts";
export {
  BREAK_SHRINKAGE,
  type CenterOptions,
  centerScenario,
  coverRequirement,
  demoDayScenario,
  PROFILES,
  type SingleQueueOptions,
  singleQueueScenario,
  standardBreaks,
} from "./traffic/presets/index.ts";
export {
  type EntryPointTraffic,
  flatVolumes,
  scaleCurve,
  splitVolumes,
  type TrafficProfile,
} from "./traffic/profile.ts";
export { Random } from "./traffic/random.ts";
export {
  type SimulationOptions,
  type SimulationResult,
  simulate,
} from "./virtual/runner.ts";
export type { Scenario } from "./virtual/scenario.ts";
export { type QueueTotals, type SimulationStats, summarize } from "./virtual/stats.ts";
