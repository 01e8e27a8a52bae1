import { describe, expect, it } from "vitest";
import { call } from "../../test/calls.ts";
import { given, type Scenario } from "../../test/scenario.ts";
import { callTargets } from "./callTargets.ts";

const team = (s: Scenario) => {
  call.answered("a1")(s);
  s.login("a4");
  s.available("a4");
  s.receive("c4");
  s.accept("c4", "a4");
  s.ok({ type: "EndTask", taskId: "c4", agentId: "a4" }); // a4 in wrap-up
  s.login("a6");
  s.available("a6");
  s.receive("c6");
  s.advance(18); // a6 misses c6 → RONA
  s.ok({ type: "CustomerLeft", taskId: "c6" });
  s.login("a2"); // Idle
  s.login("a3");
  s.available("a3");
};
const names = (list: readonly { agentId: string; state: string }[]) =>
  list.map((a) => `${a.agentId}:${a.state}`);

describe("consult and transfer targets", () => {
  it("CNS-2 consult lists Available and Idle agents with their state, searchable", () =>
    given(team)
      .when((s) => s)
      .thenCheck((s) => {
        const targets = callTargets(s.state, "consult", { agentId: "a1" as never, taskId: "c1" as never });
        expect(names(targets.agents)).toEqual(["a2:idle", "a3:available"]);
        expect(
          names(callTargets(s.state, "consult", { agentId: "a1" as never, search: "a3" }).agents),
        ).toEqual(["a3:available"]);
        expect(targets.queues.map((q) => q.id)).toContain("q-sales");
        expect(targets.entryPoints.map((e) => e.id)).toContain("ep-sales");
      }));

  it("XFR-2 transfer lists Available agents only: not Idle, not RONA, not in wrap-up", () =>
    given(team)
      .when((s) => s)
      .thenCheck((s) =>
        expect(
          names(callTargets(s.state, "transfer", { agentId: "a1" as never, taskId: "c1" as never }).agents),
        ).toEqual(["a3:available"]),
      ));

  it("DIAL-4 the dial-number field offers the enterprise address book, filtered as the agent types", () =>
    given(team)
      .when((s) => s)
      .thenCheck((s) => {
        const book = (search: string) =>
          callTargets(s.state, "consult", { agentId: "a1" as never, search }).addressBook.map((e) => e.name);
        expect(book("")).toEqual(["Legal desk", "Security desk"]);
        expect(book("sec")).toEqual(["Security desk"]);
        expect(book("070")).toEqual(["Legal desk"]);
      }));

  it("CNS-13 a consult lists the directory's experts with a work phone, searched like the directory; a transfer never does", () =>
    given(team)
      .when((s) => s)
      .thenCheck((s) => {
        const experts = (search: string) =>
          callTargets(s.state, "consult", { agentId: "a1" as never, search }).directory?.map((e) => e.id);
        expect(callTargets(s.state, "consult", { agentId: "a1" as never }).directory).toEqual([
          {
            id: "x1",
            name: "Ingrid Berg",
            role: "Tariff expert",
            department: "Billing",
            workPhone: "+46 8 555 012 34",
            presence: "available",
          },
          {
            id: "x2",
            name: "Åke Ström",
            role: "Network engineer",
            department: "Operations",
            workPhone: "+46 8 555 056 78",
          },
        ]);
        expect(experts("billing")).toEqual(["x1"]); // x3 is in Billing too, but has no work phone
        expect(experts("+46 8 555 056 78")).toEqual(["x2"]);
        expect(callTargets(s.state, "transfer", { agentId: "a1" as never }).directory).toBeUndefined();
      }));
});
