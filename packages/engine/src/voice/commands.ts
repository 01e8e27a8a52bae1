import type { AgentId, TaskId } from "../shared/ids.ts";
import type { ConsultTarget, LegCause, PartyId, TransferTarget } from "./state.ts";

interface AgentOnTask {
  readonly taskId: TaskId;
  readonly agentId: AgentId;
}

/** Hold the customer (CALL-2). */
export interface HoldCall extends AgentOnTask {
  readonly type: "HoldCall";
}
/** Retrieve the customer; during a consult this holds the consulted party (CNS-7). */
export interface ResumeCall extends AgentOnTask {
  readonly type: "ResumeCall";
}
/** Consult someone: the customer is held first (CALL-3, CNS-3). */
export interface StartConsult extends AgentOnTask {
  readonly type: "StartConsult";
  readonly target: ConsultTarget;
}
/** The consulted agent accepts the consult request. */
export interface AcceptConsult extends AgentOnTask {
  readonly type: "AcceptConsult";
}
/** Hold the consulted party: only with nobody held on the customer's side (CALL-3, CNS-10). */
export interface HoldConsult extends AgentOnTask {
  readonly type: "HoldConsult";
}
/** Back to the consulted party, holding the customer (CNS-7). */
export interface ResumeConsult extends AgentOnTask {
  readonly type: "ResumeConsult";
}
/** End the consult: by the consulting agent (CNS-9) or the consulted agent leaving (CNS-8). */
export interface EndConsult extends AgentOnTask {
  readonly type: "EndConsult";
}
/** Hand the customer to the consulted party (XFR-1 consult-then-transfer). */
export interface ConsultTransfer extends AgentOnTask {
  readonly type: "ConsultTransfer";
}
/** Join the consulted party to the customer's call (CNF-1). */
export interface ConsultConference extends AgentOnTask {
  readonly type: "ConsultConference";
}
/** Blind transfer of the customer to an agent, queue, entry point or number (XFR-1). */
export interface TransferCall extends AgentOnTask {
  readonly type: "TransferCall";
  readonly target: TransferTarget;
}
/** Pause the call recording; it resumes by itself after the configured time (CALL-5). */
export interface PauseRecording extends AgentOnTask {
  readonly type: "PauseRecording";
}
export interface ResumeRecording extends AgentOnTask {
  readonly type: "ResumeRecording";
}
/** A supervisor's monitoring of a call (SUP-2, CNF-8); by default the owner is monitored. */
export interface MonitorCall {
  readonly type: "MonitorCall";
  readonly taskId: TaskId;
  readonly supervisorId: AgentId;
  readonly action: "start" | "pause" | "resume" | "stop";
  readonly agentId?: AgentId;
}
/** Leave a conference; the others go on (CNF-3). */
export interface LeaveConference extends AgentOnTask {
  readonly type: "LeaveConference";
}

/** The telephony port reports what happened at the far end of a leg. */
export interface LegAnswered {
  readonly type: "LegAnswered";
  readonly taskId: TaskId;
  readonly partyId: PartyId;
}
export interface LegFailed {
  readonly type: "LegFailed";
  readonly taskId: TaskId;
  readonly partyId: PartyId;
  readonly cause: Extract<LegCause, "no_answer" | "busy" | "unreachable" | "invalid_number" | "device_fault">;
}
export interface LegHungUp {
  readonly type: "LegHungUp";
  readonly taskId: TaskId;
  readonly partyId: PartyId;
}

export type VoiceCommand =
  | HoldCall
  | ResumeCall
  | StartConsult
  | AcceptConsult
  | HoldConsult
  | ResumeConsult
  | EndConsult
  | ConsultTransfer
  | ConsultConference
  | TransferCall
  | MonitorCall
  | PauseRecording
  | ResumeRecording
  | LeaveConference
  | LegAnswered
  | LegFailed
  | LegHungUp;
