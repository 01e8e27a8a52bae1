import type { AgentState } from "../agents/state.ts";
import type { ConfigLookup } from "../config/lookup.ts";
import type { Task } from "../tasks/state.ts";
import type { TenantState } from "../tenant/state.ts";
import { type Rejection, reject } from "./decision.ts";
import type { AgentId, TaskId } from "./ids.ts";

/** Lookups that either find what a command names or say clearly why not. */
export const configOf = (s: TenantState): ConfigLookup | Rejection =>
  s.config ?? reject("NOT_CONFIGURED", "The tenant has no configuration yet");

export const loggedInAgent = (s: TenantState, agentId: AgentId): AgentState | Rejection =>
  s.agents.get(agentId) ?? reject("NOT_LOGGED_IN", `Agent ${agentId} is not logged in`, { agentId });

export const activeTask = (s: TenantState, taskId: TaskId): Task | Rejection =>
  s.tasks.get(taskId) ?? reject("UNKNOWN_TASK", `There is no active task ${taskId}`, { taskId });

export const isRejection = (x: unknown): x is Rejection =>
  typeof x === "object" && x !== null && (x as { ok?: unknown }).ok === false;
