// Presence federation events: external presence (CRM, Teams) taken in, and asked for.
import { z } from "zod";
import {
  AgentIdSchema,
  DurationSchema,
  ExternalPresenceSchema,
  InstantSchema,
  TaskIdSchema,
} from "./parts.ts";

export const PresenceSourceSchema = z
  .enum(["manual", "automatic"])
  .meta({ description: "Set by the person in the tool, or by the tool itself" });

export const ExternalPresenceObservedSchema = z
  .strictObject({
    type: z.literal("presence.external_observed"),
    at: InstantSchema,
    agentId: AgentIdSchema,
    presence: ExternalPresenceSchema,
    source: PresenceSourceSchema,
    observedAt: InstantSchema.meta({ description: "When the tool saw the change, as the feed says" }),
    lag: DurationSchema.meta({ description: "How far the feed lagged: at − observedAt, never negative" }),
    request: z
      .enum(["confirmed", "superseded"])
      .nullable()
      .meta({ description: "What this report did to Parley's pending presence request, if it settled one" }),
  })
  .meta({
    id: "ExternalPresenceObserved",
    description:
      "An agent's presence in the federated CRM or collaboration tool changed; a state change it causes follows as agent.state.changed.",
  });

export const ExternalPresenceRequestedSchema = z
  .strictObject({
    type: z.literal("presence.external_requested"),
    at: InstantSchema,
    agentId: AgentIdSchema,
    status: ExternalPresenceSchema,
    taskId: TaskIdSchema.meta({ description: "The call that became active" }),
  })
  .meta({
    id: "ExternalPresenceRequested",
    description:
      "A call became active: Parley asks the host to set the agent's presence in the federated tool (e.g. Busy).",
  });

export const FEDERATION_EVENT_SCHEMAS = [
  ExternalPresenceObservedSchema,
  ExternalPresenceRequestedSchema,
] as const;

export const FederationEventSchema = z.discriminatedUnion("type", FEDERATION_EVENT_SCHEMAS);
