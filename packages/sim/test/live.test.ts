import type { EventEnvelope } from "@parley/protocol";
import type { ParleyClient, WebSocketConstructor } from "@parley/sdk";
import { DEMO_PASSWORD } from "@parley/server";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import WebSocket from "ws";
import { Listener, startTestServer, type TestServer } from "../../server/test/harness.ts";
import {
  fastLiveProfile,
  type LiveTraffic,
  type LiveTrafficOptions,
  scoreSentiment,
  startLiveTraffic,
} from "../src/live/index.ts";

let t: TestServer;
const running: LiveTraffic[] = [];
const desks: Listener[] = [];

beforeAll(async () => {
  t = await startTestServer();
});
afterEach(async () => {
  for (const live of running.splice(0)) await live.stop();
  for (const d of desks.splice(0)) d.close();
});
afterAll(async () => {
  await t.close();
});

const data = (e: EventEnvelope) => e.data as unknown as Record<string, unknown>;
const about = (taskId: string) => (e: EventEnvelope) => data(e).taskId === taskId;

async function live(over: Partial<LiveTrafficOptions> = {}): Promise<LiveTraffic> {
  const l = await startLiveTraffic({
    baseUrl: t.url,
    admin: { userId: "lars", password: DEMO_PASSWORD },
    WebSocket: WebSocket as unknown as WebSocketConstructor,
    seed: 42,
    profile: fastLiveProfile(),
    ...over,
  });
  running.push(l);
  return l;
}

/** A person at a desktop: signed in, socket open, logged in at a browser station. */
async function person(userId: string, teamId = "support"): Promise<{ c: ParleyClient; desk: Listener }> {
  const c = await t.as(userId);
  const desk = new Listener(t.url, c.token as string);
  desks.push(desk);
  await desk.until("welcome", () => desk.welcome);
  await c.call("loginAgent", { params: { agentId: "me" }, body: { station: { teamId, device: "BROWSER" } } });
  return { c, desk };
}

const available = (c: ParleyClient) =>
  c.call("changeAgentState", { params: { agentId: "me" }, body: { state: { type: "available" } } });

/** Waits for an offer to this person and takes it; returns the task id. */
async function takeOffer(c: ParleyClient, desk: Listener, agentId: string, ms = 10_000): Promise<string> {
  const seen = new Set<string>();
  for (const deadline = Date.now() + ms; ; ) {
    const offer = await desk.event(
      "offer.created",
      (e) => data(e).agentId === agentId && !seen.has(data(e).taskId as string),
      Math.max(1, deadline - Date.now()),
    );
    const taskId = data(offer).taskId as string;
    seen.add(taskId);
    try {
      await c.call("confirmDelivered", { params: { taskId } });
      await c.call("acceptTask", { params: { taskId } });
      return taskId;
    } catch {
      // The customer gave up just then: the next offer.
    }
  }
}

/** The person finishes what they hold and signs out, so the next test starts clean. */
async function signOut(c: ParleyClient): Promise<void> {
  const quietly = (p: Promise<unknown>) => p.catch(() => {});
  await quietly(c.call("changeAgentState", { params: { agentId: "me" }, body: { state: { type: "idle" } } }));
  for (const task of (await c.call("getMe", {})).tasks) {
    const params = { taskId: task.id };
    if (task.offer) await quietly(c.call("declineTask", { params }));
    else if (!task.wrapping) await quietly(c.call("endTask", { params }));
    await quietly(c.call("wrapUpTask", { params, body: { codeId: "resolved" } }));
  }
  await quietly(c.call("logoutAgent", { params: { agentId: "me" } }));
}

async function until<T>(what: string, probe: () => T | undefined | null | false, ms = 15_000): Promise<T> {
  for (const deadline = Date.now() + ms; ; ) {
    const v = probe();
    if (v) return v;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

describe("live traffic over the API", { timeout: 60_000 }, () => {
  it("RTE-1 RTE-2 a person who goes Available while the traffic runs gets an offer at once; the bots accept, work and wrap up", async () => {
    const traffic = await live({
      profile: fastLiveProfile({ mix: { supportCall: 1, webChat: 1 } }),
      burst: 4,
    });
    expect(traffic.bots).toEqual(["bot-support-1", "bot-support-2", "bot-digital-1", "bot-sales-1"]);
    const { c: anna, desk } = await person("anna");
    const wentAvailable = Date.now();
    await available(anna);
    const taskId = await takeOffer(anna, desk, "anna", 5000);
    expect(Date.now() - wentAvailable).toBeLessThan(5000);
    await desk.event("task.assigned", about(taskId));
    await until(
      "the bots to wrap up contacts",
      () => traffic.stats().bots.reduce((a, b) => a + b.wrapped, 0) >= 3,
    );
    const s = traffic.stats();
    expect(s.customers.answered).toBeGreaterThanOrEqual(4);
    expect((s.arrivals.supportCall ?? 0) + (s.arrivals.webChat ?? 0)).toBeGreaterThanOrEqual(4);
    expect(traffic.summary()).toMatch(/^live traffic: \d+ contacts/);
    await signOut(anna);
  });

  it("DIG-4 SES-11 a chat customer's messages reach the agent with a sentiment score from the lexicon", async () => {
    await live({ profile: fastLiveProfile({ mix: { webChat: 1 } }), bots: [] });
    const { c: marcus, desk } = await person("marcus");
    await available(marcus);
    const taskId = await takeOffer(marcus, desk, "marcus");
    const fromCustomer = (e: EventEnvelope) =>
      e.type === "conversation.message_added" &&
      about(taskId)(e) &&
      (data(e).message as { from: string }).from === "customer";
    // Lines written once the agent is there reach the agent's socket, each with its score.
    const pushed = await desk.until("two customer messages", () => {
      const found = desk.events.filter(fromCustomer);
      return found.length >= 2 && found;
    });
    for (const e of pushed) {
      const m = data(e).message as { text: string; sentiment: number | null };
      expect(typeof m.sentiment).toBe("number");
      expect(m.sentiment).toBe(scoreSentiment(m.text));
    }
    const view = await marcus.call("getTask", { params: { taskId } });
    const customer = view.conversation?.messages.filter((x) => x.from === "customer") ?? [];
    expect(customer.length).toBeGreaterThanOrEqual(2);
    for (const x of customer) expect(x.sentiment).toBe(scoreSentiment(x.text));
    // The customer finishes their lines and leaves: the chat ends by the customer.
    const ended = await desk.event("task.ended", about(taskId), 15_000);
    expect(data(ended).by).toBe("customer");
    await signOut(marcus);
  });

  it("CALL-11 the switch answers the legs the engine dials: an outdial connects after the dial delay; a busy number fails", async () => {
    const traffic = await live({ arrivals: false, bots: [] });
    const { c: elif, desk } = await person("elif");
    const placed = await elif.call("placeOutdial", {
      body: { entryPointId: "ep-outdial", dialNumber: "+46 70 111 22 33" },
    });
    const taskId = data(placed.events[0] as EventEnvelope).taskId as string;
    const connected = await desk.event(
      "participant.leg_changed",
      (e) => about(taskId)(e) && data(e).partyId === "customer",
      5000,
    );
    expect(data(connected).leg).toMatchObject({ status: "connected" });
    await elif.call("endTask", { params: { taskId } });
    await elif.call("wrapUpTask", { params: { taskId }, body: { codeId: "resolved" } });

    const busy = await elif.call("placeOutdial", {
      body: { entryPointId: "ep-outdial", dialNumber: "+46 8 555 0100" },
    });
    const busyId = data(busy.events[0] as EventEnvelope).taskId as string;
    const failed = await desk.event(
      "participant.left",
      (e) => about(busyId)(e) && data(e).partyId === "customer",
      5000,
    );
    expect(data(failed).leg).toMatchObject({ status: "failed", cause: "busy" });
    await desk.event("task.ended", about(busyId));
    await elif.call("wrapUpTask", { params: { taskId: busyId }, body: { codeId: "resolved" } });
    expect(traffic.stats().switch.sent).toMatchObject({ legAnswered: 1, legFailed: 1 });
    await signOut(elif);
  });

  it("RTE-1 callers nobody answers abandon when their patience runs out", async () => {
    const watcher = new Listener(t.url, (await t.as("lars")).token as string);
    desks.push(watcher);
    await watcher.until("welcome", () => watcher.welcome);
    const traffic = await live({
      profile: fastLiveProfile({ mix: { salesCall: 1 }, callerPatienceMs: [500, 800] }),
      bots: [],
    });
    const abandoned = await watcher.event("task.canceled", (e) => data(e).reason === "abandoned", 10_000);
    expect(data(abandoned).taskId).toMatch(/^live-/);
    await until("the crowd to count abandons", () => traffic.stats().customers.outcomes.abandoned >= 2);
  });

  it("a caller who is answered talks, then hangs up: the call ends by the customer", async () => {
    await live({
      profile: fastLiveProfile({
        mix: { supportCall: 1 },
        callerTalkMs: [800, 1200],
        interarrivalMs: [1500, 2000],
      }),
      bots: [],
    });
    const { c: karin, desk } = await person("karin");
    await available(karin);
    const taskId = await takeOffer(karin, desk, "karin");
    const gone = await desk.event(
      "participant.left",
      (e) => about(taskId)(e) && data(e).partyId === "customer",
      10_000,
    );
    expect(data(gone).leg).toMatchObject({ status: "dropped", cause: "hung_up" });
    await signOut(karin);
  });

  it("CB-1 CB-2 a web callback: the agent takes it, the switch dials the customer, who answers, talks and hangs up", async () => {
    await live({
      profile: fastLiveProfile({ mix: { webCallback: 1 }, callerTalkMs: [800, 1200] }),
      bots: [],
    });
    const { c: anna, desk } = await person("anna");
    await available(anna);
    const taskId = await takeOffer(anna, desk, "anna");
    const customer = (type: string) =>
      desk.event(type, (e) => about(taskId)(e) && data(e).partyId === "customer", 10_000);
    expect(data(await customer("participant.leg_changed")).leg).toMatchObject({ status: "connected" });
    expect(data(await customer("participant.left")).leg).toMatchObject({
      status: "dropped",
      cause: "hung_up",
    });
    await signOut(anna);
  });
});
