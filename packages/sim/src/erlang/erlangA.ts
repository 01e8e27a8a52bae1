import { type ErlangCInput, erlangB } from "./erlangC.ts";

/**
 * Erlang A (Palm's M/M/N+M): Erlang C with impatient customers, each hanging up after an
 * exponential patience if not answered by then.
 *
 * Solved exactly as a birth-death chain on the number of contacts present, truncated where the
 * stationary terms fall below double precision. Below N the terms are Erlang B's; above it,
 * π(N+m) = π(N)·∏_{j=1..m} λ / (Nμ + jθ). That sum is the series of the incomplete-gamma function
 * A(x, y) = (x·eʸ / yˣ)·γ(x, y) at x = Nμ/θ, y = λ/θ, so P(wait) = A·B / (1 + (A − 1)·B) with B
 * Erlang B, as in A. Mandelbaum and S. Zeltyn, "The Palm/Erlang-A Queue, with Applications to Call
 * Centers" (Technion, Service Engineering notes). With θ = μ every contact present leaves at rate
 * μ, waiting or served, so the number present is Poisson(A) as in M/M/∞: the tests use that as a
 * closed-form reference.
 *
 * The waiting figures follow a tagged arrival through the queue: with j contacts ahead, the queue
 * in front of it moves at Nμ + iθ (answers and abandons ahead) and it leaves itself at θ. That
 * chain is finite and absorbing, so ASA is a sum and the service level comes by uniformization.
 */

export interface ErlangAInput extends ErlangCInput {
  /** Mean patience, in seconds: a contact still waiting after an exponential time of this mean hangs up. */
  readonly patienceSec: number;
}

export interface ErlangAResult {
  /** Probability that an arriving contact finds every agent busy. */
  readonly pWait: number;
  /** Probability that an arriving contact hangs up before it is answered. */
  readonly pAbandon: number;
  /** Average speed of answer: the mean wait of the contacts answered (answered at once included). */
  readonly asaSec: number;
  /** Mean time in queue over every contact, answered or abandoned (Little: E[queue] / λ). */
  readonly meanWaitSec: number;
  /**
   * Answered within the threshold, over every contact — abandoned ones count against it, as in
   * the engine's `answeredInTime / (answered + abandoned)`.
   */
  readonly serviceLevel: number;
  /** Share of the agents' time spent handling: λ·(1 − P(abandon))·AHT / N. */
  readonly occupancy: number;
}

/** Stationary terms below this share of their sum are dropped. */
const EPS = 1e-17;
/** A bound on the truncated chain, far beyond any contact center (λ/θ contacts waiting). */
const MAX_STATES = 10_000_000;

/**
 * Erlang A figures. `patienceSec: Infinity` is Erlang C (and needs A < N).
 *
 * @example erlangA({ erlangs: 10, agents: 10, ahtSec: 180, patienceSec: 180, thresholdSec: 20 })
 * // patience = AHT: as many present as in M/M/∞, so pWait = P(Poisson(10) ≥ 10) = 0.542
 */
export function erlangA(input: ErlangAInput): ErlangAResult {
  const { erlangs, agents: n, ahtSec, patienceSec, thresholdSec } = input;
  if (!(ahtSec > 0)) throw new RangeError("ahtSec must be > 0");
  if (!(patienceSec > 0)) throw new RangeError("patienceSec must be > 0");
  if (!Number.isInteger(n) || n < 0) throw new RangeError("agents must be a whole number ≥ 0");
  const mu = 1 / ahtSec;
  const lambda = erlangs * mu;
  const theta = Number.isFinite(patienceSec) ? 1 / patienceSec : 0;
  if (theta === 0 && erlangs >= n)
    return {
      pWait: 1,
      pAbandon: 0,
      asaSec: Number.POSITIVE_INFINITY,
      meanWaitSec: Number.POSITIVE_INFINITY,
      serviceLevel: 0,
      occupancy: 1,
    };
  if (lambda === 0)
    return { pWait: 0, pAbandon: 0, asaSec: 0, meanWaitSec: 0, serviceLevel: 1, occupancy: 0 };

  // q[m] = π(N+m) / π(N): the contacts an arrival finds waiting ahead of it is m.
  const q: number[] = [1];
  let sum = 1;
  let queued = 0;
  for (let m = 1, t = 1; ; m++) {
    const down = n * mu + m * theta;
    t *= lambda / down;
    q.push(t);
    sum += t;
    queued += m * t;
    if (t < EPS * sum && lambda < down) break;
    if (m > MAX_STATES) throw new RangeError("Erlang A: the queue does not settle (patience too long?)");
  }
  const b = erlangB(n, erlangs);
  // Σ_{k<N} π(k) / π(N) = 1/B − 1.
  const norm = 1 / b - 1 + sum;
  const pWait = sum / norm;
  const meanQueue = queued / norm;

  // The tagged arrival with j ahead: it moves on at f_i = Nμ + iθ, out of stage i at r_i = f_i + θ.
  const f = (i: number) => n * mu + i * theta;
  let pServed = 1; // ∏ f_i / r_i up to j
  let sojourn = 0; // Σ 1 / r_i up to j: the mean wait of one answered from j
  let servedAfterWait = 0;
  let waitOfServed = 0;
  for (let j = 0; j < q.length; j++) {
    const r = f(j) + theta;
    pServed *= f(j) / r;
    sojourn += 1 / r;
    const mass = (q[j] as number) / norm;
    servedAfterWait += mass * pServed;
    waitOfServed += mass * pServed * sojourn;
  }
  const pAbandon = Math.max(0, pWait - servedAfterWait);
  const answered = 1 - pAbandon;
  return {
    pWait,
    pAbandon,
    asaSec: answered > 0 ? waitOfServed / answered : 0,
    meanWaitSec: meanQueue / lambda,
    serviceLevel: 1 - pWait + servedWithin(q, norm, n * mu, theta, thresholdSec),
    occupancy: Math.min(1, (lambda * answered * ahtSec) / Math.max(n, 1)),
  };
}

/**
 * P(answered after waiting, within t): the tagged arrival's absorbing chain (stage j = j ahead)
 * started from the stationary mix, by uniformization — a Poisson(Λt) mix of the jump chain's
 * steps, which needs no matrix exponential and loses no precision.
 */
function servedWithin(q: readonly number[], norm: number, nMu: number, theta: number, t: number): number {
  if (!(t > 0)) return 0;
  const k = q.length - 1;
  const rate = (i: number) => nMu + (i + 1) * theta;
  const uniform = rate(k);
  const p = q.map((x) => x / norm);
  const start = p.reduce((a, x) => a + x, 0);
  if (start === 0) return 0;
  const x = uniform * t;
  const logX = Math.log(x);
  let served = 0;
  let total = 0;
  let cumulative = 0;
  let logFactorial = 0;
  for (let step = 0; ; step++) {
    if (step > 0) logFactorial += Math.log(step);
    const weight = Math.exp(-x + step * logX - logFactorial);
    cumulative += weight;
    total += weight * served;
    let transient = 0;
    if (step > x) {
      for (let i = 0; i <= k; i++) transient += p[i] as number;
      // What is left barely moves, or the Poisson tail is spent: the rest adds `served` as it stands.
      if (transient < 1e-15 * start || 1 - cumulative < 1e-15)
        return total + Math.max(0, 1 - cumulative) * served;
    }
    served += ((p[0] as number) * nMu) / uniform;
    for (let i = 0; i < k; i++) {
      const stay = 1 - rate(i) / uniform;
      p[i] = (p[i] as number) * stay + ((p[i + 1] as number) * (rate(i + 1) - theta)) / uniform;
    }
    p[k] = (p[k] as number) * (1 - rate(k) / uniform);
  }
}
