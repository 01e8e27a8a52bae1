import { describe, expect, it } from "vitest";
import { decideVariableEdits, setFlowVariables, type VariableEditOutcome } from "./edit.ts";
import type { VariableRejection } from "./errors.ts";
import { SECURE_MASK } from "./mask.ts";
import { def, saved, support, supportValues, supportVariables } from "./testFlows.ts";
import { applyVariableChanges, startFlowVariables } from "./values.ts";

const owner = { role: "owner" } as const;

const accepted = (r: VariableEditOutcome | VariableRejection): VariableEditOutcome => {
  if (!r.ok) throw new Error(`expected acceptance, got ${r.code}`);
  return r;
};
const codeOf = (r: VariableEditOutcome | VariableRejection) => (r.ok ? "accepted" : r.code);

describe("decideVariableEdits", () => {
  it("CALL-6 editable variables change during the call: normalised, one version up", () =>
    expect(
      accepted(
        decideVariableEdits(
          supportVariables,
          supportValues,
          [
            { name: "caseNumber", value: "CS-2077", baseVersion: 1 },
            { name: "appointment", value: "2026-11-21T10:15:00.000+01:00", baseVersion: 1 },
            { name: "amount", value: null, baseVersion: 1 },
          ],
          owner,
        ),
      ),
    ).toEqual({
      ok: true,
      applied: [
        { name: "caseNumber", value: "CS-2077", version: 2 },
        { name: "appointment", value: "2026-11-21T10:15:00+01:00", version: 2 },
        { name: "amount", value: null, version: 2 },
      ],
      conflicts: [],
    }));

  it("CALL-6 a variable the administrator did not make editable is refused", () => {
    const r = decideVariableEdits(
      supportVariables,
      supportValues,
      [{ name: "customerId", value: "1", baseVersion: 1 }],
      owner,
    );
    expect(r).toMatchObject({ ok: false, code: "VARIABLE_NOT_EDITABLE", details: { name: "customerId" } });
  });

  it("CALL-6 an unknown variable, or one variable twice in a save, is refused", () => {
    expect(
      codeOf(
        decideVariableEdits(
          supportVariables,
          supportValues,
          [{ name: "x", value: "1", baseVersion: 1 }],
          owner,
        ),
      ),
    ).toBe("UNKNOWN_VARIABLE");
    // Names are own keys: nothing inherited from Object.prototype is a variable.
    expect(
      codeOf(
        decideVariableEdits(
          supportVariables,
          supportValues,
          [{ name: "toString", value: "1", baseVersion: 1 }],
          owner,
        ),
      ),
    ).toBe("UNKNOWN_VARIABLE");
    const twice = { name: "caseNumber", value: "A", baseVersion: 1 };
    expect(codeOf(decideVariableEdits(supportVariables, supportValues, [twice, twice], owner))).toBe(
      "VARIABLE_EDITED_TWICE",
    );
  });

  it("CALL-6 one invalid value refuses the whole save and lists every invalid field", () => {
    const r = decideVariableEdits(
      supportVariables,
      supportValues,
      [
        { name: "caseNumber", value: "CS-2077", baseVersion: 1 },
        { name: "appointment", value: "2026-11-21", baseVersion: 1 },
        { name: "vip", value: "maybe", baseVersion: 1 },
        { name: "amount", value: "1".repeat(300), baseVersion: 1 },
      ],
      owner,
    );
    expect(r).toMatchObject({
      ok: false,
      code: "VARIABLE_VALUE_INVALID",
      details: {
        name: "appointment",
        reason: "DATE_WITHOUT_TIME",
        fields: [
          { name: "appointment", reason: "DATE_WITHOUT_TIME" },
          { name: "vip", reason: "NOT_A_BOOLEAN" },
          { name: "amount", reason: "TOO_LONG" },
        ],
      },
    });
  });

  it("CALL-8 two agents editing the same variable: the first save wins and the second is told", () => {
    // Both agents opened the panel at version 1.
    const first = accepted(
      decideVariableEdits(
        supportVariables,
        supportValues,
        [{ name: "caseNumber", value: "CS-A", baseVersion: 1 }],
        {
          role: "owner",
        },
      ),
    );
    const afterFirst = applyVariableChanges(supportValues, first.applied);
    expect(afterFirst.caseNumber).toEqual({ name: "caseNumber", value: "CS-A", version: 2 });

    // The second agent's save is decided per field: the contested one is a conflict carrying the
    // winning value, the untouched one is applied.
    const second = accepted(
      decideVariableEdits(
        supportVariables,
        afterFirst,
        [
          { name: "caseNumber", value: "CS-B", baseVersion: 1 },
          { name: "vip", value: "false", baseVersion: 1 },
        ],
        { role: "conferee" },
      ),
    );
    expect(second).toEqual({
      ok: true,
      applied: [{ name: "vip", value: "false", version: 2 }],
      conflicts: [{ name: "caseNumber", yourValue: "CS-B", currentValue: "CS-A", currentVersion: 2 }],
    });
    expect(applyVariableChanges(afterFirst, second.applied).caseNumber?.value).toBe("CS-A");
  });

  it("CALL-8 a version the task never had is a conflict too, so the desktop resyncs", () =>
    expect(
      accepted(
        decideVariableEdits(
          supportVariables,
          supportValues,
          [{ name: "vip", value: "false", baseVersion: 7 }],
          owner,
        ),
      ).conflicts,
    ).toEqual([{ name: "vip", yourValue: "false", currentValue: "true", currentVersion: 1 }]));

  it("CALL-8 a conflict on a secure variable does not reveal the saved value", () => {
    const values = saved({ cardPin: ["9876", 3] });
    expect(
      accepted(
        decideVariableEdits(
          supportVariables,
          values,
          [{ name: "cardPin", value: "1111", baseVersion: 2 }],
          owner,
        ),
      ).conflicts,
    ).toEqual([{ name: "cardPin", yourValue: "1111", currentValue: SECURE_MASK, currentVersion: 3 }]);
  });

  it("CALL-8 saving a field unchanged bumps no version, so it cannot knock another agent's edit into conflict", () => {
    const r = accepted(
      decideVariableEdits(
        supportVariables,
        supportValues,
        [
          { name: "caseNumber", value: "CS-1042", baseVersion: 1 },
          { name: "amount", value: "120.50", baseVersion: 1 }, // same number, normal form "120.5"
        ],
        owner,
      ),
    );
    expect(r).toEqual({ ok: true, applied: [], conflicts: [] });
  });

  it("CALL-8 a variable the task has no saved value for starts from version 0", () =>
    expect(
      accepted(
        decideVariableEdits(supportVariables, {}, [{ name: "vip", value: "true", baseVersion: 0 }], owner),
      ).applied,
    ).toEqual([{ name: "vip", value: "true", version: 1 }]));

  it("CALL-9 a consulted agent cannot edit variables; owner, conferee and supervisor can", () => {
    const edit = [{ name: "caseNumber", value: "CS-9", baseVersion: 1 }];
    expect(codeOf(decideVariableEdits(supportVariables, supportValues, edit, { role: "consulted" }))).toBe(
      "CONSULTED_AGENT_CANNOT_EDIT",
    );
    for (const role of ["owner", "conferee", "supervisor"] as const)
      expect(codeOf(decideVariableEdits(supportVariables, supportValues, edit, { role }))).toBe("accepted");
  });
});

describe("flow-set values and the start of a flow", () => {
  it("XFR-5 the flow may change any variable, editable or not, and wins over older agent edits", () => {
    const set = setFlowVariables(supportVariables, supportValues, [
      { name: "customerId", value: "0042" },
      { name: "customerId", value: "43" },
      { name: "vip", value: "true" },
    ]);
    expect(set).toEqual({ ok: true, applied: [{ name: "customerId", value: "43", version: 2 }] });
    expect(
      codeOf(
        decideVariableEdits(
          supportVariables,
          applyVariableChanges(supportValues, set.ok ? set.applied : []),
          [{ name: "vip", value: "false", baseVersion: 1 }],
          owner,
        ),
      ),
    ).toBe("accepted");
    expect(setFlowVariables(supportVariables, supportValues, [{ name: "nope", value: "1" }])).toMatchObject({
      ok: false,
      code: "UNKNOWN_VARIABLE",
    });
  });

  it("CALL-6 a flow starts every variable at version 1: given value, else default, else null", () => {
    const variables = [
      ...supportVariables.slice(0, 2),
      def("amount", "DECIMAL", 4, { defaultValue: "0.00" }),
    ];
    expect(startFlowVariables({ ...support, variables }, { caseNumber: "CS-1" })).toEqual({
      ok: true,
      values: {
        vip: { name: "vip", value: null, version: 1 },
        caseNumber: { name: "caseNumber", value: "CS-1", version: 1 },
        amount: { name: "amount", value: "0", version: 1 },
      },
    });
    expect(startFlowVariables(support, { nope: "1" })).toMatchObject({ ok: false, code: "UNKNOWN_VARIABLE" });
    expect(startFlowVariables(support, { vip: "maybe" })).toMatchObject({
      ok: false,
      code: "VARIABLE_VALUE_INVALID",
    });
  });
});
