import { DateTime } from "luxon";
import { rejectVariable, type VariableRejection } from "./errors.ts";
import type { FlowDef, FlowVariableDef } from "./types.ts";

/** CALL-6: a value holds at most 256 characters, counted as Unicode code points. */
export const MAX_VALUE_LENGTH = 256;
/** POP-5: the voice popover shows at least 3 and at most 6 configured variables. */
export const POPOVER_MIN = 3;
export const POPOVER_MAX = 6;

/** Why a value was refused, in `details.reason`: stable, so clients and tests can match on it. */
export type ValueProblem =
  | "TOO_LONG"
  | "CONTROL_CHARACTER"
  | "NOT_AN_INTEGER"
  | "INTEGER_OUT_OF_RANGE"
  | "NOT_A_DECIMAL"
  | "NOT_A_BOOLEAN"
  | "NOT_ISO_DATETIME"
  | "DATE_WITHOUT_TIME"
  | "NO_UTC_OFFSET";

export type ParsedValue = { readonly ok: true; readonly value: string | null } | VariableRejection;

interface Problem {
  readonly problem: ValueProblem;
}
const problem = (p: ValueProblem): Problem => ({ problem: p });

const INTEGER = /^[+-]?\d+$/;
const DECIMAL = /^([+-]?)(\d*)(?:\.(\d*))?$/;

/** Code points, so an emoji or an accented letter counts once whatever its UTF-16 length. */
const codePoints = (s: string): number => {
  let n = 0;
  for (const _ of s) n++;
  return n;
};

/**
 * C0/C1 controls other than tab and line breaks, and lone surrogates: neither is text an agent
 * means, and PostgreSQL's `text` refuses NUL outright.
 */
const hasControlCharacter = (s: string): boolean => {
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if ((c < 0x20 && c !== 0x09 && c !== 0x0a && c !== 0x0d) || (c >= 0x7f && c <= 0x9f)) return true;
    if (c >= 0xd800 && c <= 0xdbff) {
      const next = s.charCodeAt(i + 1);
      if (next >= 0xdc00 && next <= 0xdfff) i++;
      else return true;
    } else if (c >= 0xdc00 && c <= 0xdfff) return true;
  }
  return false;
};

const normaliseDecimal = (raw: string): string | null => {
  const m = DECIMAL.exec(raw);
  if (!m) return null;
  const [, sign = "", int = "", frac = ""] = m;
  if (!int && !frac) return null;
  const whole = int.replace(/^0+(?=\d)/, "") || "0";
  const fraction = frac.replace(/0+$/, "");
  const digits = fraction ? `${whole}.${fraction}` : whole;
  return sign === "-" && digits !== "0" ? `-${digits}` : digits;
};

/**
 * ISO 8601 with a date, a time and an offset (or `Z`), in normal form: extended format, the
 * offset as given, milliseconds only when not zero. A date alone is refused: it names no
 * instant, and choosing midnight in some zone would invent data. A time alone is refused too:
 * luxon would complete it with today's date, read from the clock.
 */
const normaliseDateTime = (raw: string): string | Problem => {
  const parse = (s: string) => {
    try {
      // Interpreting in an IANA zone tells "no offset given" (iana) from any offset or Z (fixed).
      return DateTime.fromISO(s, { setZone: true, zone: "Etc/UTC" });
    } catch {
      return null; // Settings.throwOnInvalid is global and may be on
    }
  };
  if (!/^[^Tt]+[Tt]./.test(raw))
    return problem(parse(`${raw}T00:00Z`)?.isValid ? "DATE_WITHOUT_TIME" : "NOT_ISO_DATETIME");
  const dt = parse(raw);
  if (!dt?.isValid) return problem("NOT_ISO_DATETIME");
  if (dt.zone.type !== "fixed") return problem("NO_UTC_OFFSET");
  return dt.toISO({ suppressMilliseconds: true }) ?? problem("NOT_ISO_DATETIME");
};

const normalise = (def: FlowVariableDef, raw: string): string | Problem => {
  switch (def.type) {
    case "STRING":
      // NFC so that "é" typed and "é" pasted are one value and one character.
      return raw.normalize("NFC");
    case "INTEGER": {
      const s = raw.trim();
      if (!INTEGER.test(s)) return problem("NOT_AN_INTEGER");
      const n = BigInt(s);
      // Hosts and flows read integers as JavaScript numbers: keep them exact.
      if (n > BigInt(Number.MAX_SAFE_INTEGER) || n < BigInt(Number.MIN_SAFE_INTEGER))
        return problem("INTEGER_OUT_OF_RANGE");
      return n.toString();
    }
    case "DECIMAL":
      // Kept as digits, never through a float: `0.1` stays `0.1`. No exponents, no locale commas.
      return normaliseDecimal(raw.trim()) ?? problem("NOT_A_DECIMAL");
    case "BOOLEAN": {
      const s = raw.trim().toLowerCase();
      return s === "true" || s === "false" ? s : problem("NOT_A_BOOLEAN");
    }
    case "DATETIME":
      return normaliseDateTime(raw.trim());
  }
};

/**
 * A value as typed or pasted → its normal form, or `VARIABLE_VALUE_INVALID` with
 * `details: { name, reason }`. `null` clears the variable; an empty string is a value only for
 * STRING. Implements CALL-6.
 *
 * @example parseValue(appointmentDef, "2026-11-21T10:15:00.000+01:00") // { ok: true, value: "2026-11-21T10:15:00+01:00" }
 */
export function parseValue(def: FlowVariableDef, raw: string | null): ParsedValue {
  if (raw === null) return { ok: true, value: null };
  const refuse = (reason: ValueProblem) =>
    rejectVariable("VARIABLE_VALUE_INVALID", `"${def.label}" cannot take this value (${reason})`, {
      name: def.name,
      reason,
    });
  // A bound on work only, before any parser runs: the limit itself is on the normal form below,
  // where a decomposed "é" (two code points) has become one.
  if (raw.length > 4 * MAX_VALUE_LENGTH) return refuse("TOO_LONG");
  if (hasControlCharacter(raw)) return refuse("CONTROL_CHARACTER");
  const value = normalise(def, raw);
  if (typeof value !== "string") return refuse(value.problem);
  if (codePoints(value) > MAX_VALUE_LENGTH) return refuse("TOO_LONG");
  return { ok: true, value };
}

export interface FlowIssue {
  /** Where in the flow, e.g. `variables[2].label`. */
  readonly path: string;
  readonly code:
    | "MISSING"
    | "INVALID_NAME"
    | "DUPLICATE_NAME"
    | "DUPLICATE_LABEL"
    | "DUPLICATE_ORDER"
    | "INVALID_ORDER"
    | "INVALID_DEFAULT"
    | "SENSITIVE_NUMBER_NOT_STRING"
    | "POPOVER_TOO_FEW"
    | "POPOVER_TOO_MANY"
    | "SECURE_IN_POPOVER";
  /** Errors make the flow unusable; warnings describe what agents will see. */
  readonly severity: "error" | "warning";
  readonly message: string;
}

const NAME = /^[A-Za-z_][A-Za-z0-9_]{0,63}$/;

/**
 * Checks a flow's variable definitions: unique names, labels (ignoring case and surrounding
 * spaces) and orders; defaults that parse; and, as warnings, a popover outside 3–6 variables
 * (POP-5: fewer are all shown, beyond six only the first six by order) or a secure variable
 * marked for the popover, where it never shows.
 */
export function validateFlow(flow: FlowDef): FlowIssue[] {
  const issues: FlowIssue[] = [];
  const error = (path: string, code: FlowIssue["code"], message: string) =>
    issues.push({ path, code, severity: "error", message });
  const warning = (path: string, code: FlowIssue["code"], message: string) =>
    issues.push({ path, code, severity: "warning", message });

  if (!flow.id) error("id", "MISSING", "The flow has no id");
  if (!flow.name.trim()) error("name", "MISSING", `Flow "${flow.id}" has no name`);

  const names = new Set<string>();
  const labels = new Set<string>();
  const orders = new Set<number>();
  flow.variables.forEach((v, i) => {
    const at = `variables[${i}]`;
    if (!NAME.test(v.name))
      error(`${at}.name`, "INVALID_NAME", `"${v.name}" is not a name: letters, digits and _, up to 64`);
    else if (names.has(v.name)) error(`${at}.name`, "DUPLICATE_NAME", `Duplicate variable "${v.name}"`);
    names.add(v.name);

    const label = v.label.trim().toLowerCase();
    if (!label) error(`${at}.label`, "MISSING", `Variable "${v.name}" has no label`);
    else if (labels.has(label)) error(`${at}.label`, "DUPLICATE_LABEL", `Duplicate label "${v.label}"`);
    labels.add(label);

    if (!Number.isFinite(v.order)) error(`${at}.order`, "INVALID_ORDER", `Order must be a number`);
    else if (orders.has(v.order)) error(`${at}.order`, "DUPLICATE_ORDER", `Duplicate order ${v.order}`);
    orders.add(v.order);

    if (v.defaultValue !== undefined && !parseValue(v, v.defaultValue).ok)
      error(`${at}.defaultValue`, "INVALID_DEFAULT", `The default of "${v.name}" is not a ${v.type}`);
    if (v.sensitiveNumber && v.type !== "STRING")
      warning(`${at}.type`, "SENSITIVE_NUMBER_NOT_STRING", `A phone number in a ${v.type} loses "+" and 0s`);
    if (v.secure && v.shownInPopover)
      warning(`${at}.shownInPopover`, "SECURE_IN_POPOVER", `Secure "${v.name}" is never shown in a popover`);
  });

  const inPopover = flow.variables.filter((v) => v.shownInPopover && !v.secure).length;
  if (inPopover < POPOVER_MIN)
    warning(
      "variables",
      "POPOVER_TOO_FEW",
      `The popover shows ${inPopover} variables, fewer than ${POPOVER_MIN}`,
    );
  if (inPopover > POPOVER_MAX)
    warning("variables", "POPOVER_TOO_MANY", `Only the first ${POPOVER_MAX} of ${inPopover} are shown`);
  return issues;
}
