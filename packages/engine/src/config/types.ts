import type { PresenceFederation } from "../agents/federation/config.ts";
import type { Channel, PerChannel } from "../shared/channels.ts";
import type {
  AgentId,
  AuxCodeId,
  EntryPointId,
  FlowId,
  ProfileId,
  QueueId,
  TeamId,
  TenantId,
} from "../shared/ids.ts";
import type { FlowDef } from "../variables/types.ts";
import type { AddressBookEntry } from "../voice/addressBook.ts";

/** Idle and wrap-up reasons share one shape ("aux codes"), as in the desktops Parley replaces. */
export interface AuxCode {
  readonly id: AuxCodeId;
  readonly name: string;
  readonly kind: "IDLE" | "WRAP_UP";
  /** Exactly one default per kind: login and "Go Idle" use the idle one, auto wrap-up the other. */
  readonly isDefault: boolean;
}

export interface AutoWrapUp {
  readonly enabled: boolean;
  /** Seconds in wrap-up before the default wrap-up code is applied for the agent (WRP-3). */
  readonly afterSec: number;
}

export interface DisconnectPolicy {
  /** Seconds between the desktop going away and the forced logout or Idle (CON-1). */
  readonly graceSec: number;
  /** Seconds of missing heartbeats after which a desktop counts as crashed (CON-2). */
  readonly heartbeatTimeoutSec: number;
  /** LOAD: log the agent out on disconnect; off puts the agent Idle instead (CON-3). */
  readonly logoutOnDisconnect: boolean;
}

/** The desktop profile: what an agent may choose and how much work an agent takes at once. */
export interface DesktopProfile {
  readonly id: ProfileId;
  readonly name: string;
  readonly idleCodeIds: readonly AuxCodeId[];
  readonly wrapUpCodeIds: readonly AuxCodeId[];
  /** Concurrent tasks per channel; voice is 0 or 1, 0 means the channel is not handled. */
  readonly capacity: PerChannel<number>;
  /** Seconds an offer waits for Accept before RONA (RTE-3). */
  readonly offerTimeoutSec: PerChannel<number>;
  readonly autoWrapUp: AutoWrapUp;
  /** AGT-9: after an outdial call ends, yes → Available, no → Idle. */
  readonly availableAfterOutdial: boolean;
  /** CALL-5: a paused call recording resumes by itself after this many seconds. */
  readonly recordingPauseSec: number;
  readonly disconnect: DisconnectPolicy;
}

export interface Team {
  readonly id: TeamId;
  readonly name: string;
  /**
   * `agent_based` teams are routed to their logged-in agents; `capacity_based` teams stand for
   * outside capacity without agents in Parley, so a consult cannot reach them (CNS-11).
   */
  readonly kind?: "agent_based" | "capacity_based";
}

export type Role = "agent" | "supervisor" | "admin";

export interface User {
  readonly id: AgentId;
  readonly name: string;
  readonly roles: readonly Role[];
  readonly teamIds: readonly TeamId[];
  readonly profileId: ProfileId;
}

export interface Queue {
  readonly id: QueueId;
  readonly name: string;
  readonly channel: Channel;
  /** Agents logged in to any of these teams serve the queue. */
  readonly teamIds: readonly TeamId[];
  readonly distribution: "longest_available";
  /** A contact answered within this many seconds counts as in service level. */
  readonly serviceLevelSec: number;
}

export interface EntryPoint {
  readonly id: EntryPointId;
  readonly name: string;
  readonly channel: Channel;
  /** `callback`: where agents schedule callbacks (CB-8). */
  readonly kind: "inbound" | "outdial" | "callback";
  readonly queueId: QueueId;
  readonly active: boolean;
  /** The flow whose variables a contact entering here carries (CALL-6, XFR-5); none if absent. */
  readonly flowId?: FlowId;
  /** The entry point's dial number (EP-DN): consults and transfers to it reach this entry point (CNS-12). */
  readonly dialNumber?: string;
  /** DIG-3: chats entering here are persistent: Close leaves them waiting for the customer. */
  readonly persistent?: boolean;
  /** CB-3: agents may cancel a web callback from here before the customer answers. */
  readonly callbackCancel?: boolean;
  /** SES-16: what the desktop pops for a contact entering here; the contact card if absent. */
  readonly screenPop?: ScreenPopRule;
}

/**
 * SES-16: a screen pop rule: the built-in contact card found by the customer's number or address,
 * or an external web page from a URL template whose `{name}` placeholders the desktop fills with
 * the contact's values (`address`, `name`, `taskId`, `entryPointId`, `queueId`, `channel`) and call
 * variables, URL-encoded.
 */
export type ScreenPopRule =
  | { readonly kind: "contact_card" }
  | {
      readonly kind: "url";
      /** An http(s) URL with a literal scheme and host, e.g. `https://crm.example/find?ani={address}`. */
      readonly template: string;
      /** The tab's title; a generic one if absent. */
      readonly title?: string;
    };

/** A multiline address: agents logging in with it must pick one of its lines (AGT-10). */
export interface SharedLine {
  readonly address: string;
  readonly lines: readonly string[];
}

export interface TenantConfig {
  readonly tenantId: TenantId;
  readonly name: string;
  readonly auxCodes: readonly AuxCode[];
  readonly profiles: readonly DesktopProfile[];
  readonly teams: readonly Team[];
  readonly users: readonly User[];
  readonly queues: readonly Queue[];
  readonly entryPoints: readonly EntryPoint[];
  readonly sharedLines: readonly SharedLine[];
  /** Flows and their call-associated data variables; none if absent. */
  readonly flows?: readonly FlowDef[];
  /** POP-7: caller numbers show only their last four digits. */
  readonly sensitiveDataProtection?: boolean;
  /** CALL-10: background noise removal for the tenant's agents; agents cannot switch it off. */
  readonly noiseRemoval?: boolean;
  /** The organization directory's experts, when no collaboration tool feeds it (CNS-13). */
  readonly directory?: readonly Expert[];
  /** The enterprise address book offered in the dial-number field (DIAL-4). */
  readonly addressBook?: readonly AddressBookEntry[];
  /** RTE-8: the most voice calls the tenant may have at once, queued and connected; none if absent. */
  readonly maxConcurrentCalls?: number;
  /** FED-1…FED-4: presence federation with a CRM or collaboration tool; off if absent. */
  readonly federation?: PresenceFederation;
  /** DIG-3: days a closed persistent chat waits for the customer (default 28). */
  readonly persistentChatDays?: number;
  /** SES-11: alert when the mean score of the last `window` customer messages falls to `threshold`. */
  readonly sentiment?: { readonly threshold: number; readonly window: number };
}

/** Someone in the organization directory who can be consulted by phone (CNS-13). */
export interface Expert {
  readonly id: string;
  readonly name: string;
  readonly email?: string;
  readonly role?: string;
  readonly department?: string;
  /** Work phone: experts without one are not listed. */
  readonly workPhone?: string;
  /** As the collaboration tool last reported it; it may lag. */
  readonly presence?: "available" | "busy" | "away" | "offline" | "unknown";
}
