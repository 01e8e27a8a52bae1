import type { AgentId } from "../shared/ids.ts";
import type { Instant } from "../shared/time.ts";

/** One message of a chat, e-mail thread or social conversation (DIG-4). */
export interface Message {
  /** Position in the conversation, from 1: read markers point at it. */
  readonly seq: number;
  readonly from: "customer" | "agent" | "system";
  readonly agentId: AgentId | null;
  readonly text: string;
  readonly at: Instant;
  /** The host's sentiment score for a customer message, from -1 (negative) to 1; null if none. */
  readonly sentiment: number | null;
}

/** A digital task's conversation: its messages, who has read how far, and how it feels. */
export interface Conversation {
  readonly messages: readonly Message[];
  /** The last message each agent has read, by agent id (SES-12 unread counts). */
  readonly readUpTo: Readonly<Record<string, number>>;
  /** Mean score of the recent customer messages; null until one is scored (SES-11). */
  readonly sentiment: number | null;
  /** Raised when the level reached the tenant's threshold; cleared when it recovers. */
  readonly sentimentAlert: boolean;
  /** DIG-1: another agent asked to join, not yet accepted. */
  readonly conferenceRequest: {
    readonly by: AgentId;
    readonly agentId: AgentId;
    readonly at: Instant;
  } | null;
  /** DIG-3: a persistent chat waits after Close instead of ending. */
  readonly persistent: boolean;
  /** DIG-3: how many messages there were when the agent closed it; null while it is not closed. */
  readonly closedAfter: number | null;
}

export const emptyConversation = (persistent: boolean): Conversation => ({
  messages: [],
  readUpTo: {},
  sentiment: null,
  sentimentAlert: false,
  conferenceRequest: null,
  persistent,
  closedAfter: null,
});

/** Messages the agent has not read yet: customer messages after the agent's read marker. */
export const unreadFor = (c: Conversation, agentId: AgentId): number => {
  const upTo = c.readUpTo[agentId] ?? 0;
  return c.messages.filter((m) => m.seq > upTo && m.from === "customer").length;
};
