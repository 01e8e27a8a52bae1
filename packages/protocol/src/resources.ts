import { z } from "zod";
import { User } from "./routes/auth.ts";
import { Id } from "./shared.ts";

/** Times are milliseconds since the Unix epoch, as in events; durations are milliseconds. */
const Instant = z.int().nonnegative();
const Duration = z.int();
const Channel = z.enum(["voice", "chat", "email", "social"]);

const PresenceView = z.discriminatedUnion("type", [
  z.strictObject({ type: z.literal("available"), since: Instant }),
  z.strictObject({ type: z.literal("idle"), codeId: Id, since: Instant }),
  z.strictObject({ type: z.literal("rona"), since: Instant }),
]);

const Pending = z.discriminatedUnion("type", [
  z.strictObject({ type: z.literal("available") }),
  z.strictObject({ type: z.literal("idle"), codeId: Id }),
  z.strictObject({
    type: z.literal("logged_out"),
    reasonCode: z.int().optional(),
    cause: z.string().optional(),
  }),
]);

export const AgentView = z
  .strictObject({
    agentId: Id,
    name: z.string(),
    teamId: Id,
    station: z.strictObject({
      teamId: Id,
      device: z.enum(["BROWSER", "EXTENSION", "DIAL_NUMBER"]),
      address: z.string().nullable(),
      line: z.string().nullable(),
    }),
    generation: z.int(),
    presence: PresenceView,
    pending: Pending.nullable(),
    engaged: z.boolean(),
    /** TMR-1: the state timer is hidden while engaged (TMR-4). */
    showStateTimer: z.boolean(),
    inState: Duration,
    /** TMR-2: unbroken idle time across idle codes. */
    idleTotal: Duration.nullable(),
    connection: z.enum(["connected", "unavailable", "disconnected"]),
  })
  .meta({ id: "AgentView", description: "A logged-in agent: state, timers, pending state, station." });
export type AgentView = z.infer<typeof AgentView>;

const Leg = z.strictObject({
  status: z.enum(["alerting", "connected", "held", "dropped", "failed"]),
  since: Instant,
  cause: z.string().optional(),
});
export const PartyView = z
  .strictObject({
    id: z.string(),
    kind: z.enum(["customer", "agent", "dial_number"]),
    agentId: Id.nullable(),
    number: z.string().nullable(),
    bridge: z.enum(["main", "consult"]),
    leg: Leg,
    joinedAt: Instant.nullable(),
  })
  .meta({ id: "Party", description: "One participant of a call and the state of its leg." });

const CallState = z.enum([
  "ringing",
  "connected",
  "call_on_hold",
  "consult_requested",
  "consulting",
  "consult_on_hold",
  "conference",
  "wrap_up",
  "post_call",
]);
const Panel = z.strictObject({ state: CallState, since: Instant });

export const CallView = z
  .strictObject({
    main: Panel,
    consult: Panel.nullable(),
    owner: z.boolean(),
    participants: z.array(PartyView),
    /** The buttons to show: every one of them is accepted now, and nothing else is. */
    actions: z.array(z.string()),
    noiseRemoval: z.boolean(),
  })
  .meta({ id: "CallView", description: "A call as one agent's interaction panel shows it (CALL-1)." });

export const VariableView = z
  .strictObject({
    name: z.string(),
    label: z.string(),
    type: z.enum(["STRING", "INTEGER", "DECIMAL", "BOOLEAN", "DATETIME"]),
    value: z.string().nullable(),
    secure: z.boolean(),
    masked: z.enum(["secure", "lastFour"]).nullable(),
    revealable: z.boolean(),
    editable: z.boolean(),
    version: z.int().nonnegative(),
  })
  .meta({ id: "Variable", description: "One call-associated data field as the reader may see it." });

export const MessageView = z.strictObject({
  seq: z.int().nonnegative(),
  from: z.enum(["customer", "agent", "system"]),
  agentId: Id.nullable(),
  text: z.string(),
  at: Instant,
  sentiment: z.number().nullable(),
});

export const ConversationView = z
  .strictObject({
    state: z.enum(["active", "conference_requested", "conference", "wrap_up", "waiting"]),
    messages: z.array(MessageView),
    /** SES-12: customer messages the reader has not read. */
    unread: z.int().nonnegative(),
    sentiment: z.number().nullable(),
    /** SES-11: the sentiment fell to the tenant's threshold. */
    sentimentAlert: z.boolean(),
  })
  .meta({ id: "Conversation", description: "A chat, social or e-mail conversation as one agent reads it." });

export const TaskView = z
  .strictObject({
    id: Id,
    channel: Channel,
    status: z.enum(["queued", "offered", "assigned", "wrapping", "scheduled", "parked"]),
    entryPointId: Id,
    queueId: Id,
    priority: z.int(),
    customer: z.strictObject({ name: z.string().optional(), address: z.string().optional() }),
    createdAt: Instant,
    /** The offer to the reader, while there is one. */
    offer: z
      .strictObject({
        phase: z.enum(["connecting", "requested"]),
        expiresAt: Instant,
        flashAt: Instant.nullable(),
      })
      .nullable(),
    /** The reader's part in the task. */
    role: z.enum(["owner", "consulted", "conferee"]).nullable(),
    wrapping: z.boolean(),
    call: CallView.nullable(),
    variables: z.array(VariableView),
    conversation: ConversationView.nullable(),
  })
  .meta({
    id: "Task",
    description: "A contact as one reader sees it: its offer, the call, data and messages.",
  });
export type TaskView = z.infer<typeof TaskView>;

export const Me = z
  .strictObject({
    user: User,
    /** Null until the user signs in as an agent at a station. */
    agent: AgentView.nullable(),
    tasks: z.array(TaskView),
    /** The aux codes the user may choose from (idle and wrap-up). */
    idleCodes: z.array(z.strictObject({ id: Id, name: z.string(), isDefault: z.boolean() })),
    wrapUpCodes: z.array(z.strictObject({ id: Id, name: z.string(), isDefault: z.boolean() })),
    now: Instant,
  })
  .meta({ id: "Me", description: "Everything a desktop draws, as of now." });
export type Me = z.infer<typeof Me>;

const QueueView = z.strictObject({
  queueId: Id,
  name: z.string(),
  waiting: z.int().nonnegative(),
  longestWait: Duration,
  serviceLevel: z.number().nullable(),
  stats: z.record(z.string(), z.number()),
});

export const SupervisorView = z
  .strictObject({
    agents: z.array(
      z.strictObject({
        agentId: Id,
        name: z.string(),
        teamId: Id,
        presence: z.string(),
        idleCodeId: Id.nullable(),
        engaged: z.boolean(),
        inState: Duration,
        contacts: z.array(z.record(z.string(), z.unknown())),
      }),
    ),
    queues: z.array(QueueView),
  })
  .meta({
    id: "SupervisorView",
    description: "A supervisor's teams: agents with state and contacts; queues.",
  });
