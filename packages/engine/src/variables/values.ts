import { rejectVariable, type VariableRejection } from "./errors.ts";
import type { FlowDef, FlowVariableDef, TaskVariables, VariableValue } from "./types.ts";
import { parseValue } from "./validate.ts";

/** A variable's saved value, looking at own properties only (a name is outside input). */
export const variableOf = (values: TaskVariables, name: string): VariableValue | undefined =>
  Object.hasOwn(values, name) ? values[name] : undefined;

/** A flow's definitions by name, for look-ups from edits. */
export const defsByName = (defs: readonly FlowVariableDef[]): ReadonlyMap<string, FlowVariableDef> =>
  new Map(defs.map((d) => [d.name, d]));

/** The definitions in display order: by `order`, then by name so equal orders stay stable. */
export const inDisplayOrder = (defs: readonly FlowVariableDef[]): FlowVariableDef[] =>
  [...defs].sort((a, b) => a.order - b.order || (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));

/**
 * The variables a task starts a flow with: every variable of the flow at version 1, with the
 * value given (e.g. by the entry point or the switch), else the flow's default, else null.
 * A given value the flow does not define, or one that does not parse, refuses the whole start.
 */
export function startFlowVariables(
  flow: FlowDef,
  given: Readonly<Record<string, string | null>> = {},
): { readonly ok: true; readonly values: TaskVariables } | VariableRejection {
  const defs = defsByName(flow.variables);
  for (const name of Object.keys(given))
    if (!defs.has(name))
      return rejectVariable("UNKNOWN_VARIABLE", `Flow "${flow.name}" has no variable "${name}"`, { name });
  const entries: [string, VariableValue][] = [];
  for (const def of flow.variables) {
    const raw = Object.hasOwn(given, def.name) ? (given[def.name] ?? null) : (def.defaultValue ?? null);
    const parsed = parseValue(def, raw);
    if (!parsed.ok) return parsed;
    entries.push([def.name, { name: def.name, value: parsed.value, version: 1 }]);
  }
  return { ok: true, values: Object.fromEntries(entries) };
}

/** The variables after saved changes (what `evolve` does with a variables-changed event). */
export const applyVariableChanges = (
  values: TaskVariables,
  changes: readonly VariableValue[],
): TaskVariables =>
  Object.fromEntries([...Object.entries(values), ...changes.map((c) => [c.name, c] as const)]);
