import {
  type AgentId,
  agentTimers,
  callbackAssignees,
  callbackEntryPointsFor,
  callView,
  closedWorkItems,
  conversationView,
  engagementOf,
  maskPhoneNumber,
  openWorkItems,
  type Plain,
  presenceSync,
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

/**
 * POP-7: under the tenant's sensitive-data protection everyone but administrators sees a caller's
 * number cut to its last four digits — in views here and in events (socket/mask.ts).
 */
export const masksNumbers = (host: TenantHost, p: Principal): boolean =>
  configOf(host)?.sensitiveDataProtection === true && !canSeeSecure(p);

/** A caller's number as the reader may see it (POP-7). */
export const shownNumber = (number: string, mask: boolean): string =>
  mask ? maskPhoneNumber(number) : number;

export function agentView(host: TenantHost, agentId: string, now: number): AgentView | null {
  const agent = host.engine.state.agents.get(agentId as AgentId);
  const timers = agentTimers(host.engine.state, agentId as AgentId, now);
  const sync = presenceSync(host.engine.state, agentId as AgentId);
  if (!agent || !timers || !sync) return null;
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
    presenceSync: sync as Plain<typeof sync>,
  };
}

export function taskView(host: TenantHost, task: Task, p: Principal, reveal = false): TaskView {
  const reader = p.userId as AgentId;
  const config = configOf(host);
  const part = engagementOf(task, reader);
  const conversation = task.conversation ? conversationView(host.engine.state, task.id, reader) : null;
  const rawCall = task.channel === "voice" ? callView(task, reader, config ?? {}) : null;
  // POP-7: a voice contact's address is the caller's number; e-mail and social handles are not numbers.
  const mask = task.channel === "voice" && masksNumbers(host, p);
  const call =
    rawCall && mask
      ? {
          ...rawCall,
          participants: rawCall.participants.map((x) =>
            x.kind === "customer" && x.number ? { ...x, number: maskPhoneNumber(x.number) } : x,
          ),
        }
      : rawCall;
  const customer = { ...task.customer };
  if (mask && customer.address) customer.address = maskPhoneNumber(customer.address);
  const cb = task.callback;
  const ep = config?.entryPoints.find((e) => e.id === task.entryPointId);
  const offered = task.status === "offered" && task.offer.agentId === reader;
  return {
    id: task.id,
    channel: task.channel,
    status: task.status,
    entryPointId: task.entryPointId,
    queueId: task.queueId,
    priority: task.priority,
    customer,
    createdAt: task.createdAt,
    offer: offered
      ? { phase: task.offer.phase, expiresAt: task.offer.expiresAt, flashAt: task.offer.flashAt }
      : null,
    role: part?.role ?? null,
    wrapping: part?.status === "wrapping",
    autoWrapUpAt: part?.status === "wrapping" ? part.autoWrapUpAt : null,
    call: call as Plain<typeof call>,
    variables: taskVariables(host.engine.state, task.id, {
      agentId: reader,
      // An agent on the call may fetch secure values: every read offers "Click to retry" (revealable),
      // only a read asking for it (reveal) shows them.
      canSeeSecure: canSeeSecure(p) || part?.status === "active",
      revealSecure: reveal,
    }) as TaskView["variables"],
    conversation: conversation
      ? {
          state: conversation.state,
          messages: conversation.messages.map((m) => ({ ...m })) as Plain<typeof conversation.messages>,
          unread: conversation.unread,
          sentiment: conversation.sentiment,
          sentimentAlert: conversation.sentimentAlert,
          persistent: conversation.persistent,
        }
      : null,
    callback: cb
      ? {
          kind: cb.kind,
          number: shownNumber(cb.number, masksNumbers(host, p)),
          name: cb.name,
          window: cb.window ? { ...cb.window } : null,
          reason: cb.reason,
          dnis: ep?.dialNumber ?? null,
          queueName: configOf(host)?.queues.find((q) => q.id === task.queueId)?.name ?? null,
          offeredAt: offered ? task.offer.offeredAt : null,
        }
      : null,
    screenPop: ep?.screenPop ? { ...ep.screenPop } : { kind: "contact_card" },
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

/** SES-15: the user's closed work items; a call's address is the caller's number (POP-7). */
function closedItemsOf(host: TenantHost, p: Principal): Me["closedWorkItems"] {
  const mask = masksNumbers(host, p);
  return closedWorkItems(host.engine.state, p.userId as AgentId).map((item) =>
    mask && item.channel === "voice" && item.customerAddress !== null
      ? { ...item, customerAddress: shownNumber(item.customerAddress, true) }
      : item,
  );
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
    callbackEntryPoints: user.roles.some((r) => r === "agent" || r === "supervisor")
      ? callbackEntryPointsFor(host.engine.state, p.userId as AgentId)
      : [],
    openWorkItems: openWorkItems(host.engine.state, p.userId as AgentId),
    closedWorkItems: closedItemsOf(host, p),
    teamAgents: callbackAssignees(host.engine.state, p.userId as AgentId),
    now,
  };
}
