import type { FlowDef, TaskVariables, VariableValue } from "./types.ts";
import { variableOf } from "./values.ts";

/**
 * The variables a task carries into the flow of the entry point it was transferred to.
 * Implements XFR-5.
 *
 * A global variable of the new flow takes the old flow's value when the old flow has a global
 * variable of the same name and the same type; nothing else crosses (a same-named variable of
 * another type, or one that is not global on both sides). Every other variable of the new flow
 * starts from its default, or null. Versions restart at 1: the new flow's values have no
 * history. The new flow may then change them (`setFlowVariables`).
 *
 * Copied values are already in normal form for their type; the new flow's `secure` and
 * `sensitiveNumber` marks decide from then on how they are shown.
 */
export function copyGlobalsOnTransfer(
  fromFlow: FlowDef,
  toFlow: FlowDef,
  values: TaskVariables,
): TaskVariables {
  const fromGlobals = new Map(fromFlow.variables.filter((d) => d.global).map((d) => [d.name, d]));
  const entries = toFlow.variables.map((def): [string, VariableValue] => {
    const from = def.global ? fromGlobals.get(def.name) : undefined;
    const carried = from?.type === def.type ? variableOf(values, def.name) : undefined;
    const value = carried ? carried.value : (def.defaultValue ?? null);
    return [def.name, { name: def.name, value, version: 1 }];
  });
  return Object.fromEntries(entries);
}
