import type { AgentId, TaskId } from "../shared/ids.ts";
import { engagementOf } from "../tasks/state.ts";
import type { TenantState } from "../tenant/state.ts";
import { type VariableView, viewVariables } from "../variables/mask.ts";

export interface VariablesReader {
  readonly agentId: AgentId;
  /** From the reader's permissions: may this user see secure values at all? */
  readonly canSeeSecure: boolean;
  /** "Click to retry": fetch secure values again, unmasked if allowed (CALL-7). */
  readonly revealSecure?: boolean;
}

/**
 * A task's call-associated data as one reader may see it: in configured order, secure values
 * masked, caller numbers cut to their last four digits under sensitive-data protection, and
 * editable only for agents on the call who are not consulted. Implements CALL-6, CALL-7, CALL-9, POP-7.
 */
export function taskVariables(s: TenantState, taskId: TaskId, reader: VariablesReader): VariableView[] {
  const task = s.tasks.get(taskId);
  const config = s.config;
  if (!task || !config) return [];
  const flowId = config.entryPoints.get(task.entryPointId)?.flowId;
  const flow = flowId === undefined ? undefined : config.flows.get(flowId);
  if (!flow) return [];
  const part = engagementOf(task, reader.agentId);
  const view = viewVariables(flow.variables, task.variables, {
    role: part?.status === "active" ? part.role : "supervisor",
    canSeeSecure: reader.canSeeSecure,
    revealSecure: reader.revealSecure === true,
    sensitiveDataProtection: config.config.sensitiveDataProtection === true,
  });
  // Readers without a part on the call only read.
  return part?.status === "active" ? view : view.map((v) => ({ ...v, editable: false }));
}
