import { z } from "zod";
import { Id, Text } from "../shared.ts";
import { AgentParams, command } from "./build.ts";

const AGENTS = "Agents";

export const Station = z.strictObject({
  teamId: Id,
  device: z.enum(["BROWSER", "EXTENSION", "DIAL_NUMBER"]),
  address: Text(64).nullable().optional(),
  line: Text(64).nullable().optional(),
});

const Chosen = z.discriminatedUnion("type", [
  z.strictObject({ type: z.literal("available") }),
  z.strictObject({ type: z.literal("idle"), codeId: Id.optional() }),
]);

export const agentRoutes = {
  loginAgent: command({
    path: "/v1/agents/{agentId}/login",
    summary:
      "Sign the agent in at a station: browser, extension or dial number, with a line for a shared line",
    tag: AGENTS,
    roles: ["agent", "supervisor"],
    params: AgentParams,
    body: z.strictObject({ station: Station }),
    spec: ["AGT-1", "AGT-2", "AGT-10"],
  }),
  logoutAgent: command({
    path: "/v1/agents/{agentId}/logout",
    summary: "Sign the agent out; a supervisor may sign out an agent of their teams",
    tag: AGENTS,
    roles: ["agent", "supervisor"],
    params: AgentParams,
    spec: ["AGT-6", "AGT-8", "SUP-3"],
  }),
  changeAgentState: command({
    method: "PUT",
    path: "/v1/agents/{agentId}/state",
    summary: "Go Available or Idle with an idle code; a supervisor may change an agent of their teams",
    tag: AGENTS,
    roles: ["agent", "supervisor"],
    params: AgentParams,
    body: z.strictObject({ state: Chosen }),
    spec: ["AGT-3", "AGT-4", "AGT-5", "SUP-3"],
  }),
  setPendingState: command({
    method: "PUT",
    path: "/v1/agents/{agentId}/pending-state",
    summary: "Choose the state to take when the last interaction ends (null withdraws the choice)",
    tag: AGENTS,
    roles: ["agent"],
    params: AgentParams,
    body: z.strictObject({
      pending: z
        .discriminatedUnion("type", [...Chosen.options, z.strictObject({ type: z.literal("logged_out") })])
        .nullable(),
    }),
  }),
};
