import { describe, expect, it } from "vitest";
import { given, type Scenario } from "../../test/scenario.ts";
import { popoverStack, stackCaption } from "./popovers.ts";

const a1Ready = (s: Scenario) => {
  s.login("a1");
  s.available("a1");
};
const stack = (s: Scenario) => popoverStack(s.state, "a1" as never);

describe("popovers", () => {
  it("POP-3 requests stack emails, social, chats, calls from the top; within a channel the earliest on top", () =>
    given(a1Ready)
      .when((s) => {
        for (const [id, ep] of [
          ["call", "ep-voice"],
          ["chat-1", "ep-chat"],
          ["mail-1", "ep-email"],
          ["dm-1", "ep-social"],
          ["chat-2", "ep-chat"],
          ["mail-2", "ep-email"],
        ] as const) {
          s.receive(id, ep);
          s.advance(1);
        }
      })
      .thenCheck((s) =>
        expect(stack(s).items.map((p) => p.taskId)).toEqual([
          "mail-1",
          "mail-2",
          "dm-1",
          "chat-1",
          "chat-2",
          "call",
        ]),
      ));

  it("POP-2 above five requests the stack reads 1–5 of N", () =>
    given(a1Ready)
      .when((s) => {
        for (const id of ["m1", "m2"]) s.receive(id, "ep-email");
        for (const id of ["s1", "s2"]) s.receive(id, "ep-social");
        for (const id of ["c1", "c2", "c3"]) s.receive(id, "ep-chat");
      })
      .thenCheck((s) => {
        expect(stack(s)).toMatchObject({ total: 7, shown: 5 });
        expect(stackCaption(stack(s))).toBe("1–5 of 7");
      }));

  it("POP-2 five or fewer requests need no caption", () =>
    given(a1Ready)
      .when((s) => s.receive("c1", "ep-chat"))
      .thenCheck((s) => expect(stackCaption(stack(s))).toBe("")));

  it("POP-4 Accept N requests accepts every digital request at once, never the call", () =>
    given(a1Ready, (s) => {
      for (const [id, ep] of [
        ["call", "ep-voice"],
        ["chat-1", "ep-chat"],
        ["mail-1", "ep-email"],
      ] as const) {
        s.receive(id, ep);
        s.deliver(id, "a1");
      }
      expect(stack(s).acceptAllCount).toBe(2);
    })
      .when({ type: "AcceptAllDigital", agentId: "a1" })
      .thenCheck((s, events) => {
        expect(events.map((e) => e.type)).toEqual(["task.assigned", "task.assigned"]);
        expect(s.task("chat-1")?.status).toBe("assigned");
        expect(s.task("mail-1")?.status).toBe("assigned");
        expect(s.offeredTo("call")).toBe("a1");
      }));

  it("POP-4 each digital request can still be accepted on its own", () =>
    given(a1Ready, (s) => {
      s.receive("chat-1", "ep-chat");
      s.deliver("chat-1", "a1");
    })
      .when({ type: "AcceptTask", taskId: "chat-1", agentId: "a1" })
      .thenEmits("task.assigned"));

  it("POP-4 with no digital request delivered, Accept all is refused", () =>
    given(a1Ready, (s) => s.receive("chat-1", "ep-chat"))
      .when({ type: "AcceptAllDigital", agentId: "a1" })
      .thenRejects("NOTHING_TO_ACCEPT"));
});
