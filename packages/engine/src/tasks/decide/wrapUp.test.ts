import { describe, expect, it } from "vitest";
import { given, kinds, type Scenario } from "../../../test/scenario.ts";

const connected =
  (agentId: string, taskId = "c1") =>
  (s: Scenario) => {
    s.login(agentId);
    s.available(agentId);
    s.receive(taskId);
    s.accept(taskId, agentId);
  };
const ended =
  (agentId: string, taskId = "c1") =>
  (s: Scenario) =>
    s.end(taskId, agentId);
const wrapUp = (codeId: string, agentId = "a1") =>
  ({ type: "WrapUpTask", taskId: "c1", agentId, codeId }) as const;

describe("end and wrap-up", () => {
  it("WRP-1 End starts wrap-up; submitting an admin-defined wrap-up reason ends the interaction for the agent", () =>
    given(connected("a1"), (s) => s.advance(60), ended("a1"))
      .when(wrapUp("follow-up"))
      .thenCheck((s, events) => {
        expect(events).toMatchObject([{ type: "task.wrapup", codeId: "follow-up", auto: false }]);
        expect(s.task("c1")).toBeUndefined();
        expect(s.state.agents.get("a1" as never)?.tasks).toEqual([]);
      }));

  it("WRP-1 a wrap-up reason outside the agent's profile, or not a wrap-up code, is refused", () => {
    const s = given(connected("a1"), ended("a1")).scenario;
    s.rejects(wrapUp("lunch"), "UNKNOWN_WRAPUP_CODE");
    s.rejects(wrapUp("nope"), "UNKNOWN_WRAPUP_CODE");
  });

  it("WRP-1 wrap-up before End, or by another agent, is refused", () => {
    const s = given(connected("a1"), connected("a2", "c2")).scenario;
    s.rejects(wrapUp("resolved"), "TASK_NOT_WRAPPING");
    s.end("c1", "a1");
    s.rejects(wrapUp("resolved", "a2"), "NOT_TASK_OWNER");
    s.rejects({ type: "EndTask", taskId: "c1", agentId: "a1" }, "TASK_NOT_ACTIVE");
  });

  it("WRP-3 after wrap-up an agent who was Available is Available again and gets the next contact", () =>
    given(connected("a1"), (s) => s.receive("c2"), ended("a1"))
      .when(wrapUp("resolved"))
      .thenCheck((s) => {
        expect(s.presence("a1").type).toBe("available");
        expect(s.offeredTo("c2")).toBe("a1");
      }));

  it("WRP-3 after wrap-up an agent who went Idle stays Idle and gets nothing", () =>
    given(
      connected("a1"),
      (s) => s.idle("a1", "lunch"),
      (s) => s.receive("c2"),
      ended("a1"),
    )
      .when(wrapUp("resolved"))
      .thenCheck((s) => {
        expect(s.presence("a1")).toMatchObject({ type: "idle", codeId: "lunch" });
        expect(s.task("c2")?.status).toBe("queued");
      }));

  it("WRP-3 with auto wrap-up configured the default reason is applied after the timeout", () =>
    given(connected("a3"), ended("a3"), (s) => expect(s.advance(29)).toEqual([]))
      .when((s) => s.advance(1))
      .thenCheck((s, events) => {
        expect(events).toMatchObject([
          { type: "task.wrapup", codeId: "resolved", auto: true, agentId: "a3" },
        ]);
        expect(s.task("c1")).toBeUndefined();
      }));

  it("WRP-3 a wrap-up submitted before the timeout cancels the auto wrap-up", () =>
    given(
      connected("a3"),
      ended("a3"),
      (s) => s.advance(10),
      (s) => s.wrapUp("c1", "a3"),
    )
      .when((s) => s.advance(60))
      .thenEmits());

  it("the customer hanging up ends the interaction and the agent wraps up", () =>
    given(connected("a1"))
      .when({ type: "CustomerLeft", taskId: "c1" })
      .thenCheck((s, events) => {
        expect(kinds(events)).toEqual(["task.ended"]);
        expect(events.find((e) => e.type === "task.ended")).toMatchObject({ by: "customer" });
        expect(s.task("c1")?.status).toBe("wrapping");
      }));

  it("a pending state chosen while engaged applies when the last interaction ends", () =>
    given(connected("a1"), (s) =>
      s.ok({ type: "SetPendingAgentState", agentId: "a1", pending: { type: "idle", codeId: "training" } }),
    )
      .when((s) => {
        s.end("c1", "a1");
        s.wrapUp("c1", "a1");
      })
      .thenCheck((s) => expect(s.presence("a1")).toMatchObject({ type: "idle", codeId: "training" })));

  it("a pending logout keeps new contacts away and logs the agent out after the last wrap-up", () =>
    given(connected("a1"), (s) =>
      s.ok({ type: "SetPendingAgentState", agentId: "a1", pending: { type: "logged_out" } }),
    )
      .when((s) => {
        s.receive("chat1", "ep-chat");
        expect(s.offeredTo("chat1")).toBeNull();
        s.end("c1", "a1");
        s.wrapUp("c1", "a1");
      })
      .thenCheck((s, events) => {
        expect(kinds(events)).toEqual(["task.received", "task.ended", "task.wrapup", "agent.logged_out"]);
        expect(s.presence("a1").type).toBe("logged_out");
      }));

  it("a pending state waits for the last of several interactions", () =>
    given(connected("a1"), (s) => {
      s.receive("chat1", "ep-chat");
      s.accept("chat1", "a1");
      s.ok({ type: "SetPendingAgentState", agentId: "a1", pending: { type: "logged_out" } });
      s.end("c1", "a1");
      s.wrapUp("c1", "a1");
      expect(s.presence("a1").type).toBe("available");
    })
      .when((s) => {
        s.end("chat1", "a1");
        s.wrapUp("chat1", "a1");
      })
      .thenCheck((s) => expect(s.presence("a1").type).toBe("logged_out")));

  it("a pending state needs an active interaction", () =>
    given((s) => s.login("a1"))
      .when({ type: "SetPendingAgentState", agentId: "a1", pending: { type: "available" } })
      .thenRejects("NOT_ENGAGED"));
});
