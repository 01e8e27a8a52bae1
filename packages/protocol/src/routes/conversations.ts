import { z } from "zod";
import { Id, Text } from "../shared.ts";
import { command, TaskParams } from "./build.ts";

const TAG = "Conversations";
const ROLES = ["agent", "supervisor"] as const;

export const conversationRoutes = {
  sendMessage: command({
    path: "/v1/tasks/{taskId}/messages",
    summary: "Reply in a chat, social conversation or e-mail",
    tag: TAG,
    roles: ROLES,
    params: TaskParams,
    body: z.strictObject({ text: Text(8000).min(1) }),
    spec: ["DIG-1", "DIG-2"],
  }),
  markRead: command({
    path: "/v1/tasks/{taskId}/read",
    summary: "The agent has read the conversation up to a message",
    tag: TAG,
    roles: ROLES,
    params: TaskParams,
    body: z.strictObject({ seq: z.int().nonnegative() }),
    spec: ["SES-12"],
  }),
  requestConference: command({
    path: "/v1/tasks/{taskId}/conference-requests",
    summary: "Ask another agent to join a chat or social conversation",
    tag: TAG,
    roles: ROLES,
    params: TaskParams,
    body: z.strictObject({ targetAgentId: Id }),
    spec: ["DIG-1"],
  }),
  answerConference: command({
    path: "/v1/tasks/{taskId}/conference-requests/answer",
    summary: "Join the conversation one was asked to, or decline",
    tag: TAG,
    roles: ROLES,
    params: TaskParams,
    body: z.strictObject({ accept: z.boolean() }),
    spec: ["DIG-1"],
  }),
  leaveConversation: command({
    path: "/v1/tasks/{taskId}/conversation/leave",
    summary: "A conference agent who is not the owner leaves the conversation",
    tag: TAG,
    roles: ROLES,
    params: TaskParams,
  }),
  closeConversation: command({
    path: "/v1/tasks/{taskId}/conversation/close",
    summary: "Close a persistent chat: wrap up, and the chat waits for the customer",
    tag: TAG,
    roles: ROLES,
    params: TaskParams,
    spec: ["DIG-3"],
  }),
};
