import { z } from "zod";
import { ManagedCallback } from "../resources.ts";
import { Id, Text } from "../shared.ts";
import { command, read, TaskParams } from "./build.ts";

const TAG = "Callbacks";
const ROLES = ["agent", "supervisor"] as const;

/** Only the shape here: the engine checks the rules of CB-4 (lengths, window, zone) and names the field. */
export const CallbackRequest = z.strictObject({
  customerNumber: Text(32),
  customerName: Text(1000),
  date: Text(10),
  from: Text(5),
  to: Text(5),
  timeZone: Text(64),
  reason: Text(1000).optional(),
});

export const CallbackAssignee = z.discriminatedUnion("kind", [
  z.strictObject({ kind: z.literal("any") }),
  z.strictObject({ kind: z.literal("me") }),
  z.strictObject({ kind: z.literal("agent"), agentId: Id }),
]);

export const callbackRoutes = {
  listCallbacks: read({
    path: "/v1/callbacks",
    summary:
      "Scheduled callbacks the caller may manage: scheduled by or assigned to them; for supervisors also their teams'",
    tag: TAG,
    roles: ROLES,
    response: z.strictObject({ callbacks: z.array(ManagedCallback) }),
    spec: ["CB-5", "POP-7"],
  }),
  scheduleCallback: command({
    path: "/v1/callbacks",
    summary: "Schedule a callback for a window, for any agent, oneself or a team member",
    tag: TAG,
    roles: ROLES,
    body: z.strictObject({
      taskId: Id.optional(),
      entryPointId: Id,
      request: CallbackRequest,
      assignTo: CallbackAssignee,
    }),
    spec: ["CB-1", "CB-4", "CB-6", "CB-7", "CB-8"],
  }),
  updateCallback: command({
    method: "PUT",
    path: "/v1/callbacks/{taskId}",
    summary: "Change a scheduled callback before its window starts",
    tag: TAG,
    roles: ROLES,
    params: TaskParams,
    body: z.strictObject({ request: CallbackRequest }),
    spec: ["CB-5"],
  }),
  deleteCallback: command({
    method: "DELETE",
    path: "/v1/callbacks/{taskId}",
    summary: "Delete a scheduled callback before its window starts",
    tag: TAG,
    roles: ROLES,
    params: TaskParams,
    spec: ["CB-5"],
  }),
  cancelCallback: command({
    path: "/v1/tasks/{taskId}/callback/cancel",
    summary: "Cancel a web callback before the customer answers; wrap-up follows",
    tag: TAG,
    roles: ROLES,
    params: TaskParams,
    spec: ["CB-3", "WRP-2"],
  }),
};
