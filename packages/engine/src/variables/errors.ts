/**
 * The codes this module rejects with. They are meant to join `ERROR_CODES` in shared/errors.ts;
 * until then `VariableRejection` has the same shape as `Rejection` with this narrower code.
 */
export const VARIABLE_ERROR_CODES = [
  "UNKNOWN_VARIABLE",
  "VARIABLE_NOT_EDITABLE",
  "VARIABLE_VALUE_INVALID",
  "VARIABLE_EDITED_TWICE",
  "CONSULTED_AGENT_CANNOT_EDIT",
] as const;

export type VariableErrorCode = (typeof VARIABLE_ERROR_CODES)[number];

export interface VariableRejection {
  readonly ok: false;
  readonly code: VariableErrorCode;
  readonly message: string;
  readonly details?: Readonly<Record<string, unknown>>;
}

/** `reject` from shared/decision.ts, for this module's codes; swap for it once the codes are merged. */
export const rejectVariable = (
  code: VariableErrorCode,
  message: string,
  details?: Readonly<Record<string, unknown>>,
): VariableRejection => (details ? { ok: false, code, message, details } : { ok: false, code, message });
