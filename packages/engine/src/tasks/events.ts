import type { Channel } from "../shared/channels.ts";
import type { AgentId, AuxCodeId, EntryPointId, QueueId, TaskId } from "../shared/ids.ts";
import type { Duration, Instant } from "../shared/time.ts";
import type { VariableConflict } from "../variables/edit.ts";
import type { TaskVariables, VariableValue } from "../variables/types.ts";
import type { OfferFailureCause } from "./commands.ts";
import type { Customer } from "./state.ts";

export interface TaskReceived {
  readonly type: "task.received";
  readonly at: Instant;
  readonly taskId: TaskId;
  readonly channel: Channel;
  readonly entryPointId: EntryPointId;
  readonly queueId: QueueId;
  readonly priority: number;
  readonly customer: Customer;
  readonly excluded: readonly AgentId[];
  /** The flow's variables as the contact starts with them. */
  readonly variables: TaskVariables;
  /** DIG-3: a persistent chat (from its entry point). */
  readonly persistent: boolean;
}

export interface OfferCreated {
  readonly type: "offer.created";
  readonly at: Instant;
  readonly taskId: TaskId;
  readonly agentId: AgentId;
  readonly expiresAt: Instant;
  readonly flashAt: Instant | null;
}

export interface OfferDelivered {
  readonly type: "offer.delivered";
  readonly at: Instant;
  readonly taskId: TaskId;
  readonly agentId: AgentId;
}

export interface OfferDeclined {
  readonly type: "offer.declined";
  readonly at: Instant;
  readonly taskId: TaskId;
  readonly agentId: AgentId;
}

/** RONA: the task goes back to the head of its queue; the agent's RONA is its own event. */
export interface OfferTimedOut {
  readonly type: "offer.timed_out";
  readonly at: Instant;
  readonly taskId: TaskId;
  readonly agentId: AgentId;
}

export interface OfferFailed {
  readonly type: "offer.failed";
  readonly at: Instant;
  readonly taskId: TaskId;
  readonly agentId: AgentId;
  readonly cause: OfferFailureCause;
}

export interface TaskAssigned {
  readonly type: "task.assigned";
  readonly at: Instant;
  readonly taskId: TaskId;
  readonly agentId: AgentId;
}

/** SES-15: the agent took the waiting task from its queue without an offer; it is theirs now. */
export interface TaskPicked {
  readonly type: "task.picked";
  readonly at: Instant;
  readonly taskId: TaskId;
  readonly agentId: AgentId;
}

export interface TaskEnded {
  readonly type: "task.ended";
  readonly at: Instant;
  readonly taskId: TaskId;
  readonly agentId: AgentId;
  readonly by: "agent" | "customer";
  readonly autoWrapUpAt: Instant | null;
}

export interface TaskCanceled {
  readonly type: "task.canceled";
  readonly at: Instant;
  readonly taskId: TaskId;
  /** `abandoned`: the customer left; `transfer_failed`: the transfer target did not answer (XFR-3). */
  readonly reason: "abandoned" | "transfer_failed";
  /** The agent it was offered to when the customer left, if any. */
  readonly agentId: AgentId | null;
}

/** What interaction history shows (TMR-5): handling includes hold and consult time. */
export interface TaskDurations {
  readonly waited: Duration;
  readonly handled: Duration;
  readonly wrappedUp: Duration;
  readonly total: Duration;
}

export interface TaskWrappedUp {
  readonly type: "task.wrapup";
  readonly at: Instant;
  readonly taskId: TaskId;
  readonly agentId: AgentId;
  readonly codeId: AuxCodeId;
  readonly auto: boolean;
  readonly durations: TaskDurations;
}

export interface OutdialPlaced {
  readonly type: "task.outdial_placed";
  readonly at: Instant;
  readonly taskId: TaskId;
  readonly agentId: AgentId;
  readonly entryPointId: EntryPointId;
  readonly queueId: QueueId;
  readonly customer: Customer;
  readonly variables: TaskVariables;
}

/**
 * Saved call-associated data (CALL-6). `values` holds what was applied, each one version up;
 * `conflicts` the fields another agent saved first, for this agent to be told (CALL-8).
 * Values are as saved: hosts mask secure ones for each reader (CALL-7).
 */
export interface TaskVariablesChanged {
  readonly type: "task.variables_changed";
  readonly at: Instant;
  readonly taskId: TaskId;
  readonly agentId: AgentId;
  readonly values: readonly VariableValue[];
  readonly conflicts: readonly VariableConflict[];
}

export type TaskEvent =
  | OutdialPlaced
  | TaskReceived
  | OfferCreated
  | OfferDelivered
  | OfferDeclined
  | OfferTimedOut
  | OfferFailed
  | TaskAssigned
  | TaskPicked
  | TaskEnded
  | TaskCanceled
  | TaskWrappedUp
  | TaskVariablesChanged;
