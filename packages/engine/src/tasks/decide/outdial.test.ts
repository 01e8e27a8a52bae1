import { describe, expect, it } from "vitest";
import { profile, tenant } from "../../../test/fixtures.ts";
import { given, kinds, Scenario } from "../../../test/scenario.ts";

const outdial = (taskId = "o1", agentId = "a1", dialNumber = "+46 8 123 456 78") =>
  ({ type: "PlaceOutdial", taskId, agentId, entryPointId: "ep-out", dialNumber }) as const;

const withOutdialSetting = (availableAfterOutdial: boolean) => {
  const base = tenant();
  return new Scenario(
    tenant({
      profiles: [
        profile({ availableAfterOutdial }),
        ...base.profiles.filter((p) => p.id !== "standard"),
      ] as never,
    }),
  );
};

const callAndHangUp = (s: Scenario) => {
  s.ok(outdial());
  s.advance(60);
  return s.ok({ type: "EndTask", taskId: "o1", agentId: "a1" });
};

describe("outdial", () => {
  it("an agent places an outbound call from an outdial entry point; the call is the agent's at once", () =>
    given((s) => s.login("a1"))
      .when(outdial())
      .thenCheck((s, events) => {
        expect(kinds(events)).toEqual(["task.outdial_placed"]);
        expect(s.task("o1")).toMatchObject({
          status: "assigned",
          agentId: "a1",
          origin: "outdial",
          customer: { address: "+46812345678" },
        });
      }));

  it("refuses inbound entry points, bad numbers and a second call on a busy voice line", () => {
    const s = new Scenario();
    s.login("a1");
    s.rejects({ ...outdial(), entryPointId: "ep-voice" }, "ENTRY_POINT_NOT_OUTDIAL");
    s.rejects(outdial("o1", "a1", "12"), "INVALID_DIAL_NUMBER");
    s.rejects(outdial("o1", "a1", "call me"), "INVALID_DIAL_NUMBER");
    s.ok(outdial());
    s.rejects(outdial("o2"), "AGENT_BUSY");
    s.rejects(outdial("o1", "a2"), "NOT_LOGGED_IN");
  });

  it("AGT-5 an agent in RONA chooses Go Available or Go Idle before placing a call", () =>
    given(
      (s) => s.login("a1"),
      (s) => s.available("a1"),
      (s) => s.receive("c1"),
      (s) => s.advance(18),
    )
      .when(outdial("o1"))
      .thenRejects("AGENT_IN_RONA"));

  it("AGT-5 AGT-9 an agent who went to RONA during the outdial call stays in RONA when it ends", () =>
    given(
      (s) => s.login("a1"),
      (s) => s.ok(outdial()),
      (s) => s.available("a1"),
      (s) => s.receive("chat1", "ep-chat"),
      (s) => s.advance(30),
    )
      .when({ type: "EndTask", taskId: "o1", agentId: "a1" })
      .thenCheck((_, events) => expect(kinds(events)).toEqual(["task.ended"])));

  it("AGT-9 with 'available after outdial' on, the agent is Available when the call ends, even if it was made while Idle", () => {
    const s = withOutdialSetting(true);
    s.login("a1");
    const events = callAndHangUp(s);
    expect(kinds(events)).toEqual(["task.ended", "agent.state.changed"]);
    expect(events.find((e) => e.type === "agent.state.changed")).toMatchObject({
      from: { type: "idle" },
      to: { type: "available" },
      cause: "outdial_ended",
    });
    expect(s.presence("a1").type).toBe("available");
  });

  it("AGT-9 with 'available after outdial' off, the agent is Idle when the call ends, even if Available before", () => {
    const s = withOutdialSetting(false);
    s.login("a1");
    s.available("a1");
    callAndHangUp(s);
    expect(s.presence("a1")).toMatchObject({ type: "idle", codeId: "not-ready" });
  });

  it("AGT-9 the state follows however the outdial call ends: the customer hanging up, or the number being busy", () => {
    for (const farEnd of [
      { type: "LegHungUp", taskId: "o1", partyId: "customer" },
      { type: "LegFailed", taskId: "o1", partyId: "customer", cause: "busy" },
    ] as const) {
      const s = withOutdialSetting(false);
      s.login("a1");
      s.available("a1");
      s.ok(outdial());
      if (farEnd.type === "LegHungUp") s.ok({ type: "LegAnswered", taskId: "o1", partyId: "customer" });
      s.ok(farEnd);
      expect(s.presence("a1")).toMatchObject({ type: "idle", codeId: "not-ready" });
    }
  });

  it("AGT-9 an agent already in the target state is left as is", () => {
    const s = withOutdialSetting(false);
    s.login("a1");
    s.idle("a1", "lunch");
    expect(kinds(callAndHangUp(s))).toEqual(["task.ended"]);
    expect(s.presence("a1")).toMatchObject({ type: "idle", codeId: "lunch" });
  });

  it("an outdial call is never offered to anyone and wraps up like any call", () =>
    given(
      (s) => s.login("a1"),
      (s) => s.available("a1"),
      (s) => s.ok(outdial()),
      (s) => s.end("o1", "a1"),
    )
      .when({ type: "WrapUpTask", taskId: "o1", agentId: "a1", codeId: "sale" })
      .thenCheck((s, events) => {
        expect(events.some((e) => e.type === "offer.created")).toBe(false);
        expect(s.task("o1")).toBeUndefined();
      }));
});
