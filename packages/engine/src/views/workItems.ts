import { compareWaiting, type WaitingKey } from "../routing/waitingTasks.ts";
import { type Channel, DIGITAL_CHANNELS } from "../shared/channels.ts";
import type { AgentId } from "../shared/ids.ts";
import type { Instant } from "../shared/time.ts";
import { CLOSED_WORK_LIMIT, closesOf } from "../tasks/closedWork.ts";
import type { TenantState } from "../tenant/state.ts";

/** A waiting work item an agent may pick (SES-15). */
export interface OpenWorkItem {
  readonly taskId: string;
  readonly channel: "chat" | "email" | "social";
  readonly customerName: string | null;
  readonly customerAddress: string | null;
  readonly queueId: string;
  readonly queueName: string;
  /** When it entered its queue: the wait the queue statistics count. */
  readonly waitingSince: Instant;
}

export const OPEN_WORK_ITEMS_LIMIT = 50;

/**
 * The waiting chat, e-mail and social contacts in the queues the agent's login team serves, most
 * urgent first (the queue's service order), at most `limit`; none when logged out. Tasks that
 * exclude the agent are left out. Implements SES-15 (Open work items).
 */
export function openWorkItems(
  s: TenantState,
  agentId: AgentId,
  limit = OPEN_WORK_ITEMS_LIMIT,
): OpenWorkItem[] {
  const config = s.config;
  const agent = s.agents.get(agentId);
  if (!config || !agent) return [];
  const keys: WaitingKey[] = [];
  for (const channel of DIGITAL_CHANNELS)
    for (const queue of config.queuesServedBy(agent.station.teamId, channel)) {
      let taken = 0;
      // Each queue yields in service order: its first `limit` eligible tasks are all it can add.
      for (const key of s.waiting.inOrder(queue.id)) {
        if (taken >= limit) break;
        const task = s.tasks.get(key.id);
        if (task?.status !== "queued" || task.excluded.includes(agentId)) continue;
        keys.push(key);
        taken++;
      }
    }
  keys.sort(compareWaiting);
  const out: OpenWorkItem[] = [];
  for (const key of keys.slice(0, limit)) {
    const task = s.tasks.get(key.id);
    if (!task) continue;
    out.push({
      taskId: task.id,
      channel: task.channel as OpenWorkItem["channel"],
      customerName: task.customer.name ?? null,
      customerAddress: task.customer.address ?? null,
      queueId: task.queueId,
      queueName: config.queues.get(task.queueId)?.name ?? task.queueId,
      waitingSince: task.enteredQueueAt,
    });
  }
  return out;
}

/** A contact the agent's part in is over (SES-15): what Home's closed work items show. */
export interface ClosedWorkItem {
  readonly taskId: string;
  readonly channel: Channel;
  readonly customerName: string | null;
  /** A caller's number as stored: hosts mask it for readers who may not see it (POP-7). */
  readonly customerAddress: string | null;
  readonly queueId: string;
  readonly queueName: string;
  readonly role: "owner" | "consulted" | "conferee";
  readonly startedAt: Instant;
  readonly closedAt: Instant;
  readonly wrapUpCodeId: string | null;
  readonly wrapUpCodeName: string | null;
}

/**
 * The contacts the agent wrapped up, or left as a consulted agent or conferee, newest first, at
 * most `CLOSED_WORK_LIMIT`; each contact once, at its latest close. Kept in the state across
 * logins, so a reload or another browser shows the same list. Implements SES-15 (Closed work items).
 */
export function closedWorkItems(s: TenantState, agentId: AgentId): ClosedWorkItem[] {
  const config = s.config;
  const out: ClosedWorkItem[] = [];
  const listed = new Set<string>();
  for (const item of closesOf(s, agentId)) {
    if (out.length === CLOSED_WORK_LIMIT) break;
    if (listed.has(item.taskId)) continue;
    listed.add(item.taskId);
    const code = item.wrapUpCodeId === null ? undefined : config?.auxCodes.get(item.wrapUpCodeId);
    out.push({
      taskId: item.taskId,
      channel: item.channel,
      customerName: item.customer.name ?? null,
      customerAddress: item.customer.address ?? null,
      queueId: item.queueId,
      queueName: config?.queues.get(item.queueId)?.name ?? item.queueId,
      role: item.role,
      startedAt: item.startedAt,
      closedAt: item.closedAt,
      wrapUpCodeId: item.wrapUpCodeId,
      wrapUpCodeName: item.wrapUpCodeId === null ? null : (code?.name ?? item.wrapUpCodeId),
    });
  }
  return out;
}
