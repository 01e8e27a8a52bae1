import type { AgentId, TaskId } from "../shared/ids.ts";
import { engagementOf } from "../tasks/state.ts";
import type { TenantState } from "../tenant/state.ts";
import { type Message, unreadFor } from "./state.ts";

/** DIG-1: e-mail shows Wrap-up; chat and social also Conference requested and Conference. */
export type ConversationState = "active" | "conference_requested" | "conference" | "wrap_up" | "waiting";

export interface ConversationView {
  readonly taskId: TaskId;
  readonly state: ConversationState;
  readonly messages: readonly Message[];
  /** SES-12: customer messages this agent has not read. */
  readonly unread: number;
  readonly sentiment: number | null;
  /** SES-11: the session icon shows the alert. */
  readonly sentimentAlert: boolean;
  readonly persistent: boolean;
}

/** A digital task's session as one agent sees it. Implements DIG-1, DIG-2, DIG-4. */
export function conversationView(s: TenantState, taskId: TaskId, agentId: AgentId): ConversationView | null {
  const task = s.tasks.get(taskId);
  const c = task?.conversation;
  if (!task || !c) return null;
  const part = engagementOf(task, agentId);
  const active = task.agents.filter((g) => g.status === "active").length;
  const state: ConversationState =
    task.status === "parked"
      ? "waiting"
      : part?.status === "wrapping"
        ? "wrap_up"
        : c.conferenceRequest
          ? "conference_requested"
          : active >= 2
            ? "conference"
            : "active";
  return {
    taskId,
    state,
    messages: c.messages,
    unread: unreadFor(c, agentId),
    sentiment: c.sentiment,
    sentimentAlert: c.sentimentAlert,
    persistent: c.persistent,
  };
}

/** Unread customer messages per conversation the agent is on (SES-12). */
export function unreadCounts(s: TenantState, agentId: AgentId): Record<string, number> {
  const out: Record<string, number> = {};
  for (const taskId of s.agents.get(agentId)?.tasks ?? []) {
    const c = s.tasks.get(taskId)?.conversation;
    if (c) out[taskId] = unreadFor(c, agentId);
  }
  return out;
}
