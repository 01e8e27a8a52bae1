// The Store contract, run against every implementation: the memory store, SQLite on a temp file and
// PostgreSQL on the throwaway test cluster (test/postgres.ts).
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { Plain, TenantEvent } from "@parley/engine";
import Database from "better-sqlite3";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { testDatabase } from "../../test/postgres.ts";
import { MemoryStore } from "./memory.ts";
import { PostgresStore } from "./postgres.ts";
import { SqliteStore } from "./sqlite.ts";
import type { IdempotencyRecord, Store, StoredEvent } from "./store.ts";

interface Opened {
  store: Store;
  /** How many snapshots the store keeps for a tenant, or null when it cannot tell. */
  snapshotsKept(tenantId: string): Promise<number | null>;
}

interface Backend {
  name: string;
  open(): Promise<Opened>;
}

const tempDirs: string[] = [];

const backends: Backend[] = [
  { name: "memory", open: async () => ({ store: new MemoryStore(), snapshotsKept: async () => null }) },
  {
    name: "sqlite",
    open: async () => {
      const dir = mkdtempSync(join(tmpdir(), "parley-store-"));
      tempDirs.push(dir);
      const path = join(dir, "parley.db");
      return {
        store: new SqliteStore(path),
        snapshotsKept: async (tenantId) => {
          const db = new Database(path, { readonly: true });
          try {
            const row = db.prepare("SELECT count(*) AS n FROM snapshots WHERE tenant_id = ?").get(tenantId);
            return (row as { n: number }).n;
          } finally {
            db.close();
          }
        },
      };
    },
  },
  {
    name: "postgres",
    open: async () => {
      const url = await testDatabase("store.test");
      return {
        store: await PostgresStore.open(url),
        snapshotsKept: async (tenantId) => {
          const client = new pg.Client({ connectionString: url });
          await client.connect();
          try {
            const { rows } = await client.query<{ n: number }>(
              "SELECT count(*)::int AS n FROM snapshots WHERE tenant_id = $1",
              [tenantId],
            );
            return rows[0]?.n ?? 0;
          } finally {
            await client.end();
          }
        },
      };
    },
  },
];

afterAll(() => {
  for (const dir of tempDirs) rmSync(dir, { recursive: true, force: true });
});

let tenantCounter = 0;
/** Each test writes to its own tenants, so the tests can share one store. */
function tenant(): string {
  tenantCounter++;
  return `tenant-${tenantCounter}`;
}

function ev(seq: number, data: Record<string, unknown> = {}, requestId: string | null = null): StoredEvent {
  return {
    seq,
    requestId,
    event: { type: "test.happened", n: seq, ...data } as unknown as Plain<TenantEvent>,
  };
}

function events(from: number, count: number): StoredEvent[] {
  return Array.from({ length: count }, (_, i) => ev(from + i, {}, `req-${from + i}`));
}

function key(userId: string, k: string, status = 200): IdempotencyRecord {
  return { userId, key: k, fingerprint: `fp-${k}`, status, body: JSON.stringify({ ok: true, k }) };
}

async function seqs(store: Store, tenantId: string): Promise<number[]> {
  return (await store.events(tenantId, 0, 1_000_000)).map((e) => e.seq);
}

/** Plain data that JSON carries exactly, with the awkward corners. */
const awkward = JSON.parse(
  JSON.stringify({
    unicode: "héllo wörld — 你好 — 😀👩‍👩‍👧 — עברית — e\u0301",
    control: 'tab\tnewline\nquote"backslash\\nul\u0000end',
    lone: "\ud800",
    maxSafe: 2 ** 53 - 1,
    minSafe: -(2 ** 53 - 1),
    float: 0.1 + 0.2,
    tiny: 5e-324,
    huge: 1.7976931348623157e308,
    exp: 1e21,
    zero: 0,
    nested: { a: [1, [2, [3, { b: null }]], {}], c: { d: { e: { f: "deep" } } } },
    emptyArray: [],
    emptyString: "",
    nullField: null,
    missingField: undefined,
    bool: false,
    "key with spaces and ünïcode 🔑": 1,
    z: 1,
    a: 2,
  }),
) as Record<string, unknown>;
// JSON.parse makes `__proto__` an own key; it must come back as one.
const withProto = JSON.parse('{"__proto__": {"x": 1}, "y": 2}') as Record<string, unknown>;

describe.each(backends)("$name store", (backend) => {
  let store: Store;
  let snapshotsKept: Opened["snapshotsKept"];
  beforeAll(async () => {
    ({ store, snapshotsKept } = await backend.open());
    return () => store.close();
  }, 60_000);

  it("has the right kind", () => {
    expect(store.kind).toBe(backend.name);
  });

  it("reads events back in order, paged, per tenant", async () => {
    const t = tenant();
    const other = tenant();
    await store.append({ tenantId: t, events: events(1, 10), idempotency: [] });
    await store.append({ tenantId: other, events: events(1, 3), idempotency: [] });
    await store.append({ tenantId: t, events: events(11, 10), idempotency: [] });
    await store.append({ tenantId: t, events: [ev(21)], idempotency: [] });
    await store.append({ tenantId: t, events: events(22, 4), idempotency: [] });

    expect((await store.events(t, 0, 10)).map((e) => e.seq)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10]);
    expect((await store.events(t, 10, 10)).map((e) => e.seq)).toEqual([
      11, 12, 13, 14, 15, 16, 17, 18, 19, 20,
    ]);
    expect((await store.events(t, 20, 10)).map((e) => e.seq)).toEqual([21, 22, 23, 24, 25]);
    expect(await store.events(t, 25, 10)).toEqual([]);
    expect((await store.events(t, 7, 2)).map((e) => e.seq)).toEqual([8, 9]);
    expect(await seqs(store, other)).toEqual([1, 2, 3]);
    expect(await store.events(tenant(), 0, 10)).toEqual([]);

    const [first] = await store.events(t, 0, 1);
    expect(first).toEqual({ seq: 1, requestId: "req-1", event: { type: "test.happened", n: 1 } });
    expect(typeof first?.seq).toBe("number");
    expect((await store.events(t, 20, 1))[0]?.requestId).toBeNull();
  });

  it("accepts a batch of hundreds of events at once", async () => {
    const t = tenant();
    await store.append({ tenantId: t, events: events(1, 500), idempotency: [] });
    await store.append({ tenantId: t, events: events(501, 300), idempotency: [] });
    expect(await seqs(store, t)).toEqual(Array.from({ length: 800 }, (_, i) => i + 1));
  });

  it("starts a log at seq 1", async () => {
    const t = tenant();
    await expect(store.append({ tenantId: t, events: [ev(2)], idempotency: [] })).rejects.toThrow(/seq/);
    await expect(store.append({ tenantId: t, events: [ev(0)], idempotency: [] })).rejects.toThrow(/seq/);
    expect(await seqs(store, t)).toEqual([]);
    expect(await store.tenants()).not.toContain(t);
  });

  it("refuses a seq gap and writes nothing of the batch", async () => {
    const t = tenant();
    await store.append({ tenantId: t, events: events(1, 3), idempotency: [] });
    // After the last seq, a repeat of it, before it.
    for (const from of [5, 3, 1]) {
      await expect(
        store.append({ tenantId: t, events: events(from, 3), idempotency: [key("u1", `gap-${from}`)] }),
      ).rejects.toThrow(/seq/);
      expect(await store.idempotency(t, "u1", `gap-${from}`)).toBeNull();
    }
    // A gap or a repeat inside the batch.
    for (const batch of [
      [ev(4), ev(6)],
      [ev(4), ev(4)],
      [ev(4), ev(5), ev(7)],
    ]) {
      await expect(
        store.append({ tenantId: t, events: batch, idempotency: [key("u1", "inner")] }),
      ).rejects.toThrow(/seq/);
      expect(await store.idempotency(t, "u1", "inner")).toBeNull();
    }
    expect(await seqs(store, t)).toEqual([1, 2, 3]);
    await store.append({ tenantId: t, events: events(4, 2), idempotency: [] });
    expect(await seqs(store, t)).toEqual([1, 2, 3, 4, 5]);
  });

  it("writes a batch whole or not at all", async () => {
    const t = tenant();
    await store.append({ tenantId: t, events: events(1, 2), idempotency: [key("u1", "k1")] });

    // An idempotency key already used: refused by the store after the events were written.
    await expect(
      store.append({
        tenantId: t,
        events: events(3, 50),
        idempotency: [key("u2", "k2"), key("u1", "k1", 500)],
      }),
    ).rejects.toThrow();
    // An event that cannot be stored, last in the batch.
    const bad = ev(52, { big: 10n });
    await expect(
      store.append({ tenantId: t, events: [...events(3, 49), bad], idempotency: [] }),
    ).rejects.toThrow();

    expect(await seqs(store, t)).toEqual([1, 2]);
    expect(await store.idempotency(t, "u2", "k2")).toBeNull();
    expect((await store.idempotency(t, "u1", "k1"))?.status).toBe(200);
    // The log carries on from where it was.
    await store.append({ tenantId: t, events: events(3, 2), idempotency: [key("u2", "k2")] });
    expect(await seqs(store, t)).toEqual([1, 2, 3, 4]);
  });

  it("keeps idempotency records per tenant, user and key", async () => {
    const t = tenant();
    const records = [key("u1", "a", 200), key("u1", "b", 409), key("u2", "a", 202)];
    await store.append({ tenantId: t, events: [ev(1)], idempotency: records });
    // A command that wrote no events still keeps its answer.
    await store.append({ tenantId: t, events: [], idempotency: [key("u3", "c", 400)] });

    expect(await store.idempotency(t, "u1", "a")).toEqual(records[0]);
    expect(await store.idempotency(t, "u1", "b")).toEqual(records[1]);
    expect(await store.idempotency(t, "u2", "a")).toEqual(records[2]);
    expect(await store.idempotency(t, "u3", "c")).toEqual(key("u3", "c", 400));
    expect(await store.idempotency(t, "u2", "b")).toBeNull();
    expect(await store.idempotency(tenant(), "u1", "a")).toBeNull();
    expect(await seqs(store, t)).toEqual([1]);
  });

  it("upserts credentials", async () => {
    const t = tenant();
    expect(await store.credentials(t, "alice")).toBeNull();
    await store.setCredentials({ tenantId: t, userId: "alice", passwordHash: "h1" });
    await store.setCredentials({ tenantId: t, userId: "bob", passwordHash: "hb" });
    expect(await store.credentials(t, "alice")).toEqual({ tenantId: t, userId: "alice", passwordHash: "h1" });
    await store.setCredentials({ tenantId: t, userId: "alice", passwordHash: "h2" });
    expect(await store.credentials(t, "alice")).toEqual({ tenantId: t, userId: "alice", passwordHash: "h2" });
    expect(await store.credentials(t, "bob")).toEqual({ tenantId: t, userId: "bob", passwordHash: "hb" });
    expect(await store.credentials(tenant(), "alice")).toBeNull();
  });

  it("saves, finds and deletes sessions", async () => {
    const t = tenant();
    const expiresAt = Date.UTC(2100, 0, 1, 12, 30, 45, 678);
    const s = { tokenHash: `${t}-token`, tenantId: t, userId: "alice", expiresAt };
    await store.saveSession(s);
    await store.saveSession({ ...s, tokenHash: `${t}-other`, userId: "bob" });
    const found = await store.session(s.tokenHash);
    expect(found).toEqual(s);
    expect(typeof found?.expiresAt).toBe("number");
    await store.deleteSession(s.tokenHash);
    expect(await store.session(s.tokenHash)).toBeNull();
    expect((await store.session(`${t}-other`))?.userId).toBe("bob");
    await store.deleteSession("no-such-token");
  });

  it("deletes every session of one user, and only theirs", async () => {
    const t = tenant();
    const expiresAt = Date.UTC(2100, 0, 1);
    await store.saveSession({ tokenHash: `${t}-a1`, tenantId: t, userId: "alice", expiresAt });
    await store.saveSession({ tokenHash: `${t}-a2`, tenantId: t, userId: "alice", expiresAt });
    await store.saveSession({ tokenHash: `${t}-b`, tenantId: t, userId: "bob", expiresAt });
    await store.saveSession({ tokenHash: `${t}-x`, tenantId: `${t}-other`, userId: "alice", expiresAt });
    await store.deleteSessionsOf(t, "alice");
    expect(await store.session(`${t}-a1`)).toBeNull();
    expect(await store.session(`${t}-a2`)).toBeNull();
    expect((await store.session(`${t}-b`))?.userId).toBe("bob");
    expect((await store.session(`${t}-x`))?.userId).toBe("alice");
  });

  it("returns the latest snapshot", async () => {
    const t = tenant();
    expect(await store.latestSnapshot(t)).toBeNull();
    await store.saveSnapshot(t, 10, { at: 10 });
    expect(await store.latestSnapshot(t)).toEqual({ seq: 10, data: { at: 10 } });
    await store.saveSnapshot(t, 20, { at: 20 });
    await store.saveSnapshot(t, 30, { at: 30 });
    expect(await store.latestSnapshot(t)).toEqual({ seq: 30, data: { at: 30 } });
    // Saving the same seq again replaces it.
    await store.saveSnapshot(t, 30, { at: "30 again" });
    expect(await store.latestSnapshot(t)).toEqual({ seq: 30, data: { at: "30 again" } });
    await store.saveSnapshot(t, 40, { at: 40 });
    const kept = await snapshotsKept(t);
    if (kept !== null) expect(kept).toBe(2);
    expect(await store.latestSnapshot(tenant())).toBeNull();
  });

  it("carries JSON exactly through events and snapshots", async () => {
    const t = tenant();
    await store.append({ tenantId: t, events: [ev(1, awkward), ev(2, withProto)], idempotency: [] });
    const [a, b] = await store.events(t, 0, 10);
    expect(JSON.stringify(a?.event)).toBe(JSON.stringify({ type: "test.happened", n: 1, ...awkward }));
    expect(a?.event).toEqual({ type: "test.happened", n: 1, ...awkward });
    const read = a?.event as unknown as Record<string, unknown>;
    expect(read.maxSafe).toBe(2 ** 53 - 1);
    expect(Number.isSafeInteger(read.maxSafe)).toBe(true);
    expect(read.float).toBe(0.30000000000000004);
    expect(read.nullField).toBeNull();
    expect(Object.hasOwn(read, "nullField")).toBe(true);
    expect(Object.hasOwn(read, "missingField")).toBe(false);
    expect(read.control).toBe('tab\tnewline\nquote"backslash\\nul\u0000end');
    expect(read.lone).toBe("\ud800");
    const proto = b?.event as unknown as Record<string, unknown>;
    expect(Object.hasOwn(proto, "__proto__")).toBe(true);
    expect(JSON.stringify(proto)).toBe('{"type":"test.happened","n":2,"__proto__":{"x":1},"y":2}');

    await store.saveSnapshot(t, 2, { state: awkward, list: [withProto] });
    const snap = await store.latestSnapshot(t);
    expect(JSON.stringify(snap?.data)).toBe(JSON.stringify({ state: awkward, list: [withProto] }));
  });

  it("lists the tenants that have events", async () => {
    const { store: fresh } = await backend.open();
    try {
      expect(await fresh.tenants()).toEqual([]);
      await fresh.append({ tenantId: "acme", events: events(1, 3), idempotency: [] });
      await fresh.append({ tenantId: "globex", events: [ev(1)], idempotency: [] });
      await fresh.append({ tenantId: "acme", events: [ev(4)], idempotency: [] });
      await fresh.setCredentials({ tenantId: "initech", userId: "u", passwordHash: "h" });
      await expect(
        fresh.append({ tenantId: "umbrella", events: [ev(2)], idempotency: [] }),
      ).rejects.toThrow();
      expect((await fresh.tenants()).sort()).toEqual(["acme", "globex"]);
    } finally {
      await fresh.close();
    }
  }, 60_000);

  it("lets exactly one of two appends of the same next seq win", async () => {
    const t = tenant();
    await store.append({ tenantId: t, events: [ev(1)], idempotency: [] });
    for (let next = 2; next < 42; next += 2) {
      const results = await Promise.allSettled([
        store.append({
          tenantId: t,
          events: [ev(next, { by: "a" }), ev(next + 1, { by: "a" })],
          idempotency: [],
        }),
        store.append({ tenantId: t, events: [ev(next, { by: "b" })], idempotency: [key("b", `k${next}`)] }),
      ]);
      expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(1);
      const winner = results[0].status === "fulfilled" ? "a" : "b";
      const written = await store.events(t, next - 1, 10);
      expect(written.map((e) => (e.event as unknown as { by: string }).by)).toEqual(
        winner === "a" ? ["a", "a"] : ["b"],
      );
      expect(await store.idempotency(t, "b", `k${next}`)).toEqual(
        winner === "b" ? key("b", `k${next}`) : null,
      );
      // Put the log back on a common footing for the next round.
      if (winner === "b") await store.append({ tenantId: t, events: [ev(next + 1)], idempotency: [] });
    }
    const all = await seqs(store, t);
    expect(all).toEqual(Array.from({ length: all.length }, (_, i) => i + 1));
  });
});

describe("postgres store under contention", () => {
  let url: string;
  let store: PostgresStore;
  beforeAll(async () => {
    url = await testDatabase("store.contention");
    store = await PostgresStore.open(url);
    return () => store.close();
  }, 60_000);

  it("refuses an append whose seq another transaction commits first", async () => {
    await store.append({ tenantId: "t", events: events(1, 2), idempotency: [] });
    const other = new pg.Client({ connectionString: url });
    await other.connect();
    try {
      await other.query("BEGIN");
      await other.query(
        "INSERT INTO events (tenant_id, seq, request_id, type, data) VALUES ('t', 3, NULL, 'x', '{}')",
      );
      // Both see seq 2 as the last; this append waits on the other's uncommitted row.
      const racing = store.append({ tenantId: "t", events: events(3, 5), idempotency: [key("u", "k")] });
      const outcome = racing.then(
        () => "appended",
        (error: Error) => error.message,
      );
      await new Promise((resolve) => setTimeout(resolve, 200));
      await other.query("COMMIT");
      expect(await outcome).toMatch(/seq conflict/);
    } finally {
      await other.end();
    }
    expect(await seqs(store, "t")).toEqual([1, 2, 3]);
    expect(await store.idempotency("t", "u", "k")).toBeNull();
  });

  it("lets the waiting append through when the other transaction rolls back", async () => {
    const other = new pg.Client({ connectionString: url });
    await other.connect();
    try {
      await other.query("BEGIN");
      await other.query(
        "INSERT INTO events (tenant_id, seq, request_id, type, data) VALUES ('t', 4, NULL, 'x', '{}')",
      );
      const racing = store.append({ tenantId: "t", events: events(4, 2), idempotency: [] });
      await new Promise((resolve) => setTimeout(resolve, 200));
      await other.query("ROLLBACK");
      await racing;
    } finally {
      await other.end();
    }
    expect(await seqs(store, "t")).toEqual([1, 2, 3, 4, 5]);
  });

  it("creates its tables once when several nodes open the same database together", async () => {
    const fresh = await testDatabase("store.open");
    const stores = await Promise.all(Array.from({ length: 4 }, () => PostgresStore.open(fresh)));
    await Promise.all(stores.map((s) => s.close()));
  }, 60_000);
});
