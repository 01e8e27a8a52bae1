import {
  type AgentId,
  agentTimers,
  callView,
  conversationView,
  engagementOf,
  type Plain,
  type Task,
  type TaskId,
  taskVariables,
} from "@parley/engine";
import type { AgentView, Me, TaskView } from "@parley/protocol";
import type { Principal } from "../auth/principal.ts";
import type { TenantHost } from "../tenancy/host.ts";
import { configOf, userOf } from "./access.ts";
import { Problem } from "./problem.ts";

/** Administrators read secure values; everyone else sees them masked until revealed (CALL-7). */
export const canSeeSecure = (p: Principal) => p.roles.includes("admin");

export function agentView(host: TenantHost, agentId: string, now: number): AgentView | null {
  const agent = host.engine.state.agents.get(agentId as AgentId);
  const timers = agentTimers(host.engine.state, agentId as AgentId, now);
  if (!agent || !timers) return null;
  const station = agent.station as Plain<typeof agent.station>;
  return {
    agentId,
    name: userOf(host, agentId)?.name ?? agentId,
    teamId: station.teamId,
    station: {
      teamId: station.teamId,
      device: station.device,
      address: station.address ?? null,
      line: station.line ?? null,
    },
    generation: agent.generation,
    presence: agent.presence as Plain<typeof agent.presence>,
    pending: (agent.pending as Plain<typeof agent.pending>) ?? null,
    engaged: timers.engaged,
    showStateTimer: timers.showStateTimer,
    inState: timers.inState,
    idleTotal: timers.idleTotal,
    connection: agent.connection.status,
  };
}

export function taskView(host: TenantHost, task: Task, p: Principal, reveal = false): TaskView {
  const reader = p.userId as AgentId;
  const config = configOf(host);
  const part = engagementOf(task, reader);
  const conversation = task.conversation ? conversationView(host.engine.state, task.id, reader) : null;
  const call = task.channel === "voice" ? callView(task, reader, config ?? {}) : null;
  return {
    id: task.id,
    channel: task.channel,
    status: task.status,
    entryPointId: task.entryPointId,
    queueId: task.queueId,
    priority: task.priority,
    customer: { ...task.customer },
    createdAt: task.createdAt,
    offer:
      task.status === "offered" && task.offer.agentId === reader
        ? { phase: task.offer.phase, expiresAt: task.offer.expiresAt, flashAt: task.offer.flashAt }
        : null,
    role: part?.role ?? null,
    wrapping: part?.status === "wrapping",
    call: call as Plain<typeof call>,
    variables: taskVariables(host.engine.state, task.id, {
      agentId: reader,
      canSeeSecure: canSeeSecure(p) || (reveal && part?.status === "active"),
      revealSecure: reveal,
    }) as TaskView["variables"],
    conversation: conversation
      ? {
          state: conversation.state,
          messages: conversation.messages.map((m) => ({ ...m })) as Plain<typeof conversation.messages>,
          unread: conversation.unread,
          sentiment: conversation.sentiment,
          sentimentAlert: conversation.sentimentAlert,
        }
      : null,
  };
}

/** The tasks a user sees on the desktop: offered to them, or with a part for them. */
export function tasksOf(host: TenantHost, p: Principal): TaskView[] {
  const s = host.engine.state;
  const agent = s.agents.get(p.userId as AgentId);
  const ids = new Set<string>([...(agent?.offers ?? []), ...(agent?.tasks ?? [])]);
  return [...ids].flatMap((id) => {
    const t = s.tasks.get(id as TaskId);
    return t ? [taskView(host, t, p)] : [];
  });
}

export function meView(host: TenantHost, p: Principal, now: number): Me {
  const config = configOf(host);
  const user = userOf(host, p.userId);
  if (!config || !user) throw new Problem("UNKNOWN_USER", `No user ${p.userId} in this tenant`);
  const agent = agentView(host, p.userId, now);
  const profile = config.profiles.find((pr) => pr.id === user.profileId);
  const codes = (ids: readonly string[]) =>
    config.auxCodes
      .filter((c) => ids.includes(c.id))
      .map((c) => ({ id: c.id, name: c.name, isDefault: c.isDefault }));
  return {
    user: {
      tenantId: p.tenantId,
      id: user.id,
      name: user.name,
      roles: [...user.roles],
      teamIds: [...user.teamIds],
    },
    agent,
    tasks: tasksOf(host, p),
    idleCodes: codes(profile?.idleCodeIds ?? []),
    wrapUpCodes: codes(profile?.wrapUpCodeIds ?? []),
    now,
  };
}
