import { describe, expect, it } from "vitest";
import { actions, call, leg, view } from "../../test/calls.ts";
import { given, kinds, type Scenario } from "../../test/scenario.ts";

const agentsOf = (s: Scenario) =>
  Object.fromEntries((s.task("c1")?.agents ?? []).map((e) => [e.agentId, `${e.role}/${e.status}`]));

describe("conference", () => {
  it("CNF-1 a conference starts from an accepted consult: everyone is connected on the customer's call", () =>
    given(call.answered(), call.idle("a2"), call.consulting("a2"))
      .when(call.merge())
      .thenCheck((s, events) => {
        expect(kinds(events)).toEqual(["consult.ended"]);
        expect([leg(s, "customer"), leg(s, "agent:a1"), leg(s, "agent:a2")]).toEqual([
          "connected",
          "connected",
          "connected",
        ]);
        expect(view(s, "a1")?.main.state).toBe("conference");
        expect(view(s, "a2")?.main.state).toBe("conference");
        expect(agentsOf(s)).toEqual({ a1: "owner/active", a2: "conferee/active" });
      }));

  it("CNF-1 a conference has at most 8 participants, the customer and the agents included", () => {
    const s = given(call.answered(), call.idle("a2", "a3", "a4", "a6", "a7", "sup1"), (s) =>
      s.login("a5", "sales"),
    ).scenario;
    call.conferenceWith("a2", "a3", "a4", "a5", "a6")(s);
    const connected = () => s.task("c1")?.call?.parties.filter((p) => p.leg.status === "connected").length;
    expect(connected()).toBe(7);
    call.consulting("a7")(s);
    s.ok(call.merge());
    expect(connected()).toBe(8);
    expect(actions(s, "a1")).not.toContain("consult");
    s.rejects(call.consult("a1", "sup1"), "CONFERENCE_FULL");
  });

  it("CNF-2 any agent in a conference can consult a further participant and add them", () => {
    const s = given(call.answered(), call.idle("a2", "a3"), call.conferenceWith("a2")).scenario;
    s.ok(call.consult("a2", "a3"));
    // The consulting agent steps out; the customer and the owner keep talking.
    expect([leg(s, "agent:a2"), leg(s, "customer"), leg(s, "agent:a1")]).toEqual([
      "held",
      "connected",
      "connected",
    ]);
    s.ok(call.acceptConsult("a3"));
    s.ok(call.merge("a2"));
    expect(agentsOf(s)).toEqual({ a1: "owner/active", a2: "conferee/active", a3: "conferee/active" });
    expect(leg(s, "agent:a2")).toBe("connected");
  });

  it("CNF-3 in a conference, Transfer is replaced by Leave conference", () => {
    const s = given(call.answered(), call.idle("a2", "a3"), call.conferenceWith("a2")).scenario;
    expect(actions(s, "a1")).toEqual(["consult", "leave_conference", "end"]);
    s.ok(call.consult("a1", "a3"));
    s.ok(call.acceptConsult("a3"));
    expect(actions(s, "a1")).not.toContain("consult_transfer");
    s.rejects(call.transfer(), "NOT_ALLOWED_IN_CONFERENCE");
  });

  it("CNF-3 WRP-2 the owner leaving hands control to the agent present longest and wraps up", () =>
    given(call.answered(), call.idle("a2", "a3"), call.conferenceWith("a2", "a3"))
      .when(call.leave("a1"))
      .thenCheck((s, events) => {
        expect(kinds(events)).toEqual(["task.owner_changed"]);
        expect(events.find((e) => e.type === "task.owner_changed")).toMatchObject({
          agentId: "a2",
          from: "a1",
        });
        expect(agentsOf(s)).toEqual({ a1: "owner/wrapping", a2: "owner/active", a3: "conferee/active" });
        expect(view(s, "a1")?.main.state).toBe("wrap_up");
        expect(leg(s, "customer")).toBe("connected");
      }));

  it("CNF-3 a conference agent who leaves just leaves; with two parties left the call goes on", () =>
    given(call.answered(), call.idle("a2"), call.conferenceWith("a2"))
      .when(call.leave("a2"))
      .thenCheck((s) => {
        expect(agentsOf(s)).toEqual({ a1: "owner/active" });
        expect(view(s, "a1")?.main.state).toBe("connected");
        expect(s.state.agents.get("a2" as never)?.tasks).toEqual([]);
      }));

  it("CNF-4 the primary agent's End ends the call for everyone", () =>
    given(call.answered(), call.idle("a2", "a3"), call.conferenceWith("a2", "a3"))
      .when(call.end())
      .thenCheck((s) => {
        expect(s.task("c1")?.call?.parties.every((p) => p.leg.status === "dropped")).toBe(true);
        expect(agentsOf(s)).toEqual({ a1: "owner/wrapping" });
        expect(s.state.agents.get("a2" as never)?.tasks).toEqual([]);
      }));

  it("CNF-4 a conference agent's End only removes that agent", () =>
    given(call.answered(), call.idle("a2", "a3"), call.conferenceWith("a2", "a3"))
      .when(call.end("a3"))
      .thenCheck((s) => {
        expect(leg(s, "agent:a3")).toBe("dropped");
        expect([leg(s, "customer"), leg(s, "agent:a1"), leg(s, "agent:a2")]).toEqual([
          "connected",
          "connected",
          "connected",
        ]);
        expect(agentsOf(s)).toEqual({ a1: "owner/active", a2: "conferee/active" });
      }));

  it("CNF-5 only the primary agent applies wrap-up", () => {
    const s = given(call.answered(), call.idle("a2"), call.conferenceWith("a2")).scenario;
    s.ok(call.end());
    s.rejects(call.wrapUp("a2"), "NOT_TASK_OWNER");
    expect(actions(s, "a1")).toEqual(["wrap_up"]);
    s.ok(call.wrapUp("a1"));
    expect(s.task("c1")).toBeUndefined();
  });

  it("CNF-6 when the customer leaves, the agents talk on in Post call without hold, resume or consult", () => {
    const s = given(call.answered(), call.idle("a2", "a3"), call.conferenceWith("a2")).scenario;
    s.ok(call.hangUp());
    expect(view(s, "a1")?.main.state).toBe("post_call");
    expect(actions(s, "a1")).toEqual(["leave_conference", "end"]);
    s.rejects(call.hold(), "POST_CALL");
    s.rejects(call.consult("a1", "a3"), "POST_CALL");
  });

  it("CNF-6 the post call ends when one participant is left", () =>
    given(call.answered(), call.idle("a2"), call.conferenceWith("a2"), (s) => s.ok(call.hangUp()))
      .when(call.leave("a2"))
      .thenCheck((s, events) => {
        expect(kinds(events)).toEqual(["task.agent_left", "task.ended"]);
        expect(s.task("c1")?.status).toBe("wrapping");
        expect(agentsOf(s)).toEqual({ a1: "owner/wrapping" });
      }));
});
