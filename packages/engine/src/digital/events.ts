import type { AgentId, TaskId } from "../shared/ids.ts";
import type { Instant } from "../shared/time.ts";
import type { Message } from "./state.ts";

export interface MessageAdded {
  readonly type: "conversation.message_added";
  readonly at: Instant;
  readonly taskId: TaskId;
  readonly message: Message;
  /** The agent who wrote it; null for the customer and the system. */
  readonly agentId: AgentId | null;
}

export interface ConversationRead {
  readonly type: "conversation.read";
  readonly at: Instant;
  readonly taskId: TaskId;
  readonly agentId: AgentId;
  readonly seq: number;
}

/**
 * SES-11: a scored customer message moved the conversation's sentiment level; `alert` says whether
 * the level is at or below the tenant threshold.
 */
export interface SentimentChanged {
  readonly type: "conversation.sentiment_changed";
  readonly at: Instant;
  readonly taskId: TaskId;
  readonly level: number;
  readonly alert: boolean;
}

export interface ConferenceRequested {
  readonly type: "conversation.conference_requested";
  readonly at: Instant;
  readonly taskId: TaskId;
  /** The requesting agent. */
  readonly agentId: AgentId;
  readonly targetAgentId: AgentId;
}

export interface ConferenceAnswered {
  readonly type: "conversation.conference_answered";
  readonly at: Instant;
  readonly taskId: TaskId;
  /** The asked agent. */
  readonly agentId: AgentId;
  readonly accepted: boolean;
}

/** DIG-3: Close: the owner wraps up and the chat will wait for the customer until `waitsUntil`. */
export interface ConversationClosed {
  readonly type: "conversation.closed";
  readonly at: Instant;
  readonly taskId: TaskId;
  readonly agentId: AgentId;
  readonly waitsUntil: Instant;
}

/** A waiting persistent chat comes back: the customer wrote again, so it queues for an agent. */
export interface ConversationReopened {
  readonly type: "conversation.reopened";
  readonly at: Instant;
  readonly taskId: TaskId;
}

/** A waiting persistent chat's time is over: the next contact starts fresh. */
export interface ConversationExpired {
  readonly type: "conversation.expired";
  readonly at: Instant;
  readonly taskId: TaskId;
}

export type DigitalEvent =
  | MessageAdded
  | ConversationRead
  | SentimentChanged
  | ConferenceRequested
  | ConferenceAnswered
  | ConversationClosed
  | ConversationReopened
  | ConversationExpired;

export const isDigitalEvent = (e: { readonly type: string }): e is DigitalEvent =>
  e.type.startsWith("conversation.");
