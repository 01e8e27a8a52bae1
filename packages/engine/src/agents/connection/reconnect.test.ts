import { describe, expect, it } from "vitest";
import { given } from "../../../test/scenario.ts";
import { SYSTEM_REASON } from "../../config/systemCodes.ts";
import { snapshot } from "../../tenant/snapshot.ts";
import {
  available,
  connectionOf,
  desktopClosed,
  loadOn,
  loggedIn,
  onCall,
  reconnected,
} from "./testSteps.ts";

describe("desktop reconnects", () => {
  it("CON-4 a reconnect within the grace cancels the policy; the agent's state is unchanged", () => {
    const g = given(
      loggedIn,
      available,
      (s) => s.advance(10),
      desktopClosed(),
      (s) => s.advance(30),
    );
    const before = g.scenario.state.agents.get("a1" as never);
    const presence = before?.presence;
    const readyLines = g.scenario.state.ready.dump();
    g.when(reconnected()).thenCheck((s, events) => {
      expect(events.map((e) => e.type)).toEqual(["agent.connection.restored"]);
      const agent = s.state.agents.get("a1" as never);
      // Same presence, same since: the state timer did not restart (TMR-1).
      expect(agent?.presence).toEqual(presence);
      expect(s.state.ready.dump()).toEqual(readyLines);
      expect(connectionOf(s)).toMatchObject({ status: "connected", since: s.now, graceUntil: null });
      expect(s.engine.dueTimers()).toEqual([]);
      expect(s.advance(600)).toEqual([]);
      expect(s.presence("a1").type).toBe("available");
    });
  });

  it("CON-4 with LOAD on, a reconnect within the grace keeps the agent logged in", () =>
    given(loadOn, loggedIn, desktopClosed(), (s) => s.advance(59), reconnected())
      .when((s) => s.advance(1))
      .thenCheck((s, events) => {
        expect(events).toEqual([]);
        expect(s.presence("a1").type).toBe("idle");
      }));

  it("CON-4 reconnecting while connected changes nothing", () =>
    given(loggedIn).when({ type: "DesktopReconnected", agentId: "a1", generation: 1 }).thenEmits());

  it("CON-4 after the grace a reconnect finds the agent Not Ready, and withdraws the logout the system deferred", () =>
    given(loadOn, loggedIn, onCall, desktopClosed(), (s) => s.advance(60))
      .when(reconnected())
      .thenCheck((s, events) => {
        expect(events).toMatchObject([
          { type: "agent.connection.restored" },
          { type: "agent.pending_state.set", pending: null },
        ]);
        expect(s.presence("a1")).toMatchObject({ type: "idle", codeId: "not-ready" });
        expect(connectionOf(s)).toMatchObject({ status: "connected", logoutDeferred: false });
        s.end("c1", "a1");
        s.wrapUp("c1", "a1");
        expect(s.presence("a1").type).toBe("idle");
      }));

  it("CON-4 a pending logout the agent chose survives the reconnect", () =>
    given(
      loadOn,
      loggedIn,
      onCall,
      (s) => s.ok({ type: "SetPendingAgentState", agentId: "a1", pending: { type: "logged_out" } }),
      desktopClosed(),
      (s) => s.advance(60),
    )
      .when(reconnected())
      .thenCheck((s, events) => {
        expect(events.map((e) => e.type)).toEqual(["agent.connection.restored"]);
        s.end("c1", "a1");
        expect(s.wrapUp("c1", "a1").at(-1)).toMatchObject({
          type: "agent.logged_out",
          reasonCode: null,
          actor: { kind: "agent", id: "a1" },
        });
      }));

  it("CON-4 after the grace with LOAD off, the agent is back Not Ready with code 255 on record", () => {
    const s = given(loggedIn, available, desktopClosed(), (s) => s.advance(60))
      .when(reconnected())
      .thenEmits("agent.connection.restored");
    expect(s.log.findLast((e) => e.type === "agent.state.changed")).toMatchObject({
      cause: "disconnected",
      reasonCode: SYSTEM_REASON.FORCED_LOGOUT,
    });
    const again = JSON.stringify(snapshot(s.state));
    reconnected()(s);
    expect(JSON.stringify(snapshot(s.state))).toBe(again);
  });
});
