import { fromPlain, type Plain, type TenantConfig } from "@parley/engine";
import { describe, expect, it } from "vitest";
import { voiceTenant } from "../../test/fixtures.ts";
import { CustomerCrowd, type CustomerScript } from "./customers.ts";
import { ManualClock, TestLoop } from "./testLoop.ts";

const T0 = Date.UTC(2026, 10, 2, 8, 0, 0);

/** The voice fixture with a chat and an e-mail line on queues of their own. */
function digitalTenant(): TenantConfig {
  const plain = voiceTenant() as unknown as Plain<TenantConfig>;
  return fromPlain<TenantConfig>({
    ...plain,
    queues: [
      ...plain.queues,
      ...(["chat", "email"] as const).map((channel) => ({
        id: `q-${channel}`,
        name: channel,
        channel,
        teamIds: ["support"],
        distribution: "longest_available" as const,
        serviceLevelSec: 60,
      })),
    ],
    entryPoints: [
      ...plain.entryPoints,
      ...(["chat", "email"] as const).map((channel) => ({
        id: `ep-${channel}`,
        name: channel,
        channel,
        kind: "inbound" as const,
        queueId: `q-${channel}`,
        active: true,
      })),
    ],
    sentiment: { threshold: -0.4, window: 3 },
  });
}

function rig() {
  const clock = new ManualClock(T0);
  const loop = new TestLoop(clock, digitalTenant());
  const outcomes: string[] = [];
  const crowd = new CustomerCrowd({
    send: loop.send,
    clock,
    // A stand-in analyser: the host passes whatever its lexicon library says.
    score: (text) => (text.includes("angry") ? -0.8 : 0.3),
    onOutcome: (s, o) => outcomes.push(`${s.taskId} ${o}`),
  });
  loop.listen((e) => crowd.handle(e));
  const agent = (agentId = "a1") => {
    loop.desk({ type: "LoginAgent", agentId, station: { teamId: "support", device: "BROWSER" } });
    loop.desk({
      type: "ChangeAgentState",
      agentId,
      to: { type: "available" },
      by: { kind: "agent", id: agentId },
    });
  };
  const answer = (taskId: string, agentId = "a1") => {
    loop.desk({ type: "ConfirmOfferDelivered", taskId, agentId });
    loop.desk({ type: "AcceptTask", taskId, agentId });
  };
  return { clock, loop, crowd, outcomes, agent, answer };
}

const caller = (over: Partial<CustomerScript> = {}): CustomerScript =>
  ({
    kind: "caller",
    taskId: "c1",
    entryPointId: "ep-voice",
    name: "Ada",
    number: "+46701234567",
    patienceMs: 30_000,
    talkMs: 60_000,
    ...over,
  }) as CustomerScript;

const chatter = (over: Partial<CustomerScript> = {}): CustomerScript =>
  ({
    kind: "conversation",
    taskId: "h1",
    entryPointId: "ep-chat",
    name: "Visitor",
    address: "visitor@example.com",
    patienceMs: 60_000,
    lines: [
      { text: "Hi, my router blinks red", afterMs: 0 },
      { text: "I am angry, it has been down all day", afterMs: 20_000 },
      { text: "Thanks", afterMs: 20_000 },
    ],
    replyMs: 3000,
    leaveAfterMs: 5000,
    ...over,
  }) as CustomerScript;

describe("CustomerCrowd: simulated customers over the channel API", () => {
  it("RTE-1 a caller nobody answers abandons when their patience runs out", async () => {
    const { clock, loop, crowd, outcomes } = rig();
    await crowd.arrive(caller());
    expect(loop.engine.state.tasks.get("c1" as never)?.status).toBe("queued");
    await clock.advance(29_999);
    expect(loop.sent.map((r) => r.op)).toEqual(["receiveContact"]);
    await clock.advance(1);
    expect(loop.sent.map((r) => r.op)).toEqual(["receiveContact", "customerLeft"]);
    expect(loop.story("c1")).toEqual(["task.received", "task.canceled"]);
    expect(outcomes).toEqual(["c1 abandoned"]);
    expect(crowd.stats()).toMatchObject({ present: 0, outcomes: { abandoned: 1 }, arrived: { caller: 1 } });
  });

  it("a caller answered in time talks, then hangs up; the agent wraps up", async () => {
    const { clock, loop, crowd, outcomes, agent, answer } = rig();
    agent();
    await crowd.arrive(caller());
    await clock.advance(4000);
    answer("c1");
    await clock.advance(59_999);
    expect(loop.sent.map((r) => r.op)).toEqual(["receiveContact"]);
    await clock.advance(1);
    expect(loop.sent.at(-1)).toEqual({
      op: "legHungUp",
      params: { taskId: "c1", partyId: "customer" },
      body: {},
    });
    expect(loop.story("c1")).toEqual(
      expect.arrayContaining(["participant.left customer dropped", "task.ended"]),
    );
    // Their patience was over when they were answered: no abandon after the call.
    await clock.advance(60_000);
    expect(loop.refused).toEqual([]);
    expect(outcomes).toEqual(["c1 hung_up"]);
    expect(crowd.stats()).toMatchObject({ answered: 1, present: 0 });
  });

  it("the agent ends the call first: the caller is done and does not hang up a call that is gone", async () => {
    const { clock, loop, crowd, outcomes, agent, answer } = rig();
    agent();
    await crowd.arrive(caller());
    answer("c1");
    await clock.advance(10_000);
    loop.desk({ type: "EndTask", taskId: "c1", agentId: "a1" });
    await clock.advance(120_000);
    expect(loop.sent.map((r) => r.op)).toEqual(["receiveContact"]);
    expect(outcomes).toEqual(["c1 ended_by_agent"]);
  });

  it("DIG-4 SES-11 a chat customer writes scored messages, answers the agent sooner, and leaves after the last line", async () => {
    const { clock, loop, crowd, outcomes, agent, answer } = rig();
    await crowd.arrive(chatter());
    // The first line is written while waiting; the rest only once an agent is there.
    await clock.advance(10_000);
    expect(loop.sent.map((r) => r.op)).toEqual(["receiveContact", "customerMessage"]);
    expect(loop.sent[1]?.body).toEqual({ text: "Hi, my router blinks red", sentiment: 0.3 });
    agent();
    answer("h1");
    // The agent replies at once: the customer's next line comes after replyMs, not its 20 s.
    loop.desk({ type: "SendMessage", taskId: "h1", agentId: "a1", text: "Let me check" });
    await clock.advance(3000);
    expect(loop.sent.at(-1)?.body).toEqual({ text: "I am angry, it has been down all day", sentiment: -0.8 });
    await clock.advance(20_000);
    expect(loop.sent.at(-1)?.body).toEqual({ text: "Thanks", sentiment: 0.3 });
    await clock.advance(5000);
    expect(loop.sent.at(-1)?.op).toBe("customerLeft");
    expect(loop.story("h1")).toContain("conversation.sentiment_changed");
    expect(loop.log.find((e) => e.type === "task.ended")).toMatchObject({ by: "customer" });
    expect(outcomes).toEqual(["h1 left"]);
    expect(crowd.stats()).toMatchObject({ messages: 3, answered: 1 });
  });

  it("a chat customer who waits too long leaves; one whose agent closes the chat stops writing", async () => {
    const { clock, loop, crowd, outcomes, agent, answer } = rig();
    await crowd.arrive(chatter({ patienceMs: 5000 }));
    await clock.advance(5000);
    expect(loop.story("h1").at(-1)).toBe("task.canceled");
    agent();
    await crowd.arrive(chatter({ taskId: "h2" }));
    answer("h2");
    loop.desk({ type: "EndTask", taskId: "h2", agentId: "a1" });
    await clock.advance(120_000);
    expect(loop.sent.filter((r) => r.op !== "receiveContact").map((r) => r.params)).toEqual([
      { taskId: "h1" },
      { taskId: "h1" },
      { taskId: "h2" },
    ]);
    expect(outcomes).toEqual(["h1 abandoned", "h2 ended_by_agent"]);
  });

  it("an e-mail arrives with its text and waits; stop() sends the others away but leaves mail be", async () => {
    const { loop, crowd } = rig();
    await crowd.arrive({
      kind: "email",
      taskId: "m1",
      entryPointId: "ep-email",
      name: "Bo",
      address: "bo@example.com",
      subject: "Invoice",
      body: "I was charged twice.",
    });
    await crowd.arrive(caller());
    await crowd.arrive(chatter());
    expect(loop.sent.find((r) => r.op === "customerMessage" && r.params.taskId === "m1")?.body).toEqual({
      text: "Invoice\n\nI was charged twice.",
      sentiment: 0.3,
    });
    await crowd.stop();
    expect(loop.story("c1").at(-1)).toBe("task.canceled");
    expect(loop.story("h1").at(-1)).toBe("task.canceled");
    expect(loop.engine.state.tasks.get("m1" as never)?.status).toBe("queued");
    expect(crowd.stats().present).toBe(0);
    expect(await crowd.arrive(caller({ taskId: "c2" }))).toBe(false);
  });

  it("a contact the server refuses is counted and forgotten", async () => {
    const { crowd, outcomes } = rig();
    expect(await crowd.arrive(caller({ entryPointId: "no-such-line" }))).toBe(false);
    expect(outcomes).toEqual(["c1 refused"]);
    expect(crowd.stats()).toMatchObject({ present: 0, refused: 1 });
  });
});
