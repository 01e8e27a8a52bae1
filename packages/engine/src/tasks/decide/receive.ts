import { accept, type Decision, reject } from "../../shared/decision.ts";
import { configOf, isRejection } from "../../shared/guards.ts";
import type { Instant } from "../../shared/time.ts";
import type { TenantState } from "../../tenant/state.ts";
import { variablesFor } from "../../variables/startFor.ts";
import type { ReceiveTask } from "../commands.ts";
import type { TaskEvent } from "../events.ts";
import { callLimitReached } from "./callLimit.ts";

export const MAX_PRIORITY = 100;

/**
 * A contact enters through an active inbound entry point and waits in that entry point's queue;
 * routing then offers it. Implements RTE-1, RTE-7 (agents to exclude come with the task).
 */
export function decideReceive(cmd: ReceiveTask, s: TenantState, now: Instant): Decision<TaskEvent> {
  const config = configOf(s);
  if (isRejection(config)) return config;
  const ep = config.entryPoints.get(cmd.entryPointId);
  if (!ep) return reject("UNKNOWN_ENTRY_POINT", `There is no entry point ${cmd.entryPointId}`);
  if (!ep.active) return reject("ENTRY_POINT_INACTIVE", `Entry point ${ep.name} is not active`);
  if (ep.kind !== "inbound")
    return reject("ENTRY_POINT_NOT_INBOUND", `Entry point ${ep.name} is for outdial`);
  if (s.tasks.has(cmd.taskId)) return reject("TASK_EXISTS", `Task ${cmd.taskId} already exists`);
  const priority = cmd.priority ?? 0;
  if (!Number.isInteger(priority) || priority < 0 || priority > MAX_PRIORITY)
    return reject("INVALID_PRIORITY", `Priority must be a whole number from 0 to ${MAX_PRIORITY}`, {
      priority,
    });
  const full = ep.channel === "voice" ? callLimitReached(s) : null;
  if (full) return full;
  const variables = variablesFor(config, ep, cmd.variables);
  if (isRejection(variables)) return variables;
  return accept({
    type: "task.received",
    at: now,
    taskId: cmd.taskId,
    channel: ep.channel,
    entryPointId: ep.id,
    queueId: ep.queueId,
    priority,
    customer: cmd.customer ?? {},
    excluded: [...new Set(cmd.excludeAgents ?? [])],
    variables,
    persistent: ep.persistent === true,
  });
}
