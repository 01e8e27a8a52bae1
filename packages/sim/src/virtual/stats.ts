/**
 * What a run counts as it goes, per queue, over the contacts that arrived after the warm-up.
 * The report reads the events for anything finer; these are the headline figures and cost
 * nothing to keep.
 */
export interface QueueTotals {
  readonly queueId: string;
  /** The queue's service-level threshold, in seconds (from the tenant). */
  readonly serviceLevelSec: number;
  received: number;
  answered: number;
  /** Answered within the threshold (wait ≤ threshold, as the engine counts it). */
  answeredInTime: number;
  /** Answered after waiting at all (wait > 0). */
  answeredAfterWait: number;
  abandoned: number;
  /** Total wait of the answered contacts, ms. */
  answeredWaitMs: number;
  /** Total wait of the abandoned contacts until they hung up, ms. */
  abandonedWaitMs: number;
  /** Still waiting, ringing, in hand or in wrap-up when the run ended. */
  open: number;
}

export interface SimulationStats {
  /** Every arrival, warm-up included. */
  readonly contacts: number;
  /** Commands sent to the engine and events it returned (timers' included). */
  readonly commands: number;
  readonly events: number;
  /** Commands the engine refused, by `Command:CODE`; a well-formed scenario has none. */
  readonly rejected: Readonly<Record<string, number>>;
  readonly queues: readonly QueueTotals[];
}

export function emptyTotals(queueId: string, serviceLevelSec: number): QueueTotals {
  return {
    queueId,
    serviceLevelSec,
    received: 0,
    answered: 0,
    answeredInTime: 0,
    answeredAfterWait: 0,
    abandoned: 0,
    answeredWaitMs: 0,
    abandonedWaitMs: 0,
    open: 0,
  };
}

/** The headline figures of a queue's totals: service level, ASA, abandonment. */
export function summarize(t: QueueTotals): {
  serviceLevel: number | null;
  asaSec: number | null;
  pWait: number | null;
  abandonRate: number | null;
} {
  const closed = t.answered + t.abandoned;
  return {
    serviceLevel: closed === 0 ? null : t.answeredInTime / closed,
    asaSec: t.answered === 0 ? null : t.answeredWaitMs / t.answered / 1000,
    // Everyone who hung up had waited: P(wait) as Erlang A means it (Erlang C's when none do).
    pWait: closed === 0 ? null : (t.answeredAfterWait + t.abandoned) / closed,
    abandonRate: closed === 0 ? null : t.abandoned / closed,
  };
}
