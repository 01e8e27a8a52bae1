/**
 * The interval report of a simulated (or recorded) day: rows per queue and interval, and a day
 * total per queue, each with the counts a planner reads. Definitions, in brief (see `buildReport`):
 *
 * - **offered**: contacts that entered the queue in the interval (a new contact, a transfer to the
 *   queue, a callback's window opening, a persistent chat re-opening) — what the engine counts as
 *   received.
 * - **answered**, **abandoned**: counted in the interval the contact *entered* the queue, not the
 *   one it was answered or abandoned in (the usual contact-center convention: an interval's
 *   figures describe the contacts that arrived in it).
 * - **service level** = answered within the queue's threshold / (answered + abandoned after the
 *   threshold). Abandons within the threshold ("short abandons") count on neither side.
 * - **ASA**: mean wait of the answered contacts, from entering the queue to an agent taking it.
 * - **AHT**: mean handle time (connected, hold and consult time plus wrap-up) of the owner parts
 *   wrapped up, as the engine's `task.wrapup` durations record it.
 * - **occupancy** = busy time / (busy time + available time) of the agents serving the queue —
 *   logged in to one of its teams, with a desktop profile that takes its channel; an agent serving
 *   several queues counts in each. Busy: at least one accepted task (connected, held or in wrap-up),
 *   of any queue. Available: Available without one (ringing included). Not Ready (Idle) and RONA
 *   time count on neither side. The all-queues row takes every logged-in agent.
 * - **agents**: mean number of agents serving the queue (as for occupancy) logged in over the interval.
 * - **max waiting**: the most contacts queued at once for an agent (not yet ringing at one) in the
 *   interval; levels that last no time (a contact offered the instant it arrives) do not count.
 */
export interface ReportRow {
  /** The queue's id, or {@link ALL_QUEUES} for the whole center. */
  readonly queueId: string;
  readonly queueName: string;
  /** Start of the interval (ms since the epoch); the range's start for a day total. */
  readonly start: number;
  /** End of the interval, exclusive. */
  readonly end: number;
  /** Local time of the interval's start (`08:30`), or `total`. */
  readonly label: string;
  readonly offered: number;
  readonly answered: number;
  /** Answered within the queue's service-level threshold. */
  readonly answeredInSL: number;
  readonly abandoned: number;
  /** Abandoned after waiting longer than the threshold: these count against the service level. */
  readonly abandonedAfterSL: number;
  /** 0…1; null when nothing was answered or abandoned after the threshold. */
  readonly serviceLevel: number | null;
  /** Average speed of answer in seconds; null when nothing was answered. */
  readonly asaSec: number | null;
  /** Average handle time in seconds; null when nothing was wrapped up. */
  readonly ahtSec: number | null;
  /** 0…1; null when no agent was busy or available. */
  readonly occupancy: number | null;
  /** Mean agents logged in. */
  readonly agents: number;
  readonly maxWaiting: number;
}

/** The queue id of the all-queues rows. */
export const ALL_QUEUES = "*";

export interface ReportQueue {
  readonly id: string;
  readonly name: string;
  readonly channel: string;
  readonly serviceLevelSec: number;
}

export interface Report {
  readonly tenant: string;
  /** The simulated range, as given. */
  readonly startAt: number;
  readonly endAt: number;
  /** The intervals' range: `startAt` down to an interval boundary (in `timeZone`), up past `endAt`. */
  readonly rangeStart: number;
  readonly rangeEnd: number;
  readonly intervalMin: number;
  readonly timeZone: string;
  /** The service-level target the table and the chart compare with, 0…1. */
  readonly serviceLevelTarget: number;
  readonly queues: readonly ReportQueue[];
  /** Per queue, its intervals in order; then the all-queues intervals. */
  readonly rows: readonly ReportRow[];
  /** A day total per queue, then the all-queues total. */
  readonly totals: readonly ReportRow[];
  /** The most contacts queued at once per minute from `rangeStart`, per queue and for all queues. */
  readonly waitingPerMinute: Readonly<Record<string, readonly number[]>>;
}

export interface ReportOptions {
  /** Minutes per interval; divides 60 (5, 10, 15, 20, 30 or 60). Default 30. */
  readonly intervalMin?: number;
  /** Default 0.8. */
  readonly serviceLevelTarget?: number;
  /** IANA time zone for interval boundaries and labels. Default UTC. */
  readonly timeZone?: string;
}

export const INTERVALS_MIN: readonly number[] = [5, 10, 15, 20, 30, 60];
