import { describe, expect, it } from "vitest";
import { given, kinds, type Scenario } from "../../../test/scenario.ts";
import { SYSTEM_REASON } from "../../config/systemCodes.ts";
import {
  available,
  connectionOf,
  desktopClosed,
  deviceLost,
  loadOn,
  onCall,
  reconnected,
} from "./testSteps.ts";

const FORCED = SYSTEM_REASON.FORCED_LOGOUT;
const SYSTEM = { kind: "system" } as const;
const onExtension = (s: Scenario) => s.login("a1", "support", { device: "EXTENSION", address: "1001" });
const pendingLogout = (s: Scenario) =>
  s.ok({ type: "SetPendingAgentState", agentId: "a1", pending: { type: "logged_out" } });
const gracePassed = (s: Scenario) => s.advance(60);
/** The call ends and is wrapped up: the agent's last interaction is over. */
const lastInteractionEnds = (s: Scenario) => {
  s.end("c1", "a1");
  return s.wrapUp("c1", "a1");
};
const loggedOutBySystem = { type: "agent.logged_out", reasonCode: FORCED, actor: SYSTEM };

describe("device lost", () => {
  it("CON-6 losing the phone logs the agent out at once, by the system, with code 255", () =>
    given(onExtension, available)
      .when(deviceLost())
      .thenCheck((s, events) => {
        expect(events).toMatchObject([
          { type: "agent.logged_out", cause: "device_lost", reasonCode: FORCED, actor: SYSTEM },
        ]);
        expect(s.presence("a1").type).toBe("logged_out");
      }));

  it("CON-6 coming back runs the normal login, on the same device", () =>
    given(onExtension, available, deviceLost())
      .when((s) => onExtension(s))
      .thenCheck((s, events) => {
        expect(events).toMatchObject([
          { type: "agent.logged_in", generation: 2, to: { type: "idle", codeId: "not-ready" } },
        ]);
        expect(connectionOf(s)).toMatchObject({ status: "connected", generation: 2 });
      }));

  it("CON-6 an open offer goes back to its queue", () =>
    given(onExtension, available, (s) => s.receive("c1"))
      .when(deviceLost())
      .thenCheck((s, events) => {
        expect(kinds(events)).toEqual(["offer.failed", "agent.logged_out"]);
        expect(s.task("c1")?.status).toBe("queued");
      }));

  it("CON-6 with work open the agent goes Not Ready and is logged out when the last interaction ends", () =>
    given(onExtension, onCall)
      .when(deviceLost())
      .thenCheck((s, events) => {
        expect(events).toMatchObject([
          { type: "agent.state.changed", cause: "device_lost", reasonCode: FORCED, actor: SYSTEM },
          { type: "agent.pending_state.set", pending: { type: "logged_out", reasonCode: FORCED } },
        ]);
        s.end("c1", "a1");
        expect(s.wrapUp("c1", "a1").at(-1)).toMatchObject({ type: "agent.logged_out", actor: SYSTEM });
      }));

  it("CON-6 a device lost during the grace ends the grace too", () =>
    given(onExtension, desktopClosed())
      .when(deviceLost())
      .thenCheck((s) => {
        expect(s.engine.dueTimers()).toEqual([]);
        expect(s.advance(600)).toEqual([]);
      }));

  it("CON-6 a logout the agent chose becomes the system's when the phone is lost, and a state chosen later keeps it", () =>
    given(onExtension, onCall, pendingLogout, deviceLost())
      .when((s) => s.available("a1"))
      .thenCheck((s) => {
        expect(s.state.agents.get("a1" as never)?.pending).toEqual({
          type: "logged_out",
          reasonCode: FORCED,
          cause: "device_lost",
        });
        expect(lastInteractionEnds(s).at(-1)).toMatchObject(loggedOutBySystem);
      }));

  it("CON-6 the agent cannot replace or clear the logout a lost phone owes", () =>
    given(onExtension, onCall, deviceLost())
      .when({ type: "SetPendingAgentState", agentId: "a1", pending: null })
      .thenRejects("FORCED_LOGOUT_PENDING"));

  it("CON-6 a reconnect after the disconnect grace keeps the logout a lost phone owes (LOAD off)", () =>
    given(onExtension, onCall, desktopClosed(), gracePassed, deviceLost())
      .when(reconnected())
      .thenCheck((s, events) => {
        expect(kinds(events)).toEqual(["agent.connection.restored"]);
        expect(connectionOf(s)).toMatchObject({ status: "connected", logoutDeferred: true });
        expect(lastInteractionEnds(s).at(-1)).toMatchObject(loggedOutBySystem);
      }));

  it("CON-6 a phone lost after the grace deferred a logout makes it outlast the reconnect (LOAD on)", () =>
    given(loadOn, onExtension, onCall, desktopClosed(), gracePassed, deviceLost())
      .when(reconnected())
      .thenCheck((s, events) => {
        expect(kinds(events)).toEqual(["agent.connection.restored"]);
        expect(lastInteractionEnds(s).at(-1)).toMatchObject(loggedOutBySystem);
      }));
});
