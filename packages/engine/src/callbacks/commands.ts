import type { AgentId, EntryPointId, TaskId } from "../shared/ids.ts";
import type { CallbackRequest } from "./schedule.ts";

/** CB-6: who a scheduled callback is for. */
export type CallbackAssignee =
  | { readonly kind: "any" }
  | { readonly kind: "me" }
  | { readonly kind: "agent"; readonly agentId: AgentId };

/** An agent schedules a callback for a later window (CB-1, CB-4, CB-6, CB-8). */
export interface ScheduleCallback {
  readonly type: "ScheduleCallback";
  /** The new callback's id. */
  readonly taskId: TaskId;
  readonly agentId: AgentId;
  /** The callback entry point: its queue and flow (CB-8). */
  readonly entryPointId: EntryPointId;
  readonly request: CallbackRequest;
  readonly assignTo: CallbackAssignee;
}

/** CB-5: change a scheduled callback before its window starts. */
export interface UpdateCallback {
  readonly type: "UpdateCallback";
  readonly taskId: TaskId;
  readonly agentId: AgentId;
  readonly request: CallbackRequest;
}

/** CB-5: delete a scheduled callback before its window starts. */
export interface DeleteCallback {
  readonly type: "DeleteCallback";
  readonly taskId: TaskId;
  readonly agentId: AgentId;
}

/** CB-1: a web callback — name and number from a website or bot — queues at once. */
export interface RequestWebCallback {
  readonly type: "RequestWebCallback";
  readonly taskId: TaskId;
  readonly entryPointId: EntryPointId;
  readonly name: string;
  readonly number: string;
}

/** CB-1: a waiting caller took the courtesy callback: they hang up and keep their place. */
export interface AcceptCourtesyCallback {
  readonly type: "AcceptCourtesyCallback";
  readonly taskId: TaskId;
  readonly number: string;
}

/** CB-3: the agent cancels a web callback before the customer answers; wrap-up follows. */
export interface CancelCallback {
  readonly type: "CancelCallback";
  readonly taskId: TaskId;
  readonly agentId: AgentId;
}

export type CallbackCommand =
  | ScheduleCallback
  | UpdateCallback
  | DeleteCallback
  | RequestWebCallback
  | AcceptCourtesyCallback
  | CancelCallback;
