import { DEFAULT_BUSY_STATUSES } from "../src/agents/federation/config.ts";
import type { AgentState } from "../src/agents/state.ts";
import type { Callback } from "../src/callbacks/state.ts";
import { CHANNELS, type Channel, type PerChannel } from "../src/shared/channels.ts";
import type { AgentId, Plain } from "../src/shared/ids.ts";
import type { Instant } from "../src/shared/time.ts";
import { engagementOf, type Task } from "../src/tasks/state.ts";
import { evolve } from "../src/tenant/evolve.ts";
import type { Command, TenantEvent } from "../src/tenant/messages.ts";
import type { TenantState } from "../src/tenant/state.ts";
import type { TimerKind } from "../src/timers/timers.ts";
import { CUSTOMER } from "../src/voice/state.ts";

/**
 * Invariant checks for property tests. Each returns the violations it found, as sentences, so a
 * failing run can print all of them at once. The checks recount from `state.agents` and
 * `state.tasks` by brute force and never ask the engine's routing indexes what they think.
 */

const NONE: PerChannel<number> = { voice: 0, chat: 0, email: 0, social: 0 };

export const capacityOf = (s: TenantState, agent: AgentState): PerChannel<number> =>
  s.config?.profiles.get(agent.profileId)?.capacity ?? NONE;

/** Available, not on the way out, with room on the channel: who may be offered new work. */
const mayTakeNew = (s: TenantState, agent: AgentState, channel: Channel): boolean =>
  agent.presence.type === "available" &&
  agent.pending?.type !== "logged_out" &&
  agent.load[channel] < capacityOf(s, agent)[channel];

/** Excluded, declined it, or not the assignee of a personal callback (CB-6). */
const isBarred = (task: Task, agentId: AgentId): boolean =>
  task.excluded.includes(agentId) ||
  task.declinedBy.includes(agentId) ||
  (task.callback?.assignee != null && task.callback.assignee !== agentId);

const count = <T>(list: readonly T[], item: T): number => list.filter((x) => x === item).length;

/** The task is offered to the agent, or the agent has a part in it. */
const holds = (t: Task, agentId: string): boolean =>
  (t.status === "offered" && t.offer.agentId === agentId) || t.agents.some((e) => e.agentId === agentId);

/** Auto wrap-up due times of the task's agents in wrap-up. */
const autoWrapUps = (t: Task) =>
  t.agents.flatMap((e) =>
    e.status === "wrapping" && e.autoWrapUpAt !== null ? [{ agentId: e.agentId, at: e.autoWrapUpAt }] : [],
  );

/** Load per channel equals the offered, assigned and wrapping tasks, and never exceeds capacity. */
export function checkCapacity(s: TenantState): string[] {
  const out: string[] = [];
  for (const agent of s.agents.values()) {
    const capacity = capacityOf(s, agent);
    for (const channel of CHANNELS) {
      const recount = [...s.tasks.values()].filter((t) => t.channel === channel && holds(t, agent.id)).length;
      if (agent.load[channel] !== recount)
        out.push(`${agent.id} has load ${agent.load[channel]} on ${channel} but holds ${recount} tasks`);
      if (agent.load[channel] > capacity[channel])
        out.push(
          `${agent.id} has load ${agent.load[channel]} on ${channel} over capacity ${capacity[channel]}`,
        );
    }
  }
  return out;
}

/**
 * Every offered task is in exactly its agent's `offers`, every assigned or wrapping task in exactly
 * its agent's `tasks`, and agents list nothing else: so no task is offered to two agents at once.
 */
export function checkOwnership(s: TenantState): string[] {
  const out: string[] = [];
  for (const task of s.tasks.values()) {
    const owner =
      task.status === "offered"
        ? task.offer.agentId
        : task.status === "queued" || task.status === "parked" || task.status === "scheduled"
          ? null
          : task.agentId;
    for (const e of task.agents)
      if (!s.agents.has(e.agentId)) out.push(`${task.id} has a part for ${e.agentId}, who is not logged in`);
    for (const agent of s.agents.values()) {
      const inOffers = count(agent.offers, task.id);
      const inTasks = count(agent.tasks, task.id);
      const wantOffers = task.status === "offered" && owner === agent.id ? 1 : 0;
      const wantTasks = engagementOf(task, agent.id) ? 1 : 0;
      if (inOffers !== wantOffers)
        out.push(`${agent.id}.offers lists ${task.id} ${inOffers} times; it is ${task.status} (${owner})`);
      if (inTasks !== wantTasks)
        out.push(`${agent.id}.tasks lists ${task.id} ${inTasks} times; it is ${task.status} (${owner})`);
    }
  }
  for (const agent of s.agents.values())
    for (const id of [...agent.offers, ...agent.tasks])
      if (!s.tasks.has(id)) out.push(`${agent.id} lists ${id}, which is not an active task`);
  return out;
}

/**
 * Settled: no task waits while an agent who may take it is free. For every queued task, every
 * logged-in agent of one of its queue's teams is unavailable, on the way out, full on the task's
 * channel, or barred from the task.
 */
export function checkSettled(s: TenantState): string[] {
  const out: string[] = [];
  for (const task of s.tasks.values()) {
    if (task.status !== "queued") continue;
    const queue = s.config?.queues.get(task.queueId);
    if (!queue) {
      out.push(`${task.id} waits in unknown queue ${task.queueId}`);
      continue;
    }
    for (const agent of s.agents.values()) {
      if (!queue.teamIds.includes(agent.station.teamId)) continue;
      if (mayTakeNew(s, agent, task.channel) && !isBarred(task, agent.id))
        out.push(
          `${task.id} waits in ${queue.id} while ${agent.id} is available with room on ${task.channel}`,
        );
    }
  }
  return out;
}

/** Longest available first: the later of becoming available and last finishing work on the channel. */
const readySince = (agent: AgentState, channel: Channel): Instant =>
  Math.max(agent.presence.since, agent.lastWorkAt[channel]);

/** Lines keyed by name, in name order, each sorted: the shape of the index dumps. */
function lines<T>(items: Iterable<[string, T]>, order: (a: T, b: T) => number, id: (t: T) => string) {
  const out: Record<string, T[]> = {};
  for (const [name, item] of items) {
    const line = out[name] ?? [];
    line.push(item);
    out[name] = line;
  }
  return JSON.stringify(
    Object.fromEntries(
      Object.entries(out)
        .sort(([a], [b]) => (a < b ? -1 : 1))
        .map(([name, line]) => [name, line.sort(order).map(id)]),
    ),
  );
}

/**
 * `state.ready` holds exactly the agents who may take new work, per team and channel, each line
 * ordered longest available first.
 */
export function checkReadyIndex(s: TenantState): string[] {
  const entries: [string, [AgentState, Channel]][] = [];
  for (const agent of s.agents.values())
    for (const channel of CHANNELS)
      if (mayTakeNew(s, agent, channel))
        entries.push([`${agent.station.teamId}/${channel}`, [agent, channel]]);
  const expected = lines(
    entries,
    ([a, channel], [b]) => readySince(a, channel) - readySince(b, channel) || (a.id < b.id ? -1 : 1),
    ([agent]) => agent.id,
  );
  const actual = JSON.stringify(s.ready.dump());
  return actual === expected ? [] : [`ready index ${actual} differs from brute force ${expected}`];
}

/** `state.waiting` holds exactly the queued tasks per queue, by priority, then arrival. */
export function checkWaitingIndex(s: TenantState): string[] {
  const expected = lines(
    [...s.tasks.values()].filter((t) => t.status === "queued").map((t): [string, Task] => [t.queueId, t]),
    (a, b) => b.priority - a.priority || a.seq - b.seq,
    (t) => t.id,
  );
  const actual = JSON.stringify(s.waiting.dump());
  return actual === expected ? [] : [`waiting index ${actual} differs from brute force ${expected}`];
}

/** Timers of calls in progress (consult timeouts, recording resumes): callInvariants.ts checks those. */
const CALL_TIMERS: readonly TimerKind[] = ["consult_timeout", "recording_resume"];

/**
 * The other timers are exactly the state's due times: offer timeouts, auto wrap-ups, expiries of
 * waiting chats, opening callback windows, and the disconnect grace of agents whose desktop is gone.
 */
export function checkTimers(s: TenantState): string[] {
  const expected: string[] = [];
  for (const t of s.tasks.values()) {
    if (t.status === "offered") expected.push(`offer_timeout:${t.id}@${t.offer.expiresAt}`);
    if (t.status === "parked") expected.push(`chat_expiry:${t.id}@${t.expiresAt}`);
    if (t.status === "scheduled") expected.push(`callback_due:${t.id}@${t.dueAt}`);
    for (const w of autoWrapUps(t)) expected.push(`auto_wrap_up:${t.id}/${w.agentId}@${w.at}`);
  }
  for (const a of s.agents.values())
    if (a.connection.status === "unavailable")
      expected.push(`disconnect_grace:/${a.id}@${a.connection.graceUntil}`);
  const actual = s.timers
    .list()
    .filter((t) => !CALL_TIMERS.includes(t.kind))
    .map((t) => `${t.kind}:${t.taskId ?? ""}${t.agentId ? `/${t.agentId}` : ""}@${t.at}`);
  const a = JSON.stringify(actual.sort());
  const e = JSON.stringify(expected.sort());
  return a === e ? [] : [`timers ${a} differ from the state's due times ${e}`];
}

/**
 * Who has a part in a task fits its status: nobody is active on a task that waits, is offered,
 * scheduled or parked; an assigned task's owner is active on it; a task in wrap-up has someone
 * left to wrap it up and nobody still active on it.
 */
export function checkEngagements(s: TenantState): string[] {
  const out: string[] = [];
  for (const t of s.tasks.values()) {
    const active = t.agents.filter((e) => e.status === "active").map((e) => e.agentId);
    if (t.status === "assigned") {
      const owner = engagementOf(t, t.agentId);
      if (owner?.role !== "owner" || owner.status !== "active")
        out.push(`${t.id} is assigned to ${t.agentId}, who has no active owner part in it`);
    } else if (t.status === "wrapping") {
      if (t.agents.length === 0) out.push(`${t.id} is in wrap-up with nobody left to wrap it up`);
      if (active.length > 0) out.push(`${t.id} is in wrap-up but [${active}] are still active on it`);
    } else if (active.length > 0) out.push(`${t.id} is ${t.status} but [${active}] are active on it`);
  }
  return out;
}

/** A pending state waits for the last interaction to end: an agent with none has none pending. */
export function checkPending(s: TenantState): string[] {
  const out: string[] = [];
  for (const a of s.agents.values())
    if (a.pending !== null && a.tasks.length === 0)
      out.push(`${a.id} has nothing in hand but still a pending ${a.pending.type}`);
  return out;
}

/** Devices in use are exactly the logged-in agents' addressed stations. */
export function checkDevices(s: TenantState): string[] {
  const expected = [...s.agents.values()]
    .filter((a) => a.station.address !== null)
    .map(
      (a) =>
        `${a.station.device}:${a.station.address}${a.station.line === null ? "" : `#${a.station.line}`}=${a.id}`,
    )
    .sort();
  const actual = [...s.devices].map(([k, v]) => `${k}=${v}`).sort();
  const a = JSON.stringify(actual);
  const e = JSON.stringify(expected);
  return a === e ? [] : [`devices ${a} differ from logged-in stations ${e}`];
}

/**
 * Who may never get each task, as the test saw it: the agents its ReceiveTask command excluded and
 * those who declined it since. Kept apart from the engine's own lists, so that losing a decline or
 * an exclusion shows.
 */
export type Barred = Map<string, Set<string>>;

/** The task's own excluded and declined lists hold exactly the agents the test saw barred. */
export function checkBarred(s: TenantState, barred: Barred): string[] {
  const out: string[] = [];
  for (const task of s.tasks.values()) {
    const actual = [...new Set([...task.excluded, ...task.declinedBy])].sort();
    const expected = [...(barred.get(task.id) ?? [])].sort();
    if (JSON.stringify(actual) !== JSON.stringify(expected))
      out.push(`${task.id} bars [${actual}] but the commands and declines so far bar [${expected}]`);
  }
  return out;
}

/** Every check on a state at rest (between steps). */
export const checkState = (s: TenantState): string[] => [
  ...checkCapacity(s),
  ...checkOwnership(s),
  ...checkEngagements(s),
  ...checkPending(s),
  ...checkSettled(s),
  ...checkReadyIndex(s),
  ...checkWaitingIndex(s),
  ...checkTimers(s),
  ...checkDevices(s),
];

/**
 * DIG-3: a waiting chat is gone by its expiry. After a tick at `now`, none is left with
 * `expiresAt <= now`, so a tick landing exactly on the due time expires it then. After a command
 * (run at the time of the last tick) none may wait with an expiry already past: it could never
 * expire on time, and a message could still re-open it.
 */
export function checkParked(s: TenantState, now: Instant, afterTick: boolean): string[] {
  const out: string[] = [];
  for (const t of s.tasks.values())
    if (t.status === "parked" && (t.expiresAt < now || (afterTick && t.expiresAt === now)))
      out.push(`${t.id} still waits at ${now}, after its expiry at ${t.expiresAt}`);
  return out;
}

/**
 * After `tick(now)`: nothing due is left: no offer timeout, auto wrap-up, waiting chat, callback
 * window or disconnect grace.
 */
export function checkNothingOverdue(s: TenantState, now: Instant): string[] {
  const out: string[] = [];
  const next = s.timers.next();
  if (next && next.at <= now)
    out.push(`timer ${next.kind} of ${next.taskId ?? next.agentId} due ${next.at} is overdue at ${now}`);
  for (const t of s.tasks.values()) {
    if (t.status === "offered" && t.offer.expiresAt <= now)
      out.push(`offer of ${t.id} to ${t.offer.agentId} expired at ${t.offer.expiresAt} but is still open`);
    if (t.status === "scheduled" && t.dueAt <= now)
      out.push(`callback ${t.id} is still scheduled at ${now}, after its window opened at ${t.dueAt}`);
    for (const w of autoWrapUps(t))
      if (w.at <= now) out.push(`${w.agentId} is still wrapping ${t.id} after its auto wrap-up time ${w.at}`);
  }
  for (const a of s.agents.values())
    if (a.connection.status === "unavailable" && a.connection.graceUntil <= now)
      out.push(`${a.id}'s disconnect grace ended at ${a.connection.graceUntil} but nothing applied it`);
  return [...out, ...checkParked(s, now, true)];
}

/**
 * Checks the events of one step, one at a time, against a mirror state: a second state folded
 * from every event so far. Offers are made last in a command's step, but a clock advance may fire
 * several timers, each followed by its own offers, and earlier events of a step change the
 * agents an offer is checked against (a timeout sets RONA, a wrap-up frees capacity). Folding
 * the log up to just before an event gives exactly the state the engine decided that event in,
 * so each offer is checked against the agent as it was at that moment; checking against the
 * state before the step, or after it, would be wrong both ways. The mirror folds the log the
 * way `Engine.replay` does; the caller compares it with the live state after every step.
 * `cmd` is the step's command (null for a tick): a lost phone withdraws offers rather than
 * missing them.
 */
export function checkEvents(
  mirror: TenantState,
  events: readonly TenantEvent[],
  barred: Barred,
  cmd: Plain<Command> | null = null,
): string[] {
  const out: string[] = [];
  const config = mirror.config;
  // Agents whose desktop or phone is gone in this step: their offers are withdrawn, not missed.
  const gone = new Set<string>(cmd?.type === "DeviceLost" ? [cmd.agentId] : []);
  events.forEach((e, i) => {
    const rest = events.slice(i + 1);
    if (e.type === "agent.connection.grace_expired") gone.add(e.agentId);
    out.push(
      ...checkCallbackEvent(mirror, e, events.slice(0, i)),
      ...checkConversationEvent(mirror, e),
      ...checkConnectionEvent(mirror, e),
      ...checkFederationEvent(mirror, e, events.slice(0, i), rest),
    );
    const agent = "agentId" in e && e.agentId !== null ? mirror.agents.get(e.agentId) : undefined;
    const task = "taskId" in e ? mirror.tasks.get(e.taskId) : undefined;
    const profile = agent && config?.profiles.get(agent.profileId);
    switch (e.type) {
      case "offer.created": {
        if (!agent || !task || !profile) {
          out.push(`offer of ${e.taskId} to ${e.agentId}: no such agent or task`);
          break;
        }
        if (agent.presence.type !== "available")
          out.push(`offer of ${e.taskId} to ${e.agentId}, whose presence is ${agent.presence.type}`);
        if (agent.pending?.type === "logged_out")
          out.push(`offer of ${e.taskId} to ${e.agentId}, who is logging out`);
        if (agent.load[task.channel] + 1 > profile.capacity[task.channel])
          out.push(`offer of ${e.taskId} to ${e.agentId} exceeds ${task.channel} capacity`);
        if (barred.get(e.taskId)?.has(e.agentId))
          out.push(`offer of ${e.taskId} to ${e.agentId}, who is excluded or declined it`);
        if (task.status !== "queued") out.push(`offer of ${e.taskId}, which is ${task.status}`);
        const queue = config?.queues.get(task.queueId);
        if (!queue?.teamIds.includes(agent.station.teamId))
          out.push(`offer of ${e.taskId} to ${e.agentId}, whose team does not serve ${task.queueId}`);
        const timeoutSec = profile.offerTimeoutSec[task.channel];
        if (e.expiresAt !== e.at + timeoutSec * 1000)
          out.push(`offer of ${e.taskId} expires ${e.expiresAt - e.at} ms after it, not ${timeoutSec} s`);
        const flashAt = timeoutSec > 8 ? e.expiresAt - 5000 : null;
        if (e.flashAt !== flashAt) out.push(`offer of ${e.taskId} flashes at ${e.flashAt}, not ${flashAt}`);
        break;
      }
      case "task.picked": {
        // SES-15: a waiting work item, from a queue the agent's team serves, within capacity.
        if (!agent || !task || !profile) {
          out.push(`pick of ${e.taskId} by ${e.agentId}: no such agent or task`);
          break;
        }
        if (task.status !== "queued") out.push(`pick of ${e.taskId}, which is ${task.status}`);
        if (task.channel === "voice") out.push(`pick of call ${e.taskId}`);
        if (agent.presence.type === "rona") out.push(`pick of ${e.taskId} by ${e.agentId} in RONA`);
        if (agent.load[task.channel] + 1 > profile.capacity[task.channel])
          out.push(`pick of ${e.taskId} by ${e.agentId} exceeds ${task.channel} capacity`);
        if (task.excluded.includes(e.agentId)) out.push(`pick of ${e.taskId} by excluded ${e.agentId}`);
        if (!config?.queues.get(task.queueId)?.teamIds.includes(agent.station.teamId))
          out.push(`pick of ${e.taskId} by ${e.agentId}, whose team does not serve ${task.queueId}`);
        break;
      }
      case "offer.timed_out":
      case "offer.failed": {
        // The agent goes to RONA, unless already there; nothing else sets it.
        const wentRona = rest.some(
          (x) =>
            x.type === "agent.state.changed" &&
            x.agentId === e.agentId &&
            x.to.type === "rona" &&
            x.cause === (e.type === "offer.timed_out" ? "ring_no_answer" : "device_unreachable"),
        );
        // An offer withdrawn because nobody is at the desktop or phone is no missed offer (CON-1, CON-6).
        const withdrawn = e.type === "offer.failed" && gone.has(e.agentId);
        if (withdrawn && wentRona)
          out.push(`${e.taskId} was withdrawn from ${e.agentId}, whose desktop or phone is gone, with RONA`);
        if (!withdrawn && agent && agent.presence.type !== "rona" && !wentRona)
          out.push(`${e.type} of ${e.taskId} did not put ${e.agentId} in RONA`);
        if (task?.status !== "offered" || task.offer.agentId !== e.agentId)
          out.push(`${e.type} of ${e.taskId}, which is not offered to ${e.agentId}`);
        if (e.type === "offer.timed_out" && task?.status === "offered" && task.offer.expiresAt > e.at)
          out.push(`offer of ${e.taskId} timed out at ${e.at}, before it expired at ${task.offer.expiresAt}`);
        break;
      }
      case "agent.state.changed": {
        if (e.to.type === "rona" && (e.actor.kind !== "system" || e.cause === "chosen"))
          out.push(`${e.agentId} went to RONA by ${e.actor.kind} (${e.cause})`);
        // Out of RONA only by choice: made now, or made earlier as the pending state.
        if (agent?.presence.type === "rona" && e.to.type !== "rona")
          if (e.cause !== "chosen" && e.cause !== "pending_applied")
            out.push(`${e.agentId} left RONA without choosing (${e.cause})`);
        break;
      }
      case "agent.logged_out":
        // Applied after the last wrap-up, the mirror already shows that task gone.
        if (agent && (agent.offers.length > 0 || agent.tasks.length > 0))
          out.push(`${e.agentId} logged out holding offers [${agent.offers}] and tasks [${agent.tasks}]`);
        break;
      case "task.assigned":
        if (
          task?.status !== "offered" ||
          task.offer.agentId !== e.agentId ||
          task.offer.phase !== "requested"
        )
          out.push(`${e.taskId} assigned to ${e.agentId} without a delivered offer to that agent`);
        break;
      case "task.ended": {
        const auto = profile?.autoWrapUp;
        const due = auto?.enabled ? e.at + auto.afterSec * 1000 : null;
        if (e.autoWrapUpAt !== due)
          out.push(`${e.taskId} ended with auto wrap-up at ${e.autoWrapUpAt}, not ${due}`);
        break;
      }
      case "task.wrapup":
        if (e.auto && e.codeId !== config?.defaultWrapUpCode.id)
          out.push(`${e.taskId} was wrapped up automatically with ${e.codeId}, not the default code`);
        if (e.auto) {
          const part = task && engagementOf(task, e.agentId);
          const due = part?.status === "wrapping" ? part.autoWrapUpAt : null;
          if (due === null || due > e.at)
            out.push(`${e.taskId} was wrapped up automatically for ${e.agentId} before its time ${due}`);
        }
        break;
    }
    evolve(mirror, e);
    if (e.type === "offer.declined") barred.get(e.taskId)?.add(e.agentId);
    if (e.type === "task.outdial_placed" || e.type === "callback.created") barred.set(e.taskId, new Set());
    // A task keeps who it bars while it lives, a waiting persistent chat too; then its id is free.
    if ("taskId" in e && !mirror.tasks.has(e.taskId)) barred.delete(e.taskId);
    if (e.type === "callback.retry") {
      // CB-2: back in the queue for another attempt, and the agent free of it.
      const after = mirror.tasks.get(e.taskId);
      if (
        after?.status !== "queued" ||
        after.agents.length > 0 ||
        mirror.agents.get(e.agentId)?.tasks.includes(e.taskId)
      )
        out.push(`callback ${e.taskId} did not go back to its queue after nobody answered`);
    }
    if (e.type === "offer.timed_out" || e.type === "offer.failed" || e.type === "offer.declined") {
      // Back in its queue, keeping its place, and not with the agent who let it go.
      const after = mirror.tasks.get(e.taskId);
      if (after?.status !== "queued" || after.seq !== task?.seq)
        out.push(`${e.taskId} did not go back to its queue after ${e.type}`);
    }
  });
  return out;
}

const MINUTE = 60_000;

/**
 * CB-4: a window starts at least 30 minutes after it is set and at most 31 days ahead, and ends
 * after it starts; CB-6: a callback with an assignee is personal.
 */
function checkWindow(e: { taskId: string; at: Instant; callback: Callback }): string[] {
  const w = e.callback.window;
  const out: string[] = [];
  if (w && (w.start < e.at + 30 * MINUTE || w.start > e.at + 31 * 1440 * MINUTE || w.end <= w.start))
    out.push(`callback ${e.taskId} was set at ${e.at} for the window ${w.start}–${w.end}`);
  if ((e.callback.assignee !== null) !== (e.callback.kind === "personal"))
    out.push(`callback ${e.taskId} is ${e.callback.kind} with assignee ${e.callback.assignee}`);
  return out;
}

/**
 * CB-2, CB-6: a callback with a window is neither offered nor dialled before the window opens,
 * and a personal one is offered to its assignee alone. The window opens exactly once, at its
 * start, for a callback that is still scheduled; until then, and only until then, it can be
 * changed or deleted (CB-5). A callback goes back to its queue only when its customer's leg failed.
 */
function checkCallbackEvent(mirror: TenantState, e: TenantEvent, before: readonly TenantEvent[]): string[] {
  if (e.type === "callback.created") return checkWindow(e);
  const out: string[] = [];
  const task = "taskId" in e ? mirror.tasks.get(e.taskId) : undefined;
  const callback = task?.callback;
  if (!task || !callback) return out;
  const start = callback.window?.start ?? null;
  if (e.type === "callback.updated") out.push(...checkWindow(e));
  if (
    (e.type === "callback.updated" || e.type === "callback.deleted") &&
    !(task.status === "scheduled" && start !== null && e.at < start)
  )
    out.push(`callback ${task.id} was changed at ${e.at}; it is ${task.status}, its window starts ${start}`);
  if (e.type === "callback.retry") {
    const failed = before.some(
      (x) =>
        x.type === "participant.left" &&
        x.taskId === task.id &&
        x.partyId === CUSTOMER &&
        x.leg.status === "failed",
    );
    if (!failed || task.status !== "assigned" || task.agentId !== e.agentId)
      out.push(`callback ${task.id} was retried by ${e.agentId} though its customer's leg did not fail`);
  }
  if (e.type === "offer.created") {
    if (start !== null && e.at < start)
      out.push(`callback ${task.id} was offered at ${e.at}, before its window opens at ${start}`);
    if (callback.assignee !== null && e.agentId !== callback.assignee)
      out.push(`personal callback ${task.id} for ${callback.assignee} was offered to ${e.agentId}`);
  }
  if (e.type === "participant.joined" && e.party.id === CUSTOMER && start !== null && e.at < start)
    out.push(`callback ${task.id} dialled the customer at ${e.at}, before its window opens at ${start}`);
  if (e.type === "callback.due" && (task.status !== "scheduled" || e.at < task.dueAt || task.dueAt !== start))
    out.push(`callback ${task.id} came due at ${e.at}; it is ${task.status}, window ${start}`);
  return out;
}

/**
 * DIG-3: a waiting chat expires no earlier than its expiry — at it when a tick lands on it, the
 * overdue checks make sure — and a customer message re-opens it only while it still waits.
 * SES-11: the sentiment level is the mean of the last scored customer messages, and the alert is
 * up exactly when it is at or below the threshold.
 */
function checkConversationEvent(mirror: TenantState, e: TenantEvent): string[] {
  if (e.type === "conversation.sentiment_changed") {
    const settings = mirror.config?.config.sentiment;
    const scores = (mirror.tasks.get(e.taskId)?.conversation?.messages ?? []).flatMap((m) =>
      m.from === "customer" && m.sentiment !== null ? [m.sentiment] : [],
    );
    const recent = settings ? scores.slice(-settings.window) : [];
    const level = recent.reduce((a, b) => a + b, 0) / recent.length;
    if (!settings || Math.abs(e.level - level) > 1e-9 || e.alert !== level <= settings.threshold)
      return [`${e.taskId}'s sentiment went to ${e.level} (alert ${e.alert}); its last scores ${recent}`];
    return [];
  }
  if (e.type !== "conversation.expired" && e.type !== "conversation.reopened") return [];
  const task = mirror.tasks.get(e.taskId);
  if (task?.status !== "parked") return [`${e.type} of ${e.taskId}, which is ${task?.status ?? "gone"}`];
  if (e.type === "conversation.expired" && e.at < task.expiresAt)
    return [`${e.taskId} expired at ${e.at}, before its expiry at ${task.expiresAt}`];
  if (e.type === "conversation.reopened" && e.at >= task.expiresAt)
    return [`${e.taskId} was re-opened at ${e.at}, after its waiting ended at ${task.expiresAt}`];
  return [];
}

/**
 * CON-1…CON-5: connection events are about the agent's current login, and follow its connection:
 * lost only while connected, with the profile's grace; restored only while not; the grace expiring
 * no earlier than its end, into what LOAD says: logout with nothing in hand, logout deferred with
 * work open, or Not Ready with LOAD off.
 */
function checkConnectionEvent(mirror: TenantState, e: TenantEvent): string[] {
  if (
    e.type !== "agent.connection.lost" &&
    e.type !== "agent.connection.restored" &&
    e.type !== "agent.connection.grace_expired"
  )
    return [];
  const agent = mirror.agents.get(e.agentId);
  if (!agent || agent.generation !== e.generation)
    return [`${e.type} of ${e.agentId} login ${e.generation}, but the current login is ${agent?.generation}`];
  const c = agent.connection;
  if (e.type === "agent.connection.lost" && c.status !== "connected")
    return [`${e.agentId}'s connection was lost while ${c.status}`];
  if (e.type === "agent.connection.restored" && c.status === "connected")
    return [`${e.agentId}'s connection was restored while connected`];
  const policy = mirror.config?.profiles.get(agent.profileId)?.disconnect;
  if (e.type === "agent.connection.lost" && e.graceUntil !== e.at + (policy?.graceSec ?? Number.NaN) * 1000)
    return [`${e.agentId}'s grace runs to ${e.graceUntil}, not ${policy?.graceSec} s after ${e.at}`];
  if (e.type === "agent.connection.grace_expired") {
    if (c.status !== "unavailable" || e.at < c.graceUntil)
      return [`${e.agentId}'s grace expired at ${e.at} while ${c.status}`];
    const outcome = !policy?.logoutOnDisconnect
      ? "not_ready"
      : agent.tasks.length === 0
        ? "logged_out"
        : "logout_deferred";
    if (e.outcome !== outcome) return [`${e.agentId}'s grace ended in ${e.outcome}, not ${outcome}`];
  }
  return [];
}

/**
 * FED-1, FED-2: the federation makes an agent Idle only from Available, with its idle code, right
 * after the feed reported a busy status for that agent. FED-3: a call becoming active asks for the
 * on-call status for its agent — an accepted inbound call, or a customer who answered — and a
 * request is only ever about an agent on a voice call whose customer is up.
 */
function checkFederationEvent(
  mirror: TenantState,
  e: TenantEvent,
  before: readonly TenantEvent[],
  rest: readonly TenantEvent[],
): string[] {
  const out: string[] = [];
  const federation = mirror.config?.config.federation;
  const onCall = federation?.enabled ? federation.onCallStatus : null;
  const asked = (agentId: string, taskId: string) =>
    rest.some(
      (x) => x.type === "presence.external_requested" && x.agentId === agentId && x.taskId === taskId,
    );
  switch (e.type) {
    case "agent.state.changed": {
      if (e.cause !== "presence_federation") break;
      const busy = federation?.busyStatuses ?? DEFAULT_BUSY_STATUSES;
      const reported = before.some(
        (x) =>
          x.type === "presence.external_observed" && x.agentId === e.agentId && busy.includes(x.presence),
      );
      const agent = mirror.agents.get(e.agentId);
      if (!federation?.enabled || !reported || agent?.presence.type !== "available")
        out.push(
          `${e.agentId} went ${e.to.type} by federation from ${agent?.presence.type} without a busy report`,
        );
      if (e.to.type !== "idle" || e.to.codeId !== federation?.idleCodeId)
        out.push(`${e.agentId} went ${JSON.stringify(e.to)} by federation, not its idle code`);
      break;
    }
    case "task.assigned": {
      const task = mirror.tasks.get(e.taskId);
      if (onCall && task?.channel === "voice" && !task.callback && !asked(e.agentId, e.taskId))
        out.push(`${e.agentId} accepted call ${e.taskId} but the tool was not asked to show ${onCall}`);
      break;
    }
    case "participant.leg_changed": {
      const task = mirror.tasks.get(e.taskId);
      const was = task?.call?.parties.find((p) => p.id === e.partyId)?.leg.status;
      const owner = task?.status === "assigned" ? task.agentId : null;
      if (onCall && owner && e.partyId === CUSTOMER && was === "alerting" && e.leg.status === "connected")
        if (!asked(owner, e.taskId))
          out.push(
            `the customer of ${e.taskId} answered but the tool was not asked to show ${onCall} for ${owner}`,
          );
      break;
    }
    case "presence.external_requested": {
      const call = mirror.tasks.get(e.taskId)?.call;
      const up = (id: string) =>
        call?.parties.some((p) => p.id === id && (p.leg.status === "connected" || p.leg.status === "held"));
      const me = call?.parties.find((p) => p.agentId === e.agentId && p.bridge === "main");
      if (e.status !== onCall || !up(CUSTOMER) || !me || !up(me.id))
        out.push(
          `${e.agentId} was asked to show ${e.status} for ${e.taskId}, which is no active call of theirs`,
        );
      break;
    }
  }
  return out;
}
