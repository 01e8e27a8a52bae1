import { constant, type Distribution } from "../traffic/distributions.ts";

/**
 * How a bot agent acts on what the engine offers it. The contact decides how long it is handled
 * and wrapped up (see EntryPointTraffic); the bot decides how fast it picks up.
 */
export interface BotBehaviour {
  /** From the offer to its delivery on the desktop (ConfirmOfferDelivered). */
  readonly deliverDelay: Distribution;
  /** From delivery to AcceptTask. Ring time counts as waiting: the engine answers at accept. */
  readonly acceptDelay: Distribution;
  /** Share of offers left to ring out (RONA); 0 by default. */
  readonly missRate?: number;
  /** After a RONA, how long before the bot goes Available again. */
  readonly ronaRecovery?: Distribution;
}

/** Picks up at once: offers are delivered and accepted the instant they are made. */
export const INSTANT_BOT: BotBehaviour = { deliverDelay: constant(0), acceptDelay: constant(0) };

/** A typical person: the desktop shows the offer within a fraction of a second, answered in ~3 s. */
export const HUMAN_BOT: BotBehaviour = {
  deliverDelay: { kind: "lognormal", mean: 0.3, sd: 0.1 },
  acceptDelay: { kind: "lognormal", mean: 3, sd: 1.5 },
  missRate: 0.002,
  ronaRecovery: { kind: "lognormal", mean: 20, sd: 10 },
};

/** A break within a shift: Idle with this code, then Available again. */
export interface ShiftBreak {
  /** Seconds since the scenario's start. */
  readonly startSec: number;
  readonly durationSec: number;
  /** An idle code of the agent's profile. */
  readonly codeId: string;
}

/**
 * One bot's working time: it logs in at the start and goes Available; at the end it goes Idle,
 * finishes its contacts and logs out. During a break it is Idle with the break's code; work in
 * hand goes on (Idle only stops new offers).
 */
export interface Shift {
  /** A user of the tenant with the agent role. */
  readonly agentId: string;
  /** The team it logs in to. */
  readonly teamId: string;
  /** Seconds since the scenario's start. */
  readonly startSec: number;
  /** Seconds since the scenario's start; Infinity: until the end of the run. */
  readonly endSec: number;
  readonly breaks?: readonly ShiftBreak[];
  /** This bot's own behaviour instead of the scenario's. */
  readonly behaviour?: BotBehaviour;
}
