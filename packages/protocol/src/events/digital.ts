// Digital conversation events: chat, e-mail and social messages, read markers, sentiment,
// conference requests, and persistent chats closing, re-opening and expiring.
import { z } from "zod";
import { AgentIdSchema, InstantSchema, TaskIdSchema } from "./parts.ts";

export const MessageSchema = z
  .strictObject({
    seq: z.int().meta({ description: "Position in the conversation, from 1: read markers point at it" }),
    from: z.enum(["customer", "agent", "system"]),
    agentId: AgentIdSchema.nullable().meta({ description: "The agent who wrote it; null otherwise" }),
    text: z.string(),
    at: InstantSchema,
    sentiment: z.number().nullable().meta({
      description: "The host's sentiment score of a customer message, from -1 (negative) to 1; null if none",
    }),
  })
  .meta({ description: "One message of a chat, e-mail thread or social conversation" });

export const MessageAddedSchema = z
  .strictObject({
    type: z.literal("conversation.message_added"),
    at: InstantSchema,
    taskId: TaskIdSchema,
    message: MessageSchema,
    agentId: AgentIdSchema.nullable().meta({
      description: "The agent who wrote it; null for the customer and the system",
    }),
  })
  .meta({
    id: "MessageAdded",
    description:
      "A message was added to a chat, e-mail or social conversation, by the customer, an agent or the system.",
  });

export const ConversationReadSchema = z
  .strictObject({
    type: z.literal("conversation.read"),
    at: InstantSchema,
    taskId: TaskIdSchema,
    agentId: AgentIdSchema,
    seq: z.int().meta({ description: "The last message the agent has read" }),
  })
  .meta({
    id: "ConversationRead",
    description: "An agent read a conversation up to a message: unread counts drop.",
  });

export const SentimentChangedSchema = z
  .strictObject({
    type: z.literal("conversation.sentiment_changed"),
    at: InstantSchema,
    taskId: TaskIdSchema,
    level: z.number().meta({ description: "Mean score of the recent customer messages, from -1 to 1" }),
    alert: z.boolean().meta({ description: "Whether the level is at or below the tenant's alert threshold" }),
  })
  .meta({
    id: "SentimentChanged",
    description:
      "A scored customer message moved the conversation's sentiment level, raising or clearing the alert.",
  });

export const ConferenceRequestedSchema = z
  .strictObject({
    type: z.literal("conversation.conference_requested"),
    at: InstantSchema,
    taskId: TaskIdSchema,
    agentId: AgentIdSchema.meta({ description: "The requesting agent" }),
    targetAgentId: AgentIdSchema.meta({ description: "The agent asked to join" }),
  })
  .meta({
    id: "ConferenceRequested",
    description: "An agent asked another agent to join a chat or social conversation.",
  });

export const ConferenceAnsweredSchema = z
  .strictObject({
    type: z.literal("conversation.conference_answered"),
    at: InstantSchema,
    taskId: TaskIdSchema,
    agentId: AgentIdSchema.meta({ description: "The asked agent" }),
    accepted: z.boolean(),
  })
  .meta({
    id: "ConferenceAnswered",
    description: "The asked agent accepted or refused to join the conversation.",
  });

export const ConversationClosedSchema = z
  .strictObject({
    type: z.literal("conversation.closed"),
    at: InstantSchema,
    taskId: TaskIdSchema,
    agentId: AgentIdSchema,
    waitsUntil: InstantSchema.meta({
      description: "Until when the chat waits for the customer to write again",
    }),
  })
  .meta({
    id: "ConversationClosed",
    description: "An agent closed a persistent chat: the agent wraps up and the chat waits for the customer.",
  });

export const ConversationReopenedSchema = z
  .strictObject({
    type: z.literal("conversation.reopened"),
    at: InstantSchema,
    taskId: TaskIdSchema,
  })
  .meta({
    id: "ConversationReopened",
    description: "The customer wrote again in a waiting persistent chat: it queues for an agent again.",
  });

export const ConversationExpiredSchema = z
  .strictObject({
    type: z.literal("conversation.expired"),
    at: InstantSchema,
    taskId: TaskIdSchema,
  })
  .meta({
    id: "ConversationExpired",
    description:
      "A waiting persistent chat's time ran out: the customer's next contact starts a fresh conversation.",
  });

export const DIGITAL_EVENT_SCHEMAS = [
  MessageAddedSchema,
  ConversationReadSchema,
  SentimentChangedSchema,
  ConferenceRequestedSchema,
  ConferenceAnsweredSchema,
  ConversationClosedSchema,
  ConversationReopenedSchema,
  ConversationExpiredSchema,
] as const;

export const DigitalEventSchema = z.discriminatedUnion("type", DIGITAL_EVENT_SCHEMAS);
