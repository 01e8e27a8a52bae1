import { describe, expect, it } from "vitest";
import { call } from "../../../test/calls.ts";
import { given, type Scenario } from "../../../test/scenario.ts";
import { taskVariables } from "../../views/taskVariables.ts";

const arrived = (s: Scenario) => {
  s.login("a1");
  s.available("a1");
  s.ok({
    type: "ReceiveTask",
    taskId: "c1",
    entryPointId: "ep-voice",
    variables: { customerId: "4711", cardNumber: "4111111111111111", language: "sv" },
  });
  s.accept("c1", "a1");
};
const save = (agentId: string, edits: { name: string; value: string | null; baseVersion: number }[]) =>
  ({ type: "EditVariables", taskId: "c1", agentId, edits }) as const;
const values = (s: Scenario, agentId = "a1", canSeeSecure = false, revealSecure = false) =>
  Object.fromEntries(
    taskVariables(s.state, "c1" as never, { agentId: agentId as never, canSeeSecure, revealSecure }).map(
      (v) => [v.name, `${v.value}@${v.version}${v.editable ? "" : " ro"}`],
    ),
  );

describe("call-associated data on a call", () => {
  it("CALL-6 a contact carries its flow's variables; editable ones are saved during the call", () =>
    given(arrived)
      .when(save("a1", [{ name: "caseNumber", value: "CS-1001", baseVersion: 1 }]))
      .thenCheck((s) =>
        expect(values(s)).toEqual({
          customerId: "4711@1",
          caseNumber: "CS-1001@2",
          callbackAt: "null@1",
          cardNumber: "******@1 ro",
          language: "sv@1 ro",
          callbackReason: "null@1",
        }),
      ));

  it("CALL-6 a value over 256 characters, a bad date-time, or a read-only variable is refused whole", () => {
    const s = given(arrived).scenario;
    s.rejects(
      save("a1", [{ name: "caseNumber", value: "x".repeat(257), baseVersion: 1 }]),
      "VARIABLE_VALUE_INVALID",
    );
    s.rejects(
      save("a1", [{ name: "callbackAt", value: "tomorrow", baseVersion: 1 }]),
      "VARIABLE_VALUE_INVALID",
    );
    s.rejects(save("a1", [{ name: "language", value: "en", baseVersion: 1 }]), "VARIABLE_NOT_EDITABLE");
    s.ok(save("a1", [{ name: "callbackAt", value: "2026-11-21T10:15:00+01:00", baseVersion: 1 }]));
  });

  it("CALL-7 secure values are masked in the read model until someone allowed fetches them again", () => {
    const s = given(arrived).scenario;
    expect(values(s).cardNumber).toBe("******@1 ro");
    expect(values(s, "a1", false, true).cardNumber).toBe("******@1 ro");
    expect(values(s, "a1", true, true).cardNumber).toBe("4111111111111111@1");
  });

  it("CALL-8 two agents editing the same variable: the first save wins and the second agent is told", () => {
    const s = given(arrived, call.idle("a2"), call.conferenceWith("a2")).scenario;
    s.ok(save("a2", [{ name: "caseNumber", value: "CS-2", baseVersion: 1 }]));
    const [late] = s.ok(
      save("a1", [
        { name: "caseNumber", value: "CS-1", baseVersion: 1 },
        { name: "customerId", value: "4712", baseVersion: 1 },
      ]),
    );
    expect(late).toMatchObject({
      type: "task.variables_changed",
      values: [{ name: "customerId", value: "4712", version: 2 }],
      conflicts: [{ name: "caseNumber", yourValue: "CS-1", currentValue: "CS-2", currentVersion: 2 }],
    });
    expect(values(s).caseNumber).toBe("CS-2@2");
  });

  it("CALL-9 a consulted agent sees the variables but cannot edit them", () => {
    const s = given(arrived, call.idle("a2"), call.consulting("a2")).scenario;
    expect(values(s, "a2").caseNumber).toBe("null@1 ro");
    s.rejects(
      save("a2", [{ name: "caseNumber", value: "CS-9", baseVersion: 1 }]),
      "CONSULTED_AGENT_CANNOT_EDIT",
    );
  });

  it("XFR-5 a transfer to another flow's entry point copies the globals whose name and type both match", () =>
    given(arrived, (s) => s.ok(save("a1", [{ name: "caseNumber", value: "CS-7", baseVersion: 1 }])))
      .when({
        type: "TransferCall",
        taskId: "c1",
        agentId: "a1",
        target: { kind: "entry_point", entryPointId: "ep-sales" },
      })
      .thenCheck((s) =>
        expect(s.task("c1")?.variables).toEqual({
          customerId: { name: "customerId", value: "4711", version: 1 },
          caseNumber: { name: "caseNumber", value: null, version: 1 },
          offer: { name: "offer", value: null, version: 1 },
        }),
      ));

  it("a contact's IVR values must be the flow's own and valid", () => {
    const s = given((s) => s.login("a1")).scenario;
    s.rejects(
      { type: "ReceiveTask", taskId: "c1", entryPointId: "ep-voice", variables: { nope: "1" } },
      "UNKNOWN_VARIABLE",
    );
    s.rejects(
      { type: "ReceiveTask", taskId: "c1", entryPointId: "ep-voice", variables: { customerId: "abc" } },
      "VARIABLE_VALUE_INVALID",
    );
  });
});
