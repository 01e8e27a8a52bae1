// Desktop connection events: the agent's desktop went away, came back, or its grace ran out.
import { z } from "zod";
import { AgentIdSchema, InstantSchema } from "./parts.ts";

export const DisconnectCauseSchema = z
  .enum(["desktop_closed", "heartbeats_missed"])
  .meta({ description: "The desktop said it was closing, or its heartbeats stopped" });

export const DisconnectOutcomeSchema = z.enum(["logged_out", "logout_deferred", "not_ready"]).meta({
  description:
    "What the disconnect policy did: logged out, logout deferred until the open interactions end, or Not Ready",
});

const generation = z.int().meta({ description: "The login this is about (from agent.logged_in)" });

export const AgentConnectionLostSchema = z
  .strictObject({
    type: z.literal("agent.connection.lost"),
    at: InstantSchema,
    agentId: AgentIdSchema,
    generation,
    cause: DisconnectCauseSchema,
    graceUntil: InstantSchema.meta({
      description: "When the disconnect policy applies if no desktop comes back",
    }),
  })
  .meta({
    id: "AgentConnectionLost",
    description:
      "An agent's desktop went away (closed, or heartbeats missed); the agent's state is kept until the grace period ends.",
  });

export const AgentConnectionRestoredSchema = z
  .strictObject({
    type: z.literal("agent.connection.restored"),
    at: InstantSchema,
    agentId: AgentIdSchema,
    generation,
  })
  .meta({
    id: "AgentConnectionRestored",
    description:
      "An agent's desktop is back: a running grace period is cancelled and the state is unchanged.",
  });

export const AgentDisconnectGraceExpiredSchema = z
  .strictObject({
    type: z.literal("agent.connection.grace_expired"),
    at: InstantSchema,
    agentId: AgentIdSchema,
    generation,
    outcome: DisconnectOutcomeSchema,
  })
  .meta({
    id: "AgentDisconnectGraceExpired",
    description:
      "The desktop did not come back in time: the disconnect policy applies (logout, deferred logout or Not Ready); the agent events that carry it out follow.",
  });

export const CONNECTION_EVENT_SCHEMAS = [
  AgentConnectionLostSchema,
  AgentConnectionRestoredSchema,
  AgentDisconnectGraceExpiredSchema,
] as const;

export const ConnectionEventSchema = z.discriminatedUnion("type", CONNECTION_EVENT_SCHEMAS);
