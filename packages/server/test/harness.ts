import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { CommandResult, EventEnvelope, Me } from "@parley/protocol";
import { EventSocket, ParleyClient, type WebSocketConstructor } from "@parley/sdk";
import WebSocket from "ws";
import { DEMO_PASSWORD, type Server, type ServerOptions, startServer } from "../src/index.ts";
import { DEFAULTS } from "../src/settings.ts";
import { testDatabase } from "./postgres.ts";

export const TENANT = "lumen";

/** A loopback port below the ephemeral range (32768+), as test servers must use. */
const port = () => 20_000 + Math.floor(Math.random() * 12_000);

export interface TestServer {
  readonly server: Server;
  readonly url: string;
  readonly db: string;
  /** A client signed in as a demo user. */
  as(userId: string): Promise<ParleyClient>;
  close(): Promise<void>;
}

/**
 * The server on a fresh store, seeded with the demo tenant: a temporary SQLite file, or a new
 * PostgreSQL database when the suite runs as the `postgres` project (PARLEY_TEST_DB=postgres).
 */
export async function startTestServer(options: { db?: string } & ServerOptions = {}): Promise<TestServer> {
  const dir = mkdtempSync(join(tmpdir(), "parley-test-"));
  const db =
    options.db ??
    (process.env.PARLEY_TEST_DB === "postgres"
      ? await testDatabase("server")
      : `sqlite:${join(dir, "parley.db")}`);
  for (let attempt = 0; ; attempt++) {
    try {
      const server = await startServer(
        { ...DEFAULTS, db, port: port(), logLevel: "warn" },
        { logger: false, onFatal: (e) => console.error("fatal", e), ...options },
      );
      return {
        server,
        url: server.url,
        db,
        async as(userId) {
          const client = new ParleyClient({ baseUrl: server.url });
          await client.signIn(TENANT, userId, DEMO_PASSWORD);
          return client;
        },
        async close() {
          await server.close();
          rmSync(dir, { recursive: true, force: true });
        },
      };
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== "EADDRINUSE" || attempt > 20) throw e;
    }
  }
}

/** An event socket that records what it receives, with waits for what a test expects. */
export class Listener {
  readonly events: EventEnvelope[] = [];
  /** The seqs of the configuration changes this reader was told of without the configuration. */
  readonly configured: number[] = [];
  welcome: { snapshot: Me | null; seq: number; resumed: boolean } | null = null;
  readonly socket: EventSocket;
  private waiters: (() => void)[] = [];

  constructor(url: string, token: string, lastSeq?: number) {
    this.socket = new EventSocket({
      baseUrl: url,
      token,
      WebSocket: WebSocket as unknown as WebSocketConstructor,
      ...(lastSeq !== undefined ? { lastSeq } : {}),
      onWelcome: (snapshot, seq, resumed) => {
        this.welcome = { snapshot, seq, resumed };
        this.notify();
      },
      onEvent: (e) => {
        this.events.push(e);
        this.notify();
      },
      onConfigured: (seq) => {
        this.configured.push(seq);
        this.notify();
      },
      onStatus: () => this.notify(),
    });
  }

  private notify(): void {
    for (const w of this.waiters.splice(0)) w();
  }

  /** Resolves when the predicate holds; fails after `ms`. */
  async until<T>(what: string, probe: () => T | undefined | null | false, ms = 5000): Promise<T> {
    const deadline = Date.now() + ms;
    for (;;) {
      const v = probe();
      if (v) return v;
      const left = deadline - Date.now();
      if (left <= 0)
        throw new Error(`timed out waiting for ${what}; got ${this.events.map((e) => e.type).join(", ")}`);
      await new Promise<void>((resolve) => {
        const t = setTimeout(resolve, Math.min(left, 200));
        this.waiters.push(() => {
          clearTimeout(t);
          resolve();
        });
      });
    }
  }

  event(
    type: string,
    match: (e: EventEnvelope) => boolean = () => true,
    ms?: number,
  ): Promise<EventEnvelope> {
    return this.until(type, () => this.events.find((e) => e.type === type && match(e)), ms);
  }

  close(): void {
    this.socket.drop();
  }
}

/** The task a command's events speak of first: the id the server gave a new contact. */
export function taskIdOf(result: CommandResult): string {
  for (const e of result.events)
    if ("taskId" in e.data && typeof e.data.taskId === "string") return e.data.taskId;
  throw new Error(`no task in ${result.events.map((e) => e.type).join(", ")}`);
}
