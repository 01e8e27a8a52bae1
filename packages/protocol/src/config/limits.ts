// Wire-level limits of the tenant configuration. Numeric ranges are exactly the engine's
// (validateConfig, MAX_CAPACITY, the flow-variable name rule): the schema refuses what the engine
// would refuse, early and with a path. Lengths and counts are generous bounds on work and storage:
// far beyond real configurations, never below one the engine accepts in practice.

/** Numeric ranges, inclusive, as validateConfig checks them. */
export const CONFIG_RANGES = {
  /** Concurrent tasks per channel: voice is one call at a time (engine MAX_CAPACITY). */
  capacity: {
    voice: { min: 0, max: 1 },
    chat: { min: 0, max: 20 },
    email: { min: 0, max: 20 },
    social: { min: 0, max: 20 },
  },
  offerTimeoutSec: { min: 1, max: 600 },
  autoWrapUpAfterSec: { min: 1, max: 86_400 },
  recordingPauseSec: { min: 1, max: 3_600 },
  graceSec: { min: 0, max: 3_600 },
  heartbeatTimeoutSec: { min: 1, max: 3_600 },
  serviceLevelSec: { min: 1, max: 86_400 },
  persistentChatDays: { min: 1, max: 365 },
  sentimentWindow: { min: 1, max: 50 },
  sentimentThreshold: { min: -1, max: 1 },
  maxConcurrentCalls: { min: 1, max: 1_000_000 },
} as const;

/** Longest strings, in UTF-16 code units. */
export const CONFIG_LENGTHS = {
  /** Any configured id: tenant, aux code, profile, team, user, queue, entry point, flow, expert, contact. */
  id: 128,
  /** Display names and labels. */
  name: 200,
  /** Extensions, shared-line addresses, line names, dial numbers and phone numbers, formatting included. */
  address: 64,
  /** Flow variable names: letters, digits and _, starting with a letter or _ (the engine's rule). */
  variableName: 64,
  /** A variable's default as written: the engine refuses more than 4 × 256 before parsing. */
  variableDefault: 1_024,
  /** E-mail addresses (RFC 5321 path limit). */
  email: 320,
  /** A screen pop URL template (SES-16), as written. */
  url: 2_048,
} as const;

/** Most items per list. */
export const CONFIG_COUNTS = {
  auxCodes: 1_000,
  profiles: 1_000,
  teams: 10_000,
  users: 100_000,
  queues: 10_000,
  entryPoints: 10_000,
  sharedLines: 10_000,
  linesPerSharedLine: 100,
  flows: 1_000,
  variablesPerFlow: 500,
  directory: 100_000,
  addressBook: 100_000,
  /** Codes a profile allows, teams of a user or a queue. */
  references: 1_000,
  roles: 3,
  busyStatuses: 5,
} as const;

/**
 * The engine's flow-variable name rule (validateFlow). The schema also refuses `__proto__`, which
 * the rule lets through: as a key of a task's variables it is dropped by zod's record parsing (and
 * would set the prototype in naive JavaScript), so it cannot travel.
 */
export const VARIABLE_NAME = /^[A-Za-z_][A-Za-z0-9_]{0,63}$/;
