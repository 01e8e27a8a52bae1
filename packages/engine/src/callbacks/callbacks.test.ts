import { describe, expect, it } from "vitest";
import { given, kinds, type Scenario } from "../../test/scenario.ts";
import { explainTask } from "../routing/explain.ts";
import { popoverStack } from "../views/popovers.ts";
import { queueViews } from "../views/queueStats.ts";

// The scenario clock starts 2026-11-02 08:00 UTC (09:00 in Stockholm).
const request = (over: Record<string, string> = {}) => ({
  customerNumber: "+46701234567",
  customerName: "Åsa Öberg",
  date: "2026-11-02",
  from: "10:00",
  to: "11:00",
  timeZone: "Europe/Stockholm",
  reason: "Invoice question",
  ...over,
});
const schedule = (
  assignTo: Record<string, string> = { kind: "any" },
  over: Record<string, string> = {},
  taskId = "cb1",
) =>
  ({
    type: "ScheduleCallback",
    taskId,
    agentId: "a1",
    entryPointId: "ep-callback",
    request: request(over),
    assignTo,
  }) as never;
const ready =
  (...ids: string[]) =>
  (s: Scenario) => {
    for (const id of ids) {
      s.login(id);
      s.available(id);
    }
  };
const HOUR = 3600;

describe("callbacks", () => {
  it("CB-1 CB-4 a scheduled callback waits for its window, then queues", () => {
    const s = given((s) => s.login("a1")).scenario;
    s.ok(schedule());
    expect(s.task("cb1")).toMatchObject({
      status: "scheduled",
      callback: { kind: "scheduled", number: "+46701234567" },
    });
    expect(s.advance(HOUR - 1)).toEqual([]);
    expect(kinds(s.advance(1))).toEqual(["callback.due"]);
    expect(s.task("cb1")?.status).toBe("queued");
  });

  it("CB-4 bad details are refused with every problem listed", () => {
    const s = given((s) => s.login("a1")).scenario;
    const d = s.run(
      schedule({ kind: "any" }, { customerNumber: "12", from: "08:00", timeZone: "Nowhere/Land" }),
    );
    expect(d.ok ? "accepted" : d.code).toBe("CALLBACK_INVALID");
    expect(d.ok ? [] : d.details?.problems).toHaveLength(2);
  });

  it("CB-8 callbacks are scheduled through an active callback entry point only", () => {
    const s = given((s) => s.login("a1")).scenario;
    s.rejects(
      { ...(schedule() as object), entryPointId: "ep-callback-off" } as never,
      "ENTRY_POINT_INACTIVE",
    );
    s.rejects({ ...(schedule() as object), entryPointId: "ep-voice" } as never, "ENTRY_POINT_NOT_CALLBACK");
  });

  it("CB-2 a callback is offered labelled Callback; accepting dials the customer", () => {
    const s = given(
      ready("a1"),
      (s) => s.ok(schedule()),
      (s) => s.advance(HOUR),
    ).scenario;
    const [popover] = popoverStack(s.state, "a1" as never).items;
    expect(popover?.kind).toBe("callback");
    s.accept("cb1", "a1");
    expect(s.task("cb1")?.call?.parties.find((p) => p.kind === "customer")?.leg.status).toBe("alerting");
    s.ok({ type: "LegAnswered", taskId: "cb1", partyId: "customer" });
    expect(s.task("cb1")?.call?.parties.find((p) => p.kind === "customer")?.leg.status).toBe("connected");
  });

  it("CB-2 if the customer does not answer, the callback returns to the queue", () => {
    const s = given(
      ready("a1"),
      (s) => s.ok(schedule()),
      (s) => s.advance(HOUR),
      (s) => s.accept("cb1", "a1"),
    ).scenario;
    const events = s.ok({ type: "LegFailed", taskId: "cb1", partyId: "customer", cause: "no_answer" });
    expect(kinds(events)).toContain("callback.retry");
    expect(s.task("cb1")).toMatchObject({ callback: { attempts: 1 } });
    expect(s.state.agents.get("a1" as never)?.tasks).toEqual([]);
    // The agent is free again and the callback is offered again.
    expect(s.offeredTo("cb1")).toBe("a1");
  });

  it("CB-1 a web callback (name and number from a website) queues at once", () =>
    given(ready("a1"))
      .when({
        type: "RequestWebCallback",
        taskId: "web1",
        entryPointId: "ep-callback",
        name: "Per",
        number: "+46 70 765 43 21",
      })
      .thenCheck((s) =>
        expect(s.task("web1")).toMatchObject({
          status: "offered",
          callback: { kind: "web", number: "+46707654321" },
        }),
      ));

  it("CB-3 a web callback may be cancelled by the agent before the customer answers; wrap-up follows", () => {
    const s = given(ready("a1"), (s) => {
      s.ok({
        type: "RequestWebCallback",
        taskId: "web1",
        entryPointId: "ep-callback",
        name: "Per",
        number: "+46707654321",
      });
      s.accept("web1", "a1");
    }).scenario;
    s.ok({ type: "CancelCallback", taskId: "web1", agentId: "a1" });
    expect(s.task("web1")).toMatchObject({ status: "wrapping", agentId: "a1" });
  });

  it("CB-3 once the customer answered, cancel is refused", () => {
    const s = given(ready("a1"), (s) => {
      s.ok({
        type: "RequestWebCallback",
        taskId: "web1",
        entryPointId: "ep-callback",
        name: "Per",
        number: "+46707654321",
      });
      s.accept("web1", "a1");
      s.ok({ type: "LegAnswered", taskId: "web1", partyId: "customer" });
    }).scenario;
    s.rejects({ type: "CancelCallback", taskId: "web1", agentId: "a1" }, "CALL_CONNECTED");
  });

  it("CB-1 a courtesy callback: the waiting caller hangs up and keeps the place in the queue", () => {
    const s = given(
      (s) => s.login("a1"),
      (s) => s.receive("c1"),
      (s) => s.receive("c2"),
    ).scenario;
    s.ok({ type: "AcceptCourtesyCallback", taskId: "c1", number: "+46701112233" });
    expect(s.task("c1")).toMatchObject({ status: "queued", callback: { kind: "courtesy" } });
    s.available("a1");
    expect(s.offeredTo("c1")).toBe("a1");
  });

  it("CB-5 a scheduled callback can be edited or deleted before its start, not after", () => {
    const s = given(
      (s) => s.login("a1"),
      (s) => s.ok(schedule()),
    ).scenario;
    s.ok({ type: "UpdateCallback", taskId: "cb1", agentId: "a1", request: request({ from: "10:30" }) });
    expect(s.engine.dueTimers().map((t) => t.at)).toEqual([s.now + 90 * 60_000]);
    s.advance(90 * 60);
    s.rejects({ type: "DeleteCallback", taskId: "cb1", agentId: "a1" }, "CALLBACK_STARTED");
    s.rejects(
      { type: "UpdateCallback", taskId: "cb1", agentId: "a1", request: request({ from: "12:00" }) },
      "CALLBACK_STARTED",
    );
  });

  it("CB-5 deleting a callback before its start removes it", () =>
    given(
      (s) => s.login("a1"),
      (s) => s.ok(schedule()),
    )
      .when({ type: "DeleteCallback", taskId: "cb1", agentId: "a1" })
      .thenCheck((s) => {
        expect(s.task("cb1")).toBeUndefined();
        expect(s.engine.dueTimers()).toEqual([]);
      }));

  it("CB-6 a personal callback is offered only to its assignee, ahead of everything in the queue", () => {
    const s = given(ready("a1", "a2"), (s) => s.ok(schedule({ kind: "agent", agentId: "a2" }))).scenario;
    s.receive("c1");
    s.receive("c2");
    s.accept("c1", "a1");
    s.accept("c2", "a2");
    s.advance(HOUR);
    s.receive("c3");
    // Both agents are busy on calls at the scheduled time; a2 takes the callback next.
    s.end("c1", "a1");
    s.wrapUp("c1", "a1");
    expect(s.offeredTo("c3")).toBe("a1");
    s.end("c2", "a2");
    s.wrapUp("c2", "a2");
    expect(s.offeredTo("cb1")).toBe("a2");
  });

  it("CB-6 a personal callback its assignee declines goes to anyone of the queue instead of waiting for ever", () => {
    const s = given(ready("a1", "a2"), (s) => s.ok(schedule({ kind: "agent", agentId: "a2" }))).scenario;
    s.advance(HOUR);
    expect(s.offeredTo("cb1")).toBe("a2");
    s.ok({ type: "DeclineTask", taskId: "cb1", agentId: "a2" } as never);
    expect(s.offeredTo("cb1")).toBe("a1");
    expect(s.task("cb1")?.callback).toMatchObject({ kind: "scheduled", assignee: null });
  });

  it("CB-6 a personal callback goes to me or a colleague of the same team, no one else", () => {
    const s = given((s) => s.login("a1")).scenario;
    s.ok(schedule({ kind: "me" }));
    expect(s.task("cb1")?.callback).toMatchObject({ kind: "personal", assignee: "a1" });
    s.rejects(schedule({ kind: "agent", agentId: "a5" }, {}, "cb2"), "CALLBACK_ASSIGNEE_INVALID");
  });

  it("CB-7 the callback's reason is kept as a CAD variable, not shown in the popover", () => {
    const s = given(
      ready("a1"),
      (s) => s.ok(schedule()),
      (s) => s.advance(HOUR),
    ).scenario;
    expect(s.task("cb1")?.variables.callbackReason?.value).toBe("Invoice question");
    const [popover] = popoverStack(s.state, "a1" as never).items;
    expect(popover?.fields.some((f) => f.source === "variable" && f.name === "callbackReason")).toBe(false);
  });

  it("POP-8 a callback popover shows Callback, the customer number, DNIS, queue and the offer time", () => {
    const s = given(
      ready("a1"),
      (s) => s.ok(schedule()),
      (s) => s.advance(HOUR),
    ).scenario;
    const [popover] = popoverStack(s.state, "a1" as never).items;
    expect(popover).toMatchObject({ kind: "callback", offeredAt: s.now });
    expect(popover?.fields.slice(0, 3)).toEqual([
      { source: "system", key: "customerNumber", value: "+46701234567", masked: null },
      { source: "system", key: "dnis", value: "+46 8 555 000 01", masked: null },
      { source: "system", key: "queue", value: "Support voice", masked: null },
    ]);
  });

  it("CB-6 SUP-1 a waiting personal callback explains that only its assignee may take it", () => {
    const s = given(
      ready("a2"),
      (s) => s.login("a1"),
      (s) => s.ok(schedule({ kind: "agent", agentId: "a2" })),
    ).scenario;
    s.receive("c2");
    s.accept("c2", "a2");
    s.available("a1");
    s.advance(HOUR);
    expect(s.offeredTo("cb1")).toBeNull();
    expect(explainTask(s.state, "cb1" as never)).toMatchObject({ status: "queued", reason: "ALL_EXCLUDED" });
  });

  it("CB-2 SUP-1 a callback's wait and service level count from its window, and it counts as received", () => {
    const s = given(
      ready("a1"),
      (s) => s.ok(schedule()),
      (s) => s.advance(HOUR + 4),
    ).scenario;
    s.accept("cb1", "a1");
    s.ok({ type: "LegAnswered", taskId: "cb1", partyId: "customer" });
    s.end("cb1", "a1");
    const [wrapup] = s.ok({ type: "WrapUpTask", taskId: "cb1", agentId: "a1", codeId: "resolved" });
    expect(wrapup).toMatchObject({ durations: { waited: 4_000 } });
    expect(queueViews(s.state, s.now).find((q) => q.queueId === "q-voice")?.stats).toMatchObject({
      received: 1,
      answered: 1,
      answeredInTime: 1,
    });
  });

  it("CB-2 a pending logout applies when a callback nobody answered frees the agent", () => {
    const s = given(ready("a1"), (s) =>
      s.ok({
        type: "RequestWebCallback",
        taskId: "w1",
        entryPointId: "ep-callback",
        name: "Per",
        number: "+46707654321",
      }),
    ).scenario;
    s.accept("w1", "a1");
    s.ok({ type: "SetPendingAgentState", agentId: "a1", pending: { type: "logged_out" } });
    const events = s.ok({ type: "LegFailed", taskId: "w1", partyId: "customer", cause: "no_answer" });
    expect(kinds(events)).toContain("agent.logged_out");
    expect(s.presence("a1").type).toBe("logged_out");
  });
});
