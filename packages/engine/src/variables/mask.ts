import type { EditorRole, FlowVariableDef, FlowVariableType, TaskVariables } from "./types.ts";
import { inDisplayOrder, variableOf } from "./values.ts";

/**
 * CALL-7: what a hidden secure value reads as. Always six stars, whatever the value: a mask of
 * the value's own length would tell a four-digit PIN from a card number. An empty (null) value
 * stays null — that a secure field is still empty is not itself a secret, and the agent needs
 * to see it to fill it in.
 */
export const SECURE_MASK = "******";
/** POP-7: the hidden part of a caller's number, also of fixed length. */
export const NUMBER_MASK = "•••••••";

/**
 * POP-7: a phone number with only its last four digits, e.g. `+48 601 234 567` → `•••••••4567`.
 * A number of four digits or fewer (an extension) is hidden whole: its last four would be all of it.
 */
export function maskPhoneNumber(number: string): string {
  const digits = number.replace(/\D/g, "");
  return digits.length > 4 ? `${NUMBER_MASK}${digits.slice(-4)}` : NUMBER_MASK;
}

/** How a shown value was hidden: `secure` fully (CALL-7), `lastFour` as a caller's number (POP-7). */
export type Masking = "secure" | "lastFour" | null;

export interface DisplayOptions {
  /** The viewer is allowed to see secure values and asked to fetch them again ("Click to retry"). */
  readonly revealSecure: boolean;
  readonly sensitiveDataProtection: boolean;
}

/** The value a read model may carry for this viewer. Masking is done here, never only on screen. */
export function displayValue(
  def: FlowVariableDef,
  value: string | null,
  opts: DisplayOptions,
): { readonly value: string | null; readonly masked: Masking } {
  if (value === null) return { value, masked: null };
  if (def.secure && !opts.revealSecure) return { value: SECURE_MASK, masked: "secure" };
  if (def.sensitiveNumber && opts.sensitiveDataProtection)
    return { value: maskPhoneNumber(value), masked: "lastFour" };
  return { value, masked: null };
}

export interface Viewer {
  /** CALL-9: a consulted agent sees the variables but edits none. */
  readonly role: EditorRole;
  /** Set by the host from the viewer's permissions. */
  readonly canSeeSecure: boolean;
  /** The viewer clicked "Click to retry": fetch secure values again, unmasked if allowed. */
  readonly revealSecure?: boolean;
  /** POP-7, tenant setting: caller numbers show their last four digits only. */
  readonly sensitiveDataProtection?: boolean;
}

/** One row of the CAD panel in the interaction control panel. */
export interface VariableView {
  readonly name: string;
  readonly label: string;
  readonly type: FlowVariableType;
  readonly value: string | null;
  /** Shows the lock icon (CALL-7). */
  readonly secure: boolean;
  readonly masked: Masking;
  /** A "Click to retry" link would reveal it: masked as secure and the viewer may see it. */
  readonly revealable: boolean;
  /**
   * The viewer may change it now. Never while masked: the mask must not be mistaken for the
   * value and saved back, so a secure value is revealed before it is edited.
   */
  readonly editable: boolean;
  /** The saved version, sent back as `baseVersion` (CALL-8). */
  readonly version: number;
}

/**
 * The task's variables for one viewer, in configured order, secure values masked unless the
 * viewer may see them and asked to (CALL-7). The values and versions are the last saved ones,
 * which is what the desktop's Revert returns to (CALL-6). Implements CALL-6, CALL-7, CALL-9.
 */
export function viewVariables(
  defs: readonly FlowVariableDef[],
  values: TaskVariables,
  viewer: Viewer,
): VariableView[] {
  const opts: DisplayOptions = {
    revealSecure: viewer.canSeeSecure && viewer.revealSecure === true,
    sensitiveDataProtection: viewer.sensitiveDataProtection === true,
  };
  return inDisplayOrder(defs).map((def) => {
    const saved = variableOf(values, def.name);
    const shown = displayValue(def, saved?.value ?? null, opts);
    return {
      name: def.name,
      label: def.label,
      type: def.type,
      value: shown.value,
      secure: def.secure,
      masked: shown.masked,
      revealable: shown.masked === "secure" && viewer.canSeeSecure,
      editable: def.agentEditable && viewer.role !== "consulted" && shown.masked === null,
      version: saved?.version ?? 0,
    };
  });
}
