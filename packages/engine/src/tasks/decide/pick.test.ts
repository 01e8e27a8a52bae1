import { describe, expect, it } from "vitest";
import { given, type Scenario } from "../../../test/scenario.ts";
import { openWorkItems } from "../../views/workItems.ts";

const loggedIn =
  (id: string, teamId = "support") =>
  (s: Scenario) =>
    s.login(id, teamId);
const chat =
  (id = "chat1") =>
  (s: Scenario) =>
    s.receive(id, "ep-chat");
const pick = (taskId: string, agentId = "a1") => ({ type: "PickTask" as const, taskId, agentId });

describe("pick (open work items)", () => {
  it("SES-15 picking a waiting chat assigns it to the agent at once and takes it off the queue", () =>
    given(loggedIn("a1"), chat(), (s) => s.advance(5))
      .when(pick("chat1"))
      .thenCheck((s, events) => {
        expect(events).toEqual([{ type: "task.picked", at: s.now, taskId: "chat1", agentId: "a1" }]);
        expect(s.task("chat1")).toMatchObject({
          status: "assigned",
          agentId: "a1",
          assignedAt: s.now,
          answeredAt: s.now,
          agents: [{ agentId: "a1", role: "owner", status: "active", since: s.now }],
        });
        expect(s.state.waiting.count("q-chat" as never)).toBe(0);
        const agent = s.state.agents.get("a1" as never);
        expect(agent?.tasks).toEqual(["chat1"]);
        expect(agent?.load.chat).toBe(1);
        expect(openWorkItems(s.state, "a1" as never)).toEqual([]);
      }));

  it("SES-15 a picked chat counts against capacity and ends and wraps up like an accepted one", () =>
    given(loggedIn("a1"), chat("chat1"), chat("chat2"), chat("chat3"), chat("chat4"), (s) => {
      s.ok(pick("chat1"));
      s.ok(pick("chat2"));
      s.ok(pick("chat3"));
    })
      .when((s) => {
        s.rejects(pick("chat4"), "NO_CAPACITY");
        s.end("chat1", "a1");
        s.wrapUp("chat1", "a1");
        return s.ok(pick("chat4"));
      })
      .thenCheck((s) => {
        expect(s.task("chat1")).toBeUndefined();
        expect(s.state.agents.get("a1" as never)?.load.chat).toBe(3);
      }));

  it("SES-15 a picked chat is no longer offered to an agent who becomes available", () =>
    given(loggedIn("a1"), loggedIn("a2"), chat(), (s) => s.ok(pick("chat1", "a1")))
      .when((s) => s.available("a2"))
      .thenCheck((s, events) => {
        expect(events.map((e) => e.type)).toEqual(["agent.state.changed"]);
        expect(s.task("chat1")).toMatchObject({ status: "assigned", agentId: "a1" });
      }));

  it("SES-15 calls are offered, not picked", () =>
    given(loggedIn("a1"), (s) => s.receive("c1", "ep-voice"))
      .when(pick("c1"))
      .thenRejects("NOT_A_WORK_ITEM"));

  it("SES-15 only a waiting task can be picked", () =>
    given(loggedIn("a1"), loggedIn("a2"), chat(), (s) => s.ok(pick("chat1", "a2")))
      .when(pick("chat1"))
      .thenRejects("TASK_NOT_WAITING"));

  it("SES-15 an offered task is no longer waiting", () =>
    given(loggedIn("a2"), (s) => s.available("a2"), loggedIn("a1"), chat())
      .when(pick("chat1"))
      .thenRejects("TASK_NOT_WAITING"));

  it("SES-15 only from a queue the agent's login team serves", () =>
    given(loggedIn("a5", "sales"), chat()).when(pick("chat1", "a5")).thenRejects("QUEUE_NOT_SERVED"));

  it("SES-15 a logged-out agent cannot pick; nor can anyone pick an unknown task", () =>
    given(loggedIn("a2"), chat()).when((s) => {
      s.rejects(pick("chat1"), "NOT_LOGGED_IN");
      s.rejects(pick("nope", "a2"), "UNKNOWN_TASK");
    }));

  it("SES-15 an agent in RONA chooses a state before picking", () =>
    given(
      loggedIn("a1"),
      (s) => s.available("a1"),
      chat(),
      (s) => s.deliver("chat1", "a1"),
      (s) => s.advance(30),
      chat("chat2"),
    )
      .when((s) => {
        expect(s.presence("a1").type).toBe("rona");
        s.rejects(pick("chat2"), "AGENT_IN_RONA");
      })
      .thenCheck(() => {}));

  it("SES-15 an agent the task excludes (who transferred it to the queue) cannot pick it", () =>
    given(loggedIn("a1"), (s) => s.receive("chat1", "ep-chat", { excludeAgents: ["a1"] }))
      .when(pick("chat1"))
      .thenRejects("TASK_EXCLUDES_AGENT"));

  it("SES-15 open work items: waiting digital tasks of the team's queues, most urgent first, capped", () =>
    given(
      loggedIn("a1"),
      chat("chat1"),
      (s) => s.advance(1),
      (s) => s.receive("mail1", "ep-email", { priority: 5 }),
      (s) => s.receive("c1", "ep-voice"),
      (s) => s.receive("chat9", "ep-chat", { excludeAgents: ["a1"] }),
    )
      .when(() => undefined)
      .thenCheck((s) => {
        const items = openWorkItems(s.state, "a1" as never);
        expect(items.map((i) => i.taskId)).toEqual(["mail1", "chat1"]);
        expect(items[1]).toEqual({
          taskId: "chat1",
          channel: "chat",
          customerName: null,
          customerAddress: "+4670123456",
          queueId: "q-chat",
          queueName: "Support chat",
          waitingSince: s.now - 1000,
        });
        expect(openWorkItems(s.state, "a1" as never, 1).map((i) => i.taskId)).toEqual(["mail1"]);
        expect(openWorkItems(s.state, "a2" as never)).toEqual([]);
      }));
});
