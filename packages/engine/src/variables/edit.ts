import { rejectVariable, type VariableRejection } from "./errors.ts";
import { SECURE_MASK } from "./mask.ts";
import type { EditorRole, FlowVariableDef, TaskVariables, VariableValue } from "./types.ts";
import { parseValue, type ValueProblem } from "./validate.ts";
import { defsByName, variableOf } from "./values.ts";

/** One field of a Save: the value the agent typed and the version they were looking at. */
export interface VariableEdit {
  readonly name: string;
  /** null clears the variable. */
  readonly value: string | null;
  readonly baseVersion: number;
}

/** CALL-8: a field someone else saved first; the desktop replaces the agent's value and says so. */
export interface VariableConflict {
  readonly name: string;
  readonly yourValue: string | null;
  /** Masked for a secure variable: the editor may not be allowed to see it (CALL-7). */
  readonly currentValue: string | null;
  readonly currentVersion: number;
}

export interface VariableEditOutcome {
  readonly ok: true;
  /** The new saved values, each one version up: what the variables-changed event carries. */
  readonly applied: VariableValue[];
  readonly conflicts: VariableConflict[];
}

const NEVER_SAVED = (name: string): VariableValue => ({ name, value: null, version: 0 });

/**
 * Decides a Save of CAD variables. Implements CALL-6, CALL-8, CALL-9.
 *
 * All or nothing for mistakes: a consulted editor (CALL-9), an unknown or read-only variable,
 * the same variable twice, or any value that does not parse (CALL-6) refuses the whole save.
 *
 * Field by field for concurrency (CALL-8, optimistic): an edit whose `baseVersion` is not the
 * saved version lost the race — the first save won, so this field is not applied and comes back
 * as a conflict with the saved value, while the agent's other fields are applied. Refusing the
 * whole save would make the later agent lose edits nobody else touched. A field saved with its
 * current value changes nothing and bumps no version, so a Save that sends every field does not
 * knock other agents' edits into conflict.
 *
 * Revert (CALL-6) needs nothing here: the read model always holds the last saved values and
 * versions, and reverting is the desktop dropping its unsaved input.
 */
export function decideVariableEdits(
  defs: readonly FlowVariableDef[],
  current: TaskVariables,
  edits: readonly VariableEdit[],
  editor: { readonly role: EditorRole },
): VariableEditOutcome | VariableRejection {
  if (editor.role === "consulted")
    return rejectVariable("CONSULTED_AGENT_CANNOT_EDIT", "A consulted agent cannot edit variables");

  const byName = defsByName(defs);
  const seen = new Set<string>();
  const invalid: { name: string; reason: ValueProblem }[] = [];
  const parsed: { def: FlowVariableDef; edit: VariableEdit; value: string | null }[] = [];
  for (const edit of edits) {
    const def = byName.get(edit.name);
    const name = edit.name;
    if (!def) return rejectVariable("UNKNOWN_VARIABLE", `There is no variable "${name}"`, { name });
    if (!def.agentEditable)
      return rejectVariable("VARIABLE_NOT_EDITABLE", `"${def.label}" cannot be edited`, { name });
    if (seen.has(name))
      return rejectVariable("VARIABLE_EDITED_TWICE", `"${def.label}" appears twice in one save`, { name });
    seen.add(name);
    const result = parseValue(def, edit.value);
    if (result.ok) parsed.push({ def, edit, value: result.value });
    else invalid.push({ name, reason: result.details?.reason as ValueProblem });
  }
  const [first] = invalid;
  if (first)
    return rejectVariable("VARIABLE_VALUE_INVALID", `${invalid.length} value(s) cannot be saved`, {
      ...first,
      fields: invalid,
    });

  const applied: VariableValue[] = [];
  const conflicts: VariableConflict[] = [];
  for (const { def, edit, value } of parsed) {
    const saved = variableOf(current, def.name) ?? NEVER_SAVED(def.name);
    if (edit.baseVersion !== saved.version)
      conflicts.push({
        name: def.name,
        yourValue: value,
        currentValue: def.secure && saved.value !== null ? SECURE_MASK : saved.value,
        currentVersion: saved.version,
      });
    else if (value !== saved.value) applied.push({ name: def.name, value, version: saved.version + 1 });
  }
  return { ok: true, applied, conflicts };
}

/**
 * A flow's own Set Variable or HTTP Request result (XFR-5: "the new flow may then change them").
 * The flow is the authority: no editability or version check, and it wins over any agent edit
 * based on the version before it.
 */
export function setFlowVariables(
  defs: readonly FlowVariableDef[],
  current: TaskVariables,
  sets: readonly { readonly name: string; readonly value: string | null }[],
): { readonly ok: true; readonly applied: VariableValue[] } | VariableRejection {
  const byName = defsByName(defs);
  const last = new Map<string, string | null>(); // a flow may set a variable twice: the last set stands
  for (const { name, value } of sets) {
    const def = byName.get(name);
    if (!def) return rejectVariable("UNKNOWN_VARIABLE", `There is no variable "${name}"`, { name });
    const result = parseValue(def, value);
    if (!result.ok) return result;
    last.set(name, result.value);
  }
  const applied: VariableValue[] = [];
  for (const [name, value] of last) {
    const saved = variableOf(current, name) ?? NEVER_SAVED(name);
    if (value !== saved.value) applied.push({ name, value, version: saved.version + 1 });
  }
  return { ok: true, applied };
}
