/** What an agenda entry does; `a` and `b` are the entry's two integers. */
export const Act = {
  /** a: entry point — a contact arrives, and the next one is planned. */
  Arrive: 1,
  /** a: contact — its patience ran out. */
  Abandon: 2,
  /** a: contact, b: offer number — the offer reaches the desktop. */
  Deliver: 3,
  /** a: contact, b: offer number. */
  Accept: 4,
  /** a: contact — the bot ends it after its handle time. */
  End: 5,
  /** a: contact. */
  WrapUp: 6,
  /** a: bot — the shift starts. */
  Login: 7,
  /** a: bot, b: break. */
  BreakStart: 8,
  /** a: bot, b: break. */
  BreakEnd: 9,
  /** a: bot — the shift ends. */
  ShiftEnd: 10,
  /** a: bot — logs out if it has nothing left in hand. */
  TryLogout: 11,
  /** a: bot — back from RONA. */
  Recover: 12,
} as const;

export type Act = (typeof Act)[keyof typeof Act];

/** Whole milliseconds, as the engine's instants are. */
export const ms = (sec: number): number => Math.round(sec * 1000);
