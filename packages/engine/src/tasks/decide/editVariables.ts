import { accept, type Decision, type Rejection, reject } from "../../shared/decision.ts";
import { activeTask, configOf, isRejection } from "../../shared/guards.ts";
import type { Instant } from "../../shared/time.ts";
import type { TenantState } from "../../tenant/state.ts";
import { decideVariableEdits } from "../../variables/edit.ts";
import type { EditVariables } from "../commands.ts";
import type { TaskEvent } from "../events.ts";
import { engagementOf } from "../state.ts";

/**
 * Save call-associated data during the call: editable variables only, valid values (≤256
 * characters, ISO 8601 date-times), never by a consulted agent; a field someone saved first is
 * not overwritten and comes back as a conflict. Implements CALL-6, CALL-8, CALL-9.
 */
export function decideEditVariables(cmd: EditVariables, s: TenantState, now: Instant): Decision<TaskEvent> {
  const config = configOf(s);
  if (isRejection(config)) return config;
  const task = activeTask(s, cmd.taskId);
  if (isRejection(task)) return task;
  const part = engagementOf(task, cmd.agentId);
  if (part?.status !== "active")
    return reject("NOT_ON_CALL", `Agent ${cmd.agentId} is not on task ${task.id}`);
  const flowId = config.entryPoints.get(task.entryPointId)?.flowId;
  const flow = flowId === undefined ? undefined : config.flows.get(flowId);
  const outcome = decideVariableEdits(flow?.variables ?? [], task.variables, cmd.edits, { role: part.role });
  if (!outcome.ok) return outcome as Rejection;
  return accept({
    type: "task.variables_changed",
    at: now,
    taskId: task.id,
    agentId: cmd.agentId,
    values: outcome.applied,
    conflicts: outcome.conflicts,
  });
}
