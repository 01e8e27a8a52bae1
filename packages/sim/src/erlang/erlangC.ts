/**
 * Erlang B and Erlang C: the M/M/N queue — Poisson arrivals, exponential handle times, N identical
 * agents, first come first served, nobody hangs up. The reference the simulator is checked against.
 */

/** What the formulas take: the offered load, the agents and the times that scale it. */
export interface ErlangCInput {
  /** Offered load A in Erlangs: arrival rate × average handle time. */
  readonly erlangs: number;
  readonly agents: number;
  /** Average handle time, in seconds. */
  readonly ahtSec: number;
  /** The service-level threshold T, in seconds: answered within it counts as in service level. */
  readonly thresholdSec: number;
}

export interface ErlangCResult {
  /** Probability that an arriving contact waits at all (finds every agent busy). */
  readonly pWait: number;
  /** Average speed of answer: the mean wait of every contact, those answered at once included. */
  readonly asaSec: number;
  /** Share of contacts answered within the threshold. */
  readonly serviceLevel: number;
  /** Share of the agents' time spent handling: A / N. */
  readonly occupancy: number;
}

/**
 * Erlang B, the probability that a contact finds all `agents` busy in a loss system, by the
 * recursion B(0) = 1, B(k) = A·B(k−1) / (k + A·B(k−1)). Every step stays within [0, 1], so it
 * holds for thousands of agents where A^N / N! would overflow.
 */
export function erlangB(agents: number, erlangs: number): number {
  if (!Number.isInteger(agents) || agents < 0) throw new RangeError(`agents must be a whole number ≥ 0`);
  if (!(erlangs >= 0)) throw new RangeError(`erlangs must be ≥ 0`);
  let b = 1;
  for (let k = 1; k <= agents; k++) b = (erlangs * b) / (k + erlangs * b);
  return b;
}

/** Erlang C, the probability of waiting, from Erlang B: C = N·B / (N − A·(1 − B)); 1 when A ≥ N. */
export function erlangCProbability(agents: number, erlangs: number): number {
  if (erlangs >= agents) return 1;
  const b = erlangB(agents, erlangs);
  return (agents * b) / (agents - erlangs * (1 - b));
}

/**
 * The Erlang C figures. With A ≥ N the queue grows without bound: everyone waits, forever.
 *
 * @example erlangC({ erlangs: 10, agents: 13, ahtSec: 180, thresholdSec: 20 })
 * // { pWait: 0.285, asaSec: 17.1, serviceLevel: 0.796, occupancy: 0.769 } (rounded)
 */
export function erlangC(input: ErlangCInput): ErlangCResult {
  const { erlangs, agents, ahtSec, thresholdSec } = input;
  if (!(ahtSec > 0)) throw new RangeError("ahtSec must be > 0");
  if (erlangs >= agents) return { pWait: 1, asaSec: Number.POSITIVE_INFINITY, serviceLevel: 0, occupancy: 1 };
  const pWait = erlangCProbability(agents, erlangs);
  // A waiting contact's wait is exponential with rate (N − A)/AHT.
  const rate = (agents - erlangs) / ahtSec;
  return {
    pWait,
    asaSec: pWait / rate,
    serviceLevel: 1 - pWait * Math.exp(-rate * thresholdSec),
    occupancy: erlangs / agents,
  };
}

/**
 * The fewest agents for which Erlang C meets a service-level target (e.g. 0.8 within 20 s) —
 * the classic staffing question. Erlang B is carried from one N to the next, so the search is
 * O(N) in all.
 */
export function agentsForServiceLevel(
  input: Omit<ErlangCInput, "agents"> & { readonly target: number; readonly minAgents?: number },
): number {
  const { erlangs, ahtSec, thresholdSec, target } = input;
  if (!(target < 1)) throw new RangeError("target must be below 1");
  const min = Math.max(input.minAgents ?? 0, 0);
  if (erlangs === 0) return min;
  let b = 1;
  for (let n = 1; ; n++) {
    b = (erlangs * b) / (n + erlangs * b);
    if (n < min || erlangs >= n) continue;
    const c = (n * b) / (n - erlangs * (1 - b));
    if (1 - c * Math.exp((-(n - erlangs) * thresholdSec) / ahtSec) >= target) return n;
  }
}
