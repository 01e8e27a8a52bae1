/**
 * Reserved reason codes the system records on state changes it makes itself. The numbers follow
 * the conventions agents and report writers already know from Finesse and UCCE.
 */
export const SYSTEM_REASON = {
  /** Forced logout after the desktop disconnected (CON-1). */
  FORCED_LOGOUT: 255,
  /** Ring no answer: an offer expired or could not reach the agent's device (RTE-3, RTE-5). */
  RING_NO_ANSWER: 32767,
  /** A supervisor changed the agent's state or logged the agent out (AGT-6, SUP-3). */
  SUPERVISOR_CHANGE: 999,
} as const;

export type SystemReason = (typeof SYSTEM_REASON)[keyof typeof SYSTEM_REASON];
