import { describe, expect, it } from "vitest";
import { given, kinds, type Scenario } from "../../../test/scenario.ts";
import { SYSTEM_REASON } from "../../config/systemCodes.ts";
import { stateHistory } from "../../reports/stateHistory.ts";
import { seconds } from "../../shared/time.ts";
import { Engine } from "../../tenant/engine.ts";
import { snapshot } from "../../tenant/snapshot.ts";
import {
  available,
  connectionOf,
  desktopClosed,
  heartbeatsMissed,
  loadOn,
  loggedIn,
  onCall,
} from "./testSteps.ts";

const FORCED = SYSTEM_REASON.FORCED_LOGOUT;
const SYSTEM = { kind: "system" } as const;

describe("desktop closed or silent", () => {
  it("CON-1 a closed desktop makes the connection Unavailable for a 60 s grace; presence is untouched", () =>
    given(loggedIn, available)
      .when(desktopClosed())
      .thenCheck((s, events) => {
        expect(events).toMatchObject([
          { type: "agent.connection.lost", cause: "desktop_closed", graceUntil: s.now + seconds(60) },
        ]);
        expect(s.presence("a1").type).toBe("available");
        expect(connectionOf(s)).toMatchObject({ status: "unavailable", graceLeft: seconds(60) });
        expect(s.engine.dueTimers()).toMatchObject([
          { kind: "disconnect_grace", agentId: "a1", at: s.now + seconds(60) },
        ]);
      }));

  it("CON-1 with LOAD on, 60 s after the desktop closed the system logs the agent out with code 255", () =>
    given(loadOn, loggedIn, available, desktopClosed(), (s) => expect(s.advance(59)).toEqual([]))
      .when((s) => s.advance(1))
      .thenCheck((s, events) => {
        expect(events).toMatchObject([
          { type: "agent.connection.grace_expired", outcome: "logged_out" },
          { type: "agent.logged_out", cause: "disconnected", reasonCode: FORCED, actor: SYSTEM },
        ]);
        expect(s.presence("a1").type).toBe("logged_out");
        expect(s.engine.dueTimers()).toEqual([]);
        expect(stateHistory(s.log).at(-1)).toMatchObject({ to: { type: "logged_out" }, reason: FORCED });
      }));

  it("CON-2 missed heartbeats are handled the same; with the 120 s window the logout comes 180 s after the crash", () => {
    let crashedAt = 0;
    // The desktop crashes: the host runs the profile's heartbeat window, the engine has nothing due.
    const crash = (s: Scenario) => {
      crashedAt = s.now;
      const policy = connectionOf(s)?.policy;
      expect(policy).toMatchObject({ heartbeatTimeoutSec: 120, graceSec: 60 });
      expect(s.advance(policy?.heartbeatTimeoutSec ?? 0)).toEqual([]);
    };
    given(loadOn, loggedIn, available, crash)
      .when((s) => {
        heartbeatsMissed()(s);
        s.advance(60);
      })
      .thenCheck((_, events) =>
        expect(events).toMatchObject([
          { type: "agent.connection.lost", cause: "heartbeats_missed", graceUntil: crashedAt + seconds(180) },
          { type: "agent.connection.grace_expired", outcome: "logged_out", at: crashedAt + seconds(180) },
          { type: "agent.logged_out", reasonCode: FORCED, actor: SYSTEM },
        ]),
      );
  });

  it("CON-2 the grace is a profile setting", () =>
    given((s) => {
      const base = s.state.config?.config;
      if (!base) throw new Error("not configured");
      const profiles = base.profiles.map((p) => ({ ...p, disconnect: { ...p.disconnect, graceSec: 15 } }));
      s.ok({ type: "ConfigureTenant", config: { ...base, profiles } as never });
    }, loggedIn)
      .when(heartbeatsMissed())
      .thenCheck((s, events) => {
        expect(events).toMatchObject([{ type: "agent.connection.lost", graceUntil: s.now + seconds(15) }]);
        expect(s.advance(15).map((e) => e.type)).toContain("agent.connection.grace_expired");
      }));

  it("CON-3 with LOAD off (the default) the agent goes Idle with the default code and code 255 instead", () =>
    given(loggedIn, available, desktopClosed())
      .when((s) => s.advance(60))
      .thenCheck((s, events) => {
        expect(events).toMatchObject([
          { type: "agent.connection.grace_expired", outcome: "not_ready" },
          {
            type: "agent.state.changed",
            from: { type: "available" },
            to: { type: "idle", codeId: "not-ready" },
            cause: "disconnected",
            reasonCode: FORCED,
            actor: SYSTEM,
          },
        ]);
        expect(s.presence("a1")).toMatchObject({ type: "idle", codeId: "not-ready" });
        expect(connectionOf(s)).toMatchObject({ status: "disconnected", graceUntil: null });
        expect(s.engine.dueTimers()).toEqual([]);
      }));

  it("CON-3 an agent already Idle keeps the reason they chose", () =>
    given(loggedIn, (s) => s.idle("a1", "lunch"), desktopClosed())
      .when((s) => s.advance(60))
      .thenCheck((s, events) => {
        expect(events.map((e) => e.type)).toEqual(["agent.connection.grace_expired"]);
        expect(s.presence("a1")).toMatchObject({ type: "idle", codeId: "lunch" });
      }));

  it("CON-3 an agent in RONA stays in RONA: only the agent leaves it (AGT-5)", () =>
    given(
      loggedIn,
      available,
      (s) => s.receive("c1"),
      (s) => s.advance(18),
      desktopClosed(),
    )
      .when((s) => s.advance(60))
      .thenCheck((s) => expect(s.presence("a1").type).toBe("rona")));

  it("CON-1 a forced logout never orphans work: Not Ready now, logged out by the system after the last interaction", () => {
    const s = given(loadOn, loggedIn, onCall, desktopClosed())
      .when((s) => s.advance(60))
      .thenEmits("agent.connection.grace_expired", "agent.state.changed", "agent.pending_state.set");
    expect(s.since(0).at(-2)).toMatchObject({ to: { type: "idle" }, reasonCode: FORCED, actor: SYSTEM });
    expect(s.task("c1")).toMatchObject({ status: "assigned", agentId: "a1" });
    expect(connectionOf(s)).toMatchObject({ status: "disconnected", logoutDeferred: true });
    s.end("c1", "a1");
    const events = s.wrapUp("c1", "a1");
    expect(events.at(-1)).toMatchObject({
      type: "agent.logged_out",
      cause: "pending_applied",
      reasonCode: FORCED,
      actor: SYSTEM,
    });
  });

  it("CON-3 with LOAD off and work open, a pending Available is dropped so nothing is routed to the empty desk", () => {
    const s = given(loggedIn, onCall, (s) =>
      s.ok({ type: "SetPendingAgentState", agentId: "a1", pending: { type: "available" } }),
    )
      .when((s) => {
        desktopClosed()(s);
        s.advance(60);
      })
      .thenEmits(
        "agent.connection.lost",
        "agent.connection.grace_expired",
        "agent.state.changed",
        "agent.pending_state.set",
      );
    s.end("c1", "a1");
    s.wrapUp("c1", "a1");
    expect(s.presence("a1")).toMatchObject({ type: "idle", codeId: "not-ready" });
  });

  const offeredDuringGrace = (s: Scenario) => {
    desktopClosed()(s);
    s.advance(45);
    s.receive("chat1", "ep-chat");
    expect(s.offeredTo("chat1")).toBe("a1");
  };

  it("CON-1 an open offer is withdrawn at the forced logout: the task goes back to its queue, no RONA", () =>
    given(loadOn, loggedIn, available, offeredDuringGrace)
      .when((s) => s.advance(15))
      .thenCheck((s, events) => {
        expect(kinds(events)).toEqual(["agent.connection.grace_expired", "offer.failed", "agent.logged_out"]);
        expect(events[1]).toMatchObject({ taskId: "chat1", agentId: "a1", cause: "DEVICE_UNREACHABLE" });
        expect(s.task("chat1")?.status).toBe("queued");
      }));

  it("CON-3 an open offer is withdrawn when the agent goes Not Ready too, so it cannot turn into RONA", () =>
    given(loggedIn, available, offeredDuringGrace)
      .when((s) => s.advance(15))
      .thenCheck((s, events) => {
        expect(kinds(events)).toEqual([
          "agent.connection.grace_expired",
          "offer.failed",
          "agent.state.changed",
        ]);
        expect(s.task("chat1")?.status).toBe("queued");
        expect(s.advance(60)).toEqual([]);
        expect(s.presence("a1")).toMatchObject({ type: "idle", codeId: "not-ready" });
      }));

  it("a second report during the grace does not restart it: the first one counts", () =>
    given(loadOn, loggedIn, desktopClosed(), (s) => s.advance(30))
      .when((s) => {
        heartbeatsMissed()(s);
        s.advance(30);
      })
      .thenEmits("agent.connection.grace_expired", "agent.logged_out"));

  it("the grace survives a restart: replaying the log rebuilds the connection and its due time", () => {
    const s = given(loggedIn, available, desktopClosed()).scenario;
    const rebuilt = Engine.replay(s.log);
    expect(snapshot(rebuilt.state)).toEqual(snapshot(s.state));
    expect(rebuilt.tick(s.now + seconds(60)).map((e) => e.type)).toEqual([
      "agent.connection.grace_expired",
      "agent.state.changed",
    ]);
  });
});
