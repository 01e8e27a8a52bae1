/**
 * Store benchmark: events appended per second, durably (SQLite on a file in WAL mode with
 * synchronous=FULL; PostgreSQL 15 on the throwaway test cluster, fsync and synchronous_commit on)
 * and in memory, for group commits of 1, 10 and 100 events of about 300 bytes of JSON.
 *
 * One tenant's engine is a single writer, so each tenant appends one batch after another, waiting
 * for each to be durable. PostgreSQL is also run with several tenants appending at once, as a node
 * hosting many tenants does (their commits share WAL flushes).
 */
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { Plain, TenantEvent } from "@parley/engine";
import { MemoryStore } from "../src/store/memory.ts";
import { PostgresStore } from "../src/store/postgres.ts";
import { SqliteStore } from "../src/store/sqlite.ts";
import type { Store, StoredEvent } from "../src/store/store.ts";
import { ensurePostgres, stopPostgres, testDatabase } from "../test/postgres.ts";

const BATCH_SIZES = [1, 10, 100] as const;
const WARMUP_REPS = 1;
const REPS = 5;
const REP_MS = 400;

/** An event of the size the engine writes: ids, a time, a few attributes. */
const PAYLOAD = {
  type: "offer.created",
  taskId: "task-01J9Z8Q4W6K3V5X7Y2N1M0P8R4",
  agentId: "agent-0042",
  queueId: "queue-sales-emea",
  channel: "voice",
  at: 1_732_190_400_123,
  offerTimeoutSec: 20,
  attempt: 1,
  attributes: { language: "de", vip: false, skill: "billing", callerId: "+4930123456789" },
  excludedAgents: ["agent-0007", "agent-0913"],
} as unknown as Plain<TenantEvent>;
const EVENT_BYTES = JSON.stringify(PAYLOAD).length;

const line = (name: string, value: string, unit: string, keys: Record<string, string | number>) =>
  console.log(["BENCH", name, value, unit, ...Object.entries(keys).map(([k, v]) => `${k}=${v}`)].join(" "));

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  const mid = Math.floor(s.length / 2);
  return s.length % 2 ? (s[mid] as number) : ((s[mid - 1] as number) + (s[mid] as number)) / 2;
}

let tenantCounter = 0;

/** Median events per second over REPS timed runs, each tenant writing batch after batch. */
async function measure(store: Store, batch: number, tenants: number): Promise<number> {
  const logs = Array.from({ length: tenants }, () => ({ id: `bench-${++tenantCounter}`, next: 1 }));
  const rates: number[] = [];
  for (let rep = 0; rep < WARMUP_REPS + REPS; rep++) {
    let appended = 0;
    const started = performance.now();
    const deadline = started + REP_MS;
    await Promise.all(
      logs.map(async (log) => {
        while (performance.now() < deadline) {
          const events: StoredEvent[] = [];
          for (let i = 0; i < batch; i++)
            events.push({ seq: log.next + i, requestId: `req-${log.next + i}`, event: PAYLOAD });
          await store.append({ tenantId: log.id, events, idempotency: [] });
          log.next += batch;
          appended += batch;
        }
      }),
    );
    if (rep >= WARMUP_REPS) rates.push((appended * 1000) / (performance.now() - started));
  }
  return median(rates);
}

async function run(name: string, store: Store, tenantCounts: readonly number[]) {
  for (const tenants of tenantCounts)
    for (const batch of BATCH_SIZES) {
      const rate = await measure(store, batch, tenants);
      line(name, rate.toFixed(0), "1/s", {
        store: store.kind,
        batch,
        tenants,
        event_bytes: EVENT_BYTES,
        reps: REPS,
      });
    }
}

export default async function storeBench(): Promise<void> {
  const memory = new MemoryStore();
  await run("store.memory_appends_per_s", memory, [1]);
  await memory.close();

  const dir = mkdtempSync(join(tmpdir(), "parley-bench-"));
  try {
    const sqlite = new SqliteStore(join(dir, "parley.db"));
    // better-sqlite3 is synchronous: tenants of one process take turns, so one tenant says it all.
    await run("store.durable_appends_per_s", sqlite, [1]);
    await sqlite.close();
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }

  const { started } = await ensurePostgres();
  try {
    const postgres = await PostgresStore.open(await testDatabase("bench"));
    await run("store.durable_appends_per_s", postgres, [1, 8]);
    await postgres.close();
  } finally {
    if (started) await stopPostgres();
  }
}
