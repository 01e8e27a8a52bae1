import { describe, expect, it } from "vitest";
import { checkNumber, pasted, typed } from "./dialInput.ts";

describe("the dial-number input", () => {
  it("DIAL-2 typed formatting is removed as it is typed; letters make it an address-book search", () => {
    expect(typed("+46 (70) 123-45")).toEqual({ kind: "number", text: "+467012345", removed: true });
    expect(typed("*67#1:2")).toEqual({ kind: "number", text: "*67#1:2", removed: false });
    expect(typed("Anna L")).toEqual({ kind: "search", text: "Anna L" });
  });

  it("DIAL-2 a paste with digits keeps only digits and + # * :, letters included", () => {
    expect(pasted("", "Tel. +46 (0)70-123 45 67 ext", "")).toEqual({
      kind: "number",
      text: "+460701234567",
      removed: true,
    });
    expect(pasted("+46", "70 12", "3")).toEqual({ kind: "number", text: "+4670123", removed: true });
  });

  it("DIAL-1 DIAL-3 a number is checked by the server's rules", () => {
    expect(checkNumber(typed("12"))).toMatchObject({ ok: false, code: "DIAL_NUMBER_TOO_SHORT" });
    expect(checkNumber(typed("1234567890123456789"))).toMatchObject({
      ok: false,
      code: "DIAL_NUMBER_TOO_LONG",
    });
    expect(checkNumber(typed("+12025550123"))).toMatchObject({ ok: true, kind: "US" });
    expect(checkNumber(typed("+442079460000"))).toMatchObject({ ok: true, kind: "E164" });
    expect(checkNumber(typed("01161412345678"))).toMatchObject({
      ok: true,
      kind: "IDD",
      e164: "+61412345678",
    });
    expect(checkNumber(typed("1234"))).toMatchObject({ ok: true, kind: "EXTENSION_OR_LOCAL" });
    expect(checkNumber(typed("Anna"))).toBeNull();
  });
});
