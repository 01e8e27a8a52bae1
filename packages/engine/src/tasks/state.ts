import type { Callback } from "../callbacks/state.ts";
import type { Conversation } from "../digital/state.ts";
import type { Channel } from "../shared/channels.ts";
import type { AgentId, EntryPointId, QueueId, TaskId } from "../shared/ids.ts";
import type { Instant } from "../shared/time.ts";
import type { TaskVariables } from "../variables/types.ts";
import type { VoiceCall } from "../voice/state.ts";

export interface Customer {
  readonly name?: string;
  /** Phone number, e-mail address or social handle the contact came from. */
  readonly address?: string;
}

/** A reservation of one task for one agent; its expiry is RONA (RTE-3). */
export interface Offer {
  readonly agentId: AgentId;
  /** `routed` from a queue; `transfer` when an agent transferred the call straight to this agent. */
  readonly kind: "routed" | "transfer";
  /** RTE-2: `connecting` while the assignment reaches the agent, then `requested` until acted on. */
  readonly phase: "connecting" | "requested";
  readonly offeredAt: Instant;
  readonly expiresAt: Instant;
  /** RTE-4: when the popover's action button starts flashing; null for timeouts of 8 s or less. */
  readonly flashAt: Instant | null;
}

/**
 * One agent's part in an accepted task. Several agents can have one at once: the owner, a
 * consulted agent, conferees, and a former owner still wrapping up after a transfer. Only owners
 * wrap up (CNF-5, CNS-8); every engagement counts against the agent's capacity.
 */
export type Engagement =
  | {
      readonly agentId: AgentId;
      readonly role: "owner" | "consulted" | "conferee";
      readonly status: "active";
      /** When the agent joined: the connected timer (TMR-3). */
      readonly since: Instant;
    }
  | {
      readonly agentId: AgentId;
      readonly role: "owner";
      readonly status: "wrapping";
      readonly since: Instant;
      readonly endedAt: Instant;
      /** Auto wrap-up due time (WRP-3); null when the profile has none. */
      readonly autoWrapUpAt: Instant | null;
    };

interface TaskCommon {
  readonly id: TaskId;
  readonly channel: Channel;
  readonly entryPointId: EntryPointId;
  readonly queueId: QueueId;
  /** Higher is served first; equal priorities are served oldest first. */
  readonly priority: number;
  readonly customer: Customer;
  readonly createdAt: Instant;
  /** Arrival order in the tenant: the last tie-breaker in a queue. */
  readonly seq: number;
  /** Agents this task is never offered to, e.g. who transferred it to the queue (RTE-7). */
  readonly excluded: readonly AgentId[];
  /** Agents who declined it: it goes to someone else. */
  readonly declinedBy: readonly AgentId[];
  /** Offers made so far, RONA and declines included. */
  readonly offers: number;
  /** Inbound contacts are routed; outdial calls belong to the agent who placed them. */
  readonly origin: "inbound" | "outdial";
  /** When an agent first took it: the end of the customer's wait. */
  readonly answeredAt: Instant | null;
  /** When it entered its current queue — arrival, a transfer, a callback's window: queue statistics count from here. */
  readonly enteredQueueAt: Instant;
  /** Whether an agent has taken it since it entered this queue. */
  readonly answeredInQueue: boolean;
  /** Every agent with a part in it right now. */
  readonly agents: readonly Engagement[];
  /** The call's participants and legs, once a voice task is answered; null otherwise. */
  readonly call: VoiceCall | null;
  /** Call-associated data of the entry point's flow (CALL-6). */
  readonly variables: TaskVariables;
  /** The messages of a chat, e-mail or social contact (DIG-4); null for calls. */
  readonly conversation: Conversation | null;
  /** DIG-3: set by Close on a persistent chat: after wrap-up it waits for the customer until then. */
  readonly waitsUntil: Instant | null;
  /** Set for callbacks: whom to call back, when, and for whom (CB-1). */
  readonly callback: Callback | null;
}

/** One customer contact, any channel. Completed and canceled tasks leave the state. */
export type Task = TaskCommon &
  (
    | { readonly status: "queued"; readonly queuedAt: Instant }
    | { readonly status: "offered"; readonly offer: Offer }
    | {
        readonly status: "assigned";
        /** The owner (primary agent): who controls the contact and wraps it up. */
        readonly agentId: AgentId;
        readonly assignedAt: Instant;
      }
    | {
        /** The contact is over; its last owner (and maybe others) are wrapping up. */
        readonly status: "wrapping";
        readonly agentId: AgentId;
        readonly assignedAt: Instant;
        readonly endedAt: Instant;
        readonly endedBy: "agent" | "customer";
      }
    | {
        /** A scheduled callback before its window opens (CB-1): not routed until `dueAt`. */
        readonly status: "scheduled";
        readonly dueAt: Instant;
      }
    | {
        /** DIG-3: a closed persistent chat waiting for the customer; a new message re-opens it. */
        readonly status: "parked";
        readonly parkedAt: Instant;
        readonly expiresAt: Instant;
      }
  );

export type TaskOf<S extends Task["status"]> = Extract<Task, { status: S }>;

/** The agent's part in the task, if any. */
export const engagementOf = (t: Task, agentId: AgentId): Engagement | undefined =>
  t.agents.find((e) => e.agentId === agentId);
