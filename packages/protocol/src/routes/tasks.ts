import { z } from "zod";
import { Id, Text } from "../shared.ts";
import { command, TaskParams } from "./build.ts";

const TASKS = "Tasks";
const CALLS = "Call control";
const ROLES = ["agent", "supervisor"] as const;

const task = (path: string, summary: string, spec: readonly string[], tag = TASKS) =>
  command({ path: `/v1/tasks/{taskId}${path}`, summary, tag, roles: ROLES, params: TaskParams, spec });

export const ConsultTarget = z.discriminatedUnion("kind", [
  z.strictObject({ kind: z.literal("agent"), agentId: Id }),
  z.strictObject({ kind: z.literal("queue"), queueId: Id }),
  z.strictObject({ kind: z.literal("entry_point"), entryPointId: Id }),
  z.strictObject({ kind: z.literal("dial_number"), number: Text(64) }),
  z.strictObject({ kind: z.literal("directory"), expertId: Id }),
]);
export const TransferTarget = z.discriminatedUnion(
  "kind",
  ConsultTarget.options.filter((o) => o.shape.kind.value !== "directory") as [
    (typeof ConsultTarget.options)[0],
    (typeof ConsultTarget.options)[1],
    (typeof ConsultTarget.options)[2],
    (typeof ConsultTarget.options)[3],
  ],
);

export const taskRoutes = {
  confirmDelivered: task("/delivered", "The offer reached the desktop: connecting becomes a request", [
    "RTE-2",
  ]),
  acceptTask: task("/accept", "Accept an offered contact", ["RTE-2", "POP-2"]),
  acceptAllDigital: command({
    path: "/v1/tasks/accept-all",
    summary: "Accept every delivered chat, e-mail and social request at once (Accept N requests)",
    tag: TASKS,
    roles: ROLES,
    spec: ["POP-4"],
  }),
  pickTask: task("/pick", "Pick a waiting chat, e-mail or social work item: it is the caller's at once", [
    "SES-15",
  ]),
  declineTask: task("/decline", "Decline an offered contact; it goes back to its queue", ["RTE-7"]),
  endTask: task("/end", "End the interaction (for a call: hang up the customer)", ["CALL-4"]),
  wrapUpTask: command({
    path: "/v1/tasks/{taskId}/wrapup",
    summary: "Wrap up with a wrap-up code; only the primary agent wraps up",
    tag: TASKS,
    roles: ROLES,
    params: TaskParams,
    body: z.strictObject({ codeId: Id }),
    spec: ["WRP-1", "WRP-2"],
  }),
  editVariables: command({
    method: "PATCH",
    path: "/v1/tasks/{taskId}/variables",
    summary: "Save call-associated data; each edit names the version it was made on (first save wins)",
    tag: TASKS,
    roles: ROLES,
    params: TaskParams,
    body: z.strictObject({
      edits: z
        .array(z.strictObject({ name: Id, value: Text(256).nullable(), baseVersion: z.int().nonnegative() }))
        .min(1)
        .max(100),
    }),
    spec: ["CALL-6", "CALL-7", "CALL-8"],
  }),
  placeOutdial: command({
    path: "/v1/outdials",
    summary: "Call a customer from an outdial entry point",
    tag: CALLS,
    roles: ROLES,
    body: z.strictObject({ taskId: Id.optional(), entryPointId: Id, dialNumber: Text(64) }),
    spec: ["CALL-11", "AGT-9"],
  }),
  holdCall: task("/hold", "Hold the customer", ["CALL-2"], CALLS),
  resumeCall: task(
    "/resume",
    "Retrieve the customer (during a consult this holds the consulted party)",
    ["CALL-2", "CNS-7"],
    CALLS,
  ),
  startConsult: command({
    path: "/v1/tasks/{taskId}/consult",
    summary: "Consult an agent, queue, entry point, number or expert; the customer is held first",
    tag: CALLS,
    roles: ROLES,
    params: TaskParams,
    body: z.strictObject({ target: ConsultTarget }),
    spec: ["CNS-1", "CNS-2", "CNS-3", "CNS-13"],
  }),
  acceptConsult: task("/consult/accept", "The consulted agent accepts the consult request", ["CNS-4"], CALLS),
  holdConsult: task("/consult/hold", "Hold the consulted party", ["CNS-7"], CALLS),
  resumeConsult: task(
    "/consult/resume",
    "Back to the consulted party, holding the customer",
    ["CNS-7"],
    CALLS,
  ),
  endConsult: task("/consult/end", "End the consult", ["CNS-8", "CNS-9"], CALLS),
  consultTransfer: task("/consult/transfer", "Hand the customer to the consulted party", ["XFR-1"], CALLS),
  consultConference: task(
    "/consult/conference",
    "Join the consulted party to the customer's call",
    ["CNF-1"],
    CALLS,
  ),
  transferCall: command({
    path: "/v1/tasks/{taskId}/transfer",
    summary: "Blind transfer to an agent, queue, entry point or number",
    tag: CALLS,
    roles: ROLES,
    params: TaskParams,
    body: z.strictObject({ target: TransferTarget }),
    spec: ["XFR-1", "XFR-2", "XFR-3"],
  }),
  leaveConference: task("/conference/exit", "Leave a conference; the others go on", ["CNF-3"], CALLS),
  pauseRecording: task("/record/pause", "Pause the recording; it resumes by itself", ["CALL-5"], CALLS),
  resumeRecording: task("/record/resume", "Resume the recording", ["CALL-5"], CALLS),
  monitorCall: command({
    path: "/v1/tasks/{taskId}/monitor",
    summary: "A supervisor starts, pauses, resumes or stops monitoring a call",
    tag: CALLS,
    roles: ["supervisor"],
    params: TaskParams,
    body: z.strictObject({ action: z.enum(["start", "pause", "resume", "stop"]), agentId: Id.optional() }),
    spec: ["SUP-2", "CNF-8"],
  }),
};
