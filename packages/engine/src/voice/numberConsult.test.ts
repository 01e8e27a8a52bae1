import { describe, expect, it } from "vitest";
import { actions, call, leg, view } from "../../test/calls.ts";
import { given, kinds } from "../../test/scenario.ts";
import { judge } from "./rules.ts";

const NUMBER = "number:+46812345678";
const consultNumber = (number = "+46 8 123 456 78") =>
  ({ type: "StartConsult", taskId: "c1", agentId: "a1", target: { kind: "dial_number", number } }) as const;
const answered = { type: "LegAnswered", taskId: "c1", partyId: NUMBER } as const;

describe("consult and conference with a dial number", () => {
  it("CNS-1 a consult to a dial number dials it with the customer on hold", () =>
    given(call.answered())
      .when(consultNumber())
      .thenCheck((s, events) => {
        expect(kinds(events)).toEqual(["consult.created"]);
        expect([leg(s, "customer"), leg(s, NUMBER)]).toEqual(["held", "alerting"]);
        expect(view(s, "a1")?.consult?.state).toBe("consult_requested");
      }));

  it("DIAL-1 a consult to a number that cannot be dialled is refused", () =>
    given(call.answered()).when(consultNumber("+46 8 abc")).thenRejects("DIAL_NUMBER_INVALID"));

  it("XFR-7 Transfer and Conference become enabled as soon as the consult reaches the number", () => {
    const s = given(call.answered(), (s) => s.ok(consultNumber())).scenario;
    expect(actions(s, "a1")).not.toContain("consult_transfer");
    s.ok(answered);
    expect(leg(s, NUMBER)).toBe("connected");
    expect(actions(s, "a1")).toEqual(["resume", "end_consult", "consult_transfer", "consult_conference"]);
  });

  it("a busy or unanswered number fails the consult; the customer stays on hold", () =>
    given(call.answered(), (s) => s.ok(consultNumber()))
      .when({ type: "LegFailed", taskId: "c1", partyId: NUMBER, cause: "busy" })
      .thenCheck((s, events) => {
        expect(events.find((e) => e.type === "consult.ended")).toMatchObject({ outcome: "failed" });
        expect([leg(s, "customer"), leg(s, NUMBER)]).toEqual(["held", "failed"]);
      }));

  it("XFR-1 consult then transfer to a number hands the customer over and the call leaves the contact center; the agent wraps up", () =>
    given(
      call.answered(),
      (s) => s.ok(consultNumber()),
      (s) => s.ok(answered),
    )
      .when(call.transfer())
      .thenCheck((s, events) => {
        // The number is bridged to the customer, then both lines leave Parley's hands with the call.
        expect(
          events.find((e) => e.type === "participant.leg_changed" && e.partyId === NUMBER),
        ).toMatchObject({
          leg: { status: "connected" },
          bridge: "main",
        });
        const released = events.filter((e) => e.type === "participant.left");
        expect(released.map((e) => [e.partyId, e.leg.cause])).toEqual([
          ["agent:a1", "transferred"],
          ["customer", "transferred"],
          [NUMBER, "transferred"],
        ]);
        expect(s.task("c1")).toMatchObject({ status: "wrapping", agentId: "a1" });
      }));

  it("CNF-7 a dial-number participant in a conference has no call controls", () => {
    const s = given(
      call.answered(),
      (s) => s.ok(consultNumber()),
      (s) => s.ok(answered),
      (s) => s.ok(call.merge()),
    ).scenario;
    const task = s.task("c1");
    const number = task?.call?.parties.find((p) => p.kind === "dial_number");
    expect(number).toMatchObject({ bridge: "main", leg: { status: "connected" }, agentId: null });
    expect(task?.agents.map((e) => e.agentId)).toEqual(["a1"]);
    // Controls belong to agents only: nothing can be asked on the number's behalf.
    expect(task && judge(task, "+46812345678" as never, "end")?.code).toBe("NOT_ON_CALL");
    expect(view(s, "a1")?.main.state).toBe("conference");
  });

  it("the number hanging up leaves the conference; the agent and the customer go on", () =>
    given(
      call.answered(),
      (s) => s.ok(consultNumber()),
      (s) => s.ok(answered),
      (s) => s.ok(call.merge()),
    )
      .when({ type: "LegHungUp", taskId: "c1", partyId: NUMBER })
      .thenCheck((s) => {
        expect(leg(s, NUMBER)).toBe("dropped");
        expect(view(s, "a1")?.main.state).toBe("connected");
      }));
});
