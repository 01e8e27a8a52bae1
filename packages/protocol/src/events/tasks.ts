// Task events: contacts arriving, offers (reservations) to agents, assignment, end and wrap-up.
import { z } from "zod";
import {
  AgentIdSchema,
  AuxCodeIdSchema,
  ChannelSchema,
  CustomerSchema,
  DurationSchema,
  EntryPointIdSchema,
  InstantSchema,
  QueueIdSchema,
  TaskIdSchema,
  TaskVariablesSchema,
  VariableConflictSchema,
  VariableValueSchema,
} from "./parts.ts";

export const OfferFailureCauseSchema = z
  .enum(["DEVICE_UNREACHABLE", "INVALID_ADDRESS", "DEVICE_FAULT"])
  .meta({ description: "Why the offer could not reach the agent's device" });

export const TaskDurationsSchema = z
  .strictObject({
    waited: DurationSchema.meta({ description: "The customer's wait before an agent took the contact" }),
    handled: DurationSchema.meta({ description: "Handling time, hold and consult time included" }),
    wrappedUp: DurationSchema.meta({ description: "Time in wrap-up" }),
    total: DurationSchema,
  })
  .meta({ description: "What interaction history shows for the contact, in milliseconds" });

const priority = z.int().meta({ description: "Higher is served first; equal priorities oldest first" });
const autoWrapUpAt = InstantSchema.nullable().meta({
  description:
    "When wrap-up completes by itself with the default code; null when the profile has no auto wrap-up",
});

export const OutdialPlacedSchema = z
  .strictObject({
    type: z.literal("task.outdial_placed"),
    at: InstantSchema,
    taskId: TaskIdSchema,
    agentId: AgentIdSchema,
    entryPointId: EntryPointIdSchema,
    queueId: QueueIdSchema,
    customer: CustomerSchema,
    variables: TaskVariablesSchema,
  })
  .meta({ id: "OutdialPlaced", description: "An agent placed an outbound call to a customer." });

export const TaskReceivedSchema = z
  .strictObject({
    type: z.literal("task.received"),
    at: InstantSchema,
    taskId: TaskIdSchema,
    channel: ChannelSchema,
    entryPointId: EntryPointIdSchema,
    queueId: QueueIdSchema,
    priority,
    customer: CustomerSchema,
    excluded: z.array(AgentIdSchema).meta({ description: "Agents this contact is never offered to" }),
    variables: TaskVariablesSchema.meta({
      description: "The flow's variables as the contact starts with them",
    }),
    persistent: z
      .boolean()
      .meta({ description: "A persistent chat: closing it leaves it waiting for the customer" }),
  })
  .meta({
    id: "TaskReceived",
    description:
      "A new contact (call, chat, e-mail, social message) entered through an entry point and waits in a queue.",
  });

export const OfferCreatedSchema = z
  .strictObject({
    type: z.literal("offer.created"),
    at: InstantSchema,
    taskId: TaskIdSchema,
    agentId: AgentIdSchema,
    expiresAt: InstantSchema.meta({ description: "When the offer times out (RONA) unless accepted" }),
    flashAt: InstantSchema.nullable().meta({
      description: "When the popover's accept button starts flashing; null for short timeouts",
    }),
  })
  .meta({
    id: "OfferCreated",
    description:
      "Routing reserved a waiting contact for an agent: the offer rings until accepted, declined or timed out.",
  });

export const OfferDeliveredSchema = z
  .strictObject({
    type: z.literal("offer.delivered"),
    at: InstantSchema,
    taskId: TaskIdSchema,
    agentId: AgentIdSchema,
  })
  .meta({
    id: "OfferDelivered",
    description:
      "The offer reached the agent's desktop or device: it is now a contact request the agent can accept.",
  });

export const OfferDeclinedSchema = z
  .strictObject({
    type: z.literal("offer.declined"),
    at: InstantSchema,
    taskId: TaskIdSchema,
    agentId: AgentIdSchema,
  })
  .meta({
    id: "OfferDeclined",
    description: "The agent declined the offer: the contact goes to someone else.",
  });

export const OfferTimedOutSchema = z
  .strictObject({
    type: z.literal("offer.timed_out"),
    at: InstantSchema,
    taskId: TaskIdSchema,
    agentId: AgentIdSchema,
  })
  .meta({
    id: "OfferTimedOut",
    description:
      "Ring no answer (RONA): the offer expired; the contact goes back to the head of its queue and the agent's RONA state follows.",
  });

export const OfferFailedSchema = z
  .strictObject({
    type: z.literal("offer.failed"),
    at: InstantSchema,
    taskId: TaskIdSchema,
    agentId: AgentIdSchema,
    cause: OfferFailureCauseSchema,
  })
  .meta({
    id: "OfferFailed",
    description:
      "The offer could not reach the agent's device (unreachable, bad address, fault): handled like RONA.",
  });

export const TaskAssignedSchema = z
  .strictObject({
    type: z.literal("task.assigned"),
    at: InstantSchema,
    taskId: TaskIdSchema,
    agentId: AgentIdSchema,
  })
  .meta({ id: "TaskAssigned", description: "The agent accepted the contact and now owns it." });

export const TaskPickedSchema = z
  .strictObject({
    type: z.literal("task.picked"),
    at: InstantSchema,
    taskId: TaskIdSchema,
    agentId: AgentIdSchema,
  })
  .meta({
    id: "TaskPicked",
    description: "The agent picked the waiting work item from its queue, without an offer, and now owns it.",
  });

export const TaskEndedSchema = z
  .strictObject({
    type: z.literal("task.ended"),
    at: InstantSchema,
    taskId: TaskIdSchema,
    agentId: AgentIdSchema,
    by: z.enum(["agent", "customer"]).meta({ description: "Who ended the contact" }),
    autoWrapUpAt,
  })
  .meta({
    id: "TaskEnded",
    description: "The contact ended (by the agent or the customer): its owner now wraps up.",
  });

export const TaskCanceledSchema = z
  .strictObject({
    type: z.literal("task.canceled"),
    at: InstantSchema,
    taskId: TaskIdSchema,
    reason: z.enum(["abandoned", "transfer_failed"]).meta({
      description:
        "abandoned: the customer left before being served; transfer_failed: the transfer target did not answer",
    }),
    agentId: AgentIdSchema.nullable().meta({
      description: "The agent it was offered to at the time, if any",
    }),
  })
  .meta({
    id: "TaskCanceled",
    description: "The contact ended before an agent served it: abandoned, or a failed transfer.",
  });

export const TaskWrappedUpSchema = z
  .strictObject({
    type: z.literal("task.wrapup"),
    at: InstantSchema,
    taskId: TaskIdSchema,
    agentId: AgentIdSchema,
    codeId: AuxCodeIdSchema.meta({ description: "The wrap-up code" }),
    auto: z.boolean().meta({ description: "Applied by auto wrap-up with the default code" }),
    durations: TaskDurationsSchema,
  })
  .meta({
    id: "TaskWrappedUp",
    description:
      "The agent finished wrap-up with a wrap-up code (or auto wrap-up did): the contact is completed.",
  });

export const TaskVariablesChangedSchema = z
  .strictObject({
    type: z.literal("task.variables_changed"),
    at: InstantSchema,
    taskId: TaskIdSchema,
    agentId: AgentIdSchema,
    values: z.array(VariableValueSchema).meta({ description: "What was saved, each one version up" }),
    conflicts: z
      .array(VariableConflictSchema)
      .meta({ description: "Fields another agent saved first: not applied, for this agent to be told" }),
  })
  .meta({
    id: "TaskVariablesChanged",
    description:
      "An agent saved call-associated data (CAD) on a contact; values are as saved, and hosts mask secure ones for each reader.",
  });

export const TASK_EVENT_SCHEMAS = [
  OutdialPlacedSchema,
  TaskReceivedSchema,
  OfferCreatedSchema,
  OfferDeliveredSchema,
  OfferDeclinedSchema,
  OfferTimedOutSchema,
  OfferFailedSchema,
  TaskAssignedSchema,
  TaskPickedSchema,
  TaskEndedSchema,
  TaskCanceledSchema,
  TaskWrappedUpSchema,
  TaskVariablesChangedSchema,
] as const;

export const TaskEventSchema = z.discriminatedUnion("type", TASK_EVENT_SCHEMAS);
