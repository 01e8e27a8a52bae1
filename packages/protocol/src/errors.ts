import { ERROR_CODES } from "@parley/engine";
import { z } from "zod";

/** Codes the server adds to the engine's: transport, auth and input problems. */
export const SERVER_ERROR_CODES = [
  "BAD_REQUEST",
  "VALIDATION_FAILED",
  "PAYLOAD_TOO_LARGE",
  "UNAUTHENTICATED",
  "INVALID_CREDENTIALS",
  "FORBIDDEN",
  "NOT_FOUND",
  "UNKNOWN_TENANT",
  "UNKNOWN_USER",
  "UNKNOWN_CONTACT",
  "UNKNOWN_ACCOUNT",
  "UNKNOWN_CASE",
  "UNKNOWN_ARTICLE",
  "IDEMPOTENCY_KEY_REUSED",
  "VERSION_MISMATCH",
  "UNAVAILABLE",
  "INTERNAL",
] as const;

export const ErrorCode = z.enum([...ERROR_CODES, ...SERVER_ERROR_CODES]);
export type ErrorCode = z.infer<typeof ErrorCode>;

export const ErrorBody = z
  .strictObject({
    code: ErrorCode,
    message: z.string(),
    details: z.record(z.string(), z.unknown()).optional(),
  })
  .meta({ id: "Error", description: "Why a request was refused: a stable code and a message for people." });
export type ErrorBody = z.infer<typeof ErrorBody>;

const NOT_FOUND = new Set<string>([
  "NOT_FOUND",
  "UNKNOWN_TENANT",
  "UNKNOWN_USER",
  "UNKNOWN_AGENT",
  "UNKNOWN_TEAM",
  "UNKNOWN_TASK",
  "UNKNOWN_ENTRY_POINT",
  "UNKNOWN_QUEUE",
  "UNKNOWN_CALLBACK",
  "UNKNOWN_LINE",
  "UNKNOWN_LOGIN",
  "UNKNOWN_CONTACT",
  "UNKNOWN_ACCOUNT",
  "UNKNOWN_CASE",
  "UNKNOWN_ARTICLE",
]);
const UNPROCESSABLE = new Set<string>([
  "CONFIG_INVALID",
  "DEVICE_ADDRESS_REQUIRED",
  "DEVICE_ADDRESS_INVALID",
  "LINE_REQUIRED",
  "UNKNOWN_IDLE_CODE",
  "UNKNOWN_WRAPUP_CODE",
  "UNKNOWN_VARIABLE",
  "INVALID_DIAL_NUMBER",
  "INVALID_PRIORITY",
  "MESSAGE_INVALID",
  "CALLBACK_INVALID",
  "CALLBACK_ASSIGNEE_INVALID",
  "VARIABLE_VALUE_INVALID",
  "DIAL_NUMBER_EMPTY",
  "DIAL_NUMBER_TOO_SHORT",
  "DIAL_NUMBER_TOO_LONG",
  "DIAL_NUMBER_INVALID",
  "INVALID_EXTERNAL_PRESENCE",
  "CONSULT_UNSUPPORTED_DESTINATION",
]);
const FORBIDDEN = new Set<string>([
  "FORBIDDEN",
  "NOT_AN_AGENT",
  "NOT_A_SUPERVISOR",
  "NOT_SUPERVISOR_OF_TEAM",
  "SUPERVISOR_LOGOUT_NOT_ALLOWED",
  "IDLE_CODE_NOT_ALLOWED",
  "WRAPUP_CODE_NOT_ALLOWED",
  "AGENT_NOT_IN_TEAM",
  "NOT_OFFERED_TO_AGENT",
  "QUEUE_NOT_SERVED",
  "TASK_EXCLUDES_AGENT",
  "NOT_TASK_OWNER",
  "NOT_ON_CALL",
  "NOT_ON_CONVERSATION",
  "NOT_PRIMARY_AGENT",
  "CONSULTED_AGENT_CANNOT_EDIT",
  "NOT_ALLOWED_FOR_CONSULTED_AGENT",
  "VARIABLE_NOT_EDITABLE",
  "MONITORING_NOT_ALLOWED",
]);
const BY_CODE: Partial<Record<ErrorCode, number>> = {
  BAD_REQUEST: 400,
  VALIDATION_FAILED: 400,
  PAYLOAD_TOO_LARGE: 413,
  UNAUTHENTICATED: 401,
  INVALID_CREDENTIALS: 401,
  UNAVAILABLE: 503,
  INTERNAL: 500,
  VERSION_MISMATCH: 412,
  TENANT_CALL_LIMIT: 429,
};

/**
 * The HTTP status of a code: 404 for what does not exist, 403 for what the caller may not do,
 * 422 for a value the engine judged invalid, 409 for what the current state does not allow.
 */
export function statusOf(code: ErrorCode): number {
  return (
    BY_CODE[code] ??
    (NOT_FOUND.has(code) ? 404 : FORBIDDEN.has(code) ? 403 : UNPROCESSABLE.has(code) ? 422 : 409)
  );
}
