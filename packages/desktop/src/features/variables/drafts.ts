import type { CommandResult, TaskView } from "@parley/protocol";

export type Variable = TaskView["variables"][number];

/** One field of a Save, with the version the agent started editing on (CALL-8). */
export interface VariableEdit {
  readonly name: string;
  readonly value: string | null;
  readonly baseVersion: number;
}

/** A field another agent saved first: the agent's value was not applied (CALL-8). */
export interface VariableConflict {
  readonly name: string;
  readonly yourValue: string | null;
  readonly currentValue: string | null;
  readonly currentVersion: number;
}

export type SaveOutcome =
  | { readonly ok: true; readonly conflicts: readonly VariableConflict[] }
  | { readonly ok: false; readonly message: string };

/** What the agent typed in a field, and the saved version it was typed over. */
export interface Draft {
  readonly value: string;
  readonly baseVersion: number;
}

export const MAX_LENGTH = 256;

/** The edits of a Save: drafted fields that differ from the saved value; empty clears (CALL-6). */
export function editsOf(rows: readonly Variable[], drafts: Readonly<Record<string, Draft>>): VariableEdit[] {
  return rows.flatMap((row) => {
    const draft = drafts[row.name];
    if (!draft || !row.editable || draft.value === (row.value ?? "")) return [];
    return [
      { name: row.name, value: draft.value === "" ? null : draft.value, baseVersion: draft.baseVersion },
    ];
  });
}

/** The conflicts a Save came back with, from its `task.variables_changed` event (CALL-8). */
export function conflictsOf(result: CommandResult): VariableConflict[] {
  return result.events.flatMap((e) =>
    e.data.type === "task.variables_changed" ? e.data.conflicts.map((c) => ({ ...c })) : [],
  );
}

/**
 * The rows to show: the server's, except secure values fetched again on request ("click to
 * retry", CALL-7), which stand while their version is the one saved.
 */
export function withRevealed(rows: readonly Variable[], revealed: readonly Variable[]): Variable[] {
  return rows.map((row) => revealed.find((r) => r.name === row.name && r.version === row.version) ?? row);
}
