import type { AgentState } from "../src/agents/state.ts";
import { CHANNELS, type Channel, type PerChannel } from "../src/shared/channels.ts";
import type { AgentId } from "../src/shared/ids.ts";
import type { Instant } from "../src/shared/time.ts";
import { engagementOf, type Task } from "../src/tasks/state.ts";
import { evolve } from "../src/tenant/evolve.ts";
import type { TenantEvent } from "../src/tenant/messages.ts";
import type { TenantState } from "../src/tenant/state.ts";

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

const isBarred = (task: Task, agentId: AgentId): boolean =>
  task.excluded.includes(agentId) || task.declinedBy.includes(agentId);

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

/** Timers are exactly the offer timeouts of offered tasks and the auto wrap-ups of wrapping ones. */
export function checkTimers(s: TenantState): string[] {
  const expected: string[] = [];
  for (const t of s.tasks.values()) {
    if (t.status === "offered") expected.push(`offer_timeout:${t.id}@${t.offer.expiresAt}`);
    for (const w of autoWrapUps(t)) expected.push(`auto_wrap_up:${t.id}/${w.agentId}@${w.at}`);
  }
  const actual = s.timers
    .list()
    .map((t) => `${t.kind}:${t.taskId}${t.agentId ? `/${t.agentId}` : ""}@${t.at}`);
  const a = JSON.stringify(actual.sort());
  const e = JSON.stringify(expected.sort());
  return a === e ? [] : [`timers ${a} differ from the state's due times ${e}`];
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
  ...checkSettled(s),
  ...checkReadyIndex(s),
  ...checkWaitingIndex(s),
  ...checkTimers(s),
  ...checkDevices(s),
];

/** After `tick(now)`: no offer timeout or auto wrap-up is left overdue. */
export function checkNothingOverdue(s: TenantState, now: Instant): string[] {
  const out: string[] = [];
  const next = s.timers.next();
  if (next && next.at <= now)
    out.push(`timer ${next.kind} of ${next.taskId} due ${next.at} is overdue at ${now}`);
  for (const t of s.tasks.values()) {
    if (t.status === "offered" && t.offer.expiresAt <= now)
      out.push(`offer of ${t.id} to ${t.offer.agentId} expired at ${t.offer.expiresAt} but is still open`);
    for (const w of autoWrapUps(t))
      if (w.at <= now) out.push(`${w.agentId} is still wrapping ${t.id} after its auto wrap-up time ${w.at}`);
  }
  return out;
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
 */
export function checkEvents(mirror: TenantState, events: readonly TenantEvent[], barred: Barred): string[] {
  const out: string[] = [];
  const config = mirror.config;
  events.forEach((e, i) => {
    const rest = events.slice(i + 1);
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
        if (agent && agent.presence.type !== "rona" && !wentRona)
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
    if (e.type === "task.canceled" || e.type === "task.wrapup") barred.delete(e.taskId);
    if (e.type === "task.outdial_placed") barred.set(e.taskId, new Set());
    if (e.type === "offer.timed_out" || e.type === "offer.failed" || e.type === "offer.declined") {
      // Back in its queue, keeping its place, and not with the agent who let it go.
      const after = mirror.tasks.get(e.taskId);
      if (after?.status !== "queued" || after.seq !== task?.seq)
        out.push(`${e.taskId} did not go back to its queue after ${e.type}`);
    }
  });
  return out;
}
