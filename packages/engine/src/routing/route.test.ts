import { describe, expect, it } from "vitest";
import { given, type Scenario } from "../../test/scenario.ts";

const loggedIn =
  (...ids: string[]) =>
  (s: Scenario) =>
    ids.forEach((id) => {
      s.login(id);
    });
const availableAgents =
  (...ids: string[]) =>
  (s: Scenario) =>
    ids.forEach((id) => {
      s.available(id);
    });

describe("routing", () => {
  it("RTE-1 a contact entering an entry point waits in its queue and is offered to the longest-available agent", () =>
    given(loggedIn("a1", "a2"), availableAgents("a2"), (s) => s.advance(5), availableAgents("a1"))
      .when({ type: "ReceiveTask", taskId: "c1", entryPointId: "ep-voice" })
      .thenCheck((s, events) => {
        expect(events.map((e) => e.type)).toEqual(["task.received", "offer.created"]);
        expect(s.offeredTo("c1")).toBe("a2");
      }));

  it("RTE-1 with no agent free the contact waits, then goes to the first agent who becomes available", () =>
    given(loggedIn("a1", "a2"), (s) => s.receive("c1"))
      .when((s) => s.available("a1"))
      .thenCheck((s) => expect(s.offeredTo("c1")).toBe("a1")));

  it("RTE-1 waiting order is priority first, then age", () =>
    given(loggedIn("a1"), (s) => {
      s.receive("old");
      s.advance(1);
      s.receive("urgent", "ep-voice", { priority: 5 });
      s.advance(1);
      s.receive("new");
    })
      .when((s) => s.available("a1"))
      .thenCheck((s) => expect(s.offeredTo("urgent")).toBe("a1")));

  it("RTE-1 the agent who finished last goes to the back of the line", () =>
    given(
      loggedIn("a1", "a2"),
      availableAgents("a1"),
      (s) => s.advance(1),
      availableAgents("a2"),
      (s) => {
        s.receive("c1");
        s.accept("c1", "a1");
        s.end("c1", "a1");
        s.advance(1);
        s.wrapUp("c1", "a1");
      },
    )
      .when((s) => s.receive("c2"))
      .thenCheck((s) => expect(s.offeredTo("c2")).toBe("a2")));

  it("AGT-4 only Available agents are offered contacts: Idle agents get none", () =>
    given(loggedIn("a1", "a2"), availableAgents("a2"), (s) => s.idle("a2", "lunch"))
      .when((s) => s.receive("c1", "ep-chat"))
      .thenCheck((s) => {
        expect(s.offeredTo("c1")).toBeNull();
        expect(s.task("c1")?.status).toBe("queued");
      }));

  it("AGT-4 Engaged-in-Available keeps receiving other channels up to each channel's capacity", () =>
    given(loggedIn("a1"), availableAgents("a1"), (s) => {
      s.receive("call");
      s.accept("call", "a1");
    })
      .when((s) => {
        for (const id of ["chat1", "chat2", "chat3", "chat4"]) s.receive(id, "ep-chat");
        s.receive("call2");
      })
      .thenCheck((s) => {
        expect(["chat1", "chat2", "chat3", "chat4", "call2"].map((id) => s.offeredTo(id))).toEqual([
          "a1",
          "a1",
          "a1",
          null,
          null,
        ]);
      }));

  it("AGT-4 Engaged-in-Idle receives no contact on any channel", () =>
    given(loggedIn("a1"), availableAgents("a1"), (s) => {
      s.receive("call");
      s.accept("call", "a1");
      s.idle("a1", "meeting");
    })
      .when((s) => s.receive("chat1", "ep-chat"))
      .thenCheck((s) => expect(s.offeredTo("chat1")).toBeNull()));
});
