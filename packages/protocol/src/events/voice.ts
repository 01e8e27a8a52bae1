// Voice events: participants and their legs, consults, transfers, recording and monitoring.
import { z } from "zod";
import {
  AgentIdSchema,
  EntryPointIdSchema,
  InstantSchema,
  QueueIdSchema,
  TaskIdSchema,
  TaskVariablesSchema,
} from "./parts.ts";

export const PartyIdSchema = z
  .string()
  .meta({ description: "A participant of one call: customer, agent:<agentId> or number:<digits>" });

export const LegCauseSchema = z
  .enum([
    "hung_up",
    "ended_by_agent",
    "call_ended",
    "transferred",
    "left_conference",
    "consult_ended",
    "no_answer",
    "busy",
    "unreachable",
    "invalid_number",
    "device_fault",
    "unsupported_destination",
  ])
  .meta({ description: "Why a leg ended or failed" });

const since = InstantSchema.meta({ description: "When the leg entered this status" });

const AlertingLeg = z.strictObject({ status: z.literal("alerting"), since });
const ConnectedLeg = z.strictObject({ status: z.literal("connected"), since });
const HeldLeg = z.strictObject({ status: z.literal("held"), since });
const DroppedLeg = z.strictObject({ status: z.literal("dropped"), since, cause: LegCauseSchema });
const FailedLeg = z.strictObject({ status: z.literal("failed"), since, cause: LegCauseSchema });

export const LegSchema = z
  .discriminatedUnion("status", [AlertingLeg, ConnectedLeg, HeldLeg, DroppedLeg, FailedLeg])
  .meta({ description: "A participant's line: alerting, connected, held, dropped or failed (with a cause)" });

export const EndedLegSchema = z
  .discriminatedUnion("status", [DroppedLeg, FailedLeg])
  .meta({ description: "A line that is no longer part of the call: dropped or failed, with a cause" });

export const BridgeSchema = z
  .enum(["main", "consult"])
  .meta({ description: "main: the customer's call; consult: the side call of a consult" });

export const PartySchema = z
  .strictObject({
    id: PartyIdSchema,
    kind: z.enum(["customer", "agent", "dial_number"]),
    agentId: AgentIdSchema.nullable(),
    number: z
      .string()
      .nullable()
      .meta({ description: "The dialled number, for the customer and outside numbers" }),
    bridge: BridgeSchema,
    leg: LegSchema,
    joinedAt: InstantSchema.nullable().meta({ description: "When the leg first connected" }),
  })
  .meta({ description: "A participant of a call and the state of its line" });

export const ConsultTargetSchema = z
  .discriminatedUnion("kind", [
    z.strictObject({ kind: z.literal("agent"), agentId: AgentIdSchema }),
    z.strictObject({ kind: z.literal("queue"), queueId: QueueIdSchema }),
    z.strictObject({ kind: z.literal("entry_point"), entryPointId: EntryPointIdSchema }),
    z.strictObject({ kind: z.literal("dial_number"), number: z.string() }),
    z.strictObject({
      kind: z.literal("directory"),
      expertId: z.string().meta({ description: "An expert of the organization directory" }),
    }),
  ])
  .meta({
    description: "What the agent asked to consult: an agent, a queue, an entry point, a number or an expert",
  });

export const ConsultSchema = z
  .strictObject({
    by: AgentIdSchema.meta({ description: "The agent who started the consult" }),
    partyId: PartyIdSchema,
    target: ConsultTargetSchema,
    consulted: AgentIdSchema.nullable().meta({
      description: "The agent the consult rings, whatever the target was; null for a number",
    }),
    startedAt: InstantSchema,
    expiresAt: InstantSchema.nullable().meta({
      description: "When an unanswered consult request to an agent fails; null for numbers",
    }),
  })
  .meta({ description: "A consult: the side call an agent places while the customer waits" });

const nullableAgent = AgentIdSchema.nullable().meta({ description: "The agent whose line this is, if any" });
const autoWrapUpAt = InstantSchema.nullable().meta({
  description: "Auto wrap-up due time of the agent who now wraps up; null when the profile has none",
});

export const ParticipantJoinedSchema = z
  .strictObject({
    type: z.literal("participant.joined"),
    at: InstantSchema,
    taskId: TaskIdSchema,
    party: PartySchema,
    agentId: AgentIdSchema.nullable().meta({ description: "Set for agents: whose device to ring" }),
  })
  .meta({
    id: "ParticipantJoined",
    description:
      "A participant (customer, agent or outside number) joined the call: its line rings or is dialled.",
  });

export const ParticipantLegChangedSchema = z
  .strictObject({
    type: z.literal("participant.leg_changed"),
    at: InstantSchema,
    taskId: TaskIdSchema,
    partyId: PartyIdSchema,
    leg: LegSchema,
    bridge: BridgeSchema.nullable().meta({
      description: "Set when the participant moves to the customer's call (transfer, conference)",
    }),
    agentId: nullableAgent,
  })
  .meta({
    id: "ParticipantLegChanged",
    description:
      "A participant's line changed: answered, put on hold, retrieved, or moved to the customer's call.",
  });

export const ParticipantLeftSchema = z
  .strictObject({
    type: z.literal("participant.left"),
    at: InstantSchema,
    taskId: TaskIdSchema,
    partyId: PartyIdSchema,
    leg: EndedLegSchema,
    agentId: nullableAgent,
  })
  .meta({
    id: "ParticipantLeft",
    description:
      "A participant's line left the call (hung up, dropped or failed); cause transferred on the customer means the call went on to an outside number.",
  });

export const ConsultCreatedSchema = z
  .strictObject({
    type: z.literal("consult.created"),
    at: InstantSchema,
    taskId: TaskIdSchema,
    agentId: AgentIdSchema,
    consult: ConsultSchema,
  })
  .meta({
    id: "ConsultCreated",
    description:
      "An agent started a consult (to an agent, queue, entry point, number or expert) while the customer waits.",
  });

export const ConsultEndedSchema = z
  .strictObject({
    type: z.literal("consult.ended"),
    at: InstantSchema,
    taskId: TaskIdSchema,
    agentId: AgentIdSchema.meta({ description: "The agent who asked for the consult" }),
    outcome: z.enum(["ended", "failed", "transferred", "conferenced"]),
  })
  .meta({
    id: "ConsultEnded",
    description: "A consult ended: hung up, failed, completed as a transfer, or merged into a conference.",
  });

export const OwnerChangedSchema = z
  .strictObject({
    type: z.literal("task.owner_changed"),
    at: InstantSchema,
    taskId: TaskIdSchema,
    agentId: AgentIdSchema.meta({ description: "The new owner" }),
    from: AgentIdSchema.meta({ description: "The former owner" }),
    reason: z.enum(["transferred", "left_conference"]),
    autoWrapUpAt,
  })
  .meta({
    id: "OwnerChanged",
    description:
      "Control of the contact passed to another agent (consult transfer, or the owner leaving a conference); the former owner wraps up.",
  });

export const TransferDestinationSchema = z
  .discriminatedUnion("kind", [
    z.strictObject({
      kind: z.literal("agent"),
      agentId: AgentIdSchema,
      expiresAt: InstantSchema,
      flashAt: InstantSchema.nullable(),
    }),
    z.strictObject({
      kind: z.literal("queue"),
      queueId: QueueIdSchema,
      entryPointId: EntryPointIdSchema,
      variables: TaskVariablesSchema.nullable().meta({
        description: "The new flow's variables, when the entry point starts another flow; else null",
      }),
    }),
    z.strictObject({ kind: z.literal("dial_number"), number: z.string() }),
  ])
  .meta({
    description:
      "Where a blind transfer sent the customer: offered to an agent, queued, or an outside number",
  });

export const CallTransferredSchema = z
  .strictObject({
    type: z.literal("task.transferred"),
    at: InstantSchema,
    taskId: TaskIdSchema,
    agentId: AgentIdSchema.meta({ description: "The transferring agent" }),
    to: TransferDestinationSchema,
    autoWrapUpAt,
  })
  .meta({
    id: "CallTransferred",
    description:
      "Blind transfer: the agent sent the customer to another agent, a queue or an outside number, and goes to wrap-up.",
  });

export const RecordingPausedSchema = z
  .strictObject({
    type: z.literal("recording.paused"),
    at: InstantSchema,
    taskId: TaskIdSchema,
    agentId: AgentIdSchema,
    resumeAt: InstantSchema.meta({ description: "When recording resumes by itself" }),
  })
  .meta({
    id: "RecordingPaused",
    description:
      "An agent paused call recording (e.g. to take card details); it resumes by itself at resumeAt.",
  });

export const RecordingResumedSchema = z
  .strictObject({
    type: z.literal("recording.resumed"),
    at: InstantSchema,
    taskId: TaskIdSchema,
    agentId: AgentIdSchema.nullable().meta({
      description: "The agent who resumed it; null when the pause ran out",
    }),
  })
  .meta({
    id: "RecordingResumed",
    description: "Call recording resumed: by the agent, or because the pause ran out.",
  });

export const MonitoringChangedSchema = z
  .strictObject({
    type: z.literal("monitoring.changed"),
    at: InstantSchema,
    taskId: TaskIdSchema,
    supervisorId: AgentIdSchema.meta({ description: "The supervisor listening" }),
    agentId: AgentIdSchema.meta({ description: "The agent monitored" }),
    status: z.enum(["monitoring", "paused", "stopped"]),
  })
  .meta({
    id: "MonitoringChanged",
    description: "A supervisor started, paused, resumed or stopped silently monitoring an agent on a call.",
  });

export const AgentLeftTaskSchema = z
  .strictObject({
    type: z.literal("task.agent_left"),
    at: InstantSchema,
    taskId: TaskIdSchema,
    agentId: AgentIdSchema,
  })
  .meta({
    id: "AgentLeftTask",
    description: "A consulted agent or conferee left the contact; they do not wrap up.",
  });

export const VOICE_EVENT_SCHEMAS = [
  ParticipantJoinedSchema,
  ParticipantLegChangedSchema,
  ParticipantLeftSchema,
  ConsultCreatedSchema,
  ConsultEndedSchema,
  OwnerChangedSchema,
  CallTransferredSchema,
  RecordingPausedSchema,
  RecordingResumedSchema,
  MonitoringChangedSchema,
  AgentLeftTaskSchema,
] as const;

export const VoiceEventSchema = z.discriminatedUnion("type", VOICE_EVENT_SCHEMAS);
