import type { AgentId, TaskId } from "../shared/ids.ts";

/** The customer wrote (or e-mailed, or posted). The host scores sentiment with its own analyser. */
export interface CustomerMessage {
  readonly type: "CustomerMessage";
  readonly taskId: TaskId;
  readonly text: string;
  /** From -1 (negative) to 1 (positive); absent when not scored. */
  readonly sentiment?: number;
}

/** An agent on the conversation replies (chat, social, or the e-mail reply). */
export interface SendMessage {
  readonly type: "SendMessage";
  readonly taskId: TaskId;
  readonly agentId: AgentId;
  readonly text: string;
}

/** The agent has read the conversation up to this message (SES-12 clears the unread count). */
export interface MarkRead {
  readonly type: "MarkRead";
  readonly taskId: TaskId;
  readonly agentId: AgentId;
  readonly seq: number;
}

/** Ask another agent to join a chat or social conversation (DIG-1 Conference requested). */
export interface RequestConference {
  readonly type: "RequestConference";
  readonly taskId: TaskId;
  readonly agentId: AgentId;
  readonly targetAgentId: AgentId;
}

/** The asked agent joins (DIG-1 Conference) — or declines, and the request is withdrawn. */
export interface AnswerConference {
  readonly type: "AnswerConference";
  readonly taskId: TaskId;
  readonly agentId: AgentId;
  readonly accept: boolean;
}

/** A conference agent who is not the owner leaves the conversation. */
export interface LeaveConversation {
  readonly type: "LeaveConversation";
  readonly taskId: TaskId;
  readonly agentId: AgentId;
}

/** DIG-3: Close a persistent chat: wrap-up, then it waits for the customer. End finishes it instead. */
export interface CloseConversation {
  readonly type: "CloseConversation";
  readonly taskId: TaskId;
  readonly agentId: AgentId;
}

export type DigitalCommand =
  | CustomerMessage
  | SendMessage
  | MarkRead
  | RequestConference
  | AnswerConference
  | LeaveConversation
  | CloseConversation;
