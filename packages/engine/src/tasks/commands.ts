import type { AgentId, AuxCodeId, EntryPointId, TaskId } from "../shared/ids.ts";
import type { VariableEdit } from "../variables/edit.ts";
import type { Customer } from "./state.ts";

/** A contact enters through an entry point (RTE-1). The caller names the task. */
export interface ReceiveTask {
  readonly type: "ReceiveTask";
  readonly taskId: TaskId;
  readonly entryPointId: EntryPointId;
  readonly priority?: number;
  readonly customer?: Customer;
  /** Agents not to offer it to: who just handled it before a transfer to a queue (RTE-7). */
  readonly excludeAgents?: readonly AgentId[];
  /** Values the flow collected so far (IVR input), by variable name. */
  readonly variables?: Readonly<Record<string, string | null>>;
}

/** Save call-associated data; each edit names the version it was made on (CALL-6, CALL-8). */
export interface EditVariables {
  readonly type: "EditVariables";
  readonly taskId: TaskId;
  readonly agentId: AgentId;
  readonly edits: readonly VariableEdit[];
}

/** The offer reached the agent's desktop or device: connecting becomes a contact request (RTE-2). */
export interface ConfirmOfferDelivered {
  readonly type: "ConfirmOfferDelivered";
  readonly taskId: TaskId;
  readonly agentId: AgentId;
}

export interface AcceptTask {
  readonly type: "AcceptTask";
  readonly taskId: TaskId;
  readonly agentId: AgentId;
}

/** SES-15: the agent picks a waiting digital work item from a queue their team serves; it is theirs at once. */
export interface PickTask {
  readonly type: "PickTask";
  readonly taskId: TaskId;
  readonly agentId: AgentId;
}

/** POP-4: "Accept N requests" takes every delivered digital offer at once. */
export interface AcceptAllDigital {
  readonly type: "AcceptAllDigital";
  readonly agentId: AgentId;
}

export interface DeclineTask {
  readonly type: "DeclineTask";
  readonly taskId: TaskId;
  readonly agentId: AgentId;
}

export type OfferFailureCause = "DEVICE_UNREACHABLE" | "INVALID_ADDRESS" | "DEVICE_FAULT";

/** The offer could not reach the agent's device (RTE-5): the same outcome as RONA. */
export interface ReportOfferFailed {
  readonly type: "ReportOfferFailed";
  readonly taskId: TaskId;
  readonly agentId: AgentId;
  readonly cause: OfferFailureCause;
}

export interface EndTask {
  readonly type: "EndTask";
  readonly taskId: TaskId;
  readonly agentId: AgentId;
}

/** The customer went away: abandons a waiting or offered contact, ends an assigned one. */
export interface CustomerLeft {
  readonly type: "CustomerLeft";
  readonly taskId: TaskId;
}

export interface WrapUpTask {
  readonly type: "WrapUpTask";
  readonly taskId: TaskId;
  readonly agentId: AgentId;
  readonly codeId: AuxCodeId;
}

/** The agent calls a customer from an outdial entry point (CALL-11); the call is the agent's at once. */
export interface PlaceOutdial {
  readonly type: "PlaceOutdial";
  readonly taskId: TaskId;
  readonly agentId: AgentId;
  readonly entryPointId: EntryPointId;
  readonly dialNumber: string;
}

export type TaskCommand =
  | EditVariables
  | PlaceOutdial
  | ReceiveTask
  | ConfirmOfferDelivered
  | AcceptTask
  | AcceptAllDigital
  | PickTask
  | DeclineTask
  | ReportOfferFailed
  | EndTask
  | CustomerLeft
  | WrapUpTask;
