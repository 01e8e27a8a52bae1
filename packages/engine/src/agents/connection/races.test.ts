import { describe, expect, it } from "vitest";
import { given, type Scenario } from "../../../test/scenario.ts";
import { snapshot } from "../../tenant/snapshot.ts";
import {
  available,
  connectionOf,
  desktopClosed,
  deviceLost,
  generationOf,
  heartbeatsMissed,
  loadOn,
  loggedIn,
  reconnected,
} from "./testSteps.ts";

const ownLogout = { type: "LogoutAgent", agentId: "a1", by: { kind: "agent", id: "a1" } } as const;
const supervisorLogout = {
  type: "LogoutAgent",
  agentId: "a1",
  by: { kind: "supervisor", id: "sup1" },
} as const;

/** The agent's first login (generation 1) is gone and a second one (generation 2) is Available. */
const loggedInAgain = (s: Scenario) => {
  s.ok(ownLogout);
  s.login("a1");
  s.available("a1");
  expect(generationOf(s)).toBe(2);
};

describe("connection races", () => {
  it("CON-5 logging out an agent who is already logged out is a no-op", () =>
    given().when(ownLogout).thenEmits());

  it("CON-5 the desktop closing after its agent logged out changes nothing", () =>
    given(loadOn, loggedIn, (s) => s.ok(ownLogout))
      .when({ type: "DesktopClosed", agentId: "a1", generation: 1 })
      .thenCheck((s, events) => {
        expect(events).toEqual([]);
        expect(s.engine.dueTimers()).toEqual([]);
      }));

  it("CON-5 a fact about an older login changes nothing", () => {
    const g = given(loadOn, loggedIn, loggedInAgain);
    const before = JSON.stringify(snapshot(g.scenario.state));
    g.when({ type: "DesktopClosed", agentId: "a1", generation: 1 }).thenCheck((s, events) => {
      expect(events).toEqual([]);
      expect(JSON.stringify(snapshot(s.state))).toBe(before);
    });
  });

  it("CON-5 a late heartbeat detection about the crashed login never touches the newer login", () =>
    given(
      loadOn,
      loggedIn,
      deviceLost(),
      (s) => s.advance(30),
      (s) => s.login("a1"),
      available,
    )
      .when((s) => {
        heartbeatsMissed("a1", 1)(s);
        reconnected("a1", 1)(s);
        deviceLost("a1", 1)(s);
        s.advance(600);
      })
      .thenCheck((s, events) => {
        expect(events).toEqual([]);
        expect(s.presence("a1").type).toBe("available");
        expect(connectionOf(s)).toMatchObject({ generation: 2, status: "connected" });
      }));

  it("CON-5 a grace that ran for an older login never fires on the newer one", () =>
    given(
      loadOn,
      loggedIn,
      desktopClosed(),
      (s) => s.advance(20),
      (s) => s.ok(supervisorLogout),
    )
      .when((s) => {
        s.login("a1");
        s.available("a1");
        s.advance(600);
      })
      .thenCheck((s, events) => {
        expect(events.map((e) => e.type)).toEqual(["agent.logged_in", "agent.state.changed"]);
        expect(s.presence("a1").type).toBe("available");
        expect(s.engine.dueTimers()).toEqual([]);
      }));

  it("CON-5 a login the tenant never gave out is refused", () =>
    given(loggedIn)
      .when({ type: "HeartbeatsMissed", agentId: "a1", generation: 7 })
      .thenRejects("UNKNOWN_LOGIN"));
});
