// Agent events: login, state changes, logout and pending states (AgentEvent in the engine).
import { z } from "zod";
import {
  ActorSchema,
  AgentIdSchema,
  AuxCodeIdSchema,
  InstantSchema,
  ProfileIdSchema,
  TeamIdSchema,
} from "./parts.ts";

export const DeviceSchema = z
  .enum(["BROWSER", "EXTENSION", "DIAL_NUMBER"])
  .meta({ description: "Where the agent takes calls: the browser, an extension or a phone number" });

export const StationSchema = z
  .strictObject({
    teamId: TeamIdSchema,
    device: DeviceSchema,
    address: z
      .string()
      .nullable()
      .meta({ description: "The extension or phone number; null for the browser" }),
    line: z.string().nullable().meta({ description: "The line picked on a shared (multiline) address" }),
  })
  .meta({ description: "The station an agent logged in with: team and device" });

export const PresenceValueSchema = z
  .discriminatedUnion("type", [
    z.strictObject({ type: z.literal("available") }),
    z.strictObject({ type: z.literal("idle"), codeId: AuxCodeIdSchema }),
    z.strictObject({ type: z.literal("rona") }),
  ])
  .meta({ description: "An agent state: Available, Idle with an idle code, or RONA (ring no answer)" });

export const ForcedLogoutCauseSchema = z
  .enum(["disconnected", "device_lost"])
  .meta({ description: "Why the system owes a logout: the desktop's grace ran out, or the phone is gone" });

export const PendingStateSchema = z
  .discriminatedUnion("type", [
    z.strictObject({ type: z.literal("available") }),
    z.strictObject({ type: z.literal("idle"), codeId: AuxCodeIdSchema }),
    z.strictObject({
      type: z.literal("logged_out"),
      reasonCode: z
        .int()
        .optional()
        .meta({ description: "Set when the system deferred a logout until the work is done" }),
      cause: ForcedLogoutCauseSchema.optional(),
    }),
  ])
  .meta({ description: "A state chosen while engaged, applied when the agent's last interaction ends" });

export const StateChangeCauseSchema = z
  .enum([
    "chosen",
    "ring_no_answer",
    "device_unreachable",
    "pending_applied",
    "outdial_ended",
    "consult_unanswered",
    "presence_federation",
    "disconnected",
    "device_lost",
  ])
  .meta({ description: "Why the state changed: the agent's or supervisor's choice, or what the system saw" });

const reasonCode = z.int().nullable().meta({
  description:
    "A reserved system reason code (255 forced logout, 32767 ring no answer, 999 supervisor change); null for the agent's own choice",
});

export const AgentLoggedInSchema = z
  .strictObject({
    type: z.literal("agent.logged_in"),
    at: InstantSchema,
    agentId: AgentIdSchema,
    profileId: ProfileIdSchema,
    station: StationSchema,
    generation: z
      .int()
      .meta({ description: "Increases with every login in the tenant: tells this login from earlier ones" }),
    to: PresenceValueSchema,
  })
  .meta({
    id: "AgentLoggedIn",
    description: "An agent logged in at a station and starts Idle with the default idle code.",
  });

export const AgentStateChangedSchema = z
  .strictObject({
    type: z.literal("agent.state.changed"),
    at: InstantSchema,
    agentId: AgentIdSchema,
    from: PresenceValueSchema,
    to: PresenceValueSchema,
    cause: StateChangeCauseSchema,
    reasonCode,
    actor: ActorSchema,
  })
  .meta({
    id: "AgentStateChanged",
    description:
      "An agent's state changed (Available, Idle with a reason, RONA), with the previous state, cause, reason code and who made the change.",
  });

export const AgentLoggedOutSchema = z
  .strictObject({
    type: z.literal("agent.logged_out"),
    at: InstantSchema,
    agentId: AgentIdSchema,
    from: PresenceValueSchema,
    cause: z.enum(["chosen", "pending_applied", "disconnected", "device_lost"]).meta({
      description: "A chosen logout, a pending one applied, a desktop gone for good, or a lost phone",
    }),
    reasonCode,
    actor: ActorSchema,
  })
  .meta({
    id: "AgentLoggedOut",
    description:
      "An agent logged out: by choice, by a supervisor, or forced by the system (reason code 255).",
  });

export const AgentPendingStateSetSchema = z
  .strictObject({
    type: z.literal("agent.pending_state.set"),
    at: InstantSchema,
    agentId: AgentIdSchema,
    pending: PendingStateSchema.nullable(),
  })
  .meta({
    id: "AgentPendingStateSet",
    description:
      "An engaged agent chose the state to take once the last interaction ends (null withdraws the choice).",
  });

export const AGENT_EVENT_SCHEMAS = [
  AgentLoggedInSchema,
  AgentStateChangedSchema,
  AgentLoggedOutSchema,
  AgentPendingStateSetSchema,
] as const;

export const AgentEventSchema = z.discriminatedUnion("type", AGENT_EVENT_SCHEMAS);
