import type { PendingState, Presence } from "../agents/state.ts";
import type { Channel } from "../shared/channels.ts";
import type { AgentId, AuxCodeId, TaskId } from "../shared/ids.ts";
import type { Duration, Instant } from "../shared/time.ts";
import { engagementOf, type Task } from "../tasks/state.ts";
import type { TenantState } from "../tenant/state.ts";

export interface InteractionTimer {
  readonly taskId: TaskId;
  readonly channel: Channel;
  readonly status: "assigned" | "wrapping";
  /** TMR-3: time since the interaction was accepted. */
  readonly connected: Duration;
  /** TMR-3: time in the interaction's current state (e.g. in wrap-up). */
  readonly inState: Duration;
}

/** Everything the state field and the task list need to draw their timers. */
export interface AgentTimers {
  readonly agentId: AgentId;
  readonly presence: Presence["type"];
  readonly idleCodeId: AuxCodeId | null;
  readonly engaged: boolean;
  /** TMR-4: while engaged the state field shows no timer. */
  readonly showStateTimer: boolean;
  /** TMR-1: time in the current state, reset by every state change. */
  readonly inState: Duration;
  /** TMR-2: the unbroken idle time across idle codes, shown as `current/total`. */
  readonly idleTotal: Duration | null;
  readonly pending: PendingState | null;
  readonly interactions: readonly InteractionTimer[];
}

const interactionTimer = (task: Task, agentId: AgentId, now: Instant): InteractionTimer | null => {
  const part = engagementOf(task, agentId);
  if (!part) return null;
  return {
    taskId: task.id,
    channel: task.channel,
    status: part.status === "wrapping" ? "wrapping" : "assigned",
    connected: now - part.since,
    inState: now - (part.status === "wrapping" ? part.endedAt : part.since),
  };
};

/** The agent's timers at `now`; null when the agent is logged out. Implements TMR-1…TMR-4. */
export function agentTimers(s: TenantState, agentId: AgentId, now: Instant): AgentTimers | null {
  const agent = s.agents.get(agentId);
  if (!agent) return null;
  const interactions = agent.tasks.flatMap((id) => {
    const task = s.tasks.get(id);
    const timer = task && interactionTimer(task, agentId, now);
    return timer ? [timer] : [];
  });
  const engaged = interactions.length > 0;
  return {
    agentId,
    presence: agent.presence.type,
    idleCodeId: agent.presence.type === "idle" ? agent.presence.codeId : null,
    engaged,
    showStateTimer: !engaged,
    inState: now - agent.presence.since,
    idleTotal: agent.idleSince === null ? null : now - agent.idleSince,
    pending: agent.pending,
    interactions,
  };
}

/** `mm:ss`, or `h:mm:ss` from an hour on, as the desktop shows timers. */
export function formatTimer(ms: Duration): string {
  const total = Math.max(0, Math.floor(ms / 1000));
  const h = Math.floor(total / 3600);
  const m = Math.floor((total % 3600) / 60);
  const sec = total % 60;
  const two = (n: number) => String(n).padStart(2, "0");
  return h > 0 ? `${h}:${two(m)}:${two(sec)}` : `${two(m)}:${two(sec)}`;
}
