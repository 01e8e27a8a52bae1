import { describe, expect, it } from "vitest";
import { given, Scenario } from "../../test/scenario.ts";
import { Engine } from "../tenant/engine.ts";
import { snapshot } from "../tenant/snapshot.ts";
import { agentTimers, formatTimer } from "./agentTimers.ts";

const timers = (s: Scenario, agentId = "a1") => {
  const view = agentTimers(s.state, agentId as never, s.now);
  if (!view) throw new Error(`${agentId} is logged out`);
  return view;
};

describe("timers", () => {
  it("TMR-1 the state timer counts time in the current state and resets on each state change", () => {
    const s = new Scenario();
    s.login("a1");
    expect(formatTimer(timers(s).inState)).toBe("00:00");
    s.advance(75);
    expect(formatTimer(timers(s).inState)).toBe("01:15");
    s.available("a1");
    expect(timers(s).inState).toBe(0);
    s.advance(3600 + 62);
    expect(formatTimer(timers(s).inState)).toBe("1:01:02");
  });

  it("TMR-1 the state timer runs in RONA too", () =>
    given((s) => {
      s.login("a1");
      s.available("a1");
      s.receive("c1");
      s.advance(18);
    })
      .when((s) => s.advance(42))
      .thenCheck((s) => expect(timers(s)).toMatchObject({ presence: "rona", inState: 42_000 })));

  it("TMR-2 Idle then another idle reason shows current/total idle time", () =>
    given(
      (s) => s.login("a1"),
      (s) => s.advance(10 * 60),
      (s) => s.idle("a1", "lunch"),
    )
      .when((s) => s.advance(20 * 60))
      .thenCheck((s) => {
        const view = timers(s);
        expect(`${formatTimer(view.inState)}/${formatTimer(view.idleTotal ?? 0)}`).toBe("20:00/30:00");
      }));

  it("TMR-2 the total idle time starts again after being Available", () =>
    given(
      (s) => s.login("a1"),
      (s) => s.advance(60),
      (s) => s.available("a1"),
      (s) => s.advance(60),
    )
      .when((s) => {
        s.idle("a1", "lunch");
        s.advance(5);
      })
      .thenCheck((s) => expect(timers(s).idleTotal).toBe(5000)));

  it("TMR-3 each accepted interaction has a connected timer and a timer for its current state", () =>
    given((s) => {
      s.login("a1");
      s.available("a1");
      s.receive("c1");
      s.accept("c1", "a1");
      s.advance(90);
      s.end("c1", "a1");
    })
      .when((s) => s.advance(15))
      .thenCheck((s) =>
        expect(timers(s).interactions).toEqual([
          { taskId: "c1", channel: "voice", status: "wrapping", connected: 105_000, inState: 15_000 },
        ]),
      ));

  it("TMR-4 while engaged the state field shows no timer; when the last interaction ends it reappears", () => {
    const s = new Scenario();
    s.login("a1");
    s.available("a1");
    s.receive("c1");
    s.accept("c1", "a1");
    expect(timers(s)).toMatchObject({ engaged: true, showStateTimer: false });
    s.end("c1", "a1");
    expect(timers(s).showStateTimer).toBe(false);
    s.wrapUp("c1", "a1");
    expect(timers(s)).toMatchObject({ engaged: false, showStateTimer: true });
  });

  it("TMR-5 interaction history gives the total contact duration: queue, handling (all of the call) and wrap-up", () =>
    given((s) => {
      s.login("a1");
      s.receive("c1");
      s.advance(12);
      s.available("a1");
      s.advance(3);
      s.accept("c1", "a1");
      s.advance(200);
      s.end("c1", "a1");
      s.advance(25);
    })
      .when({ type: "WrapUpTask", taskId: "c1", agentId: "a1", codeId: "resolved" })
      .thenCheck((_, [event]) =>
        expect(event).toMatchObject({
          durations: { waited: 15_000, handled: 200_000, wrappedUp: 25_000, total: 240_000 },
        }),
      ));

  it("AGT-7 availability is server state: rebuilding from the event log restores Available with its timer", () => {
    const s = new Scenario();
    s.login("a1");
    s.available("a1");
    const since = s.now;
    s.advance(300);
    const rebuilt = Engine.replay(s.log);
    expect(snapshot(rebuilt.state)).toEqual(snapshot(s.state));
    expect(agentTimers(rebuilt.state, "a1" as never, s.now)).toMatchObject({
      presence: "available",
      inState: s.now - since,
    });
  });
});
