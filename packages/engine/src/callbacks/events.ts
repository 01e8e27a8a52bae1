import type { AgentId, EntryPointId, QueueId, TaskId } from "../shared/ids.ts";
import type { Instant } from "../shared/time.ts";
import type { TaskVariables } from "../variables/types.ts";
import type { Callback } from "./state.ts";

/** A callback comes into being: scheduled for later, or queued at once (web). */
export interface CallbackCreated {
  readonly type: "callback.created";
  readonly at: Instant;
  readonly taskId: TaskId;
  readonly agentId: AgentId | null;
  readonly entryPointId: EntryPointId;
  readonly queueId: QueueId;
  readonly callback: Callback;
  readonly priority: number;
  readonly variables: TaskVariables;
  /** When it starts to be offered; `at` for callbacks due at once. */
  readonly dueAt: Instant;
}

/** CB-5: a scheduled callback's window or details changed before it started. */
export interface CallbackUpdated {
  readonly type: "callback.updated";
  readonly at: Instant;
  readonly taskId: TaskId;
  readonly agentId: AgentId;
  readonly callback: Callback;
  readonly dueAt: Instant;
}

export interface CallbackDeleted {
  readonly type: "callback.deleted";
  readonly at: Instant;
  readonly taskId: TaskId;
  readonly agentId: AgentId;
}

/** A waiting caller's call became a courtesy callback: the customer hangs up, the place stays. */
export interface CallbackConverted {
  readonly type: "callback.converted";
  readonly at: Instant;
  readonly taskId: TaskId;
  readonly callback: Callback;
}

/** The window opened: the callback queues (a personal one only for its assignee). */
export interface CallbackDue {
  readonly type: "callback.due";
  readonly at: Instant;
  readonly taskId: TaskId;
}

/** CB-2: the customer did not answer: the agent's part ends and the callback queues again. */
export interface CallbackRetry {
  readonly type: "callback.retry";
  readonly at: Instant;
  readonly taskId: TaskId;
  readonly agentId: AgentId;
}

export type CallbackEvent =
  | CallbackCreated
  | CallbackUpdated
  | CallbackDeleted
  | CallbackConverted
  | CallbackDue
  | CallbackRetry;

export const isCallbackEvent = (e: { readonly type: string }): e is CallbackEvent =>
  e.type.startsWith("callback.");
