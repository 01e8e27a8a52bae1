import type { EventEnvelope } from "@parley/protocol";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import WebSocket from "ws";
import { Listener, startTestServer, type TestServer } from "./harness.ts";

let t: TestServer;
beforeAll(async () => {
  t = await startTestServer();
});
afterAll(async () => {
  await t.close();
});

const seqs = (events: readonly EventEnvelope[]) => events.map((e) => e.seq);

describe("the event socket", { timeout: 30_000 }, () => {
  it("a desktop dropped and reopened with its last seq receives exactly the missed events", async () => {
    const marcus = await t.as("marcus");
    const first = new Listener(t.url, marcus.token as string);
    await first.until("welcome", () => first.welcome);
    await marcus.call("loginAgent", {
      params: { agentId: "me" },
      body: { station: { teamId: "support", device: "BROWSER" } },
    });
    await first.event("agent.logged_in");
    const seen = first.socket.lastSeq ?? 0;
    first.close();

    // While away: state changes that concern marcus, and some that do not.
    const changes = [
      await marcus.call("changeAgentState", {
        params: { agentId: "me" },
        body: { state: { type: "idle", codeId: "break" } },
      }),
      await marcus.call("changeAgentState", {
        params: { agentId: "me" },
        body: { state: { type: "idle", codeId: "lunch" } },
      }),
    ];
    const elif = await t.as("elif");
    await elif.call("loginAgent", {
      params: { agentId: "me" },
      body: { station: { teamId: "support", device: "BROWSER" } },
    });
    const missed = changes.flatMap((c) => c.events);

    const again = new Listener(t.url, marcus.token as string, seen);
    await again.until("the missed events", () => again.events.length >= missed.length && again.welcome);
    expect(again.welcome?.resumed).toBe(true);
    expect(seqs(again.events)).toEqual(seqs(missed));
    // Nothing else arrives: elif's login is not marcus's business.
    await new Promise((r) => setTimeout(r, 300));
    expect(seqs(again.events)).toEqual(seqs(missed));
    again.close();
  });

  it("the SDK reconnects a dropped socket by itself, with backoff, and resumes from its last seq", async () => {
    const karin = await t.as("karin");
    await karin.call("loginAgent", {
      params: { agentId: "me" },
      body: { station: { teamId: "support", device: "BROWSER" } },
    });
    const desk = new Listener(t.url, karin.token as string);
    await desk.until("welcome", () => desk.welcome);
    const seen = desk.events.length;
    // The network drops every socket of the server at once.
    for (const client of (t.server.app as unknown as { websocketServer: { clients: Set<WebSocket> } })
      .websocketServer.clients)
      client.terminate();
    await desk.until("reconnecting", () => desk.socket.status === "reconnecting");
    const meanwhile = await karin.call("changeAgentState", {
      params: { agentId: "me" },
      body: { state: { type: "available" } },
    });
    await desk.until(
      "reopened",
      () => desk.socket.status === "open" && desk.events.length >= seen + meanwhile.events.length,
    );
    expect(desk.welcome?.resumed).toBe(true);
    expect(seqs(desk.events.slice(seen))).toEqual(seqs(meanwhile.events));
    desk.close();
  });

  it("a socket without a known seq gets a snapshot as of a seq, and then only later events", async () => {
    const sofia = await t.as("sofia");
    await sofia.call("loginAgent", {
      params: { agentId: "me" },
      body: { station: { teamId: "support", device: "BROWSER" } },
    });
    const desk = new Listener(t.url, sofia.token as string);
    await desk.until("welcome", () => desk.welcome);
    expect(desk.welcome?.resumed).toBe(false);
    expect(desk.welcome?.snapshot?.agent?.presence.type).toBe("idle");
    const change = await sofia.call("changeAgentState", {
      params: { agentId: "me" },
      body: { state: { type: "available" } },
    });
    await desk.event("agent.state.changed");
    expect(desk.events.every((e) => e.seq > (desk.welcome?.seq ?? 0))).toBe(true);
    expect(seqs(desk.events)).toEqual(seqs(change.events));
    desk.close();
  });

  it("a configuration change reaches administrators as the event, and everyone else as a notice without the configuration", async () => {
    const [sofia, lars] = [await t.as("sofia"), await t.as("lars")];
    const agentDesk = new Listener(t.url, sofia.token as string);
    const adminDesk = new Listener(t.url, lars.token as string);
    await agentDesk.until("welcome", () => agentDesk.welcome);
    await adminDesk.until("welcome", () => adminDesk.welcome);
    const put = await lars.call("putSettings", { body: { settings: { persistentChatDays: 14 } } });
    const seq = put.events[0]?.seq as number;
    const event = await adminDesk.event("tenant.configured");
    expect(event.data).toMatchObject({ type: "tenant.configured", config: { persistentChatDays: 14 } });
    await agentDesk.until("the notice", () => agentDesk.configured.includes(seq));
    expect(agentDesk.events.some((e) => e.type === "tenant.configured")).toBe(false);
    // A desktop resuming after the change hears of it the same way.
    const resumed = new Listener(t.url, sofia.token as string, seq - 1);
    await resumed.until("the notice on resume", () => resumed.configured.includes(seq));
    expect(resumed.events.some((e) => e.type === "tenant.configured")).toBe(false);
    for (const desk of [agentDesk, adminDesk, resumed]) desk.close();
  });

  it("one active desktop per agent: a second desktop takes over and the first is told it was replaced, without flapping", async () => {
    const jonas = await t.as("jonas");
    const first = new Listener(t.url, jonas.token as string);
    await first.until("welcome", () => first.welcome);
    const second = new Listener(t.url, jonas.token as string);
    await second.until("welcome", () => second.welcome);
    await first.until("replaced", () => first.socket.status === "replaced");
    // The replaced desktop does not come back to take over again.
    await new Promise((r) => setTimeout(r, 1500));
    expect(second.socket.status).toBe("open");
    expect(first.socket.status).toBe("replaced");
    second.close();
  });

  it("CON-1 a desktop that says it closes starts the agent's grace; CON-4 coming back in time changes nothing", async () => {
    const priya = await t.as("priya");
    await priya.call("loginAgent", {
      params: { agentId: "me" },
      body: { station: { teamId: "sales", device: "BROWSER" } },
    });
    const desk = new Listener(t.url, priya.token as string);
    await desk.until("welcome", () => desk.welcome);
    const watcher = new Listener(t.url, (await t.as("lars")).token as string);
    await watcher.until("welcome", () => watcher.welcome);
    desk.socket.closeDesktop();
    await watcher.event("agent.connection.lost", (e) => (e.data as { agentId: string }).agentId === "priya");
    const back = new Listener(t.url, priya.token as string);
    await back.until("welcome", () => back.welcome);
    await watcher.event(
      "agent.connection.restored",
      (e) => (e.data as { agentId: string }).agentId === "priya",
    );
    const me = await priya.call("getMe", {});
    expect(me.agent?.connection).toBe("connected");
    expect(me.agent?.presence.type).toBe("idle");
    back.close();
    watcher.close();
  });

  it("CON-2 a desktop that drops without a word: after the profile's heartbeat window the agent's grace starts", async () => {
    const lars = await t.as("lars");
    const { config } = await lars.call("getConfig", {});
    const profile = config.profiles.find((p) => p.id === "digital-desk");
    if (!profile) throw new Error("digital-desk");
    // A 17 s heartbeat window: the socket's own 16 s of silence, then one more second.
    await lars.call("putConfigItem", {
      params: { collection: "profiles", itemId: profile.id },
      body: { item: { ...profile, disconnect: { ...profile.disconnect, heartbeatTimeoutSec: 17 } } },
    });
    const sofia = await t.as("sofia");
    const watcher = new Listener(t.url, lars.token as string);
    await watcher.until("welcome", () => watcher.welcome);
    const desk = new Listener(t.url, sofia.token as string);
    await desk.until("welcome", () => desk.welcome);
    desk.close();
    const lost = await watcher.event(
      "agent.connection.lost",
      (e) => (e.data as { agentId: string }).agentId === "sofia",
      5000,
    );
    expect((lost.data as { cause: string }).cause).toBe("heartbeats_missed");
    watcher.close();
  });

  it("a socket silent for 16 s is dropped by the server", async () => {
    const anna = await t.as("anna");
    const raw = new WebSocket(`${t.url.replace("http", "ws")}/v1/events`);
    await new Promise((resolve) => raw.once("open", resolve));
    raw.send(JSON.stringify({ type: "hello", token: anna.token }));
    const started = Date.now();
    const code = await new Promise<number>((resolve) => raw.once("close", resolve));
    const silent = Date.now() - started;
    expect(code).not.toBe(1000);
    expect(silent).toBeGreaterThanOrEqual(16_000);
  });

  it("a bad first message or token closes the socket with a clear error", async () => {
    const bad = new Listener(t.url, "not-a-token");
    await bad.until("unauthenticated", () => bad.socket.status === "unauthenticated");
  });
});
