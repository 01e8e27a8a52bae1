import { describe, expect, it } from "vitest";
import { given, Scenario } from "../../../test/scenario.ts";
import { SYSTEM_REASON } from "../../config/systemCodes.ts";
import { agentTimers } from "../../views/agentTimers.ts";
import { popoverStack } from "../../views/popovers.ts";

const ready =
  (...ids: string[]) =>
  (s: Scenario) =>
    ids.forEach((id) => {
      s.login(id);
      s.available(id);
    });
const call =
  (id = "c1") =>
  (s: Scenario) =>
    s.receive(id);

describe("offers", () => {
  it("RTE-2 an offer shows first as connecting, then as a contact request once it reached the agent", () =>
    given(ready("a1"), call())
      .when({ type: "ConfirmOfferDelivered", taskId: "c1", agentId: "a1" })
      .thenCheck((s, events) => {
        expect(events.map((e) => e.type)).toEqual(["offer.delivered"]);
        expect(popoverStack(s.state, "a1" as never).items[0]?.phase).toBe("requested");
        // Delivered is the same offer, not a second one.
        expect(s.state.tasks.get("c1" as never)?.offers).toBe(1);
      }));

  it("RTE-2 nothing can be accepted while the offer is still connecting", () =>
    given(ready("a1"), call(), (s) =>
      expect(popoverStack(s.state, "a1" as never).items[0]?.phase).toBe("connecting"),
    )
      .when({ type: "AcceptTask", taskId: "c1", agentId: "a1" })
      .thenRejects("OFFER_NOT_DELIVERED"));

  it("RTE-2 accepting the contact request assigns the task to the agent", () =>
    given(ready("a1"), call(), (s) => s.deliver("c1", "a1"))
      .when({ type: "AcceptTask", taskId: "c1", agentId: "a1" })
      .thenCheck((s, events) => {
        // POP-9: the call connects the customer and the agent's device.
        expect(events.map((e) => e.type)).toEqual([
          "task.assigned",
          "participant.joined",
          "participant.joined",
        ]);
        expect(s.task("c1")).toMatchObject({ status: "assigned", agentId: "a1", assignedAt: s.now });
      }));

  it("only the agent the task is offered to can accept or decline it", () => {
    const s = new Scenario();
    ready("a1", "a2")(s);
    s.receive("c1");
    s.deliver("c1", "a1");
    s.rejects({ type: "AcceptTask", taskId: "c1", agentId: "a2" }, "NOT_OFFERED_TO_AGENT");
    s.rejects({ type: "DeclineTask", taskId: "c1", agentId: "a2" }, "NOT_OFFERED_TO_AGENT");
    s.rejects({ type: "AcceptTask", taskId: "nope", agentId: "a1" }, "UNKNOWN_TASK");
  });

  it("RTE-3 an offer not accepted within 18 s returns to the queue and the agent goes to RONA", () =>
    given(
      ready("a1"),
      call(),
      (s) => s.deliver("c1", "a1"),
      (s) => expect(s.advance(17.999)).toEqual([]),
    )
      .when((s) => s.advance(0.001))
      .thenCheck((s, events) => {
        expect(events.map((e) => e.type)).toEqual(["offer.timed_out", "agent.state.changed"]);
        expect(events[1]).toMatchObject({
          to: { type: "rona" },
          reasonCode: SYSTEM_REASON.RING_NO_ANSWER,
          actor: { kind: "system" },
        });
        expect(s.task("c1")?.status).toBe("queued");
        expect(s.presence("a1").type).toBe("rona");
      }));

  it("RTE-3 once its time is up an offer cannot be accepted, even before the host's timer fires", () =>
    given(
      ready("a1"),
      call(),
      (s) => s.deliver("c1", "a1"),
      (s) => {
        s.now += 18_000;
      },
    )
      .when({ type: "AcceptTask", taskId: "c1", agentId: "a1" })
      .thenRejects("OFFER_EXPIRED"));

  it("RTE-3 digital offers wait 30 s by default", () =>
    given(
      ready("a1"),
      (s) => s.receive("chat1", "ep-chat"),
      (s) => expect(s.advance(29)).toEqual([]),
    )
      .when((s) => s.advance(1))
      .thenEmits("offer.timed_out", "agent.state.changed"));

  it("RTE-3 the offer timeout is configurable per channel in the profile", () =>
    given(
      ready("a4"),
      (s) => s.receive("c1"),
      (s) => expect(s.advance(5)).toEqual([]),
    )
      .when((s) => s.advance(1))
      .thenEmits("offer.timed_out", "agent.state.changed"));

  it("RTE-3 the returned contact goes back to the head of its queue, ahead of contacts that came later", () =>
    given(
      ready("a1"),
      call("c1"),
      (s) => s.advance(1),
      call("c2"),
      (s) => s.advance(17),
      (s) => s.login("a2"),
    )
      .when((s) => s.available("a2"))
      .thenCheck((s) => {
        expect(s.offeredTo("c1")).toBe("a2");
        expect(s.task("c2")?.status).toBe("queued");
      }));

  it("RTE-4 an offer over 8 s flashes its action button for the last 5 s", () =>
    given(ready("a1"), call())
      .when((s) => s.receive("chat1", "ep-chat"))
      .thenCheck((s) => {
        const items = popoverStack(s.state, "a1" as never).items;
        for (const p of items) expect(p.flashAt).toBe(p.expiresAt - 5000);
      }));

  it("RTE-4 an offer of 8 s or less does not flash", () =>
    given(ready("a4"))
      .when((s) => s.receive("chat1", "ep-chat"))
      .thenCheck((s) =>
        expect(popoverStack(s.state, "a4" as never).items[0]).toMatchObject({ flashAt: null }),
      ));

  it("RTE-5 a call that cannot reach the agent's device also sets RONA", () =>
    given(ready("a1"), call())
      .when({ type: "ReportOfferFailed", taskId: "c1", agentId: "a1", cause: "DEVICE_UNREACHABLE" })
      .thenCheck((s, events) => {
        expect(events.map((e) => e.type)).toEqual(["offer.failed", "agent.state.changed"]);
        expect(s.presence("a1").type).toBe("rona");
        expect(s.task("c1")?.status).toBe("queued");
      }));

  it("RTE-6 missing a digital offer while on a call sets RONA; the call goes on", () =>
    given(
      ready("a1"),
      call(),
      (s) => s.accept("c1", "a1"),
      (s) => s.receive("chat1", "ep-chat"),
    )
      .when((s) => s.advance(30))
      .thenCheck((s) => {
        expect(s.presence("a1").type).toBe("rona");
        expect(s.task("c1")?.status).toBe("assigned");
        expect(agentTimers(s.state, "a1" as never, s.now)?.engaged).toBe(true);
      }));

  it("RTE-6 the state timer restarts at 00:00 when the agent picks an option from RONA", () =>
    given(
      ready("a1"),
      call(),
      (s) => s.accept("c1", "a1"),
      (s) => s.receive("chat1", "ep-chat"),
      (s) => s.advance(40),
    )
      .when((s) => s.available("a1"))
      .thenCheck((s) => expect(agentTimers(s.state, "a1" as never, s.now)?.inState).toBe(0)));

  it("RTE-7 a contact is never offered to the agents it excludes", () =>
    given(ready("a1"), (s) => s.advance(1), ready("a2"))
      .when((s) => s.receive("c1", "ep-voice", { excludeAgents: ["a1"] }))
      .thenCheck((s) => expect(s.offeredTo("c1")).toBe("a2")));

  it("RTE-7 with only the excluded agent free, the contact waits", () =>
    given(ready("a1"))
      .when((s) => s.receive("c1", "ep-voice", { excludeAgents: ["a1"] }))
      .thenCheck((s) => expect(s.task("c1")?.status).toBe("queued")));

  it("a declined contact goes back to its place and on to another agent, never back to the one who declined", () =>
    given(ready("a1"), (s) => s.advance(1), ready("a2"), call())
      .when({ type: "DeclineTask", taskId: "c1", agentId: "a1" })
      .thenCheck((s, events) => {
        expect(events.map((e) => e.type)).toEqual(["offer.declined", "offer.created"]);
        expect(s.offeredTo("c1")).toBe("a2");
        expect(s.presence("a1").type).toBe("available");
      }));

  it("a customer who abandons while queued cancels the task", () =>
    given(call())
      .when({ type: "CustomerLeft", taskId: "c1" })
      .thenCheck((s, events) => {
        expect(events).toMatchObject([{ type: "task.canceled", reason: "abandoned", agentId: null }]);
        expect(s.task("c1")).toBeUndefined();
      }));

  it("a customer who abandons while offered withdraws the offer and frees the agent, with no RONA", () =>
    given(ready("a1"), call())
      .when((s) => {
        s.ok({ type: "CustomerLeft", taskId: "c1" });
        s.receive("c2");
      })
      .thenCheck((s) => {
        expect(s.offeredTo("c2")).toBe("a1");
        expect(s.presence("a1").type).toBe("available");
        expect(s.engine.dueTimers().map((t) => t.taskId)).toEqual(["c2"]);
      }));

  it("refuses contacts on unknown, inactive or outdial entry points, duplicates and bad priorities", () => {
    const s = new Scenario();
    s.rejects({ type: "ReceiveTask", taskId: "c1", entryPointId: "nope" }, "UNKNOWN_ENTRY_POINT");
    s.rejects({ type: "ReceiveTask", taskId: "c1", entryPointId: "ep-closed" }, "ENTRY_POINT_INACTIVE");
    s.rejects({ type: "ReceiveTask", taskId: "c1", entryPointId: "ep-out" }, "ENTRY_POINT_NOT_INBOUND");
    s.rejects(
      { type: "ReceiveTask", taskId: "c1", entryPointId: "ep-voice", priority: 1.5 },
      "INVALID_PRIORITY",
    );
    s.rejects(
      { type: "ReceiveTask", taskId: "c1", entryPointId: "ep-voice", priority: 101 },
      "INVALID_PRIORITY",
    );
    s.receive("c1");
    s.rejects({ type: "ReceiveTask", taskId: "c1", entryPointId: "ep-voice" }, "TASK_EXISTS");
  });
});
