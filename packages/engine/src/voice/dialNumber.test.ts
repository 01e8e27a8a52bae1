import { describe, expect, it } from "vitest";
import { parseDialNumber, sanitizeDialInput } from "./dialNumber.ts";

const code = (raw: string) => {
  const result = parseDialNumber(raw);
  return result.ok ? "OK" : result.code;
};
const kind = (raw: string) => {
  const result = parseDialNumber(raw);
  return result.ok ? result.kind : result.code;
};

describe("dial numbers", () => {
  it("DIAL-1 a dial number has 3 to 18 digits plus + # * :", () => {
    expect(code("")).toBe("DIAL_NUMBER_EMPTY");
    expect(code("12")).toBe("DIAL_NUMBER_TOO_SHORT");
    expect(code("*#:")).toBe("DIAL_NUMBER_TOO_SHORT");
    expect(code("*72#")).toBe("DIAL_NUMBER_TOO_SHORT"); // even a feature code needs 3 digits
    expect(code("+")).toBe("DIAL_NUMBER_TOO_SHORT");
    expect(code("123")).toBe("OK");
    expect(code("*1#2:3")).toBe("OK");
    expect(code("1".repeat(18))).toBe("OK");
    expect(code("1".repeat(19))).toBe("DIAL_NUMBER_TOO_LONG");
    // the special characters do not count towards the 18
    expect(code(`*#:${"1".repeat(18)}`)).toBe("OK");
  });

  it("DIAL-1 + is allowed only as the first character", () => {
    expect(code("1+2015550123")).toBe("DIAL_NUMBER_INVALID");
    expect(code("*67+12015550123")).toBe("DIAL_NUMBER_INVALID");
    expect(code("++12015550123")).toBe("DIAL_NUMBER_INVALID");
  });

  it("DIAL-2 pasted input keeps only digits and + # * :", () => {
    expect(sanitizeDialInput("+1 (201) 555-0123")).toBe("+12015550123");
    expect(sanitizeDialInput("ext. 4711 #")).toBe("4711#");
    expect(sanitizeDialInput("0046.70/123\u00a045\t67")).toBe("0046701234567");
    expect(sanitizeDialInput("*67 [201] 555 0123")).toBe("*672015550123");
  });

  it("DIAL-2 letters, unicode digits and lookalikes are removed, not translated", () => {
    // Arabic-Indic and full-width digits, a full-width plus, a Cyrillic letter, an emoji
    expect(sanitizeDialInput("٢٠١ ２０１ ＋4 З 6☎️")).toBe("46");
    expect(sanitizeDialInput("Örjan ÅÄÖ é 12345")).toBe("12345");
    expect(code("٢٠١٥٥٥٠١٢٣")).toBe("DIAL_NUMBER_EMPTY");
  });

  it("DIAL-2 a pasted 'Call me: +1 (415) 555-0123 ext. 7' keeps its colon, so its + is no longer first", () => {
    const pasted = "Call me: +1 (415) 555-0123 ext. 7";
    expect(sanitizeDialInput(pasted)).toBe(":+141555501237");
    expect(parseDialNumber(pasted)).toMatchObject({ ok: false, code: "DIAL_NUMBER_INVALID" });
    expect(parseDialNumber("+1 (415) 555-0123")).toMatchObject({
      ok: true,
      kind: "US",
      e164: "+14155550123",
    });
  });

  it("DIAL-2 the result carries the sanitised number", () => {
    expect(parseDialNumber(" ext 4711 ")).toEqual({ ok: true, number: "4711", kind: "EXTENSION_OR_LOCAL" });
  });

  it("DIAL-3 US numbers +1NPANXXXXXX are recognised", () => {
    expect(parseDialNumber("+1 201 555 0123")).toEqual({
      ok: true,
      number: "+12015550123",
      kind: "US",
      e164: "+12015550123",
      country: "US",
    });
    expect(kind("+1 (212) 555-1234")).toBe("US");
    // NANP is wider than the US: Toronto and Jamaica have the same format
    expect(parseDialNumber("+1 416 555 0123")).toMatchObject({ kind: "US", country: "CA" });
    expect(parseDialNumber("+1 876 555 0123")).toMatchObject({ kind: "US", country: "JM" });
  });

  it("DIAL-3 a +1 number that is not a valid NANP number is invalid", () => {
    expect(code("+1 201 555 012")).toBe("DIAL_NUMBER_INVALID"); // 9 digits
    expect(code("+1 201 555 01234")).toBe("DIAL_NUMBER_INVALID"); // 11 digits
    expect(code("+1 123 555 0123")).toBe("DIAL_NUMBER_INVALID"); // NPA cannot start with 1
    expect(code("+1 201 055 0123")).toBe("DIAL_NUMBER_INVALID"); // NXX cannot start with 0
    expect(code("+1 911 555 0123")).toBe("DIAL_NUMBER_INVALID"); // N11 is not an area code
  });

  it("DIAL-3 E.164 numbers +<cc><number> are recognised with their country", () => {
    expect(parseDialNumber("+44 20 7946 0000")).toEqual({
      ok: true,
      number: "+442079460000",
      kind: "E164",
      e164: "+442079460000",
      country: "GB",
    });
    expect(parseDialNumber("+46 70-123 45 67")).toMatchObject({ kind: "E164", country: "SE" });
    expect(parseDialNumber("+46 8 123 456 78")).toMatchObject({ kind: "E164", country: "SE" });
    expect(parseDialNumber("+61 4 1234 5678")).toMatchObject({ kind: "E164", country: "AU" });
    expect(parseDialNumber("+39 06 1234 5678")).toMatchObject({ kind: "E164", e164: "+390612345678" });
  });

  it("DIAL-3 a non-geographic E.164 number has no country", () => {
    const result = parseDialNumber("+800 1234 5678");
    expect(result).toEqual({ ok: true, number: "+80012345678", kind: "E164", e164: "+80012345678" });
  });

  it("DIAL-3 a UK number pasted with its (0) dials as E.164 without it", () => {
    expect(parseDialNumber("+44 (0)20 7946 0000")).toMatchObject({
      number: "+4402079460000",
      kind: "E164",
      e164: "+442079460000",
    });
  });

  it("DIAL-3 a + number must be a valid E.164 number for its country", () => {
    expect(code("+123")).toBe("DIAL_NUMBER_INVALID");
    expect(code("+999 1234 5678")).toBe("DIAL_NUMBER_INVALID"); // no such country code
    expect(code("+61 1 2345 6789")).toBe("DIAL_NUMBER_INVALID");
    // right length, but in no allocated Swedish range: only the max metadata knows
    expect(code("+46 90 000 000")).toBe("DIAL_NUMBER_INVALID");
    expect(code("+1234567890123456")).toBe("DIAL_NUMBER_INVALID"); // 16 digits: longer than E.164
    // E.164 is digits only
    expect(code("+12015550123#")).toBe("DIAL_NUMBER_INVALID");
    expect(code("+1201*5550123")).toBe("DIAL_NUMBER_INVALID");
    expect(code("+12015550123:7")).toBe("DIAL_NUMBER_INVALID");
  });

  it("DIAL-3 IDD numbers such as 01161123456789 are recognised", () => {
    // 011 (NANP) + 61 + 4 1234 5678, a well-formed Australian mobile number
    expect(parseDialNumber("011 61 4 1234 5678")).toEqual({
      ok: true,
      number: "01161412345678",
      kind: "IDD",
      e164: "+61412345678",
      country: "AU",
    });
    // 00, as dialled in most of Europe
    expect(parseDialNumber("00 46 70 123 45 67")).toMatchObject({ kind: "IDD", e164: "+46701234567" });
    expect(parseDialNumber("0044 20 7946 0000")).toMatchObject({ kind: "IDD", country: "GB" });
    expect(parseDialNumber("00 1 201 555 0123")).toMatchObject({ kind: "IDD", e164: "+12015550123" });
  });

  it("DIAL-3 the spec's own IDD example is dialled, though +61 123456789 is no Australian number", () => {
    // 61 123456789 is in no Australian range, so it is accepted but not claimed to be international
    expect(parseDialNumber("01161123456789")).toEqual({
      ok: true,
      number: "01161123456789",
      kind: "EXTENSION_OR_LOCAL",
    });
  });

  it("DIAL-3 IDD prefixes come from the countries the agents dial from", () => {
    // Australia's IDD prefix is 0011, unknown to the default US and GB
    expect(kind("0011 44 20 7946 0000")).toBe("EXTENSION_OR_LOCAL");
    expect(parseDialNumber("0011 44 20 7946 0000", { iddCountries: ["AU"] })).toMatchObject({
      kind: "IDD",
      e164: "+442079460000",
    });
    expect(parseDialNumber("011 61 4 1234 5678", { iddCountries: ["GB"] })).toMatchObject({
      kind: "EXTENSION_OR_LOCAL",
    });
  });

  it("DIAL-3 extensions, local numbers and feature codes are EXTENSION_OR_LOCAL", () => {
    expect(kind("4711")).toBe("EXTENSION_OR_LOCAL");
    expect(kind("201 555 0123")).toBe("EXTENSION_OR_LOCAL"); // national, without +1
    expect(kind("08-123 456 78")).toBe("EXTENSION_OR_LOCAL");
    expect(kind("011 123 456")).toBe("EXTENSION_OR_LOCAL"); // also a Swedish area code
    expect(kind("0012")).toBe("EXTENSION_OR_LOCAL");
    expect(kind("*67 201 555 0123")).toBe("EXTENSION_OR_LOCAL");
    expect(kind("*720#")).toBe("EXTENSION_OR_LOCAL");
    expect(kind("4711:23#")).toBe("EXTENSION_OR_LOCAL");
  });
});
