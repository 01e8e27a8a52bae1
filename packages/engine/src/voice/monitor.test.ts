import { describe, expect, it } from "vitest";
import { call } from "../../test/calls.ts";
import { given, type Scenario } from "../../test/scenario.ts";

const monitor = (action: "start" | "pause" | "resume" | "stop", extra: Record<string, string> = {}) =>
  ({ type: "MonitorCall", taskId: "c1", supervisorId: "sup1", action, ...extra }) as never;
const monitors = (s: Scenario) =>
  s.task("c1")?.call?.monitors.map((m) => `${m.supervisorId}>${m.agentId}:${m.status}`);

describe("supervisor monitoring", () => {
  it("SUP-2 a supervisor monitors a call: Monitoring, Monitoring paused, and back", () => {
    const s = given(call.answered()).scenario;
    s.ok(monitor("start"));
    expect(monitors(s)).toEqual(["sup1>a1:monitoring"]);
    s.ok(monitor("pause"));
    expect(monitors(s)).toEqual(["sup1>a1:paused"]);
    s.ok(monitor("resume"));
    expect(monitors(s)).toEqual(["sup1>a1:monitoring"]);
    s.ok(monitor("stop"));
    expect(monitors(s)).toEqual([]);
  });

  it("CNF-8 supervisors cannot start monitoring a call in wrap-up", () =>
    given(call.answered(), (s) => s.ok(call.end()))
      .when(monitor("start"))
      .thenRejects("MONITORING_NOT_ALLOWED"));

  it("CNF-8 a monitoring already started continues into wrap-up", () =>
    given(call.answered(), (s) => s.ok(monitor("start")))
      .when(call.end())
      .thenCheck((s) => expect(monitors(s)).toEqual(["sup1>a1:monitoring"])));

  it("CNF-8 a supervisor monitoring an agent who leaves is removed", () =>
    given(call.answered(), call.idle("a2"), call.consulting("a2"), (s) => s.ok(monitor("start")))
      .when(call.transfer())
      .thenCheck((s) => expect(monitors(s)).toEqual([])));

  it("CNF-8 monitoring continues while the monitored agent stays on the call", () =>
    given(call.answered(), call.idle("a2"), call.conferenceWith("a2"), (s) => s.ok(monitor("start")))
      .when(call.leave("a2"))
      .thenCheck((s) => expect(monitors(s)).toEqual(["sup1>a1:monitoring"])));

  it("only supervisors of the agent's team monitor, and not twice", () => {
    const s = given(call.answered(), (s) => {
      s.login("a5", "sales");
      s.available("a5");
      s.receive("c5", "ep-sales");
      s.accept("c5", "a5");
    }).scenario;
    s.rejects({ type: "MonitorCall", taskId: "c1", supervisorId: "a2", action: "start" }, "NOT_A_SUPERVISOR");
    s.rejects(
      { type: "MonitorCall", taskId: "c5", supervisorId: "sup1", action: "start" },
      "NOT_SUPERVISOR_OF_TEAM",
    );
    s.ok(monitor("start"));
    s.rejects(monitor("start"), "MONITORING_NOT_ALLOWED");
    s.rejects(monitor("resume"), "NOT_MONITORING");
  });
});
