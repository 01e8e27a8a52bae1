import { describe, expect, it } from "vitest";
import { call, leg, view } from "../../test/calls.ts";
import { tenant } from "../../test/fixtures.ts";
import { given, type Scenario } from "../../test/scenario.ts";
import { callView } from "./callView.ts";
import { searchDirectory } from "./directory.ts";

const consultTo = (target: Record<string, string>) =>
  ({ type: "StartConsult", taskId: "c1", agentId: "a1", target }) as never;
const sales = (s: Scenario) => {
  s.login("a5", "sales");
  s.available("a5");
};

describe("consult to queues, entry points and the directory", () => {
  it("CNS-1 a consult to a queue rings its longest-available agent", () =>
    given(call.answered(), sales)
      .when(consultTo({ kind: "queue", queueId: "q-sales" }))
      .thenCheck((s) => {
        expect(leg(s, "agent:a5")).toBe("alerting");
        expect(s.task("c1")?.call?.consult).toMatchObject({ target: { kind: "queue" }, consulted: "a5" });
      }));

  it("CNS-1 with nobody free in the queue the consult is refused", () =>
    given(call.answered())
      .when(consultTo({ kind: "queue", queueId: "q-sales" }))
      .thenRejects("CONSULT_TARGET_UNAVAILABLE"));

  it("CNS-5 a queue consult that is not answered fails and its agent goes Idle", () =>
    given(call.answered(), sales, (s) => s.ok(consultTo({ kind: "entry_point", entryPointId: "ep-sales" })))
      .when((s) => s.advance(18))
      .thenCheck((s) => {
        expect(s.presence("a5")).toMatchObject({ type: "idle" });
        expect(s.task("c1")?.call?.consult).toBeNull();
      }));

  it("CNS-11 a consult to an entry point routed to a capacity-based team fails with Unsupported destination", () =>
    given(call.answered())
      .when(consultTo({ kind: "entry_point", entryPointId: "ep-overflow" }))
      .thenRejects("CONSULT_UNSUPPORTED_DESTINATION"));

  it("CNS-11 CNS-12 dialling an EP-DN reaches the entry point, with its rules", () =>
    given(call.answered())
      .when(consultTo({ kind: "dial_number", number: "+46 8 555 000 99" }))
      .thenRejects("CONSULT_UNSUPPORTED_DESTINATION"));

  it("CNS-12 an EP-DN consult uses the entry point's number and reaches its agents", () =>
    given(call.answered(), sales)
      .when(consultTo({ kind: "dial_number", number: "+46855500010" }))
      .thenCheck((s) =>
        expect(s.task("c1")?.call?.consult).toMatchObject({
          target: { kind: "entry_point", entryPointId: "ep-sales" },
          consulted: "a5",
        }),
      ));

  it("CNS-12 a number that matches no EP-DN is dialled as a plain dial number", () =>
    given(call.answered())
      .when(consultTo({ kind: "dial_number", number: "+46 8 555 000 11" }))
      .thenCheck((s) => expect(leg(s, "number:+46855500011")).toBe("alerting")));

  it("CNS-13 the organization directory is searched by name, role, department or full number; only experts with a work phone are listed", () => {
    const experts = tenant().directory ?? [];
    const names = (q: string) => searchDirectory(experts, q).map((e) => e.name);
    expect(names("ingrid")).toEqual(["Ingrid Berg"]);
    expect(names("ake")).toEqual(["Åke Ström"]);
    expect(names("tariff")).toEqual(["Ingrid Berg"]);
    expect(names("billing")).toEqual(["Ingrid Berg"]);
    expect(names("+46 8 555 056 78")).toEqual(["Åke Ström"]);
    expect(names("555 056")).toEqual([]);
    expect(names("ola")).toEqual([]);
  });

  it("CNS-13 consulting an expert dials their work phone", () =>
    given(call.answered())
      .when(consultTo({ kind: "directory", expertId: "x1" }))
      .thenCheck((s) => expect(leg(s, "number:+46855501234")).toBe("alerting")));

  it("CALL-10 background noise removal is a tenant entitlement; the agent has no control to switch it off", () => {
    const s = given(call.answered()).scenario;
    const task = s.task("c1");
    if (!task) throw new Error("no call");
    const on = callView(task, "a1" as never, { noiseRemoval: true });
    expect(on?.noiseRemoval).toBe(true);
    expect(on?.actions.some((a) => a.includes("noise"))).toBe(false);
    expect(view(s, "a1")?.noiseRemoval).toBe(false);
  });
});
