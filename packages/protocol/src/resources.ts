import { z } from "zod";
import { ScreenPopRuleSchema } from "./config/schema.ts";
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

const ExternalPresence = z.enum(["available", "busy", "do_not_disturb", "appear_away", "offline"]);

/** FED-4: presence federation as the user profile shows it. */
export const PresenceSyncView = z
  .strictObject({
    federation: z.enum(["on", "off"]),
    /** `waiting` until the feed reports; `delayed` when the last report lagged beyond ~12 s. */
    status: z.enum(["waiting", "in_sync", "delayed"]),
    external: ExternalPresence.optional(),
    source: z.enum(["manual", "automatic"]).optional(),
    observedAt: Instant.optional(),
    appliedAt: Instant.optional(),
    lag: Duration.optional(),
    /** FED-3: what Parley last asked the tool to show, and whether the feed has shown it. */
    requested: z
      .strictObject({
        presence: ExternalPresence,
        taskId: Id,
        at: Instant,
        outcome: z.enum(["pending", "confirmed", "superseded"]),
      })
      .nullable(),
  })
  .meta({ id: "PresenceSync", description: "Presence federation sync status (FED-4)." });
export type PresenceSyncView = z.infer<typeof PresenceSyncView>;

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
    /** FED-4: presence federation sync status. */
    presenceSync: PresenceSyncView,
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
    /** DIG-3: a persistent chat: Close leaves it waiting for the customer; End starts afresh. */
    persistent: z.boolean(),
  })
  .meta({ id: "Conversation", description: "A chat, social or e-mail conversation as one agent reads it." });

/** POP-8: what makes a task a callback. */
export const CallbackView = z
  .strictObject({
    kind: z.enum(["courtesy", "web", "scheduled", "personal"]),
    /** The customer's number: the last four digits only under sensitive-data protection (POP-7). */
    number: z.string(),
    name: z.string().nullable(),
    window: z.strictObject({ start: Instant, end: Instant, timeZone: z.string() }).nullable(),
    /** CB-7: the reason; the popover shows it only when the flow marks its variable. */
    reason: z.string().nullable(),
    /** The number the customer sees calling: the callback entry point's dial number. */
    dnis: z.string().nullable(),
    queueName: z.string().nullable(),
    /** When the current offer to the reader was made, for the popover's timer; null without one. */
    offeredAt: Instant.nullable(),
  })
  .meta({ id: "Callback", description: "A callback task's details (POP-8, CB-1)." });
export type CallbackView = z.infer<typeof CallbackView>;

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
    /** WRP-3: when the reader's wrap-up submits itself with the default code; null without auto wrap-up. */
    autoWrapUpAt: Instant.nullable(),
    call: CallView.nullable(),
    variables: z.array(VariableView),
    conversation: ConversationView.nullable(),
    /** POP-8: set for callbacks; null for other contacts. */
    callback: CallbackView.nullable(),
    /**
     * SES-16: the screen pop rule of the task's entry point, its URL template unfilled: the desktop
     * fills it with the values the reader may see; the built-in contact card when the entry point names none.
     */
    screenPop: ScreenPopRuleSchema,
  })
  .meta({
    id: "Task",
    description: "A contact as one reader sees it: its offer, the call, data and messages.",
  });
export type TaskView = z.infer<typeof TaskView>;

/** SES-15: a waiting work item the reader may pick. */
export const OpenWorkItem = z
  .strictObject({
    taskId: Id,
    channel: z.enum(["chat", "email", "social"]),
    customerName: z.string().nullable(),
    customerAddress: z.string().nullable(),
    queueId: Id,
    queueName: z.string(),
    /** When it entered its queue. */
    waitingSince: Instant,
  })
  .meta({ id: "OpenWorkItem", description: "A waiting chat, e-mail or social contact an agent may pick." });
export type OpenWorkItem = z.infer<typeof OpenWorkItem>;

/** SES-15: a contact the reader's part in is over. */
export const ClosedWorkItem = z
  .strictObject({
    taskId: Id,
    channel: Channel,
    customerName: z.string().nullable(),
    /** A caller's number is cut to its last four digits under sensitive-data protection (POP-7). */
    customerAddress: z.string().nullable(),
    queueId: Id,
    queueName: z.string(),
    /** The reader's part: owners wrap up; consulted agents and conferees leave without. */
    role: z.enum(["owner", "consulted", "conferee"]),
    /** When the reader's part began: accepted, picked, consulted or joined. */
    startedAt: Instant,
    /** When it closed: wrapped up, or left. */
    closedAt: Instant,
    /** The wrap-up code chosen; null for a part that has no wrap-up. */
    wrapUpCodeId: Id.nullable(),
    wrapUpCodeName: z.string().nullable(),
  })
  .meta({
    id: "ClosedWorkItem",
    description: "A contact the agent wrapped up or left, as Home's closed work items list it (SES-15).",
  });
export type ClosedWorkItem = z.infer<typeof ClosedWorkItem>;

/** CB-6: an agent of the reader's login team a personal callback can be for. */
export const TeamAgent = z
  .strictObject({
    agentId: Id,
    name: z.string(),
    /** As of this read; `logged_out` when not signed in at a station. */
    state: z.enum(["available", "idle", "rona", "logged_out"]),
  })
  .meta({
    id: "TeamAgent",
    description: "An agent of the reader's login team, by name and state, for a personal callback (CB-6).",
  });
export type TeamAgent = z.infer<typeof TeamAgent>;

export const Me = z
  .strictObject({
    user: User,
    /** Null until the user signs in as an agent at a station. */
    agent: AgentView.nullable(),
    tasks: z.array(TaskView),
    /** The aux codes the user may choose from (idle and wrap-up). */
    idleCodes: z.array(z.strictObject({ id: Id, name: z.string(), isDefault: z.boolean() })),
    wrapUpCodes: z.array(z.strictObject({ id: Id, name: z.string(), isDefault: z.boolean() })),
    /** CB-8: the active callback entry points the user may schedule through; empty when there are none. */
    callbackEntryPoints: z.array(z.strictObject({ id: Id, name: z.string(), queueId: Id })),
    /**
     * SES-15: waiting work items in the queues the agent's login team serves, most urgent first,
     * at most 50; empty when not logged in.
     */
    openWorkItems: z.array(OpenWorkItem),
    /**
     * SES-15: the contacts the agent wrapped up or left, newest first, at most 50; kept by the
     * server, so a reload or another browser lists the same.
     */
    closedWorkItems: z.array(ClosedWorkItem),
    /**
     * CB-6: the other agents of the login team, by name, whom a personal callback may be for;
     * empty when not logged in.
     */
    teamAgents: z.array(TeamAgent),
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
    /** SUP-2: who monitors which call of these agents (and this supervisor's own monitorings). */
    monitoring: z.array(
      z.strictObject({
        taskId: Id,
        agentId: Id,
        supervisorId: Id,
        status: z.enum(["monitoring", "paused"]),
        since: Instant,
      }),
    ),
  })
  .meta({
    id: "SupervisorView",
    description: "A supervisor's teams: agents with state and contacts; queues; monitorings.",
  });

export const ManagedCallback = z
  .strictObject({
    taskId: Id,
    kind: z.enum(["scheduled", "personal"]),
    /** The last four digits only under sensitive-data protection (POP-7): re-enter it to edit. */
    customerNumber: z.string(),
    numberMasked: z.boolean(),
    customerName: z.string().nullable(),
    window: z.strictObject({ start: Instant, end: Instant, timeZone: z.string() }),
    reason: z.string().nullable(),
    entryPointId: Id,
    queueId: Id,
    assignee: Id.nullable(),
    scheduledBy: Id.nullable(),
    /** CB-5: Edit and Delete are allowed only before the start time. */
    editable: z.boolean(),
  })
  .meta({ id: "ManagedCallback", description: "A scheduled callback the caller may manage (CB-5)." });
export type ManagedCallback = z.infer<typeof ManagedCallback>;
