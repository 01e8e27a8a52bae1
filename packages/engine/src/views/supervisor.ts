import type { AgentId } from "../shared/ids.ts";
import type { Instant } from "../shared/time.ts";
import type { TenantState } from "../tenant/state.ts";
import { type AgentTimers, agentTimers } from "./agentTimers.ts";
import { type QueueView, queueViews } from "./queueStats.ts";

export interface SupervisedAgent extends AgentTimers {
  readonly name: string;
  readonly teamId: string;
  /** Active contacts, with their channel and status. */
  readonly contacts: readonly {
    readonly taskId: string;
    readonly channel: string;
    readonly status: string;
  }[];
}

export interface SupervisorView {
  readonly agents: readonly SupervisedAgent[];
  readonly queues: readonly QueueView[];
}

/**
 * What a supervisor sees in real time: the logged-in agents of the own teams with their states,
 * timers and active contacts, and the queues those teams serve with waiting contacts, the longest
 * wait and the service level. Implements SUP-1.
 */
export function supervisorView(s: TenantState, supervisorId: AgentId, now: Instant): SupervisorView {
  const config = s.config;
  const teams = new Set<string>(config?.users.get(supervisorId)?.teamIds ?? []);
  if (!config || teams.size === 0) return { agents: [], queues: [] };
  const agents: SupervisedAgent[] = [];
  for (const agent of s.agents.values()) {
    if (!teams.has(agent.station.teamId)) continue;
    const timers = agentTimers(s, agent.id, now);
    if (!timers) continue;
    agents.push({
      ...timers,
      name: config.users.get(agent.id)?.name ?? agent.id,
      teamId: agent.station.teamId,
      contacts: agent.tasks.flatMap((id) => {
        const task = s.tasks.get(id);
        return task ? [{ taskId: id, channel: task.channel, status: task.status }] : [];
      }),
    });
  }
  agents.sort((a, b) => a.name.localeCompare(b.name));
  const queues = queueViews(s, now).filter((q) =>
    config.queues.get(q.queueId)?.teamIds.some((t) => teams.has(t)),
  );
  return { agents, queues };
}
