import { describe, expect, it } from "vitest";
import { actions, call, leg, view } from "../../test/calls.ts";
import { given, kinds, type Scenario } from "../../test/scenario.ts";
import type { TenantEvent } from "../tenant/messages.ts";

const transferTo = (target: Record<string, string>, agentId = "a1") =>
  ({ type: "TransferCall", taskId: "c1", agentId, target }) as never;
const available =
  (...ids: string[]) =>
  (s: Scenario) => {
    for (const id of ids) {
      s.login(id);
      s.available(id);
    }
  };

const NUMBER = "number:+46812345678";
/** An event as a line of the call's story: who left and why, where the call went. */
const legStory = (e: TenantEvent): string => {
  if (e.type === "participant.left") return `${e.type} ${e.partyId} (${e.leg.cause})`;
  if (e.type === "task.transferred" && e.to.kind === "dial_number") return `${e.type} to ${e.to.number}`;
  return e.type;
};

describe("blind transfer", () => {
  it("XFR-1 XFR-4 blind transfer to an agent: the target is offered the call, the transferring agent wraps up", () =>
    given(call.answered(), available("a2"))
      .when(transferTo({ kind: "agent", agentId: "a2" }))
      .thenCheck((s, events) => {
        expect(kinds(events)).toEqual(["task.transferred"]);
        expect(leg(s, "agent:a1")).toBe("dropped");
        expect(s.offeredTo("c1")).toBe("a2");
        expect(view(s, "a1")?.main.state).toBe("wrap_up");
        s.accept("c1", "a2");
        expect(s.task("c1")).toMatchObject({ status: "assigned", agentId: "a2" });
        expect([leg(s, "customer"), leg(s, "agent:a2")]).toEqual(["connected", "connected"]);
      }));

  it("XFR-2 only Available agents with a free line can receive a transfer: not Idle, not in wrap-up", () => {
    const s = given(call.answered(), call.idle("a2"), call.answered("a3", "c3"), (s) =>
      s.ok(call.end("a3", "c3")),
    ).scenario;
    s.rejects(transferTo({ kind: "agent", agentId: "a2" }), "TRANSFER_TARGET_UNAVAILABLE");
    s.available("a3");
    s.rejects(transferTo({ kind: "agent", agentId: "a3" }), "TRANSFER_TARGET_UNAVAILABLE");
    s.rejects(transferTo({ kind: "agent", agentId: "a1" }), "TRANSFER_TARGET_UNAVAILABLE");
  });

  it("XFR-3 if the target agent does not accept, the call is dropped", () =>
    given(call.answered(), available("a2"), (s) => s.ok(transferTo({ kind: "agent", agentId: "a2" })))
      .when((s) => s.advance(18))
      .thenCheck((s, events) => {
        expect(kinds(events)).toEqual(["offer.timed_out", "agent.state.changed", "task.canceled"]);
        expect(leg(s, "customer")).toBe("dropped");
        expect(s.task("c1")).toMatchObject({ status: "wrapping", agentId: "a1" });
        expect(actions(s, "a1")).toEqual(["wrap_up"]);
      }));

  it("XFR-3 a declined transfer is dropped too, and the transferring agent still wraps up", () => {
    const s = given(call.answered(), available("a2"), (s) =>
      s.ok(transferTo({ kind: "agent", agentId: "a2" })),
    ).scenario;
    s.ok({ type: "DeclineTask", taskId: "c1", agentId: "a2" });
    expect(leg(s, "customer")).toBe("dropped");
    s.ok(call.wrapUp());
    expect(s.task("c1")).toBeUndefined();
    expect(s.state.agents.get("a1" as never)?.tasks).toEqual([]);
  });

  it("XFR-1 XFR-6 RTE-7 transfer to a queue: the contact waits there and is never offered back to the transferring agent", () => {
    const s = given(call.answered(), (s) => s.ok(transferTo({ kind: "queue", queueId: "q-sales" }))).scenario;
    expect(s.task("c1")).toMatchObject({ status: "queued", queueId: "q-sales", excluded: ["a1"] });
    s.ok(call.wrapUp());
    expect(s.presence("a1").type).toBe("available");
    expect(s.offeredTo("c1")).toBeNull();
    s.login("a5", "sales");
    s.available("a5");
    expect(s.offeredTo("c1")).toBe("a5");
  });

  it("XFR-1 transfer to an entry point queues the contact in the entry point's queue", () =>
    given(call.answered())
      .when(transferTo({ kind: "entry_point", entryPointId: "ep-sales" }))
      .thenCheck((s) =>
        expect(s.task("c1")).toMatchObject({
          status: "queued",
          entryPointId: "ep-sales",
          queueId: "q-sales",
        }),
      ));

  it("XFR-1 XFR-4 blind transfer to a dial number: the call leaves the contact center, and no leg of it stays with Parley", () =>
    given(call.answered())
      .when(transferTo({ kind: "dial_number", number: "+46 8 123 456 78" }))
      .thenCheck((s, events) => {
        // The switch puts the customer through to the number; the engine never rings it itself.
        expect(events.map(legStory)).toEqual([
          "participant.left agent:a1 (transferred)",
          "task.transferred to +46812345678",
          "participant.left customer (transferred)",
        ]);
        expect([leg(s, "customer"), leg(s, "agent:a1"), leg(s, NUMBER)]).toEqual([
          "dropped",
          "dropped",
          "absent",
        ]);
        expect(s.task("c1")).toMatchObject({ status: "wrapping", agentId: "a1" });
        expect(view(s, "a1")).toMatchObject({ main: { state: "wrap_up" }, participants: [] });
      }));

  it("XFR-1 after a transfer to a number, its far end is no longer Parley's business: wrap-up leaves nothing behind", () => {
    const s = given(call.answered(), (s) =>
      s.ok(transferTo({ kind: "dial_number", number: "+46 8 123 456 78" })),
    )
      // A late report about the customer's line changes nothing: it is out of the contact center.
      .when({ type: "LegHungUp", taskId: "c1", partyId: "customer" })
      .thenEmits();
    s.ok(call.wrapUp());
    expect(s.task("c1")).toBeUndefined();
    expect(s.presence("a1").type).toBe("available");
  });

  it("XFR-1 a transfer to a number that cannot be dialled is refused", () =>
    given(call.answered())
      .when(transferTo({ kind: "dial_number", number: "12" }))
      .thenRejects("DIAL_NUMBER_TOO_SHORT"));

  it("XFR-1 only the primary agent transfers, and not during a consult", () => {
    const s = given(call.answered(), call.idle("a2"), available("a3"), call.consulting("a2")).scenario;
    s.rejects(transferTo({ kind: "agent", agentId: "a3" }), "CONSULT_IN_PROGRESS");
    s.rejects(transferTo({ kind: "agent", agentId: "a3" }, "a2"), "NOT_ALLOWED_FOR_CONSULTED_AGENT");
  });
});
