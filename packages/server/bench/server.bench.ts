/**
 * Server benchmark, end to end: the server runs as its own process (`npm start`'s entry, durable
 * store on), and this process drives it over HTTP and the event socket as channel adapters and
 * desktops do, so the two do not share one event loop. They do share the machine's cores: the
 * `server_cpu`, `driver_cpu` and `other_cpu` keys say how many cores the server, this driver and
 * everything else on the machine used over the timed window: a figure taken while something else
 * ran shows `other_cpu` well above 0 (on PostgreSQL it includes the database's own processes).
 *
 * Set-up, through the admin API: one `putConfig` adds a "bench-bot" profile (chat only) and AGENTS
 * bot users in the support team; an admin sets each bot's password; each bot signs in, opens an
 * EventSocket (`ws`), logs in at a browser station and goes Available. A bot that hears an
 * `offer.created` for itself on its socket sends confirmDelivered → acceptTask → endTask →
 * wrapUpTask, one request after the other; it works on up to CHAT_CAPACITY chats at once. Each
 * chat is thus 5 HTTP commands (with the receiveContact), each with an Idempotency-Key as the SDK
 * sends them, and 6 stored events.
 *
 * - `server.assignments_per_s`: web chats arrive through `receiveContact` from ARRIVAL_CONCURRENCY
 *   concurrent senders, with at most one chat per bot waiting beyond the bots' capacity (so the
 *   queue does not grow without bound). Counted: `task.assigned` frames at the bots' sockets over
 *   WINDOW_MS after WARMUP_MS. Run on SQLite (a file in a temp dir: WAL, synchronous=FULL) and on
 *   PostgreSQL 15 (the throwaway test cluster, fsync on).
 * - `server.offer_latency_p99_ms`: then, on the same server, chats arrive at a fixed LATENCY_RATE
 *   per second, open loop, with most of the bots' capacity idle. Measured for each chat from just
 *   before its receiveContact request to the `offer.created` frame for its taskId at the bot's
 *   socket, so it includes this process's own event-loop delay (`driver_lag_p99_ms`). SQLite only.
 *
 * PARLEY_BENCH_CPU_PROF=<dir> runs the server child with `--cpu-prof`, writing its profile there.
 */
import { execFileSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { Agent, request } from "node:http";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { monitorEventLoopDelay } from "node:perf_hooks";
import type { EventEnvelope } from "@parley/protocol";
import { EventSocket, ParleyClient, type WebSocketConstructor } from "@parley/sdk";
import WebSocket from "ws";
import { DEMO_PASSWORD } from "../src/demo/seed.ts";
import { ensurePostgres, stopPostgres, testDatabase } from "../test/postgres.ts";
import { ServerProcess } from "../test/process.ts";

const TENANT = "lumen";
const ADMIN = "lars";
const TEAM = "support";
const CHANNEL = "chat";
const ENTRY_POINT = "ep-web-chat";
const WRAP_UP_CODE = "resolved";
const BOT_PASSWORD = "bench-bot-password";

const AGENTS = 100;
const CHAT_CAPACITY = 3;
/** receiveContact requests in flight at once in the throughput run. */
const ARRIVAL_CONCURRENCY = 32;
const WARMUP_MS = 3_000;
const WINDOW_MS = 10_000;
const LATENCY_RATE = 1_000;
const LATENCY_WARMUP_MS = 1_000;
const LATENCY_MS = 5_000;
/** Set-up requests (set password, sign in: scrypt each) in flight at once. */
const SETUP_CONCURRENCY = 8;

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
/** A loopback port below the ephemeral range (32768+). */
const port = () => 20_000 + Math.floor(Math.random() * 12_000);

const line = (name: string, value: string, unit: string, keys: Record<string, string | number>) =>
  console.log(["BENCH", name, value, unit, ...Object.entries(keys).map(([k, v]) => `${k}=${v}`)].join(" "));

function quantile(sorted: readonly number[], q: number): number {
  if (sorted.length === 0) return Number.NaN;
  return sorted[Math.min(sorted.length - 1, Math.ceil(q * sorted.length) - 1)] as number;
}

/** Runs `work` over `items`, `limit` at a time. */
async function pool<T>(items: readonly T[], limit: number, work: (item: T) => Promise<void>): Promise<void> {
  let next = 0;
  await Promise.all(
    Array.from({ length: Math.min(limit, items.length) }, async () => {
      while (next < items.length) await work(items[next++] as T);
    }),
  );
}

const TICKS_PER_S = (() => {
  try {
    return Number(execFileSync("getconf", ["CLK_TCK"], { encoding: "utf8" }).trim()) || 100;
  } catch {
    return 100;
  }
})();

/** CPU seconds (user + system) a process has used, from /proc; NaN where there is no /proc. */
function cpuSecondsOf(pid: number | undefined): number {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, "utf8");
    const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
    return (Number(fields[11]) + Number(fields[12])) / TICKS_PER_S;
  } catch {
    return Number.NaN;
  }
}

/** CPU seconds all cores of the machine have been busy, from /proc/stat; NaN where there is none. */
function machineCpuSeconds(): number {
  try {
    const cpu =
      readFileSync("/proc/stat", "utf8").split("\n")[0]?.trim().split(/\s+/).slice(1).map(Number) ?? [];
    // user nice system idle iowait irq softirq steal: busy is all but idle and iowait.
    const busy = cpu.slice(0, 8).reduce((sum, v, i) => (i === 3 || i === 4 ? sum : sum + v), 0);
    return busy / TICKS_PER_S;
  } catch {
    return Number.NaN;
  }
}

const driverCpuSeconds = () => {
  const u = process.cpuUsage();
  return (u.user + u.system) / 1e6;
};

/**
 * Cores used from now on by the server, by this driver, and by anything else on the machine (a
 * benchmark on a busy machine says so).
 */
function cpuMeter(pid: number | undefined): () => Record<string, string> {
  const at = performance.now();
  const server0 = cpuSecondsOf(pid);
  const driver0 = driverCpuSeconds();
  const machine0 = machineCpuSeconds();
  return () => {
    const seconds = (performance.now() - at) / 1000;
    const server = (cpuSecondsOf(pid) - server0) / seconds;
    const driver = (driverCpuSeconds() - driver0) / seconds;
    const machine = (machineCpuSeconds() - machine0) / seconds;
    return {
      server_cpu: server.toFixed(2),
      driver_cpu: driver.toFixed(2),
      other_cpu: Math.max(0, machine - server - driver).toFixed(2),
    };
  };
}

/**
 * The SDK client's transport: `node:http` with a keep-alive agent. Node 20's fetch (undici, web
 * streams, an AbortSignal per request) costs this process 4 to 5 times the CPU per request, which
 * on two cores is taken from the server; PARLEY_BENCH_FETCH=fetch uses it anyway. Enough of
 * fetch's contract for ParleyClient: a string URL, a plain header object, a string body.
 */
const keepAlive = new Agent({ keepAlive: true });
const httpFetch = ((url: string, init: RequestInit = {}) =>
  new Promise((resolve, reject) => {
    const req = request(
      url,
      { method: init.method ?? "GET", headers: init.headers as Record<string, string>, agent: keepAlive },
      (res) => {
        let text = "";
        res.setEncoding("utf8");
        res.on("data", (chunk: string) => {
          text += chunk;
        });
        res.on("end", () => {
          const status = res.statusCode ?? 0;
          const ok = status >= 200 && status < 300;
          resolve({ ok, status, statusText: res.statusMessage ?? "", text: async () => text });
        });
        res.on("error", reject);
      },
    );
    req.on("error", reject);
    req.end(init.body as string | undefined);
  })) as unknown as typeof fetch;
const TRANSPORT = process.env.PARLEY_BENCH_FETCH === "fetch" ? "fetch" : "node-http";
const newClient = (baseUrl: string) =>
  new ParleyClient(TRANSPORT === "fetch" ? { baseUrl } : { baseUrl, fetch: httpFetch });

/** What the bots and the load generators share: counters, and the chats whose offer is awaited. */
class Traffic {
  /** Chats sent to the server and not yet wrapped up (or failed). */
  open = 0;
  assigned = 0;
  errors = 0;
  firstError: string | null = null;
  /** taskId → when its receiveContact was about to be sent, for chats whose offer latency counts. */
  readonly watched = new Map<string, number>();
  readonly latencies: number[] = [];
  private waiters: (() => void)[] = [];

  error(e: unknown): void {
    this.errors++;
    this.firstError ??= e instanceof Error ? e.message : String(e);
  }

  closed(): void {
    this.open--;
    this.wake();
  }

  wake(): void {
    for (const w of this.waiters.splice(0)) w();
  }

  /** Resolves at the next chat closed. */
  change(): Promise<void> {
    return new Promise((resolve) => this.waiters.push(resolve));
  }

  async drained(ms = 30_000): Promise<void> {
    const deadline = Date.now() + ms;
    while (this.open > 0) {
      if (Date.now() > deadline) throw new Error(`${this.open} chats still open after ${ms} ms`);
      await Promise.race([this.change(), sleep(100)]);
    }
  }
}

/** A desktop that takes every chat offered to it and wraps it up at once. */
class Bot {
  readonly client: ParleyClient;
  private socket: EventSocket | null = null;

  constructor(
    readonly id: string,
    private readonly url: string,
    private readonly traffic: Traffic,
  ) {
    this.client = newClient(url);
  }

  async start(): Promise<void> {
    await this.client.signIn(TENANT, this.id, BOT_PASSWORD);
    await new Promise<void>((resolve, reject) => {
      const failed = setTimeout(() => reject(new Error(`${this.id}: no welcome on the socket`)), 10_000);
      this.socket = new EventSocket({
        baseUrl: this.url,
        token: this.client.token as string,
        WebSocket: WebSocket as unknown as WebSocketConstructor,
        onWelcome: () => {
          clearTimeout(failed);
          resolve();
        },
        onEvent: (e) => this.heard(e),
        onStatus: (status) => {
          if (status !== "open" && status !== "closed")
            console.error(`bench: ${this.id}'s socket is ${status}`);
        },
      });
    });
    await this.client.call("loginAgent", {
      params: { agentId: "me" },
      body: { station: { teamId: TEAM, device: "BROWSER" } },
    });
    await this.client.call("changeAgentState", {
      params: { agentId: "me" },
      body: { state: { type: "available" } },
    });
  }

  private heard(e: EventEnvelope): void {
    if (e.type === "offer.created") {
      const { taskId, agentId } = e.data as { taskId: string; agentId: string };
      if (agentId !== this.id) return;
      const sentAt = this.traffic.watched.get(taskId);
      if (sentAt !== undefined) {
        this.traffic.latencies.push(performance.now() - sentAt);
        this.traffic.watched.delete(taskId);
      }
      void this.work(taskId);
    } else if (e.type === "task.assigned") this.traffic.assigned++;
  }

  private async work(taskId: string): Promise<void> {
    const params = { taskId };
    try {
      await this.client.call("confirmDelivered", { params });
      await this.client.call("acceptTask", { params });
      await this.client.call("endTask", { params });
      await this.client.call("wrapUpTask", { params, body: { codeId: WRAP_UP_CODE } });
    } catch (e) {
      this.traffic.error(e);
    } finally {
      this.traffic.closed();
    }
  }

  stop(): void {
    this.socket?.drop();
  }
}

/** The server as a child process on a fresh store; a new port if the first is taken. */
async function startChild(db: string): Promise<ServerProcess> {
  const profileDir = process.env.PARLEY_BENCH_CPU_PROF;
  const nodeArgs = profileDir ? ["--cpu-prof", `--cpu-prof-dir=${profileDir}`] : [];
  for (let attempt = 0; ; attempt++) {
    const server = new ServerProcess(db, port(), {}, nodeArgs);
    try {
      await server.start();
      return server;
    } catch (e) {
      await server.stop("SIGKILL");
      if (!server.output.includes("EADDRINUSE") || attempt >= 5) throw e;
    }
  }
}

/** The bot profile and users in one putConfig, their passwords, and each bot signed in and Available. */
async function setUp(url: string, traffic: Traffic, bots: Bot[]): Promise<ParleyClient> {
  const admin = newClient(url);
  await admin.signIn(TENANT, ADMIN, DEMO_PASSWORD);
  const { config } = await admin.call("getConfig", {});
  const base = config.profiles.find((p) => p.id === "digital-desk") ?? config.profiles[0];
  if (!base) throw new Error("the demo tenant has no profile to copy");
  const ids = Array.from({ length: AGENTS }, (_, i) => `bot-${String(i).padStart(4, "0")}`);
  await admin.call("putConfig", {
    body: {
      config: {
        ...config,
        profiles: [
          ...config.profiles,
          {
            ...base,
            id: "bench-bot",
            name: "Benchmark bot",
            capacity: { voice: 0, chat: CHAT_CAPACITY, email: 0, social: 0 },
          },
        ],
        users: [
          ...config.users,
          ...ids.map((id) => ({
            id,
            name: `Bot ${id}`,
            roles: ["agent" as const],
            teamIds: [TEAM],
            profileId: "bench-bot",
          })),
        ],
      },
    },
  });
  await pool(ids, SETUP_CONCURRENCY, async (id) => {
    await admin.call("setPassword", { params: { userId: id }, body: { password: BOT_PASSWORD } });
  });
  bots.push(...ids.map((id) => new Bot(id, url, traffic)));
  await pool(bots, SETUP_CONCURRENCY, (bot) => bot.start());
  return admin;
}

/** Chats from concurrent senders as fast as the bots take them; assignments counted over the window. */
async function assignments(server: ServerProcess, admin: ParleyClient, traffic: Traffic, store: string) {
  const maxOpen = AGENTS * CHAT_CAPACITY + AGENTS;
  let running = true;
  let n = 0;
  const senders = Array.from({ length: ARRIVAL_CONCURRENCY }, async () => {
    while (running) {
      if (traffic.open >= maxOpen) {
        await traffic.change();
        continue;
      }
      const taskId = `tp-${n++}`;
      traffic.open++;
      try {
        await admin.call(
          "receiveContact",
          { body: { taskId, entryPointId: ENTRY_POINT, customer: { name: `Customer ${taskId}` } } },
          { retries: 0 },
        );
      } catch (e) {
        traffic.error(e);
        traffic.closed();
      }
    }
  });
  await sleep(WARMUP_MS);
  const from = { at: performance.now(), assigned: traffic.assigned };
  const cpu = cpuMeter(server.pid);
  await sleep(WINDOW_MS);
  const to = { at: performance.now(), assigned: traffic.assigned };
  const used = cpu();
  running = false;
  traffic.wake(); // senders waiting for room
  await Promise.all(senders);
  await traffic.drained();
  const seconds = (to.at - from.at) / 1000;
  const tasks = to.assigned - from.assigned;
  line("server.assignments_per_s", (tasks / seconds).toFixed(0), "1/s", {
    agents: AGENTS,
    capacity: CHAT_CAPACITY,
    channel: CHANNEL,
    store,
    tasks,
    window_s: seconds.toFixed(1),
    http_per_task: 5,
    client: TRANSPORT,
    ...used,
    errors: traffic.errors,
  });
}

/** Chats at a fixed rate; each one's time from just before its request to its offer at the bot. */
async function offerLatency(server: ServerProcess, admin: ParleyClient, traffic: Traffic, store: string) {
  const total = (LATENCY_RATE * (LATENCY_WARMUP_MS + LATENCY_MS)) / 1000;
  const warmup = (LATENCY_RATE * LATENCY_WARMUP_MS) / 1000;
  traffic.latencies.length = 0;
  const lag = monitorEventLoopDelay({ resolution: 1 });
  const errorsBefore = traffic.errors;
  let sent = 0;
  let cpu = cpuMeter(server.pid);
  let measuredFrom = 0;
  const started = performance.now();
  while (sent < total) {
    const due = Math.min(total, Math.floor(((performance.now() - started) * LATENCY_RATE) / 1000) + 1);
    while (sent < due) {
      const i = sent++;
      if (i === warmup) {
        lag.enable();
        cpu = cpuMeter(server.pid);
        measuredFrom = performance.now();
      }
      const taskId = `lat-${i}`;
      traffic.open++;
      const sentAt = performance.now();
      if (i >= warmup) traffic.watched.set(taskId, sentAt);
      admin
        .call(
          "receiveContact",
          { body: { taskId, entryPointId: ENTRY_POINT, customer: { name: `Customer ${taskId}` } } },
          { retries: 0 },
        )
        .catch((e) => {
          traffic.error(e);
          traffic.watched.delete(taskId);
          traffic.closed();
        });
    }
    await sleep(1);
  }
  const sendSeconds = (performance.now() - measuredFrom) / 1000;
  const deadline = Date.now() + 10_000;
  while (traffic.watched.size > 0 && Date.now() < deadline) await sleep(20);
  const used = cpu();
  lag.disable();
  const missing = traffic.watched.size;
  traffic.watched.clear();
  await traffic.drained();
  const sorted = [...traffic.latencies].sort((a, b) => a - b);
  line("server.offer_latency_p99_ms", quantile(sorted, 0.99).toFixed(1), "ms", {
    p50_ms: quantile(sorted, 0.5).toFixed(1),
    p90_ms: quantile(sorted, 0.9).toFixed(1),
    max_ms: (sorted.at(-1) ?? Number.NaN).toFixed(1),
    rate: LATENCY_RATE,
    sent_rate: ((total - warmup) / sendSeconds).toFixed(0),
    tasks: sorted.length,
    missing,
    agents: AGENTS,
    capacity: CHAT_CAPACITY,
    channel: CHANNEL,
    store,
    client: TRANSPORT,
    ...used,
    driver_lag_p99_ms: (lag.percentile(99) / 1e6).toFixed(1),
    errors: traffic.errors - errorsBefore,
  });
}

async function run(db: string, store: string, latency: boolean): Promise<void> {
  const server = await startChild(db);
  const traffic = new Traffic();
  const bots: Bot[] = [];
  try {
    const admin = await setUp(server.url, traffic, bots);
    await assignments(server, admin, traffic, store);
    if (latency) await offerLatency(server, admin, traffic, store);
    if (traffic.firstError) console.error(`bench: first error on ${store}: ${traffic.firstError}`);
  } catch (e) {
    console.error(`bench: the server said:\n${server.output}`);
    throw e;
  } finally {
    for (const bot of bots) bot.stop();
    await server.stop();
  }
}

export default async function serverBench(): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), "parley-bench-"));
  try {
    await run(`sqlite:${join(dir, "parley.db")}`, "sqlite", true);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }

  const { started } = await ensurePostgres();
  try {
    await run(await testDatabase("bench_server"), "postgres", false);
  } finally {
    if (started) await stopPostgres();
  }
}
