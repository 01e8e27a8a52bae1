import { describe, expect, it } from "vitest";
import { def, flow, support, supportVariables } from "./testFlows.ts";
import type { FlowVariableDef } from "./types.ts";
import { parseValue, validateFlow } from "./validate.ts";

const text = def("note", "STRING", 1);
const integer = def("count", "INTEGER", 1);
const decimal = def("amount", "DECIMAL", 1);
const boolean = def("vip", "BOOLEAN", 1);
const datetime = def("appointment", "DATETIME", 1);

/** The normal form, or the refusal's code and reason. */
const parse = (d: FlowVariableDef, raw: string | null) => {
  const r = parseValue(d, raw);
  return r.ok ? r.value : `${r.code} ${String(r.details?.reason)}`;
};

describe("parseValue", () => {
  it("CALL-6 a value longer than 256 characters is refused", () => {
    expect(parse(text, "a".repeat(256))).toBe("a".repeat(256));
    expect(parse(text, "a".repeat(257))).toBe("VARIABLE_VALUE_INVALID TOO_LONG");
    expect(parse(text, "x".repeat(100_000))).toBe("VARIABLE_VALUE_INVALID TOO_LONG");
  });

  it("CALL-6 the 256-character limit counts characters (code points), not UTF-16 units", () => {
    // 😀 is two UTF-16 units: 256 of them are 512 units but 256 characters.
    expect(parse(text, "😀".repeat(256))).toBe("😀".repeat(256));
    expect(parse(text, "😀".repeat(257))).toBe("VARIABLE_VALUE_INVALID TOO_LONG");
    const polish = "Zażółć gęślą jaźń. ";
    const long = polish.repeat(13).slice(0, 256);
    expect(parse(text, long)).toBe(long);
    // An accent typed as e + combining acute is one character once in normal form (NFC).
    const decomposed = "e\u0301".repeat(256);
    expect(parse(text, decomposed)).toBe("é".repeat(256));
    expect(parse(text, `${decomposed}e`)).toBe("VARIABLE_VALUE_INVALID TOO_LONG");
    // A ZWJ sequence is several code points: 👩‍💻 is three.
    expect(parse(text, "👩‍💻".repeat(85))).toBe("👩‍💻".repeat(85));
    expect(parse(text, "👩‍💻".repeat(86))).toBe("VARIABLE_VALUE_INVALID TOO_LONG");
  });

  it("CALL-6 date-time values are ISO 8601 with an offset, stored in normal form", () => {
    expect(parse(datetime, "2026-11-21T10:15:00+01:00")).toBe("2026-11-21T10:15:00+01:00");
    expect(parse(datetime, "2026-11-21T09:15:00Z")).toBe("2026-11-21T09:15:00Z");
    expect(parse(datetime, " 2026-11-21T10:15:00.000+01:00 ")).toBe("2026-11-21T10:15:00+01:00");
    expect(parse(datetime, "2026-11-21T10:15:00.250-05:00")).toBe("2026-11-21T10:15:00.250-05:00");
    expect(parse(datetime, "20261121T101500+0100")).toBe("2026-11-21T10:15:00+01:00");
    expect(parse(datetime, "2026-11-21t09:15z")).toBe("2026-11-21T09:15:00Z");
  });

  it("CALL-6 a date-time without a time or without an offset is refused, never guessed", () => {
    expect(parse(datetime, "2026-11-21")).toBe("VARIABLE_VALUE_INVALID DATE_WITHOUT_TIME");
    expect(parse(datetime, "2026-11-21T10:15:00")).toBe("VARIABLE_VALUE_INVALID NO_UTC_OFFSET");
    // A time alone would take today's date from the clock.
    expect(parse(datetime, "10:15:00+01:00")).toBe("VARIABLE_VALUE_INVALID NOT_ISO_DATETIME");
    expect(parse(datetime, "21.11.2026 10:15")).toBe("VARIABLE_VALUE_INVALID NOT_ISO_DATETIME");
    expect(parse(datetime, "2026-11-21 10:15:00Z")).toBe("VARIABLE_VALUE_INVALID NOT_ISO_DATETIME");
    expect(parse(datetime, "2026-02-30T10:00:00Z")).toBe("VARIABLE_VALUE_INVALID NOT_ISO_DATETIME");
    expect(parse(datetime, "")).toBe("VARIABLE_VALUE_INVALID NOT_ISO_DATETIME");
  });

  it("CALL-6 integers are whole numbers within the exact range of a JavaScript number", () => {
    expect(parse(integer, " +007 ")).toBe("7");
    expect(parse(integer, "-0")).toBe("0");
    expect(parse(integer, "-42")).toBe("-42");
    expect(parse(integer, "9007199254740991")).toBe("9007199254740991");
    expect(parse(integer, "9007199254740992")).toBe("VARIABLE_VALUE_INVALID INTEGER_OUT_OF_RANGE");
    for (const bad of ["", "4.2", "1e3", "1 000", "12a", "٣"])
      expect(parse(integer, bad)).toBe("VARIABLE_VALUE_INVALID NOT_AN_INTEGER");
  });

  it("CALL-6 decimals keep their digits exactly, with a dot and no exponent", () => {
    expect(parse(decimal, "0.1")).toBe("0.1");
    expect(parse(decimal, "0120.500")).toBe("120.5");
    expect(parse(decimal, "+.5")).toBe("0.5");
    expect(parse(decimal, "-0.00")).toBe("0");
    expect(parse(decimal, "3.")).toBe("3");
    expect(parse(decimal, "12345678901234567890.123456789")).toBe("12345678901234567890.123456789");
    for (const bad of ["", ".", "3,14", "1e5", "-", "1.2.3", "NaN"])
      expect(parse(decimal, bad)).toBe("VARIABLE_VALUE_INVALID NOT_A_DECIMAL");
  });

  it("CALL-6 booleans are true or false", () => {
    expect(parse(boolean, " TRUE ")).toBe("true");
    expect(parse(boolean, "False")).toBe("false");
    for (const bad of ["", "yes", "1", "tak"])
      expect(parse(boolean, bad)).toBe("VARIABLE_VALUE_INVALID NOT_A_BOOLEAN");
  });

  it("CALL-6 null clears any variable; an empty string is a value only for text", () => {
    for (const d of [text, integer, decimal, boolean, datetime]) expect(parse(d, null)).toBeNull();
    expect(parse(text, "")).toBe("");
  });

  it("CALL-6 control characters and broken surrogates are refused; tabs and line breaks are text", () => {
    expect(parse(text, "a\u0000b")).toBe("VARIABLE_VALUE_INVALID CONTROL_CHARACTER");
    expect(parse(text, "a\u001bb")).toBe("VARIABLE_VALUE_INVALID CONTROL_CHARACTER");
    expect(parse(text, "a\ud83db")).toBe("VARIABLE_VALUE_INVALID CONTROL_CHARACTER");
    expect(parse(text, "line 1\r\nline 2\tend")).toBe("line 1\r\nline 2\tend");
  });

  it("a refusal names the variable", () => {
    const r = parseValue(integer, "x");
    expect(r.ok ? null : r.details).toEqual({ name: "count", reason: "NOT_AN_INTEGER" });
  });
});

const issues = (variables: FlowVariableDef[]) =>
  validateFlow(flow("f", variables)).map((i) => `${i.severity} ${i.code} ${i.path}`);

describe("validateFlow", () => {
  it("the support flow is valid", () => expect(validateFlow(support)).toEqual([]));

  it("reports duplicate names, labels and orders with their paths", () => {
    expect(
      issues([
        ...supportVariables,
        def("caseNumber", "STRING", 9),
        def("other", "STRING", 10, { label: " case NUMBER " }),
        def("third", "STRING", 1),
        def("bad name", "STRING", 11),
        def("nolabel", "STRING", 12, { label: "  " }),
        def("nan", "STRING", Number.NaN),
      ]),
    ).toEqual([
      "error DUPLICATE_NAME variables[8].name",
      "error DUPLICATE_LABEL variables[9].label",
      "error DUPLICATE_ORDER variables[10].order",
      "error INVALID_NAME variables[11].name",
      "error MISSING variables[12].label",
      "error INVALID_ORDER variables[13].order",
    ]);
  });

  it("a default must parse as the variable's type", () =>
    expect(issues([...supportVariables, def("due", "DATETIME", 9, { defaultValue: "2026-11-21" })])).toEqual([
      "error INVALID_DEFAULT variables[8].defaultValue",
    ]));

  it("POP-5 fewer than 3 or more than 6 popover variables, or a secure one, are warnings", () => {
    const popover = (n: number) =>
      Array.from({ length: n }, (_, i) => def(`v${i}`, "STRING", i, { shownInPopover: true }));
    expect(issues(popover(2))).toEqual(["warning POPOVER_TOO_FEW variables"]);
    expect(issues(popover(3))).toEqual([]);
    expect(issues(popover(6))).toEqual([]);
    expect(issues(popover(7))).toEqual(["warning POPOVER_TOO_MANY variables"]);
    expect(issues([...popover(3), def("pin", "STRING", 9, { secure: true, shownInPopover: true })])).toEqual([
      "warning SECURE_IN_POPOVER variables[3].shownInPopover",
    ]);
  });

  it("POP-7 a caller-number variable kept as a number loses its + and leading zeros: a warning", () =>
    expect(issues([...supportVariables, def("ani", "INTEGER", 9, { sensitiveNumber: true })])).toEqual([
      "warning SENSITIVE_NUMBER_NOT_STRING variables[8].type",
    ]));
});
