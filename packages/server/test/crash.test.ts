import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { CommandResult } from "@parley/protocol";
import { ParleyClient, ParleyError } from "@parley/sdk";
import { afterAll, describe, expect, it } from "vitest";
import { DEMO_PASSWORD } from "../src/demo/seed.ts";
import { openStore } from "../src/store/open.ts";
import type { StoredEvent } from "../src/store/store.ts";
import { Listener, TENANT } from "./harness.ts";
import { testDatabase } from "./postgres.ts";
import { ServerProcess } from "./process.ts";

const dir = mkdtempSync(join(tmpdir(), "parley-crash-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const port = () => 20_000 + Math.floor(Math.random() * 12_000);

/** Sends a command until the server answers it, with one idempotency key across server deaths. */
async function until(
  client: () => ParleyClient,
  send: (c: ParleyClient) => Promise<CommandResult>,
): Promise<CommandResult> {
  for (;;) {
    try {
      return await send(client());
    } catch (e) {
      if (!(e instanceof ParleyError) || !(e.retryable || e.code === "UNAUTHENTICATED")) throw e;
      await sleep(100);
    }
  }
}

describe("crash: SIGKILL at random moments", { timeout: 180_000 }, () => {
  it("every acknowledged command's events are stored once, in order, and pending timers still fire after a restart", async () => {
    const db =
      process.env.PARLEY_TEST_DB === "postgres"
        ? await testDatabase("crash")
        : `sqlite:${join(dir, "crash.db")}`;
    const server = new ServerProcess(db, port(), { PARLEY_SNAPSHOT_EVERY: "40" });
    await server.start();
    const admin = new ParleyClient({ baseUrl: server.url });
    await admin.signIn(TENANT, "lars", DEMO_PASSWORD);

    const acknowledged = new Map<number, CommandResult["events"][number]>();
    const record = (r: CommandResult) => {
      for (const e of r.events) acknowledged.set(e.seq, e);
    };

    // A client drives contacts in continuously while the server is killed and restarted.
    let n = 0;
    let running = true;
    const driver = (async () => {
      while (running) {
        const i = n++;
        const r = await until(
          () => admin,
          (c) =>
            c.call(
              "receiveContact",
              {
                body: { taskId: `c-${i}`, entryPointId: "ep-web-chat", customer: { name: `Customer ${i}` } },
              },
              { idempotencyKey: `contact-${i}`, retries: 0 },
            ),
        );
        record(r);
      }
    })();
    for (let kill = 0; kill < 4; kill++) {
      await sleep(200 + Math.random() * 600);
      await server.kill();
      await sleep(Math.random() * 300);
      await server.start();
    }
    running = false;
    await driver;

    // Timers pending at a crash: an offer about to ring out (RONA) and a desktop's disconnect grace.
    const shorter = async (profileId: string) => {
      const { config } = await admin.call("getConfig", {});
      const profile = config.profiles.find((p) => p.id === profileId);
      if (!profile) throw new Error(profileId);
      record(
        await admin.call("putConfigItem", {
          params: { collection: "profiles", itemId: profileId },
          body: {
            item: {
              ...profile,
              offerTimeoutSec: { ...profile.offerTimeoutSec, voice: 2 },
              disconnect: { ...profile.disconnect, graceSec: 2 },
            },
          },
        }),
      );
    };
    await shorter("sales");
    const jonas = new ParleyClient({ baseUrl: server.url });
    await jonas.signIn(TENANT, "jonas", DEMO_PASSWORD);
    record(
      await jonas.call("loginAgent", {
        params: { agentId: "me" },
        body: { station: { teamId: "sales", device: "BROWSER" } },
      }),
    );
    record(
      await jonas.call("changeAgentState", {
        params: { agentId: "me" },
        body: { state: { type: "available" } },
      }),
    );
    const priya = new ParleyClient({ baseUrl: server.url });
    await priya.signIn(TENANT, "priya", DEMO_PASSWORD);
    record(
      await priya.call("loginAgent", {
        params: { agentId: "me" },
        body: { station: { teamId: "sales", device: "BROWSER" } },
      }),
    );
    const desk = new Listener(server.url, priya.token as string);
    await desk.until("welcome", () => desk.welcome);
    desk.socket.closeDesktop();
    const call = await admin.call("receiveContact", {
      body: { taskId: "ringing", entryPointId: "ep-sales-line" },
    });
    record(call);
    expect(call.events.map((e) => e.type)).toContain("offer.created");
    await sleep(300); // the desktop-closed fact is stored
    await server.kill();
    await sleep(2500); // both timers fall due while the server is dead
    await server.start();
    await sleep(500);
    await server.stop();

    const store = await openStore(db);
    const stored: StoredEvent[] = [];
    for (let after = 0; ; ) {
      const page = await store.events(TENANT, after, 5000);
      if (page.length === 0) break;
      stored.push(...page);
      after = page.at(-1)?.seq ?? after;
    }
    await store.close();

    // Gap-free, and every acknowledged event is there as it was acknowledged.
    expect(stored.map((e) => e.seq)).toEqual(stored.map((_, i) => i + 1));
    for (const [seq, e] of acknowledged) expect(stored[seq - 1]?.event, `seq ${seq}`).toEqual(e.data);
    // None twice: each contact entered once, however often its request was retried.
    const received = stored
      .filter((e) => e.event.type === "task.received")
      .map((e) => (e.event as { taskId: string }).taskId);
    expect(new Set(received).size).toBe(received.length);
    for (let i = 0; i < n; i++) expect(received, `c-${i}`).toContain(`c-${i}`);
    expect(n).toBeGreaterThan(20);
    // The timers pending at the last crash fired after the restart.
    const types = stored.map((e) => e.event.type);
    const timedOut = stored.find(
      (e) => e.event.type === "offer.timed_out" && (e.event as { taskId: string }).taskId === "ringing",
    );
    expect(timedOut, types.slice(-10).join(", ")).toBeDefined();
    const grace = stored.find(
      (e) =>
        e.event.type === "agent.connection.grace_expired" &&
        (e.event as { agentId: string }).agentId === "priya",
    );
    expect(grace).toBeDefined();
  });
});
