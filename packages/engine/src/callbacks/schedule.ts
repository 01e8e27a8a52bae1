import { DateTime, IANAZone } from "luxon";
import type { Instant } from "../shared/time.ts";

/** What an agent fills in to schedule a callback (CB-4). Times are local to `timeZone`. */
export interface CallbackRequest {
  readonly customerNumber: string;
  readonly customerName: string;
  /** `YYYY-MM-DD` in the callback's time zone. */
  readonly date: string;
  /** Call between `HH:mm` and `HH:mm`, local. */
  readonly from: string;
  readonly to: string;
  /** An IANA zone, e.g. `Europe/Stockholm`. */
  readonly timeZone: string;
  readonly reason?: string;
}

export interface CallbackWindow {
  readonly number: string;
  readonly name: string;
  readonly start: Instant;
  readonly end: Instant;
  readonly timeZone: string;
  readonly reason: string | null;
}

export type ScheduleProblem =
  | "NUMBER_INVALID"
  | "NAME_LENGTH"
  | "DATE_INVALID"
  | "TIME_INVALID"
  | "WINDOW_EMPTY"
  | "TOO_SOON"
  | "TOO_FAR"
  | "ZONE_INVALID"
  | "REASON_LENGTH";

export const MIN_LEAD_MINUTES = 30;
export const MAX_AHEAD_DAYS = 31;

/** Digits with the country code; spaces, `-`, `,` and `.` may separate them; 7 to 15 characters. */
const NUMBER = /^\+?[0-9][0-9 \-,.]{5,13}[0-9]$/;
const codePoints = (s: string) => [...s.normalize("NFC")].length;

/**
 * Checks a scheduled callback the CB-4 way and turns its local window into instants: number 7–15
 * characters of digits and separators, name 3–250 Unicode characters, a real date and times in a
 * valid IANA zone (the platform's zone data, via luxon), start at least 30 minutes after now and
 * at most 31 days ahead, end after start, reason up to 250 characters. Every problem is listed.
 */
export function checkSchedule(
  req: CallbackRequest,
  now: Instant,
):
  | { ok: true; window: CallbackWindow }
  | { ok: false; problems: { field: string; problem: ScheduleProblem }[] } {
  const problems: { field: string; problem: ScheduleProblem }[] = [];
  const number = req.customerNumber.trim();
  if (!NUMBER.test(number) || number.length < 7 || number.length > 15)
    problems.push({ field: "customerNumber", problem: "NUMBER_INVALID" });
  const nameLength = codePoints(req.customerName.trim());
  if (nameLength < 3 || nameLength > 250) problems.push({ field: "customerName", problem: "NAME_LENGTH" });
  const reason = req.reason?.trim() || null;
  if (reason !== null && codePoints(reason) > 250)
    problems.push({ field: "reason", problem: "REASON_LENGTH" });

  const zoneOk = IANAZone.isValidZone(req.timeZone);
  if (!zoneOk) problems.push({ field: "timeZone", problem: "ZONE_INVALID" });
  const day = DateTime.fromISO(req.date, { zone: zoneOk ? req.timeZone : "UTC" });
  if (!/^\d{4}-\d{2}-\d{2}$/.test(req.date) || !day.isValid)
    problems.push({ field: "date", problem: "DATE_INVALID" });
  const at = (hhmm: string, field: string) => {
    const m = /^([01]\d|2[0-3]):([0-5]\d)$/.exec(hhmm);
    if (!m) {
      problems.push({ field, problem: "TIME_INVALID" });
      return null;
    }
    return day.set({ hour: Number(m[1]), minute: Number(m[2]), second: 0, millisecond: 0 }).toMillis();
  };
  const start = at(req.from, "from");
  const end = at(req.to, "to");
  if (problems.length === 0 && start !== null && end !== null) {
    if (end <= start) problems.push({ field: "to", problem: "WINDOW_EMPTY" });
    if (start < now + MIN_LEAD_MINUTES * 60_000) problems.push({ field: "from", problem: "TOO_SOON" });
    if (start > now + MAX_AHEAD_DAYS * 86_400_000) problems.push({ field: "date", problem: "TOO_FAR" });
  }
  if (problems.length > 0 || start === null || end === null) return { ok: false, problems };
  return {
    ok: true,
    window: { number, name: req.customerName.trim(), start, end, timeZone: req.timeZone, reason },
  };
}
