/** The problems the server names in a CALLBACK_INVALID refusal's `details.problems` (CB-4). */
export type CallbackProblem =
  | "NUMBER_INVALID"
  | "NAME_LENGTH"
  | "DATE_INVALID"
  | "TIME_INVALID"
  | "WINDOW_EMPTY"
  | "TOO_SOON"
  | "TOO_FAR"
  | "ZONE_INVALID"
  | "REASON_LENGTH";

export interface FieldProblem {
  readonly field: string;
  /** A CB-4 problem, or REQUIRED for a choice the form needs (entry point, agent). */
  readonly problem: CallbackProblem | "REQUIRED";
}
/** A callback as the agent fills it in; the body of scheduleCallback's `request` (CB-4). */
export interface CallbackInput {
  readonly customerNumber: string;
  readonly customerName: string;
  /** `YYYY-MM-DD` in `timeZone`. */
  readonly date: string;
  /** Call between `HH:mm` and `HH:mm`, local to `timeZone`. */
  readonly from: string;
  readonly to: string;
  readonly timeZone: string;
  readonly reason?: string;
}

export const MIN_LEAD_MINUTES = 30;
export const MAX_AHEAD_DAYS = 31;

/** The engine's CB-4 number rule, character for character: digits and separators, 7 to 15. */
const NUMBER = /^\+?[0-9][0-9 \-,.]{5,13}[0-9]$/;
const codePoints = (s: string) => [...s.normalize("NFC")].length;

/** Whether the platform's zone data knows this IANA zone (what the server's luxon asks too). */
export function isValidZone(zone: string): boolean {
  if (!zone) return false;
  try {
    new Intl.DateTimeFormat("en-US", { timeZone: zone });
    return true;
  } catch {
    return false;
  }
}

/** The offset of `zone` from UTC at `instant`, in milliseconds, from the platform's zone data. */
function zoneOffset(instant: number, zone: string): number {
  const parts = new Intl.DateTimeFormat("en-US", {
    timeZone: zone,
    hourCycle: "h23",
    year: "numeric",
    month: "2-digit",
    day: "2-digit",
    hour: "2-digit",
    minute: "2-digit",
    second: "2-digit",
  }).formatToParts(instant);
  const n = (type: string) => Number(parts.find((p) => p.type === type)?.value);
  const asUtc = Date.UTC(n("year"), n("month") - 1, n("day"), n("hour"), n("minute"), n("second"));
  return asUtc - Math.floor(instant / 1000) * 1000;
}

/**
 * The instant of a wall-clock time in an IANA zone.
 * @example zonedInstant("2026-03-01", 9, 30, "Europe/Stockholm") // 2026-03-01T08:30:00Z
 */
export function zonedInstant(date: string, hour: number, minute: number, zone: string): number {
  const [y, m, d] = date.split("-").map(Number) as [number, number, number];
  const wall = Date.UTC(y, m - 1, d, hour, minute);
  const first = wall - zoneOffset(wall, zone);
  return wall - zoneOffset(first, zone);
}

function realDate(date: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(date)) return false;
  const [y, m, d] = date.split("-").map(Number) as [number, number, number];
  const back = new Date(Date.UTC(y, m - 1, d));
  return back.getUTCFullYear() === y && back.getUTCMonth() === m - 1 && back.getUTCDate() === d;
}

/**
 * The CB-4 rules as the engine applies them, for feedback while the agent types: number 7–15
 * characters, name 3–250 Unicode characters, a real date and `HH:mm` times in a valid IANA zone,
 * start 30 minutes to 31 days ahead, end after start, reason up to 250 characters. Every problem
 * is listed with the field it belongs to; the server checks again and its word is final.
 */
export function checkCallback(req: CallbackInput, now: number): FieldProblem[] {
  const problems: FieldProblem[] = [];
  const number = req.customerNumber.trim();
  if (!NUMBER.test(number) || number.length < 7 || number.length > 15)
    problems.push({ field: "customerNumber", problem: "NUMBER_INVALID" });
  const nameLength = codePoints(req.customerName.trim());
  if (nameLength < 3 || nameLength > 250) problems.push({ field: "customerName", problem: "NAME_LENGTH" });
  const reason = req.reason?.trim() ?? "";
  if (codePoints(reason) > 250) problems.push({ field: "reason", problem: "REASON_LENGTH" });
  const zoneOk = isValidZone(req.timeZone);
  if (!zoneOk) problems.push({ field: "timeZone", problem: "ZONE_INVALID" });
  const dateOk = realDate(req.date);
  if (!dateOk) problems.push({ field: "date", problem: "DATE_INVALID" });
  const at = (hhmm: string, field: string) => {
    const m = /^([01]\d|2[0-3]):([0-5]\d)$/.exec(hhmm);
    if (!m) {
      problems.push({ field, problem: "TIME_INVALID" });
      return null;
    }
    return dateOk ? zonedInstant(req.date, Number(m[1]), Number(m[2]), zoneOk ? req.timeZone : "UTC") : null;
  };
  const start = at(req.from, "from");
  const end = at(req.to, "to");
  if (problems.length === 0 && start !== null && end !== null) {
    if (end <= start) problems.push({ field: "to", problem: "WINDOW_EMPTY" });
    if (start < now + MIN_LEAD_MINUTES * 60_000) problems.push({ field: "from", problem: "TOO_SOON" });
    if (start > now + MAX_AHEAD_DAYS * 86_400_000) problems.push({ field: "date", problem: "TOO_FAR" });
  }
  return problems;
}

/** The field problems of a server refusal, if it named any (CALLBACK_INVALID's `details`). */
export function problemsOf(details: unknown): FieldProblem[] {
  const list = (details as { problems?: unknown } | undefined)?.problems;
  if (!Array.isArray(list)) return [];
  return list.filter(
    (p): p is FieldProblem =>
      typeof p === "object" && p !== null && typeof p.field === "string" && typeof p.problem === "string",
  );
}

/** The zones to choose from: the platform's IANA list, or just the local zone where it has none. */
export function timeZones(): string[] {
  const local = Intl.DateTimeFormat().resolvedOptions().timeZone;
  const all = typeof Intl.supportedValuesOf === "function" ? Intl.supportedValuesOf("timeZone") : [];
  return all.includes(local) ? all : [local, ...all];
}

/** The wall-clock date (`YYYY-MM-DD`) and time (`HH:mm`) of an instant in an IANA zone. */
export function wallClock(instant: number, zone: string): { date: string; time: string } {
  const parts = Object.fromEntries(
    new Intl.DateTimeFormat("en-CA", {
      timeZone: zone,
      year: "numeric",
      month: "2-digit",
      day: "2-digit",
      hour: "2-digit",
      minute: "2-digit",
      hourCycle: "h23",
    })
      .formatToParts(instant)
      .map((p) => [p.type, p.value]),
  );
  return { date: `${parts.year}-${parts.month}-${parts.day}`, time: `${parts.hour}:${parts.minute}` };
}
