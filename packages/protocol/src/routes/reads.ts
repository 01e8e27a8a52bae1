import { z } from "zod";
import { Me, SupervisorView, TaskView } from "../resources.ts";
import { Id, Text } from "../shared.ts";
import { read, TaskParams } from "./build.ts";

const ROLES = ["agent", "supervisor", "admin"] as const;

export const DirectoryExpert = z
  .strictObject({
    id: Id,
    name: z.string(),
    role: z.string().optional(),
    department: z.string().optional(),
    workPhone: z
      .string()
      .meta({ description: "What a consult to the expert dials; experts without one are never listed" }),
    presence: z.enum(["available", "busy", "away", "offline", "unknown"]).optional().meta({
      description: "As the collaboration tool last reported it: it may lag; asking again reads it again",
    }),
  })
  .meta({
    id: "DirectoryExpert",
    description: "An expert of the organization directory a consult can dial (CNS-13).",
  });
export type DirectoryExpert = z.infer<typeof DirectoryExpert>;

export const CallTargets = z
  .strictObject({
    agents: z.array(
      z.strictObject({
        agentId: Id,
        name: z.string(),
        teamId: Id,
        /** Drives the coloured state icon (CNS-2). */
        state: z.enum(["available", "idle"]),
      }),
    ),
    queues: z.array(z.strictObject({ id: Id, name: z.string() })),
    entryPoints: z.array(z.strictObject({ id: Id, name: z.string(), dialNumber: z.string().optional() })),
    /** The enterprise address book offered in the dial-number field (DIAL-4). */
    addressBook: z.array(z.strictObject({ id: z.string(), name: z.string(), number: z.string() })),
    /** CNS-13: for a consult only; a transfer never goes to the directory. */
    directory: z.array(DirectoryExpert).optional().meta({
      description:
        "For a consult only: the experts with a work phone matching `search` by name, role, department, e-mail or full number; at most 20",
    }),
  })
  .meta({
    id: "CallTargets",
    description:
      "Who a call can be consulted with or transferred to: agents, queues, entry points, address book; for a consult also the organization directory.",
  });
export type CallTargets = z.infer<typeof CallTargets>;

export const readRoutes = {
  getMe: read({
    path: "/v1/me",
    summary: "The caller's user, agent state, timers and tasks: what a desktop draws",
    tag: "Desktop",
    roles: ROLES,
    response: Me,
  }),
  getTask: read({
    path: "/v1/tasks/{taskId}",
    summary: "One task as the caller sees it; `reveal=true` fetches secure values again (CALL-7)",
    tag: "Desktop",
    roles: ROLES,
    params: TaskParams,
    query: z.strictObject({ reveal: z.enum(["true", "false"]).optional() }),
    response: TaskView,
    spec: ["CALL-7"],
  }),
  getCallTargets: read({
    path: "/v1/tasks/{taskId}/targets",
    summary:
      "Consult or transfer targets for the caller's call: agents (Available and Idle for a consult, Available for a transfer), queues, entry points, address book, and for a consult the organization directory's experts with a work phone; asking again is the reload",
    tag: "Desktop",
    roles: ["agent", "supervisor"],
    params: TaskParams,
    query: z.strictObject({
      purpose: z.enum(["consult", "transfer"]).optional(),
      search: Text(100).optional(),
    }),
    response: CallTargets,
    spec: ["CNS-2", "CNS-13", "XFR-2", "DIAL-4"],
  }),
  getSupervisorView: read({
    path: "/v1/supervisor",
    summary:
      "The supervisor's teams: agents with states, timers and contacts; queues with waiting contacts and service level",
    tag: "Supervisor",
    roles: ["supervisor"],
    response: SupervisorView,
    spec: ["SUP-1"],
  }),
};
