import {
  type AgentId,
  type AgentState,
  evolve,
  fromPlain,
  initialState,
  type Plain,
  type QueueId,
  type QueueStats,
  type Task,
  type TaskId,
  type TenantConfig,
  type TenantEvent,
  type TenantState,
} from "@parley/engine";
import { checkTimeZone, clockLabel, floorToWall } from "./time.ts";
import {
  ALL_QUEUES,
  INTERVALS_MIN,
  type Report,
  type ReportOptions,
  type ReportQueue,
  type ReportRow,
} from "./types.ts";

/** What the report reads: the tenant's configuration and its events, each with its `at`. */
export interface ReportInput {
  readonly config: Plain<TenantConfig>;
  readonly events: Iterable<Plain<TenantEvent>>;
  /** The simulated range; intervals cover it from a boundary at or before `startAt`. */
  readonly startAt: number;
  readonly endAt: number;
}

const MINUTE = 60_000;

/** Sums per interval, growing as events reach later intervals. */
class PerInterval {
  readonly values: number[] = [];
  add(i: number, v: number): void {
    this.values[i] = (this.values[i] ?? 0) + v;
  }
  get(i: number): number {
    return this.values[i] ?? 0;
  }
}

/** Everything summed for one queue (or the whole center) per interval. */
class Sums {
  readonly offered = new PerInterval();
  readonly answered = new PerInterval();
  readonly answeredInSL = new PerInterval();
  readonly abandoned = new PerInterval();
  readonly abandonedAfterSL = new PerInterval();
  readonly waitMs = new PerInterval();
  readonly handleMs = new PerInterval();
  readonly handled = new PerInterval();
  readonly busyMs = new PerInterval();
  readonly readyMs = new PerInterval();
  readonly loggedMs = new PerInterval();
}

/**
 * A level over time (contacts queued) and its maximum per minute. Only levels held for some time
 * count: a contact queued and offered in the same instant never shows.
 */
class Level {
  private value = 0;
  private since: number;
  readonly maxPerMinute: number[] = [];

  constructor(private readonly origin: number) {
    this.since = origin;
  }

  get current(): number {
    return this.value;
  }

  set(at: number, value: number): void {
    if (value === this.value) return;
    this.hold(at);
    this.value = value;
  }

  /** Records the current value as held over [since, until). */
  hold(until: number): void {
    const from = Math.max(this.since, this.origin);
    if (until > from && this.value > 0) {
      const first = Math.floor((from - this.origin) / MINUTE);
      const last = Math.floor((until - 1 - this.origin) / MINUTE);
      for (let i = first; i <= last; i++)
        this.maxPerMinute[i] = Math.max(this.maxPerMinute[i] ?? 0, this.value);
    }
    this.since = Math.max(this.since, until);
  }
}

type AgentActivity = "busy" | "ready" | "not_ready";

interface AgentSpan {
  activity: AgentActivity;
  since: number;
  /** Indices of the sums the agent's time goes to: the queues its login team serves, and the center. */
  readonly sums: readonly number[];
}

const activityOf = (agent: AgentState): AgentActivity =>
  agent.tasks.length > 0 ? "busy" : agent.presence.type === "available" ? "ready" : "not_ready";

/**
 * Projects engine events onto rows per queue and interval (definitions on {@link ReportRow}).
 *
 * The events are folded with the engine's own `evolve`, so the report counts exactly what the
 * engine counts: a queue's received, answered, answered-in-time and abandoned counters (the
 * supervisor view's, SUP-1) move with each event, and the contact's `enteredQueueAt` gives the
 * wait. Answered and abandoned contacts go to the interval they entered the queue in.
 *
 * Service level = answered within threshold / (answered + abandoned after threshold) — the
 * supervisor view's live figure also counts short abandons against it; this is the planner's.
 */
export function buildReport(input: ReportInput, options: ReportOptions = {}): Report {
  const intervalMin = options.intervalMin ?? 30;
  if (!INTERVALS_MIN.includes(intervalMin))
    throw new RangeError(`interval must be one of ${INTERVALS_MIN.join(", ")} minutes, not ${intervalMin}`);
  const serviceLevelTarget = options.serviceLevelTarget ?? 0.8;
  if (!(serviceLevelTarget > 0 && serviceLevelTarget <= 1))
    throw new RangeError(`service-level target must be above 0 and at most 1, not ${serviceLevelTarget}`);
  const timeZone = options.timeZone ?? "UTC";
  checkTimeZone(timeZone);
  if (!(input.endAt > input.startAt)) throw new RangeError("the report's range ends before it starts");

  const len = intervalMin * MINUTE;
  const rangeStart = floorToWall(input.startAt, len, timeZone);
  const config = input.config;
  const queues: ReportQueue[] = config.queues.map((q) => ({
    id: q.id,
    name: q.name,
    channel: q.channel,
    serviceLevelSec: q.serviceLevelSec,
  }));
  const queueIndex = new Map(queues.map((q, i) => [q.id, i]));
  const center = queues.length;
  const sums = Array.from({ length: queues.length + 1 }, () => new Sums());
  const waiting = Array.from({ length: queues.length + 1 }, () => new Level(rangeStart));
  const slMs = queues.map((q) => q.serviceLevelSec * 1000);
  // The queues an agent serves: those of its login team whose channel its profile takes.
  const capacityOf = new Map(config.profiles.map((p) => [p.id, p.capacity]));
  const served = new Map<string, number[]>();
  const servedBy = (agent: AgentState): number[] => {
    const key = `${agent.station.teamId}\u0000${agent.profileId}`;
    let queues = served.get(key);
    if (!queues) {
      const capacity = capacityOf.get(agent.profileId);
      queues = [];
      for (const [i, q] of config.queues.entries())
        if (q.teamIds.includes(agent.station.teamId) && (capacity?.[q.channel] ?? 0) > 0) queues.push(i);
      served.set(key, queues);
    }
    return queues;
  };

  const intervalOf = (at: number) => Math.max(0, Math.floor((at - rangeStart) / len));
  let lastEntry = rangeStart;

  const addTime = (span: AgentSpan, until: number) => {
    let from = Math.max(span.since, rangeStart);
    let i = intervalOf(from);
    while (from < until) {
      const to = Math.min(until, rangeStart + (i + 1) * len);
      for (const s of span.sums) {
        const sum = sums[s] as Sums;
        sum.loggedMs.add(i, to - from);
        if (span.activity === "busy") sum.busyMs.add(i, to - from);
        else if (span.activity === "ready") sum.readyMs.add(i, to - from);
      }
      from = to;
      i++;
    }
  };

  const state: TenantState = initialState();
  const spans = new Map<string, AgentSpan>();
  /** Each queue's engine counters as of the last event that moved them. */
  const seen = new Map<QueueId, QueueStats>();
  const touched = new Set<string>();
  const addAgents = (task: Task | undefined) => {
    if (!task) return;
    for (const part of task.agents) touched.add(part.agentId);
    if (task.status === "offered") touched.add(task.offer.agentId);
  };

  const apply = (e: TenantEvent) => {
    const taskId = "taskId" in e ? (e.taskId as TaskId | null) : null;
    const before = taskId === null ? undefined : state.tasks.get(taskId);
    touched.clear();
    addAgents(before);
    evolve(state, e);
    const after = taskId === null ? undefined : state.tasks.get(taskId);
    addAgents(after);
    if ("agentId" in e && typeof e.agentId === "string") touched.add(e.agentId);
    if (e.type === "task.owner_changed") touched.add(e.from);
    if (e.type === "task.transferred" && e.to.kind === "agent") touched.add(e.to.agentId);
    if ("targetAgentId" in e && typeof e.targetAgentId === "string") touched.add(e.targetAgentId);

    // The queue counters the event moved, on the queue the task was in and the one it is in now.
    const changed = new Set<QueueId>();
    if (before) changed.add(before.queueId);
    if (after) changed.add(after.queueId);
    for (const queueId of changed) {
      const q = queueIndex.get(queueId);
      if (q === undefined) continue;
      const now = state.queueStats.get(queueId) ?? ZERO;
      const was = seen.get(queueId) ?? ZERO;
      seen.set(queueId, { ...now });
      const entered = now.received - was.received;
      if (entered > 0) {
        lastEntry = Math.max(lastEntry, e.at);
        for (const s of [q, center]) (sums[s] as Sums).offered.add(intervalOf(e.at), entered);
      }
      if (before && before.queueId === queueId) {
        const i = intervalOf(before.enteredQueueAt);
        const waited = e.at - before.enteredQueueAt;
        const answered = now.answered - was.answered;
        const inTime = now.answeredInTime - was.answeredInTime;
        const abandoned = now.abandoned - was.abandoned;
        for (const s of [q, center]) {
          const sum = sums[s] as Sums;
          if (answered > 0) {
            sum.answered.add(i, answered);
            sum.answeredInSL.add(i, inTime);
            sum.waitMs.add(i, waited * answered);
          }
          if (abandoned > 0) {
            sum.abandoned.add(i, abandoned);
            if (waited > (slMs[q] as number)) sum.abandonedAfterSL.add(i, abandoned);
          }
        }
      }
      const level = waiting[q] as Level;
      const total = waiting[center] as Level;
      const count = state.waiting.count(queueId);
      total.set(e.at, total.current + count - level.current);
      level.set(e.at, count);
    }

    // Handle time of an answered inbound contact's owner part, to the queue entry it was answered in.
    if (e.type === "task.wrapup" && before?.origin === "inbound" && before.answeredInQueue) {
      const q = queueIndex.get(before.queueId);
      if (q !== undefined)
        for (const s of [q, center]) {
          const sum = sums[s] as Sums;
          const i = intervalOf(before.enteredQueueAt);
          sum.handleMs.add(i, e.durations.handled + e.durations.wrappedUp);
          sum.handled.add(i, 1);
        }
    }

    for (const agentId of touched) {
      const agent = state.agents.get(fromPlain<AgentId>(agentId));
      const span = spans.get(agentId);
      const activity = agent ? activityOf(agent) : null;
      if (span && activity === span.activity) continue;
      if (span) {
        addTime(span, e.at);
        spans.delete(agentId);
      }
      if (agent && activity)
        spans.set(agentId, {
          activity,
          since: e.at,
          sums: [...servedBy(agent), center],
        });
    }
  };

  let configured = false;
  for (const plain of input.events) {
    const e = fromPlain<TenantEvent>(plain);
    if (!configured && e.type !== "tenant.configured")
      apply({ type: "tenant.configured", at: e.at, config: fromPlain<TenantConfig>(config) });
    configured = true;
    apply(e);
  }

  const intervals = Math.max(Math.ceil((input.endAt - rangeStart) / len), intervalOf(lastEntry) + 1, 1);
  const rangeEnd = rangeStart + intervals * len;
  for (const span of spans.values()) addTime(span, rangeEnd);
  for (const level of waiting) level.hold(rangeEnd);
  const minutes = intervals * intervalMin;
  const perMinute = waiting.map((level) =>
    Array.from({ length: minutes }, (_, i) => level.maxPerMinute[i] ?? 0),
  );

  const names = [...queues.map((q) => ({ id: q.id, name: q.name })), { id: ALL_QUEUES, name: "All queues" }];
  const rows: ReportRow[] = [];
  const totals: ReportRow[] = [];
  for (const [s, sum] of sums.entries()) {
    const { id, name } = names[s] as { id: string; name: string };
    const minutesOf = perMinute[s] as number[];
    for (let i = 0; i < intervals; i++) {
      const start = rangeStart + i * len;
      const maxWaiting = Math.max(0, ...minutesOf.slice(i * intervalMin, (i + 1) * intervalMin));
      rows.push(row(id, name, start, start + len, clockLabel(start, timeZone), sum, [i], len, maxWaiting));
    }
    const all = Array.from({ length: intervals }, (_, i) => i);
    totals.push(
      row(id, name, rangeStart, rangeEnd, "total", sum, all, rangeEnd - rangeStart, max(minutesOf)),
    );
  }
  const waitingPerMinute: Record<string, number[]> = {};
  for (const [s, values] of perMinute.entries()) waitingPerMinute[(names[s] as { id: string }).id] = values;

  return {
    tenant: config.name,
    startAt: input.startAt,
    endAt: input.endAt,
    rangeStart,
    rangeEnd,
    intervalMin,
    timeZone,
    serviceLevelTarget,
    queues,
    rows,
    totals,
    waitingPerMinute,
  };
}

const ZERO: QueueStats = { received: 0, answered: 0, answeredInTime: 0, abandoned: 0 };

const max = (values: readonly number[]) => values.reduce((a, b) => Math.max(a, b), 0);

function row(
  queueId: string,
  queueName: string,
  start: number,
  end: number,
  label: string,
  sum: Sums,
  intervals: readonly number[],
  spanMs: number,
  maxWaiting: number,
): ReportRow {
  const total = (p: PerInterval) => intervals.reduce((acc, i) => acc + p.get(i), 0);
  const answered = total(sum.answered);
  const answeredInSL = total(sum.answeredInSL);
  const abandonedAfterSL = total(sum.abandonedAfterSL);
  const handled = total(sum.handled);
  const busy = total(sum.busyMs);
  const ready = total(sum.readyMs);
  const slBase = answered + abandonedAfterSL;
  return {
    queueId,
    queueName,
    start,
    end,
    label,
    offered: total(sum.offered),
    answered,
    answeredInSL,
    abandoned: total(sum.abandoned),
    abandonedAfterSL,
    serviceLevel: slBase === 0 ? null : answeredInSL / slBase,
    asaSec: answered === 0 ? null : total(sum.waitMs) / answered / 1000,
    ahtSec: handled === 0 ? null : total(sum.handleMs) / handled / 1000,
    occupancy: busy + ready === 0 ? null : busy / (busy + ready),
    agents: total(sum.loggedMs) / spanMs,
    maxWaiting,
  };
}
