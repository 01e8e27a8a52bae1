import type { Channel } from "../shared/channels.ts";
import type { AgentId, EntryPointId, QueueId, TaskId } from "../shared/ids.ts";
import type { Instant } from "../shared/time.ts";

export interface Customer {
  readonly name?: string;
  /** Phone number, e-mail address or social handle the contact came from. */
  readonly address?: string;
}

/** A reservation of one task for one agent; its expiry is RONA (RTE-3). */
export interface Offer {
  readonly agentId: AgentId;
  /** RTE-2: `connecting` while the assignment reaches the agent, then `requested` until acted on. */
  readonly phase: "connecting" | "requested";
  readonly offeredAt: Instant;
  readonly expiresAt: Instant;
  /** RTE-4: when the popover's action button starts flashing; null for timeouts of 8 s or less. */
  readonly flashAt: Instant | null;
}

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
}

/** One customer contact, any channel. Completed and canceled tasks leave the state. */
export type Task = TaskCommon &
  (
    | { readonly status: "queued"; readonly queuedAt: Instant }
    | { readonly status: "offered"; readonly offer: Offer }
    | { readonly status: "assigned"; readonly agentId: AgentId; readonly assignedAt: Instant }
    | {
        readonly status: "wrapping";
        readonly agentId: AgentId;
        readonly assignedAt: Instant;
        readonly endedAt: Instant;
        readonly endedBy: "agent" | "customer";
        /** Auto wrap-up due time (WRP-3); null when the profile has none. */
        readonly autoWrapUpAt: Instant | null;
      }
  );

export type TaskOf<S extends Task["status"]> = Extract<Task, { status: S }>;

/** The agent a task is with right now: offered to, assigned to, or wrapping up. */
export const taskAgent = (t: Task): AgentId | null =>
  t.status === "offered" ? t.offer.agentId : t.status === "queued" ? null : t.agentId;
