import type { AgentState } from "../agents/state.ts";
import { CHANNELS } from "../shared/channels.ts";
import type { AgentId, TaskId } from "../shared/ids.ts";
import { type Instant, seconds } from "../shared/time.ts";
import type { OfferCreated } from "../tasks/events.ts";
import type { Task } from "../tasks/state.ts";
import type { TenantState } from "../tenant/state.ts";
import { compareReady, type ReadyKey } from "./readyAgents.ts";
import type { WaitingKey } from "./waitingTasks.ts";

/** RTE-4: offers longer than 8 s flash their action button for the last 5 s. */
const FLASH_MIN_TIMEOUT_SEC = 8;
const FLASH_FOR_MS = 5_000;

/** Agents a task may not go to: excluded (RTE-7), who declined it, or anyone but a personal callback's assignee (CB-6). */
const barred = (agentId: AgentId, task: Task): boolean =>
  task.excluded.includes(agentId) ||
  task.declinedBy.includes(agentId) ||
  (task.callback?.assignee != null && task.callback.assignee !== agentId);

/** The longest-ready agent of the task's queue teams who may take it: O(teams · log agents). */
export function bestAgentFor(s: TenantState, task: Task): ReadyKey | undefined {
  const queue = s.config?.queues.get(task.queueId);
  if (!queue) return undefined;
  const restricted = task.excluded.length + task.declinedBy.length > 0 || task.callback?.assignee;
  let best: ReadyKey | undefined;
  for (const teamId of queue.teamIds) {
    const key = restricted
      ? s.ready.first(teamId, task.channel, barred, task)
      : s.ready.first(teamId, task.channel);
    if (key && (!best || compareReady(key, best) < 0)) best = key;
  }
  return best;
}

interface Seeker {
  readonly s: TenantState;
  readonly agentId: AgentId;
}

const mayTake = (key: WaitingKey, { s, agentId }: Seeker): boolean => {
  const task = s.tasks.get(key.id);
  return task !== undefined && !barred(agentId, task);
};

/** The most urgent waiting task the agent may take, over the queues its team serves. */
export function bestTaskFor(s: TenantState, agent: AgentState): WaitingKey | undefined {
  const config = s.config;
  if (!config) return undefined;
  const seeker: Seeker = { s, agentId: agent.id };
  let best: WaitingKey | undefined;
  for (const channel of CHANNELS) {
    if (!s.ready.isReady(agent.id, channel)) continue;
    for (const queue of config.queuesServedBy(agent.station.teamId, channel))
      best = s.waiting.firstAdmitted(queue.id, best, mayTake, seeker) ?? best;
  }
  return best;
}

export function offerEvent(s: TenantState, task: Task, agentId: AgentId, now: Instant): OfferCreated {
  const profileId = s.agents.get(agentId)?.profileId;
  const timeoutSec = (profileId && s.config?.profiles.get(profileId)?.offerTimeoutSec[task.channel]) || 18;
  const expiresAt = now + seconds(timeoutSec);
  return {
    type: "offer.created",
    at: now,
    taskId: task.id,
    agentId,
    expiresAt,
    flashAt: timeoutSec > FLASH_MIN_TIMEOUT_SEC ? expiresAt - FLASH_FOR_MS : null,
  };
}

export interface Touched {
  readonly agents: Iterable<AgentId>;
  readonly tasks: Iterable<TaskId>;
  /** Configuration changed: every ready agent looks for work. */
  readonly everything: boolean;
}

/**
 * Makes the offers that the last change made possible, one decision at a time, applying each
 * before the next. Agents who gained room pick the most urgent task; tasks that became waiting
 * go to the longest-ready agent. Pairs untouched by the change were unmatched before and still are.
 * Implements RTE-1, AGT-4.
 */
export function route(
  s: TenantState,
  touched: Touched,
  now: Instant,
  apply: (offer: OfferCreated) => void,
): void {
  const agents = touched.everything ? readyAgentsLongestFirst(s) : touched.agents;
  for (const agentId of agents) {
    for (;;) {
      const agent = s.agents.get(agentId);
      const key = agent && bestTaskFor(s, agent);
      const task = key && s.tasks.get(key.id);
      if (!agent || !task) break;
      apply(offerEvent(s, task, agent.id, now));
    }
  }
  for (const taskId of touched.tasks) {
    const task = s.tasks.get(taskId);
    if (task?.status !== "queued") continue;
    const key = bestAgentFor(s, task);
    if (key) apply(offerEvent(s, task, key.id, now));
  }
}

function readyAgentsLongestFirst(s: TenantState): AgentId[] {
  return [...s.agents.values()]
    .filter((a) => a.presence.type === "available")
    .sort((a, b) => a.presence.since - b.presence.since || (a.id < b.id ? -1 : 1))
    .map((a) => a.id);
}
