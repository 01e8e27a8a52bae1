import { describe, expect, it } from "vitest";
import { call } from "../../test/calls.ts";
import { given, type Scenario } from "../../test/scenario.ts";
import { type AgentId, fromPlain, type Plain } from "../shared/ids.ts";
import { Engine } from "../tenant/engine.ts";
import type { Command } from "../tenant/messages.ts";
import { toStored } from "../tenant/restore.ts";
import { snapshot } from "../tenant/snapshot.ts";
import { closedWorkItems } from "../views/workItems.ts";
import { CLOSED_WORK_LIMIT, closesIn } from "./closedWork.ts";

const closed = (s: Scenario, agentId: string) => closedWorkItems(s.state, agentId as AgentId);

/** The agent, Available, takes call `taskId` and wraps it up with `codeId`. */
const handled =
  (taskId: string, codeId = "resolved", agentId = "a1") =>
  (s: Scenario) => {
    s.receive(taskId);
    s.accept(taskId, agentId);
    s.advance(60);
    s.end(taskId, agentId);
    s.wrapUp(taskId, agentId, codeId);
  };

describe("closed work items", () => {
  it("SES-15 a wrapped-up contact becomes the agent's closed work item, newest first, with its wrap-up code", () =>
    given(
      (s) => s.login("a1"),
      (s) => s.available("a1"),
      handled("c1"),
    )
      .when((s) => {
        s.advance(5);
        handled("c2", "sale")(s);
      })
      .thenCheck((s) => {
        const items = closed(s, "a1");
        expect(items.map((i) => i.taskId)).toEqual(["c2", "c1"]);
        expect(items[0]).toEqual({
          taskId: "c2",
          channel: "voice",
          customerName: null,
          customerAddress: "+4670123456",
          queueId: "q-voice",
          queueName: "Support voice",
          role: "owner",
          startedAt: s.now - 60_000,
          closedAt: s.now,
          wrapUpCodeId: "sale",
          wrapUpCodeName: "sale",
        });
        expect(closed(s, "a2")).toEqual([]);
      }));

  it("SES-15 a contact in wrap-up is not closed yet", () =>
    given(
      (s) => s.login("a1"),
      (s) => s.available("a1"),
      (s) => s.receive("c1"),
      (s) => s.accept("c1", "a1"),
    )
      .when((s) => s.end("c1", "a1"))
      .thenCheck((s) => expect(closed(s, "a1")).toEqual([])));

  it("SES-15 a consulted agent's part closes when they leave; conferees' when the owner ends for everyone", () =>
    given(call.answered(), call.idle("a2", "a3"), call.conferenceWith("a2"), (s) => {
      s.advance(1);
      call.consulting("a3")(s);
    })
      .when((s) => {
        s.ok(call.endConsult());
        s.advance(10);
        s.ok(call.end());
      })
      .thenCheck((s) => {
        expect(closed(s, "a3")).toMatchObject([{ taskId: "c1", role: "consulted", wrapUpCodeId: null }]);
        expect(closed(s, "a2")).toMatchObject([
          { taskId: "c1", role: "conferee", closedAt: s.now, wrapUpCodeId: null, wrapUpCodeName: null },
        ]);
        // The owner's closes with the wrap-up.
        expect(closed(s, "a1")).toEqual([]);
        s.ok(call.wrapUp());
        expect(closed(s, "a1")).toMatchObject([{ taskId: "c1", role: "owner", wrapUpCodeId: "resolved" }]);
      }));

  it("SES-15 the closed work items stay the agent's across a logout and the next login", () =>
    given(
      (s) => s.login("a1"),
      (s) => s.available("a1"),
      handled("c1"),
      (s) => s.ok({ type: "LogoutAgent", agentId: "a1", by: { kind: "agent", id: "a1" } }),
    )
      .when((s) => {
        expect(closed(s, "a1").map((i) => i.taskId)).toEqual(["c1"]);
        s.login("a1");
        s.available("a1");
        handled("c2")(s);
      })
      .thenCheck((s) => {
        expect(closed(s, "a1").map((i) => i.taskId)).toEqual(["c2", "c1"]);
        expect(s.state.closedWork.size).toBe(0);
      }));

  it("SES-15 the list shows the last 50; a contact closed again is listed once, at its latest close", () =>
    given(
      (s) => s.login("a1"),
      (s) => s.available("a1"),
      (s) => {
        for (let i = 0; i < 2 * CLOSED_WORK_LIMIT + 5; i++) handled(`c${i}`)(s);
      },
    )
      .when(handled("c60", "follow-up"))
      .thenCheck((s) => {
        const items = closed(s, "a1");
        expect(items).toHaveLength(CLOSED_WORK_LIMIT);
        expect(items[0]).toMatchObject({ taskId: "c60", wrapUpCodeId: "follow-up" });
        expect(items.filter((i) => i.taskId === "c60")).toHaveLength(1);
        // c104 down to c61, then c59 down to c55: c60's first close is not listed again.
        expect(items[1]?.taskId).toBe("c104");
        expect(items.at(-1)?.taskId).toBe("c55");
        // The state keeps at most twice the limit, cut back to the limit as it reaches that.
        const agent = s.state.agents.get("a1" as AgentId);
        expect(agent?.closedKept).toBe(CLOSED_WORK_LIMIT + 6);
        expect(closesIn(agent?.closedWork ?? null)).toBe(CLOSED_WORK_LIMIT + 6);
      }));

  it("SES-15 the closed work items are state: a restored engine has them and carries on alike", () =>
    given(
      (s) => s.login("a1"),
      (s) => s.available("a1"),
      (s) => {
        for (let i = 0; i < CLOSED_WORK_LIMIT + 7; i++) handled(`c${i}`)(s);
      },
    )
      .when(() => undefined)
      .thenCheck((s) => {
        const restored = Engine.restore(JSON.parse(JSON.stringify(toStored(s.state))));
        expect(snapshot(restored.state)).toStrictEqual(snapshot(s.state));
        expect(closedWorkItems(restored.state, "a1" as AgentId)).toEqual(closed(s, "a1"));
        // Both go on alike.
        const taskId = "c99";
        const next: Plain<Command>[] = [
          { type: "ReceiveTask", taskId, entryPointId: "ep-voice", customer: { address: "+4670123456" } },
          { type: "ConfirmOfferDelivered", taskId, agentId: "a1" },
          { type: "AcceptTask", taskId, agentId: "a1" },
          { type: "EndTask", taskId, agentId: "a1" },
          { type: "WrapUpTask", taskId, agentId: "a1", codeId: "resolved" },
        ];
        for (const engine of [s.engine, restored])
          for (const cmd of next) expect(engine.execute(fromPlain<Command>(cmd), s.now).ok).toBe(true);
        expect(snapshot(restored.state)).toStrictEqual(snapshot(s.state));
        expect(closed(s, "a1")[0]?.taskId).toBe("c99");
        expect(closed(s, "a1").at(-1)?.taskId).toBe("c8");
      }));
});
