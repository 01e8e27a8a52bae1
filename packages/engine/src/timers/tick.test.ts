import { describe, expect, it } from "vitest";
import { Scenario } from "../../test/scenario.ts";
import { Engine } from "../tenant/engine.ts";
import { snapshot } from "../tenant/snapshot.ts";

describe("timers and the clock", () => {
  it("dueTimers lists every timer in firing order, and tick fires only what is due", () => {
    const s = new Scenario();
    s.login("a1");
    s.available("a1");
    s.receive("c1");
    s.advance(5);
    s.receive("chat1", "ep-chat");
    expect(s.engine.dueTimers().map((t) => [t.kind, t.taskId, (t.at - s.now) / 1000])).toEqual([
      ["offer_timeout", "c1", 13],
      ["offer_timeout", "chat1", 30],
    ]);
    expect(s.engine.nextDueAt()).toBe(s.now + 13_000);
    expect(s.advance(12)).toEqual([]);
  });

  it("after a long pause every due timer fires at once, in order", () => {
    const s = new Scenario();
    s.login("a3");
    s.available("a3");
    s.receive("c1");
    s.accept("c1", "a3");
    s.end("c1", "a3");
    s.advance(10);
    s.receive("chat1", "ep-chat");
    // Auto wrap-up is due 20 s from now, the chat offer's RONA 30 s from now.
    const fired = s.advance(3600).map((e) => e.type);
    expect(fired).toEqual(["task.wrapup", "offer.timed_out", "agent.state.changed"]);
    expect(s.engine.nextDueAt()).toBeNull();
  });

  it("a host clock that steps back never moves the tenant's time backwards", () => {
    const s = new Scenario();
    s.login("a1");
    const events = s.engine.execute(
      {
        type: "ChangeAgentState",
        agentId: "a1" as never,
        to: { type: "available" },
        by: { kind: "agent", id: "a1" },
      },
      s.now - 60_000,
    );
    expect(events.ok && events.events[0]?.at).toBe(s.now);
  });

  it("replaying the log rebuilds the same state, indexes and timers included", () => {
    const s = new Scenario();
    for (const id of ["a1", "a2", "a3"]) {
      s.login(id);
      s.available(id);
    }
    for (let i = 0; i < 8; i++) s.receive(`t${i}`, i % 2 ? "ep-chat" : "ep-voice");
    s.accept("t0", s.offeredTo("t0") ?? "");
    s.advance(20);
    expect(snapshot(Engine.replay(s.log).state)).toEqual(snapshot(s.state));
  });
});
