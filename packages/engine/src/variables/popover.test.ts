import { describe, expect, it } from "vitest";
import { callbackPopoverFields, consultPopoverVariables, voicePopoverVariables } from "./popover.ts";
import { def, flow, saved, supportValues, supportVariables } from "./testFlows.ts";
import type { FlowVariableDef } from "./types.ts";
import { validateFlow } from "./validate.ts";

const off = { sensitiveDataProtection: false };
const on = { sensitiveDataProtection: true };
const names = (fields: readonly { source: string; name?: string; key?: string }[]) =>
  fields.map((f) => (f.source === "variable" ? f.name : `system:${f.key}`));

const many = (n: number, over: Partial<FlowVariableDef> = {}) =>
  Array.from({ length: n }, (_, i) => def(`v${n - i}`, "STRING", n - i, { shownInPopover: true, ...over }));
const valuesOf = (defs: FlowVariableDef[]) =>
  saved(Object.fromEntries(defs.map((d) => [d.name, [`value of ${d.name}`, 1] as [string, number]])));

describe("voice popover", () => {
  it("POP-5 shows the configured variables with labels, in the configured order", () =>
    expect(voicePopoverVariables(supportVariables, supportValues, off)).toEqual([
      {
        source: "variable",
        name: "caseNumber",
        label: "Case number",
        type: "STRING",
        value: "CS-1042",
        masked: null,
      },
      {
        source: "variable",
        name: "customerId",
        label: "Customer ID",
        type: "INTEGER",
        value: "884120",
        masked: null,
      },
      {
        source: "variable",
        name: "callerNumber",
        label: "Caller number",
        type: "STRING",
        value: "+48 601 234 567",
        masked: null,
      },
      { source: "variable", name: "vip", label: "VIP", type: "BOOLEAN", value: "true", masked: null },
    ]));

  it("POP-5 at most six: beyond six configured, the first six by order", () => {
    const defs = many(8);
    expect(names(voicePopoverVariables(defs, valuesOf(defs), off))).toEqual([
      "v1",
      "v2",
      "v3",
      "v4",
      "v5",
      "v6",
    ]);
  });

  it("POP-5 fewer than three configured: the popover shows what there is and validateFlow warns", () => {
    const defs = many(2);
    expect(names(voicePopoverVariables(defs, valuesOf(defs), off))).toEqual(["v1", "v2"]);
    expect(validateFlow(flow("short", defs)).map((i) => i.code)).toEqual(["POPOVER_TOO_FEW"]);
  });

  it("POP-5 variables marked secure are never shown, not even masked, and do not count towards six", () => {
    const defs = [...many(6), def("pin", "STRING", 0, { secure: true, shownInPopover: true })];
    const shown = voicePopoverVariables(defs, valuesOf(defs), off);
    expect(names(shown)).toEqual(["v1", "v2", "v3", "v4", "v5", "v6"]);
    expect(JSON.stringify(shown)).not.toContain("value of pin");
  });

  it("POP-7 with sensitive-data protection only the last four digits of the caller's number are shown", () => {
    const caller = (opts: { sensitiveDataProtection: boolean }) =>
      voicePopoverVariables(supportVariables, supportValues, opts).find((v) => v.name === "callerNumber");
    expect(caller(on)).toMatchObject({ value: "•••••••4567", masked: "lastFour" });
    expect(caller(off)).toMatchObject({ value: "+48 601 234 567", masked: null });
    // Only numbers marked as such: a case number's digits stay.
    expect(voicePopoverVariables(supportVariables, supportValues, on)[0]).toMatchObject({ value: "CS-1042" });
  });
});

describe("consult request popover", () => {
  const requester = { name: "Anna Nowak", dn: "+48 22 100 2001", team: "Support" };

  it("POP-6 shows Agent Name, Agent DN and Agent Team of the requesting agent, then up to 6 configured: 9 at most", () => {
    const defs = many(8);
    const fields = consultPopoverVariables(requester, defs, valuesOf(defs), off);
    expect(fields).toHaveLength(9);
    expect(fields.slice(0, 3)).toEqual([
      { source: "system", key: "agentName", value: "Anna Nowak", masked: null },
      { source: "system", key: "agentDn", value: "+48 22 100 2001", masked: null },
      { source: "system", key: "agentTeam", value: "Support", masked: null },
    ]);
    expect(names(fields.slice(3))).toEqual(["v1", "v2", "v3", "v4", "v5", "v6"]);
  });

  it("POP-6 the requesting agent's DN is not a caller's number: protection leaves it whole (POP-7)", () => {
    const fields = consultPopoverVariables(requester, supportVariables, supportValues, on);
    expect(fields[1]).toMatchObject({ key: "agentDn", value: "+48 22 100 2001" });
    expect(fields.find((f) => f.source === "variable" && f.name === "callerNumber")).toMatchObject({
      value: "•••••••4567",
    });
  });
});

describe("callback popover", () => {
  const offer = {
    customerNumber: "+48 601 234 567",
    dnis: "+48 22 500 6000",
    queueName: "Billing",
    offeredAt: 1_000,
  };

  it("POP-8 shows the label Callback, the customer number, DNIS, queue and the offer time for its timer", () => {
    const popover = callbackPopoverFields(offer, [], {}, off);
    expect(popover).toEqual({
      title: "callback",
      fields: [
        { source: "system", key: "customerNumber", value: "+48 601 234 567", masked: null },
        { source: "system", key: "dnis", value: "+48 22 500 6000", masked: null },
        { source: "system", key: "queue", value: "Billing", masked: null },
      ],
      offeredAt: 1_000,
    });
  });

  it("POP-7 POP-8 with protection on, the callback's customer number shows its last four digits", () =>
    expect(callbackPopoverFields(offer, [], {}, on).fields[0]).toEqual({
      source: "system",
      key: "customerNumber",
      value: "•••••••4567",
      masked: "lastFour",
    }));

  it("CB-7 the callback reason is a CAD variable not shown in the popover unless configured", () => {
    const variableNames = (defs: FlowVariableDef[]) =>
      names(
        callbackPopoverFields(offer, defs, supportValues, off).fields.filter((f) => f.source === "variable"),
      );
    expect(variableNames(supportVariables)).not.toContain("callbackReason");
    const configured = supportVariables.map((d) =>
      d.name === "callbackReason" ? { ...d, shownInPopover: true } : d,
    );
    expect(variableNames(configured)).toContain("callbackReason");
    expect(
      callbackPopoverFields(offer, configured, supportValues, off).fields.find(
        (f) => f.source === "variable" && f.name === "callbackReason",
      ),
    ).toMatchObject({ label: "Callback reason", value: "Billing question" });
  });
});
