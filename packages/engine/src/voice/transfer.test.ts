import { describe, expect, it } from "vitest";
import { actions, call, leg, view } from "../../test/calls.ts";
import { given, kinds } from "../../test/scenario.ts";

describe("transfer", () => {
  it("XFR-1 XFR-4 consult then transfer: the call goes on between the target and the customer; the transferring agent wraps up", () =>
    given(call.answered(), call.idle("a2"), call.consulting("a2"))
      .when(call.transfer())
      .thenCheck((s, events) => {
        expect(kinds(events)).toEqual(["consult.ended", "task.owner_changed"]);
        expect([leg(s, "customer"), leg(s, "agent:a2"), leg(s, "agent:a1")]).toEqual([
          "connected",
          "connected",
          "dropped",
        ]);
        expect(s.task("c1")).toMatchObject({ status: "assigned", agentId: "a2" });
        expect(view(s, "a2")?.main.state).toBe("connected");
        expect(actions(s, "a2")).toEqual(["hold", "consult", "transfer", "pause_recording", "end"]);
        expect(view(s, "a1")?.main.state).toBe("wrap_up");
        expect(actions(s, "a1")).toEqual(["wrap_up"]);
      }));

  it("WRP-2 after a transfer each owner wraps up their own part; the contact completes with the last", () => {
    const s = given(call.answered(), call.idle("a2"), call.consulting("a2"), (s) =>
      s.ok(call.transfer()),
    ).scenario;
    s.ok(call.wrapUp("a1"));
    expect(s.state.agents.get("a1" as never)?.tasks).toEqual([]);
    expect(s.task("c1")?.status).toBe("assigned");
    s.ok(call.end("a2"));
    s.ok(call.wrapUp("a2"));
    expect(s.task("c1")).toBeUndefined();
  });

  it("WRP-2 wrap-up follows End, Transfer and Leave conference", () => {
    const s = given(call.answered(), call.idle("a2", "a3")).scenario;
    call.consulting("a2")(s);
    s.ok(call.transfer());
    expect(view(s, "a1")?.main.state).toBe("wrap_up");
    call.consulting("a3", "a2")(s);
    s.ok(call.merge("a2"));
    s.ok(call.leave("a2"));
    expect(view(s, "a2")?.main.state).toBe("wrap_up");
    s.ok(call.end("a3"));
    expect(view(s, "a3")?.main.state).toBe("wrap_up");
  });

  it("an auto wrap-up profile wraps up the transferring agent on its timer", () =>
    given(call.answered("a3"), call.idle("a2"), call.consulting("a2", "a3"), (s) => s.ok(call.transfer("a3")))
      .when((s) => s.advance(30))
      .thenCheck((s, events) => {
        expect(events).toMatchObject([{ type: "task.wrapup", agentId: "a3", auto: true }]);
        expect(s.task("c1")).toMatchObject({ status: "assigned", agentId: "a2" });
      }));
});
