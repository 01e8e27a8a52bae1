import type { FlowId } from "../shared/ids.ts";

export type { FlowId };

export type FlowVariableType = "STRING" | "INTEGER" | "DECIMAL" | "BOOLEAN" | "DATETIME";

/** One call-associated data (CAD) variable as the administrator configured it in a flow. */
export interface FlowVariableDef {
  /** Stable key, e.g. `customerId`: what edits, events and XFR-5 copies match on. */
  readonly name: string;
  readonly type: FlowVariableType;
  /** What agents read beside the value; admin-written, so not translated. */
  readonly label: string;
  /** Display order in the interaction panel and the popovers, smallest first. */
  readonly order: number;
  /** CALL-7: masked in every read model until someone allowed fetches it again. */
  readonly secure: boolean;
  /** CALL-6: agents (never a consulted one, CALL-9) may change it during the call. */
  readonly agentEditable: boolean;
  /** POP-5: one of the 3 to 6 variables shown in the voice popover. */
  readonly shownInPopover: boolean;
  /** XFR-5: a flow-global variable, carried to the next flow when name and type match. */
  readonly global: boolean;
  /** POP-7: holds a caller's number; with sensitive-data protection only its last four digits show. */
  readonly sensitiveNumber?: boolean;
  /** The value a task starts with in this flow when nothing else sets it; null when absent. */
  readonly defaultValue?: string;
}

export interface FlowDef {
  readonly id: FlowId;
  readonly name: string;
  readonly variables: readonly FlowVariableDef[];
}

/**
 * One variable's saved value on a task. Values travel as strings (the wire format); the def's
 * type says how to read them and `parseValue` has already put them in normal form. `version`
 * starts at 1 when the flow starts and goes up by one with every save (CALL-8).
 */
export interface VariableValue {
  readonly name: string;
  readonly value: string | null;
  readonly version: number;
}

/**
 * A task's variables by name. A plain record rather than a Map: it lives inside the task state,
 * which `snapshot()` and the event log store as JSON, where a Map would silently become `{}`;
 * tasks hold tens of variables, so a record's look-up is as good as a Map's. Read it through
 * `variableOf` (own properties only), never with `values[name]` on a name from outside.
 */
export type TaskVariables = Readonly<Record<string, VariableValue>>;

/** How the editor takes part in the call (CALL-9: a consulted agent only reads). */
export type EditorRole = "owner" | "conferee" | "consulted" | "supervisor";
