import type { AgentId, TaskId } from "../shared/ids.ts";
import type { TenantState } from "../tenant/state.ts";

export type WaitReason =
  | "NO_AGENT_LOGGED_IN"
  | "CHANNEL_NOT_HANDLED"
  | "NO_AGENT_AVAILABLE"
  | "ALL_AT_CAPACITY"
  | "ALL_EXCLUDED"
  | "ROUTABLE";

export interface AgentCounts {
  /** Logged in to a team that serves the queue. */
  readonly loggedIn: number;
  /** … whose profile handles the channel at all. */
  readonly handleChannel: number;
  readonly idle: number;
  readonly rona: number;
  readonly pendingLogout: number;
  readonly available: number;
  readonly atCapacity: number;
  readonly excluded: number;
}

export type TaskExplanation =
  | { readonly status: "offered"; readonly agentId: AgentId; readonly message: string }
  | { readonly status: "assigned" | "wrapping"; readonly agentId: AgentId; readonly message: string }
  | { readonly status: "parked"; readonly expiresAt: number; readonly message: string }
  | { readonly status: "scheduled"; readonly dueAt: number; readonly message: string }
  | {
      readonly status: "queued";
      readonly reason: WaitReason;
      readonly position: number;
      readonly agents: AgentCounts;
      readonly message: string;
    };

/**
 * Why a task is where it is — for a waiting task, why no agent has it yet, with the counts that
 * show it. A query for people (supervisors, admins), so it may look at every agent of the queue's
 * teams. Null for an unknown task.
 */
export function explainTask(s: TenantState, taskId: TaskId): TaskExplanation | null {
  const task = s.tasks.get(taskId);
  const queue = task && s.config?.queues.get(task.queueId);
  if (!task || !queue) return null;
  if (task.status === "offered")
    return { status: "offered", agentId: task.offer.agentId, message: `Offered to ${task.offer.agentId}` };
  if (task.status === "scheduled")
    return { status: "scheduled", dueAt: task.dueAt, message: "A callback waiting for its window to open" };
  if (task.status === "parked")
    return {
      status: "parked",
      expiresAt: task.expiresAt,
      message: "Closed: waiting for the customer to write again",
    };
  if (task.status !== "queued")
    return { status: task.status, agentId: task.agentId, message: `With ${task.agentId} (${task.status})` };

  const counts = {
    loggedIn: 0,
    handleChannel: 0,
    idle: 0,
    rona: 0,
    pendingLogout: 0,
    available: 0,
    atCapacity: 0,
    excluded: 0,
  };
  for (const agent of s.agents.values()) {
    if (!queue.teamIds.includes(agent.station.teamId)) continue;
    counts.loggedIn++;
    const capacity = s.config?.profiles.get(agent.profileId)?.capacity[task.channel] ?? 0;
    if (capacity === 0) continue;
    counts.handleChannel++;
    if (agent.presence.type === "idle") counts.idle++;
    else if (agent.presence.type === "rona") counts.rona++;
    else if (agent.pending?.type === "logged_out") counts.pendingLogout++;
    else {
      counts.available++;
      if (agent.load[task.channel] >= capacity) counts.atCapacity++;
      else if (
        task.excluded.includes(agent.id) ||
        task.declinedBy.includes(agent.id) ||
        (task.callback?.assignee != null && task.callback.assignee !== agent.id)
      )
        counts.excluded++;
    }
  }
  let position = 1;
  for (const key of s.waiting.inOrder(queue.id)) {
    if (key.id === task.id) break;
    position++;
  }
  const [reason, message] = ((): [WaitReason, string] => {
    if (counts.loggedIn === 0)
      return ["NO_AGENT_LOGGED_IN", `No agent is logged in to a team of queue ${queue.name}`];
    if (counts.handleChannel === 0)
      return ["CHANNEL_NOT_HANDLED", `No logged-in agent of queue ${queue.name} handles ${task.channel}`];
    if (counts.available === 0)
      return [
        "NO_AGENT_AVAILABLE",
        `No agent is available (of ${counts.handleChannel}): ${counts.idle} Idle, ${counts.rona} RONA, ${counts.pendingLogout} logging out`,
      ];
    if (counts.atCapacity === counts.available)
      return [
        "ALL_AT_CAPACITY",
        `Every available agent (${counts.available}) is at their ${task.channel} capacity`,
      ];
    if (counts.atCapacity + counts.excluded === counts.available)
      return [
        "ALL_EXCLUDED",
        `The available agents with room (${counts.excluded}) declined it or may not take it`,
      ];
    return ["ROUTABLE", "An agent can take it: it is offered at the next routing step"];
  })();
  return { status: "queued", reason, position, agents: counts, message };
}
