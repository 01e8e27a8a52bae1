// Building blocks shared by the event schemas (and the tenant configuration): ids, instants,
// actors, channels, customers and call-associated data. Ids are plain strings on the wire.
import { z } from "zod";

/** Milliseconds since the Unix epoch, UTC: the engine's clock, as the host passed it in. */
export const InstantSchema = z.number().meta({ description: "Milliseconds since the Unix epoch (UTC)" });
/** Milliseconds. */
export const DurationSchema = z.number().meta({ description: "A duration in milliseconds" });

export const AgentIdSchema = z.string().meta({ description: "An agent's id: a user of the tenant" });
export const TaskIdSchema = z
  .string()
  .meta({ description: "A task's id: one customer contact (call, chat, e-mail, social, callback)" });
export const QueueIdSchema = z.string().meta({ description: "A queue's id" });
export const EntryPointIdSchema = z.string().meta({ description: "An entry point's id" });
export const TeamIdSchema = z.string().meta({ description: "A team's id" });
export const ProfileIdSchema = z.string().meta({ description: "A desktop profile's id" });
export const AuxCodeIdSchema = z.string().meta({ description: "An aux code's id (idle or wrap-up reason)" });

/** Who asked for a change: recorded with agent state changes for reporting. */
export const ActorSchema = z
  .discriminatedUnion("kind", [
    z.strictObject({ kind: z.literal("agent"), id: z.string().meta({ description: "The agent's id" }) }),
    z.strictObject({
      kind: z.literal("supervisor"),
      id: z.string().meta({ description: "The supervisor's user id" }),
    }),
    z.strictObject({ kind: z.literal("system") }),
  ])
  .meta({ description: "Who made the change: the agent, a supervisor, or the system" });

export const ChannelSchema = z
  .enum(["voice", "chat", "email", "social"])
  .meta({ description: "The media channel of a contact" });

/** A presence in a CRM or collaboration tool (Dynamics 365, Teams), as the host's feed reports it. */
export const ExternalPresenceSchema = z
  .enum(["available", "busy", "do_not_disturb", "appear_away", "offline"])
  .meta({ description: "A presence in a federated CRM or collaboration tool" });

export const CustomerSchema = z
  .strictObject({
    name: z.string().optional().meta({ description: "The customer's name, when known" }),
    address: z
      .string()
      .optional()
      .meta({ description: "Phone number, e-mail address or social handle the contact came from" }),
  })
  .meta({ description: "Who the customer is, as far as the contact says" });

/** One call-associated data (CAD) variable's saved value: values travel as strings. */
export const VariableValueSchema = z
  .strictObject({
    name: z.string().meta({ description: "The flow variable's name" }),
    value: z
      .string()
      .nullable()
      .meta({ description: "The value in normal form for the variable's type; null when cleared" }),
    version: z.int().meta({ description: "1 when the flow starts, one up with every save" }),
  })
  .meta({ description: "A call-associated data variable's saved value" });

export const TaskVariablesSchema = z
  .record(z.string(), VariableValueSchema)
  .meta({ description: "A task's call-associated data variables, by name" });

/** A field another agent saved first (optimistic concurrency on call-associated data). */
export const VariableConflictSchema = z
  .strictObject({
    name: z.string(),
    yourValue: z.string().nullable().meta({ description: "The value this agent tried to save" }),
    currentValue: z
      .string()
      .nullable()
      .meta({ description: "The value saved first; masked for a secure variable" }),
    currentVersion: z.int(),
  })
  .meta({ description: "A variable another agent saved first: this agent's edit was not applied" });
