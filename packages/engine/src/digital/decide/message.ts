import { accept, type Decision, type Rejection, reject } from "../../shared/decision.ts";
import { activeTask, isRejection } from "../../shared/guards.ts";
import type { TaskId } from "../../shared/ids.ts";
import type { Instant } from "../../shared/time.ts";
import { engagementOf, type Task } from "../../tasks/state.ts";
import type { TenantState } from "../../tenant/state.ts";
import type { CustomerMessage, MarkRead, SendMessage } from "../commands.ts";
import type { DigitalEvent } from "../events.ts";
import type { Conversation } from "../state.ts";

export const MAX_MESSAGE_LENGTH = 10_000;

export function conversationOf(
  s: TenantState,
  taskId: TaskId,
): { task: Task; conversation: Conversation } | Rejection {
  const task = activeTask(s, taskId);
  if (isRejection(task)) return task;
  return task.conversation
    ? { task, conversation: task.conversation }
    : reject("NOT_A_CONVERSATION", `Task ${taskId} is a call, not a conversation`);
}

function checkText(text: string): Rejection | null {
  if (text.trim() === "") return reject("MESSAGE_INVALID", "A message needs some text");
  if (text.length > MAX_MESSAGE_LENGTH)
    return reject("MESSAGE_INVALID", `A message has at most ${MAX_MESSAGE_LENGTH} characters`);
  return null;
}

/**
 * A customer message is stored with the conversation (DIG-4). A scored one moves the sentiment
 * level — the mean of the last messages — and raises or clears the alert at the tenant threshold
 * (SES-11). A message to a closed persistent chat re-opens it (DIG-3). Implements DIG-3, DIG-4.
 */
export function decideCustomerMessage(
  cmd: CustomerMessage,
  s: TenantState,
  now: Instant,
): Decision<DigitalEvent> {
  const found = conversationOf(s, cmd.taskId);
  if (isRejection(found)) return found;
  const { task, conversation } = found;
  const invalid = checkText(cmd.text);
  if (invalid) return invalid;
  const score = cmd.sentiment ?? null;
  if (score !== null && !(score >= -1 && score <= 1))
    return reject("MESSAGE_INVALID", "A sentiment score is between -1 and 1", { sentiment: score });
  const message = {
    seq: conversation.messages.length + 1,
    from: "customer" as const,
    agentId: null,
    text: cmd.text,
    at: now,
    sentiment: score,
  };
  const events: DigitalEvent[] = [
    { type: "conversation.message_added", at: now, taskId: task.id, message, agentId: null },
  ];
  const settings = s.config?.config.sentiment;
  if (score !== null && settings) {
    const scores = [...conversation.messages, message].flatMap((m) =>
      m.from === "customer" && m.sentiment !== null ? [m.sentiment] : [],
    );
    const recent = scores.slice(-settings.window);
    const level = recent.reduce((a, b) => a + b, 0) / recent.length;
    events.push({
      type: "conversation.sentiment_changed",
      at: now,
      taskId: task.id,
      level,
      alert: level <= settings.threshold,
    });
  }
  if (task.status === "parked") events.push({ type: "conversation.reopened", at: now, taskId: task.id });
  return accept(...events);
}

/** An agent on the conversation replies; what they wrote counts as read. Implements DIG-4. */
export function decideSendMessage(cmd: SendMessage, s: TenantState, now: Instant): Decision<DigitalEvent> {
  const found = conversationOf(s, cmd.taskId);
  if (isRejection(found)) return found;
  const { task, conversation } = found;
  if (task.status !== "assigned" || engagementOf(task, cmd.agentId)?.status !== "active")
    return reject("NOT_ON_CONVERSATION", `Agent ${cmd.agentId} is not on conversation ${task.id}`);
  const invalid = checkText(cmd.text);
  if (invalid) return invalid;
  const seq = conversation.messages.length + 1;
  const message = {
    seq,
    from: "agent" as const,
    agentId: cmd.agentId,
    text: cmd.text,
    at: now,
    sentiment: null,
  };
  return accept(
    { type: "conversation.message_added", at: now, taskId: task.id, message, agentId: cmd.agentId },
    { type: "conversation.read", at: now, taskId: task.id, agentId: cmd.agentId, seq },
  );
}

/** The agent read up to a message: the unread count drops (SES-12). Markers only move forward. */
export function decideMarkRead(cmd: MarkRead, s: TenantState, now: Instant): Decision<DigitalEvent> {
  const found = conversationOf(s, cmd.taskId);
  if (isRejection(found)) return found;
  const { task, conversation } = found;
  if (!engagementOf(task, cmd.agentId))
    return reject("NOT_ON_CONVERSATION", `Agent ${cmd.agentId} is not on conversation ${task.id}`);
  if (!Number.isInteger(cmd.seq) || cmd.seq < 1 || cmd.seq > conversation.messages.length)
    return reject("MESSAGE_INVALID", `There is no message ${cmd.seq} in conversation ${task.id}`);
  if (cmd.seq <= (conversation.readUpTo[cmd.agentId] ?? 0)) return accept();
  return accept({ type: "conversation.read", at: now, taskId: task.id, agentId: cmd.agentId, seq: cmd.seq });
}
