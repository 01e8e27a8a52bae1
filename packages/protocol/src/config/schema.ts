// The tenant configuration on the wire: what an administrator sends and `tenant.configured` carries.
import { SCREEN_POP_URL_TEMPLATE } from "@parley/engine";
import { z } from "zod";
import { ChannelSchema, ExternalPresenceSchema } from "../events/parts.ts";
import {
  CONFIG_COUNTS as COUNT,
  CONFIG_LENGTHS as LEN,
  CONFIG_RANGES as RANGE,
  VARIABLE_NAME,
} from "./limits.ts";

const id = (description: string) => z.string().min(1).max(LEN.id).meta({ description });
const name = z.string().max(LEN.name);
const range = (r: { readonly min: number; readonly max: number }, description: string) =>
  z.int().min(r.min).max(r.max).meta({ description });
const ids = (description: string) =>
  z.array(z.string().min(1).max(LEN.id)).max(COUNT.references).meta({ description });

export const AuxCodeSchema = z
  .strictObject({
    id: id("The aux code's id"),
    name: name.meta({ description: "What agents and reports show" }),
    kind: z.enum(["IDLE", "WRAP_UP"]),
    isDefault: z.boolean().meta({
      description: "Exactly one default per kind: login and Go Idle use the idle one, auto wrap-up the other",
    }),
  })
  .meta({ description: "An idle or wrap-up reason (aux code)" });

const perChannel = (make: (c: z.infer<typeof ChannelSchema>) => z.ZodInt) =>
  z.strictObject({ voice: make("voice"), chat: make("chat"), email: make("email"), social: make("social") });

export const AutoWrapUpSchema = z
  .strictObject({
    enabled: z.boolean(),
    afterSec: range(
      RANGE.autoWrapUpAfterSec,
      "Seconds in wrap-up before the default wrap-up code is applied",
    ),
  })
  .meta({ description: "Auto wrap-up: the system completes wrap-up for the agent after a while" });

export const DisconnectPolicySchema = z
  .strictObject({
    graceSec: range(
      RANGE.graceSec,
      "Seconds between the desktop going away and the forced logout or Not Ready",
    ),
    heartbeatTimeoutSec: range(
      RANGE.heartbeatTimeoutSec,
      "Seconds of missing heartbeats after which a desktop counts as gone",
    ),
    logoutOnDisconnect: z
      .boolean()
      .meta({ description: "Log the agent out on disconnect; off puts the agent Not Ready instead" }),
  })
  .meta({ description: "What happens when an agent's desktop goes away" });

export const DesktopProfileSchema = z
  .strictObject({
    id: id("The profile's id"),
    name,
    idleCodeIds: ids("The idle codes agents with this profile may choose"),
    wrapUpCodeIds: ids("The wrap-up codes agents with this profile may choose"),
    capacity: perChannel((c) => range(RANGE.capacity[c], `Concurrent ${c} tasks; 0: not handled`)).meta({
      description: "Concurrent tasks per channel: voice 0 or 1",
    }),
    offerTimeoutSec: perChannel((c) =>
      range(RANGE.offerTimeoutSec, `Seconds a ${c} offer waits for Accept before RONA`),
    ),
    autoWrapUp: AutoWrapUpSchema,
    availableAfterOutdial: z
      .boolean()
      .meta({ description: "After an outdial call ends: true → Available, false → Idle" }),
    recordingPauseSec: range(
      RANGE.recordingPauseSec,
      "A paused recording resumes by itself after this many seconds",
    ),
    disconnect: DisconnectPolicySchema,
  })
  .meta({
    description: "A desktop profile: the states an agent may choose and how much work an agent takes at once",
  });

export const TeamSchema = z
  .strictObject({
    id: id("The team's id"),
    name,
    kind: z.enum(["agent_based", "capacity_based"]).optional().meta({
      description:
        "capacity_based teams stand for outside capacity without agents in Parley; agent_based if absent",
    }),
  })
  .meta({ description: "A team of agents" });

export const RoleSchema = z.enum(["agent", "supervisor", "admin"]);

export const UserSchema = z
  .strictObject({
    id: id("The user's id: the agent id in events"),
    name,
    roles: z.array(RoleSchema).min(1).max(COUNT.roles),
    teamIds: ids("The teams the user may log in to"),
    profileId: id("The user's desktop profile"),
  })
  .meta({ description: "A user: an agent, supervisor or administrator" });

export const QueueSchema = z
  .strictObject({
    id: id("The queue's id"),
    name,
    channel: ChannelSchema,
    teamIds: ids("Agents logged in to any of these teams serve the queue"),
    distribution: z.literal("longest_available"),
    serviceLevelSec: range(
      RANGE.serviceLevelSec,
      "A contact answered within this many seconds is in service level",
    ),
  })
  .meta({ description: "A queue: contacts of one channel waiting for the agents of its teams" });

export const ScreenPopRuleSchema = z
  .discriminatedUnion("kind", [
    z
      .strictObject({ kind: z.literal("contact_card") })
      .meta({ description: "The built-in contact card found by the customer's number or address" }),
    z
      .strictObject({
        kind: z.literal("url"),
        template: z
          .string()
          .max(LEN.url)
          .regex(SCREEN_POP_URL_TEMPLATE)
          .meta({
            description:
              "An http(s) URL with a literal scheme and host; {address}, {name}, {taskId}, {entryPointId}, {queueId}, {channel} and {variableName} are filled with the contact's values, URL-encoded (masked values as empty)",
            examples: ["https://crm.example.com/search?phone={address}"],
          }),
        title: name.optional().meta({ description: "The tab's title; a generic one if absent" }),
      })
      .meta({ description: "An external web page from a URL template" }),
  ])
  .meta({
    id: "ScreenPopRule",
    description: "What the desktop pops for a contact: the contact card or an external page (SES-16)",
  });

export const EntryPointSchema = z
  .strictObject({
    id: id("The entry point's id"),
    name,
    channel: ChannelSchema,
    kind: z.enum(["inbound", "outdial", "callback"]),
    queueId: id("The queue contacts entering here wait in"),
    active: z.boolean(),
    flowId: id("The flow whose variables a contact entering here carries").optional(),
    dialNumber: z.string().max(LEN.address).optional().meta({
      description: "The entry point's dial number: consults and transfers to it reach this entry point",
    }),
    persistent: z
      .boolean()
      .optional()
      .meta({ description: "Chats entering here wait for the customer after Close" }),
    callbackCancel: z
      .boolean()
      .optional()
      .meta({ description: "Agents may cancel a web callback from here before the customer answers" }),
    screenPop: ScreenPopRuleSchema.optional().meta({
      description: "What the desktop pops for a contact entering here; the contact card if absent",
    }),
  })
  .meta({ description: "Where contacts come in (or outdial calls and callbacks go out)" });

export const SharedLineSchema = z
  .strictObject({
    address: z.string().min(1).max(LEN.address),
    lines: z.array(z.string().min(1).max(LEN.address)).min(2).max(COUNT.linesPerSharedLine),
  })
  .meta({ description: "A multiline address: agents logging in with it pick one of its lines" });

export const FlowVariableDefSchema = z
  .strictObject({
    name: z
      .string()
      .max(LEN.variableName)
      .regex(VARIABLE_NAME)
      // The engine's rule allows it, but as a key of a task's variables JSON parsers and zod drop it.
      .refine((n) => n !== "__proto__", "__proto__ cannot be a variable name")
      .meta({ description: "Stable key, e.g. customerId" }),
    type: z.enum(["STRING", "INTEGER", "DECIMAL", "BOOLEAN", "DATETIME"]),
    label: name.meta({ description: "What agents read beside the value" }),
    order: z.number().meta({ description: "Display order, smallest first" }),
    secure: z.boolean().meta({ description: "Masked in every read model" }),
    agentEditable: z
      .boolean()
      .meta({ description: "Agents (never a consulted one) may change it during the call" }),
    shownInPopover: z
      .boolean()
      .meta({ description: "One of the 3 to 6 variables shown in the voice popover" }),
    global: z
      .boolean()
      .meta({ description: "Carried to the next flow on transfer when name and type match" }),
    sensitiveNumber: z.boolean().optional().meta({
      description: "Holds a caller's number: with sensitive-data protection only its last four digits show",
    }),
    defaultValue: z.string().max(LEN.variableDefault).optional(),
  })
  .meta({ description: "A call-associated data (CAD) variable of a flow" });

export const FlowDefSchema = z
  .strictObject({
    id: id("The flow's id"),
    name,
    variables: z.array(FlowVariableDefSchema).max(COUNT.variablesPerFlow),
  })
  .meta({ description: "A flow and its call-associated data variables" });

export const ExpertSchema = z
  .strictObject({
    id: id("The expert's id"),
    name,
    email: z.string().max(LEN.email).optional(),
    role: name.optional(),
    department: name.optional(),
    workPhone: z
      .string()
      .max(LEN.address)
      .optional()
      .meta({ description: "Experts without one are not listed" }),
    presence: z.enum(["available", "busy", "away", "offline", "unknown"]).optional(),
  })
  .meta({ description: "Someone in the organization directory who can be consulted by phone" });

export const AddressBookEntrySchema = z
  .strictObject({
    id: id("The contact's id"),
    name,
    number: z.string().max(LEN.address).meta({ description: "As entered, formatting allowed" }),
  })
  .meta({ description: "A contact of the enterprise address book offered in the dial-number field" });

export const PresenceFederationSchema = z
  .strictObject({
    enabled: z.boolean(),
    idleCodeId: id("The idle code an Available agent gets when the tool switches to a busy status"),
    busyStatuses: z
      .array(ExternalPresenceSchema)
      .max(COUNT.busyStatuses)
      .optional()
      .meta({ description: "The statuses that make an agent Not Ready; busy and do_not_disturb if absent" }),
    onCallStatus: ExternalPresenceSchema.nullable().meta({
      description: "What the tool is asked to show once a call becomes active; null asks for nothing",
    }),
  })
  .meta({ description: "Presence federation with a CRM or collaboration tool" });

export const TenantConfigSchema = z
  .strictObject({
    tenantId: id("The tenant's id"),
    name,
    auxCodes: z.array(AuxCodeSchema).max(COUNT.auxCodes),
    profiles: z.array(DesktopProfileSchema).max(COUNT.profiles),
    teams: z.array(TeamSchema).max(COUNT.teams),
    users: z.array(UserSchema).max(COUNT.users),
    queues: z.array(QueueSchema).max(COUNT.queues),
    entryPoints: z.array(EntryPointSchema).max(COUNT.entryPoints),
    sharedLines: z.array(SharedLineSchema).max(COUNT.sharedLines),
    flows: z.array(FlowDefSchema).max(COUNT.flows).optional(),
    sensitiveDataProtection: z
      .boolean()
      .optional()
      .meta({ description: "Caller numbers show only their last four digits" }),
    noiseRemoval: z
      .boolean()
      .optional()
      .meta({ description: "Background noise removal for the tenant's agents" }),
    directory: z.array(ExpertSchema).max(COUNT.directory).optional(),
    addressBook: z.array(AddressBookEntrySchema).max(COUNT.addressBook).optional(),
    maxConcurrentCalls: range(
      RANGE.maxConcurrentCalls,
      "The most voice calls the tenant may have at once, queued and connected; no limit if absent",
    ).optional(),
    federation: PresenceFederationSchema.optional(),
    persistentChatDays: range(
      RANGE.persistentChatDays,
      "Days a closed persistent chat waits for the customer (28 if absent)",
    ).optional(),
    sentiment: z
      .strictObject({
        threshold: z.number().min(RANGE.sentimentThreshold.min).max(RANGE.sentimentThreshold.max),
        window: range(RANGE.sentimentWindow, "How many of the last scored customer messages are averaged"),
      })
      .optional()
      .meta({
        description: "Alert when the mean score of the last `window` customer messages falls to `threshold`",
      }),
  })
  .meta({
    id: "TenantConfig",
    description:
      "A tenant's configuration: aux codes, desktop profiles, teams, users, queues, entry points, flows and options.",
  });
