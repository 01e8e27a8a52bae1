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

/** SUP-2: a supervisor listening to an agent on a call, running or paused. */
export interface MonitoringView {
  readonly taskId: string;
  readonly agentId: string;
  readonly supervisorId: string;
  readonly status: "monitoring" | "paused";
  readonly since: Instant;
}

export interface SupervisorView {
  readonly agents: readonly SupervisedAgent[];
  readonly queues: readonly QueueView[];
  /** SUP-2: who monitors which call of these agents, so a reload shows it. */
  readonly monitoring: readonly MonitoringView[];
}

/**
 * What a supervisor sees in real time: the logged-in agents of the own teams with their states,
 * timers and active contacts, and the queues those teams serve with waiting contacts, the longest
 * wait and the service level, and who monitors which of their calls. Implements SUP-1, SUP-2.
 */
export function supervisorView(s: TenantState, supervisorId: AgentId, now: Instant): SupervisorView {
  const config = s.config;
  const teams = new Set<string>(config?.users.get(supervisorId)?.teamIds ?? []);
  if (!config || teams.size === 0) return { agents: [], queues: [], monitoring: [] };
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
  const shown = new Set(agents.map((a) => a.agentId));
  const monitoring: MonitoringView[] = [];
  for (const task of s.tasks.values())
    for (const m of task.call?.monitors ?? [])
      if (shown.has(m.agentId) || m.supervisorId === supervisorId)
        monitoring.push({
          taskId: task.id,
          agentId: m.agentId,
          supervisorId: m.supervisorId,
          status: m.status,
          since: m.since,
        });
  return { agents, queues, monitoring };
}
