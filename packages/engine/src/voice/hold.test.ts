import { describe, expect, it } from "vitest";
import { actions, call, leg, view } from "../../test/calls.ts";
import { given, kinds } from "../../test/scenario.ts";

describe("hold, resume and end", () => {
  it("CALL-1 an offered call rings, an answered one is Connected", () => {
    const s = given((s) => {
      s.login("a1");
      s.available("a1");
      s.receive("c1");
    }).scenario;
    expect(view(s, "a1")?.main.state).toBe("ringing");
    s.accept("c1", "a1");
    expect(view(s, "a1")?.main.state).toBe("connected");
    expect(leg(s, "customer")).toBe("connected");
    expect(leg(s, "agent:a1")).toBe("connected");
  });

  it("CALL-2 Hold puts the customer on hold; the panel shows Call on hold with its own timer", () =>
    given(call.answered(), (s) => s.advance(30))
      .when(call.hold())
      .thenCheck((s) => {
        expect(leg(s, "customer")).toBe("held");
        expect(view(s, "a1")?.main).toEqual({ state: "call_on_hold", since: s.now });
      }));

  it("CALL-2 while the customer is held End is disabled and refused", () =>
    given(
      call.answered(),
      (s) => s.ok(call.hold()),
      (s) => expect(actions(s, "a1")).not.toContain("end"),
    )
      .when(call.end())
      .thenRejects("CUSTOMER_ON_HOLD"));

  it("CALL-2 Resume retrieves the customer", () =>
    given(call.answered(), (s) => s.ok(call.hold()))
      .when(call.resume())
      .thenCheck((s) => {
        expect(leg(s, "customer")).toBe("connected");
        expect(actions(s, "a1")).toEqual(["hold", "consult", "transfer", "pause_recording", "end"]);
      }));

  it("CALL-2 hold of a held call and resume of a connected one are refused", () => {
    const s = given(call.answered()).scenario;
    s.rejects(call.resume(), "CUSTOMER_NOT_HELD");
    s.ok(call.hold());
    s.rejects(call.hold(), "CUSTOMER_ON_HOLD");
  });

  it("CALL-4 End drops the call and shows wrap-up to the primary agent", () =>
    given(call.answered(), (s) => s.advance(60))
      .when(call.end())
      .thenCheck((s, events) => {
        expect(kinds(events)).toEqual(["task.ended"]);
        expect(leg(s, "customer")).toBe("dropped");
        expect(view(s, "a1")?.main.state).toBe("wrap_up");
        expect(actions(s, "a1")).toEqual(["wrap_up"]);
      }));

  it("call control on someone else's call is refused", () => {
    const s = given(call.answered(), call.idle("a2")).scenario;
    s.rejects(call.hold("a2"), "NOT_ON_CALL");
    s.receive("chat1", "ep-chat");
    s.rejects({ type: "HoldCall", taskId: "chat1", agentId: "a1" }, "NOT_A_CALL");
  });

  it("the customer hanging up ends the call; the agent wraps up", () =>
    given(call.answered())
      .when(call.hangUp())
      .thenCheck((s) => {
        expect(leg(s, "customer")).toBe("dropped");
        expect(leg(s, "agent:a1")).toBe("dropped");
        expect(s.task("c1")?.status).toBe("wrapping");
      }));
});
