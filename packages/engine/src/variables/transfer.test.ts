import { describe, expect, it } from "vitest";
import { decideVariableEdits, setFlowVariables } from "./edit.ts";
import { def, flow, saved } from "./testFlows.ts";
import { copyGlobalsOnTransfer } from "./transfer.ts";
import { applyVariableChanges } from "./values.ts";

const flow1 = flow("flow1", [
  def("customerID", "INTEGER", 1, { global: true }),
  def("var1", "INTEGER", 2, { global: true }),
  def("caseNumber", "STRING", 3, { global: true, agentEditable: true }),
  def("localNote", "STRING", 4),
  def("onlyInFlow1", "STRING", 5, { global: true }),
]);
const flow2 = flow("flow2", [
  def("customerID", "INTEGER", 1, { global: true }),
  def("var1", "STRING", 2, { global: true }),
  def("caseNumber", "STRING", 3, { global: true, agentEditable: true, defaultValue: "NEW" }),
  def("localNote", "STRING", 4, { global: true }),
  def("greeting", "STRING", 5, { defaultValue: "Dzień dobry" }),
]);
const values1 = saved({
  customerID: ["884120", 4],
  var1: ["7", 2],
  caseNumber: ["CS-1042", 3],
  localNote: ["called twice", 2],
  onlyInFlow1: ["x", 1],
});

describe("transfer to an entry point's flow", () => {
  it("XFR-5 global variables whose name and type both match are copied", () =>
    expect(copyGlobalsOnTransfer(flow1, flow2, values1)).toEqual({
      customerID: { name: "customerID", value: "884120", version: 1 },
      // Integer in flow1, String in flow2: not carried, the new flow's default (none) applies.
      var1: { name: "var1", value: null, version: 1 },
      caseNumber: { name: "caseNumber", value: "CS-1042", version: 1 },
      // Not global in flow1: not carried even though flow2's is.
      localNote: { name: "localNote", value: null, version: 1 },
      greeting: { name: "greeting", value: "Dzień dobry", version: 1 },
    }));

  it("XFR-5 a matching global carries even an empty value, over the new flow's default", () =>
    expect(copyGlobalsOnTransfer(flow1, flow2, saved({ caseNumber: [null, 2] })).caseNumber).toEqual({
      name: "caseNumber",
      value: null,
      version: 1,
    }));

  it("XFR-5 versions restart at 1, so edits against the old flow's versions conflict", () => {
    const values2 = copyGlobalsOnTransfer(flow1, flow2, values1);
    const r = decideVariableEdits(
      flow2.variables,
      values2,
      [{ name: "caseNumber", value: "CS-9", baseVersion: 3 }],
      {
        role: "owner",
      },
    );
    expect(r).toMatchObject({
      ok: true,
      applied: [],
      conflicts: [{ name: "caseNumber", currentVersion: 1 }],
    });
  });

  it("XFR-5 the new flow may then change a copied value", () => {
    const values2 = copyGlobalsOnTransfer(flow1, flow2, values1);
    const set = setFlowVariables(flow2.variables, values2, [{ name: "customerID", value: "990001" }]);
    expect(set).toEqual({ ok: true, applied: [{ name: "customerID", value: "990001", version: 2 }] });
    expect(applyVariableChanges(values2, set.ok ? set.applied : []).customerID?.value).toBe("990001");
  });
});
