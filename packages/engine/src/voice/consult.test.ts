import { describe, expect, it } from "vitest";
import { actions, call, leg, view } from "../../test/calls.ts";
import { given, kinds } from "../../test/scenario.ts";

const consultRequested = call.consult("a1", "a2");

describe("consult", () => {
  it("CNS-1 CNS-3 starting a consult holds the customer and shows Consult requested", () =>
    given(call.answered(), call.idle("a2"))
      .when(consultRequested)
      .thenCheck((s, events) => {
        expect(kinds(events)).toEqual(["consult.created"]);
        expect(leg(s, "customer")).toBe("held");
        expect(leg(s, "agent:a2")).toBe("alerting");
        expect(view(s, "a1")?.main.state).toBe("call_on_hold");
        expect(view(s, "a1")?.consult?.state).toBe("consult_requested");
      }));

  it("CNS-1 a consult needs an active call", () =>
    given(call.answered(), call.idle("a2"), (s) => s.ok(call.end()))
      .when(consultRequested)
      .thenRejects("TASK_NOT_ACTIVE"));

  it("CNS-2 Available and Idle agents can be consulted; RONA, logged-out and busy agents cannot", () => {
    const s = given(call.answered(), call.idle("a2")).scenario;
    s.ok(call.consult("a1", "a2"));
    s.ok(call.endConsult());
    s.login("a3");
    s.available("a3");
    s.receive("c2");
    s.advance(18); // a3 misses c2: RONA
    s.rejects(call.consult("a1", "a3"), "CONSULT_TARGET_UNAVAILABLE");
    s.rejects(call.consult("a1", "a6"), "CONSULT_TARGET_UNAVAILABLE");
    s.login("a4");
    s.available("a4");
    s.accept("c2", "a4");
    s.rejects(call.consult("a1", "a4"), "CONSULT_TARGET_UNAVAILABLE");
    s.rejects(call.consult("a1", "a1"), "CONSULT_TARGET_UNAVAILABLE");
  });

  it("CNS-4 until the consulted agent accepts, Transfer and Conference are refused; Resume stays enabled", () => {
    const s = given(call.answered(), call.idle("a2"), (s) => s.ok(consultRequested)).scenario;
    expect(actions(s, "a1")).toEqual(["resume", "end_consult"]);
    s.rejects(call.transfer(), "CONSULT_NOT_ANSWERED");
    s.rejects(call.merge(), "CONSULT_NOT_ANSWERED");
    s.ok(call.resume());
    expect(leg(s, "customer")).toBe("connected");
    s.ok(call.acceptConsult("a2"));
    // Answering while the customer is back on the line: the consult starts on hold, never both held.
    expect(leg(s, "agent:a2")).toBe("held");
  });

  it("CNS-5 a consulted agent who does not answer goes Idle and the requesting agent sees the consult failed", () =>
    given(
      call.answered(),
      call.idle("a2"),
      (s) => s.available("a2"),
      (s) => s.ok(consultRequested),
    )
      .when((s) => s.advance(18))
      .thenCheck((s, events) => {
        expect(events.find((e) => e.type === "consult.ended")).toMatchObject({
          agentId: "a1",
          outcome: "failed",
        });
        expect(leg(s, "agent:a2")).toBe("failed");
        expect(s.presence("a2")).toMatchObject({ type: "idle", codeId: "not-ready" });
        expect(s.state.agents.get("a2" as never)?.tasks).toEqual([]);
        expect(view(s, "a1")?.consult).toBeNull();
        expect(leg(s, "customer")).toBe("held");
      }));

  it("CNS-5 a consulted agent's device failing also fails the consult", () =>
    given(call.answered(), call.idle("a2"), (s) => s.ok(consultRequested))
      .when({ type: "LegFailed", taskId: "c1", partyId: "agent:a2", cause: "device_fault" })
      .thenCheck((s) => expect(s.task("c1")?.call?.consult).toBeNull()));

  it("CNS-6 once accepted two panels show: the customer on hold and the consulted party", () =>
    given(call.answered(), call.idle("a2"))
      .when(call.consulting("a2"))
      .thenCheck((s) => {
        expect(view(s, "a1")).toMatchObject({
          main: { state: "call_on_hold" },
          consult: { state: "consulting" },
        });
        expect(view(s, "a2")?.main.state).toBe("consulting");
        expect(actions(s, "a1")).toEqual(["resume", "end_consult", "consult_transfer", "consult_conference"]);
      }));

  it("CNS-7 Resume retrieves the customer and holds the consulted party; the agent toggles without dropping either", () => {
    const s = given(call.answered(), call.idle("a2"), call.consulting("a2")).scenario;
    s.ok(call.resume());
    expect([leg(s, "customer"), leg(s, "agent:a2")]).toEqual(["connected", "held"]);
    expect(view(s, "a1")).toMatchObject({
      main: { state: "connected" },
      consult: { state: "consult_on_hold" },
    });
    s.ok(call.resumeConsult());
    expect([leg(s, "customer"), leg(s, "agent:a2")]).toEqual(["held", "connected"]);
    s.ok(call.resume());
    expect([leg(s, "customer"), leg(s, "agent:a2")]).toEqual(["connected", "held"]);
  });

  it("CALL-3 the customer and the consult leg are never on hold together: such a hold is refused", () => {
    const s = given(call.answered(), call.idle("a2"), call.consulting("a2")).scenario;
    s.rejects(call.hold(), "WOULD_HOLD_BOTH_LEGS");
    s.rejects({ type: "HoldConsult", taskId: "c1", agentId: "a1" }, "WOULD_HOLD_BOTH_LEGS");
    s.ok(call.resume());
    s.rejects(call.hold(), "WOULD_HOLD_BOTH_LEGS");
  });

  it("CNS-8 the consulted agent can leave; the primary agent and the customer continue", () =>
    given(call.answered(), call.idle("a2"), call.consulting("a2"))
      .when(call.endConsult("a2"))
      .thenCheck((s) => {
        expect(leg(s, "agent:a2")).toBe("dropped");
        expect(s.task("c1")?.call?.consult).toBeNull();
        expect(s.state.agents.get("a2" as never)?.tasks).toEqual([]);
        expect(actions(s, "a1")).toEqual(["resume", "consult", "transfer", "pause_recording"]);
      }));

  it("CNS-8 a consulted agent can neither resume the customer nor wrap up", () => {
    const s = given(call.answered(), call.idle("a2"), call.consulting("a2")).scenario;
    expect(actions(s, "a2")).toEqual(["end_consult"]);
    s.rejects(call.resume("a2"), "NOT_ALLOWED_FOR_CONSULTED_AGENT");
    s.rejects(call.wrapUp("a2"), "NOT_TASK_OWNER");
  });

  it("CNS-9 End consult by the primary agent disconnects the consulted party", () =>
    given(call.answered(), call.idle("a2"), call.consulting("a2"))
      .when(call.endConsult())
      .thenCheck((s, events) => {
        expect(kinds(events)).toEqual(["consult.ended", "task.agent_left"]);
        expect(leg(s, "agent:a2")).toBe("dropped");
        expect(view(s, "a1")?.main.state).toBe("call_on_hold");
      }));

  it("CNS-10 the customer hanging up mid-consult: the consult stays up, the primary gets wrap-up and keeps the controls", () => {
    const s = given(call.answered(), call.idle("a2"), call.consulting("a2")).scenario;
    s.ok(call.hangUp());
    expect([leg(s, "customer"), leg(s, "agent:a2")]).toEqual(["dropped", "connected"]);
    expect(view(s, "a1")?.main.state).toBe("wrap_up");
    expect(actions(s, "a1")).toEqual(["hold_consult", "end_consult", "wrap_up"]);
    s.ok({ type: "HoldConsult", taskId: "c1", agentId: "a1" });
    expect(leg(s, "agent:a2")).toBe("held");
    expect(actions(s, "a1")).toEqual(["resume_consult", "end_consult", "wrap_up"]);
    s.ok(call.resumeConsult());
    expect(leg(s, "agent:a2")).toBe("connected");
  });

  it("CNS-9 CNS-10 ending the consult after the customer left ends the call and shows wrap-up", () =>
    given(call.answered(), call.idle("a2"), call.consulting("a2"), (s) => s.ok(call.hangUp()))
      .when(call.endConsult())
      .thenCheck((s, events) => {
        expect(kinds(events)).toEqual(["consult.ended", "task.agent_left", "task.ended"]);
        expect(s.task("c1")?.status).toBe("wrapping");
      }));

  it("CNS-10 submitting wrap-up with the consult still up closes it and completes the contact", () =>
    given(call.answered(), call.idle("a2"), call.consulting("a2"), (s) => s.ok(call.hangUp()))
      .when(call.wrapUp())
      .thenCheck((s, events) => {
        expect(kinds(events)).toEqual(["consult.ended", "task.agent_left", "task.ended", "task.wrapup"]);
        expect(s.task("c1")).toBeUndefined();
        expect(s.state.agents.get("a2" as never)?.tasks).toEqual([]);
      }));

  it("CNS-5 AGT-5 a consulted agent who went to RONA meanwhile stays in RONA when the consult fails", () => {
    const s = given(call.answered(), (s) => {
      s.idle("a1");
      s.login("a2");
      s.available("a2");
      s.receive("chat1", "ep-chat"); // offered to a2, who will miss it
      s.advance(15);
    }).scenario;
    s.ok(consultRequested);
    s.advance(20); // the chat times out first (RONA), then the consult
    expect(s.presence("a2").type).toBe("rona");
  });
});
