import { z } from "zod";
import { Me, SupervisorView, TaskView } from "../resources.ts";
import { read, TaskParams } from "./build.ts";

const ROLES = ["agent", "supervisor", "admin"] as const;

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
