import { describe, expect, it } from "vitest";
import { maskPhoneNumber, SECURE_MASK, viewVariables } from "./mask.ts";
import { saved, supportValues, supportVariables } from "./testFlows.ts";
import { applyVariableChanges } from "./values.ts";

const pinRow = (viewer: Parameters<typeof viewVariables>[2], values = supportValues) =>
  viewVariables(supportVariables, values, viewer).find((v) => v.name === "cardPin");

describe("viewVariables", () => {
  it("CALL-6 lists the variables in configured order with the last saved values and versions (for Revert)", () =>
    expect(
      viewVariables(supportVariables, supportValues, { role: "owner", canSeeSecure: false }).map((v) => [
        v.name,
        v.value,
        v.version,
        v.editable,
      ]),
    ).toEqual([
      ["caseNumber", "CS-1042", 1, true],
      ["customerId", "884120", 1, false],
      ["callerNumber", "+48 601 234 567", 1, false],
      ["amount", "120.5", 1, true],
      ["vip", "true", 1, true],
      ["appointment", null, 1, true],
      ["cardPin", SECURE_MASK, 1, false],
      ["callbackReason", "Billing question", 1, false],
    ]));

  it("CALL-7 secure values are masked until fetched again by someone allowed", () => {
    expect(pinRow({ role: "owner", canSeeSecure: true })).toMatchObject({
      value: "******",
      secure: true,
      masked: "secure",
      revealable: true,
      editable: false,
    });
    // "Click to retry": fetched again by a viewer who may see it.
    expect(pinRow({ role: "owner", canSeeSecure: true, revealSecure: true })).toMatchObject({
      value: "4321",
      secure: true,
      masked: null,
      editable: true,
    });
    // Asking is not enough without the permission, and the link is not offered.
    expect(pinRow({ role: "owner", canSeeSecure: false, revealSecure: true })).toMatchObject({
      value: "******",
      masked: "secure",
      revealable: false,
      editable: false,
    });
  });

  it("CALL-7 the mask has a fixed length: it does not tell a short secret from a long one", () => {
    const viewer = { role: "owner", canSeeSecure: false } as const;
    expect(pinRow(viewer, saved({ cardPin: ["1", 1] }))?.value).toBe(SECURE_MASK);
    expect(pinRow(viewer, saved({ cardPin: ["4111 1111 1111 1111", 1] }))?.value).toBe(SECURE_MASK);
    // An empty secure field is shown empty, so the agent can fill it.
    expect(pinRow(viewer, saved({ cardPin: [null, 1] }))).toMatchObject({
      value: null,
      masked: null,
      editable: true,
    });
  });

  it("CALL-9 a consulted agent sees variables but none is editable; a refresh shows updated values", () => {
    const consulted = { role: "consulted", canSeeSecure: true, revealSecure: true } as const;
    expect(viewVariables(supportVariables, supportValues, consulted).filter((v) => v.editable)).toEqual([]);
    const updated = applyVariableChanges(supportValues, [
      { name: "caseNumber", value: "CS-2077", version: 2 },
    ]);
    expect(viewVariables(supportVariables, updated, consulted)[0]).toMatchObject({
      name: "caseNumber",
      value: "CS-2077",
      version: 2,
    });
  });

  it("POP-7 with sensitive-data protection the caller's number shows its last four digits in the panel too", () =>
    expect(
      viewVariables(supportVariables, supportValues, {
        role: "owner",
        canSeeSecure: true,
        sensitiveDataProtection: true,
      }).find((v) => v.name === "callerNumber"),
    ).toMatchObject({ value: "•••••••4567", masked: "lastFour", editable: false }));
});

describe("maskPhoneNumber", () => {
  it("POP-7 keeps only the last four digits behind a fixed-length mask", () => {
    expect(maskPhoneNumber("+48 601 234 567")).toBe("•••••••4567");
    expect(maskPhoneNumber("(415) 555-0123")).toBe("•••••••0123");
    expect(maskPhoneNumber("12345")).toBe("•••••••2345");
    // Four digits or fewer would be shown whole: hidden instead.
    expect(maskPhoneNumber("4567")).toBe("•••••••");
    expect(maskPhoneNumber("anonymous")).toBe("•••••••");
  });
});
