/**
 * Every code the engine rejects with. Codes are stable: clients and tests match on them,
 * and the server maps each to an HTTP status in one registry.
 */
export const ERROR_CODES = [
  // configuration
  "NOT_CONFIGURED",
  "CONFIG_INVALID",
  "CONFIG_IN_USE",
  // agents and stations
  "UNKNOWN_AGENT",
  "NOT_AN_AGENT",
  "UNKNOWN_TEAM",
  "AGENT_NOT_IN_TEAM",
  "ALREADY_LOGGED_IN",
  "NOT_LOGGED_IN",
  "DEVICE_ADDRESS_REQUIRED",
  "DEVICE_ADDRESS_INVALID",
  "DEVICE_IN_USE",
  "LINE_REQUIRED",
  "UNKNOWN_LINE",
  // agent state
  "STATE_NOT_SELECTABLE",
  "UNKNOWN_IDLE_CODE",
  "IDLE_CODE_NOT_ALLOWED",
  "OFFER_PENDING",
  "HAS_ACTIVE_INTERACTIONS",
  "NOT_ENGAGED",
  "SUPERVISOR_LOGOUT_NOT_ALLOWED",
  // tasks and offers
  "UNKNOWN_ENTRY_POINT",
  "ENTRY_POINT_INACTIVE",
  "ENTRY_POINT_NOT_INBOUND",
  "ENTRY_POINT_NOT_OUTDIAL",
  "INVALID_DIAL_NUMBER",
  "AGENT_BUSY",
  "AGENT_IN_RONA",
  "TASK_EXISTS",
  "INVALID_PRIORITY",
  "UNKNOWN_TASK",
  "NOT_OFFERED_TO_AGENT",
  "OFFER_NOT_DELIVERED",
  "OFFER_EXPIRED",
  "NOTHING_TO_ACCEPT",
  "NOT_TASK_OWNER",
  "TASK_NOT_ACTIVE",
  "TASK_NOT_WRAPPING",
  "UNKNOWN_WRAPUP_CODE",
  "WRAPUP_CODE_NOT_ALLOWED",
] as const;

export type ErrorCode = (typeof ERROR_CODES)[number];
