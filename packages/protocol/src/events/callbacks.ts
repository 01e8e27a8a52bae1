// Callback events: courtesy, web, scheduled and personal callbacks.
import { z } from "zod";
import {
  AgentIdSchema,
  EntryPointIdSchema,
  InstantSchema,
  QueueIdSchema,
  TaskIdSchema,
  TaskVariablesSchema,
} from "./parts.ts";

export const CallbackKindSchema = z.enum(["courtesy", "web", "scheduled", "personal"]).meta({
  description:
    "courtesy: replaces waiting in the queue; web: from a website or bot; scheduled: for a later window; personal: for one agent",
});

export const CallbackWindowSchema = z
  .strictObject({
    start: InstantSchema,
    end: InstantSchema,
    timeZone: z.string().meta({ description: "The customer's IANA time zone, e.g. Europe/Stockholm" }),
  })
  .meta({ description: "The window to call the customer back in" });

export const CallbackSchema = z
  .strictObject({
    kind: CallbackKindSchema,
    number: z.string().meta({ description: "The number to call back" }),
    name: z.string().nullable().meta({ description: "The customer's name, if given" }),
    window: CallbackWindowSchema.nullable().meta({
      description: "The window to call in; null when due at once",
    }),
    reason: z.string().nullable(),
    assignee: AgentIdSchema.nullable().meta({
      description: "Offered to this agent only; null for any agent of the queue",
    }),
    scheduledBy: AgentIdSchema.nullable().meta({
      description: "The agent who scheduled it, if an agent did",
    }),
    attempts: z.int().meta({ description: "Attempts to reach the customer so far" }),
  })
  .meta({ description: "A callback: whom to call back, when, and for whom" });

export const CallbackCreatedSchema = z
  .strictObject({
    type: z.literal("callback.created"),
    at: InstantSchema,
    taskId: TaskIdSchema,
    agentId: AgentIdSchema.nullable().meta({ description: "The agent who scheduled it, if any" }),
    entryPointId: EntryPointIdSchema,
    queueId: QueueIdSchema,
    callback: CallbackSchema,
    priority: z.int(),
    variables: TaskVariablesSchema,
    dueAt: InstantSchema.meta({ description: "When it starts to be offered; at for callbacks due at once" }),
  })
  .meta({
    id: "CallbackCreated",
    description: "A callback was requested: scheduled for a later window, or queued at once (web callback).",
  });

export const CallbackUpdatedSchema = z
  .strictObject({
    type: z.literal("callback.updated"),
    at: InstantSchema,
    taskId: TaskIdSchema,
    agentId: AgentIdSchema,
    callback: CallbackSchema,
    dueAt: InstantSchema,
  })
  .meta({
    id: "CallbackUpdated",
    description: "A scheduled callback's window or details changed before it started.",
  });

export const CallbackDeletedSchema = z
  .strictObject({
    type: z.literal("callback.deleted"),
    at: InstantSchema,
    taskId: TaskIdSchema,
    agentId: AgentIdSchema,
  })
  .meta({ id: "CallbackDeleted", description: "An agent deleted a scheduled callback before it started." });

export const CallbackConvertedSchema = z
  .strictObject({
    type: z.literal("callback.converted"),
    at: InstantSchema,
    taskId: TaskIdSchema,
    callback: CallbackSchema,
  })
  .meta({
    id: "CallbackConverted",
    description:
      "A waiting caller took a courtesy callback: the customer hangs up and keeps their place in the queue.",
  });

export const CallbackDueSchema = z
  .strictObject({
    type: z.literal("callback.due"),
    at: InstantSchema,
    taskId: TaskIdSchema,
  })
  .meta({
    id: "CallbackDue",
    description: "A scheduled callback's window opened: it queues (a personal one only for its assignee).",
  });

export const CallbackRetrySchema = z
  .strictObject({
    type: z.literal("callback.retry"),
    at: InstantSchema,
    taskId: TaskIdSchema,
    agentId: AgentIdSchema,
  })
  .meta({
    id: "CallbackRetry",
    description:
      "The customer did not answer the callback: the agent's part ends and the callback queues again.",
  });

export const CALLBACK_EVENT_SCHEMAS = [
  CallbackCreatedSchema,
  CallbackUpdatedSchema,
  CallbackDeletedSchema,
  CallbackConvertedSchema,
  CallbackDueSchema,
  CallbackRetrySchema,
] as const;

export const CallbackEventSchema = z.discriminatedUnion("type", CALLBACK_EVENT_SCHEMAS);
