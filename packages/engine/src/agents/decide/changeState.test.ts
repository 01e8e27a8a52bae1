import { describe, expect, it } from "vitest";
import { given, Scenario } from "../../../test/scenario.ts";
import { SYSTEM_REASON } from "../../config/systemCodes.ts";
import { stateHistory } from "../../reports/stateHistory.ts";

const change = (to: Record<string, unknown>, agentId = "a1") =>
  ({ type: "ChangeAgentState", agentId, to, by: { kind: "agent", id: agentId } }) as never;
const loggedIn = (s: Scenario) => s.login("a1");
const inRona = (s: Scenario) => {
  s.available("a1");
  s.receive("c1");
  s.advance(18);
};

describe("agent state", () => {
  it("AGT-2 an agent is Available, Idle with a reason, RONA or logged out", () => {
    const s = new Scenario();
    expect(s.presence("a1").type).toBe("logged_out");
    s.login("a1");
    expect(s.presence("a1")).toMatchObject({ type: "idle", codeId: "not-ready" });
    s.available("a1");
    expect(s.presence("a1").type).toBe("available");
    s.receive("c1");
    s.advance(18);
    expect(s.presence("a1").type).toBe("rona");
  });

  it("AGT-2 Engaged is derived from accepted interactions, not chosen", () => {
    const s = new Scenario();
    s.login("a1");
    s.available("a1");
    s.receive("c1");
    expect(s.state.agents.get("a1" as never)?.tasks).toEqual([]);
    s.accept("c1", "a1");
    expect(s.state.agents.get("a1" as never)?.tasks).toEqual(["c1"]);
    expect(s.presence("a1").type).toBe("available");
    s.rejects(change({ type: "engaged" }), "STATE_NOT_SELECTABLE" as never);
  });

  it("AGT-3 the agent picks any idle reason of the profile, also while engaged", () =>
    given(loggedIn, (s) => {
      s.available("a1");
      s.receive("c1");
      s.accept("c1", "a1");
    })
      .when(change({ type: "idle", codeId: "lunch" }))
      .thenCheck((s) => {
        expect(s.presence("a1")).toMatchObject({ type: "idle", codeId: "lunch" });
        expect(s.task("c1")?.status).toBe("assigned");
      }));

  it("AGT-3 an idle reason that is not an idle code of the profile is refused", () => {
    const s = new Scenario();
    s.login("a1");
    s.rejects(change({ type: "idle", codeId: "resolved" }), "UNKNOWN_IDLE_CODE");
    s.rejects(change({ type: "idle", codeId: "nope" }), "UNKNOWN_IDLE_CODE");
    s.rejects(change({ type: "idle", codeId: "coffee" }), "IDLE_CODE_NOT_ALLOWED");
  });

  it("AGT-3 idle without a reason takes the default idle reason", () =>
    given(loggedIn, (s) => s.available("a1"))
      .when(change({ type: "idle" }))
      .thenCheck((s) => expect(s.presence("a1")).toMatchObject({ type: "idle", codeId: "not-ready" })));

  it("AGT-5 RONA cannot be chosen by the agent", () =>
    given(loggedIn)
      .when(change({ type: "rona" }))
      .thenRejects("STATE_NOT_SELECTABLE"));

  it("AGT-5 from RONA the agent leaves by Go Available", () =>
    given(loggedIn, inRona)
      .when(change({ type: "available" }))
      .thenCheck((s) => expect(s.presence("a1").type).toBe("available")));

  it("AGT-5 from RONA Go Idle takes the default idle reason", () =>
    given(loggedIn, inRona)
      .when(change({ type: "idle" }))
      .thenCheck((s) => expect(s.presence("a1")).toMatchObject({ type: "idle", codeId: "not-ready" })));

  it("choosing the state one is in changes nothing", () =>
    given(loggedIn, (s) => s.idle("a1", "lunch"))
      .when(change({ type: "idle", codeId: "lunch" }))
      .thenEmits());

  it("a state change of a logged-out agent is refused", () =>
    given()
      .when(change({ type: "available" }))
      .thenRejects("NOT_LOGGED_IN"));

  it("AGT-11 each state change is recorded with time, previous state, reason and actor", () => {
    const s = new Scenario();
    s.login("a1");
    s.advance(10);
    s.available("a1");
    s.receive("c1");
    s.advance(18);
    s.ok({
      type: "ChangeAgentState",
      agentId: "a1",
      to: { type: "idle", codeId: "meeting" },
      by: { kind: "supervisor", id: "sup1" },
    });
    s.ok({ type: "LogoutAgent", agentId: "a1", by: { kind: "agent", id: "a1" } });
    const t = (sec: number) => s.now - (28 - sec) * 1000;
    expect(stateHistory(s.log)).toEqual([
      {
        agentId: "a1",
        at: t(0),
        from: { type: "logged_out" },
        to: { type: "idle", codeId: "not-ready" },
        reason: "not-ready",
        actor: { kind: "agent", id: "a1" },
      },
      {
        agentId: "a1",
        at: t(10),
        from: { type: "idle", codeId: "not-ready" },
        to: { type: "available" },
        reason: null,
        actor: { kind: "agent", id: "a1" },
      },
      {
        agentId: "a1",
        at: t(28),
        from: { type: "available" },
        to: { type: "rona" },
        reason: SYSTEM_REASON.RING_NO_ANSWER,
        actor: { kind: "system" },
      },
      {
        agentId: "a1",
        at: t(28),
        from: { type: "rona" },
        to: { type: "idle", codeId: "meeting" },
        reason: SYSTEM_REASON.SUPERVISOR_CHANGE,
        actor: { kind: "supervisor", id: "sup1" },
      },
      {
        agentId: "a1",
        at: t(28),
        from: { type: "idle", codeId: "meeting" },
        to: { type: "logged_out" },
        reason: null,
        actor: { kind: "agent", id: "a1" },
      },
    ]);
  });
});
