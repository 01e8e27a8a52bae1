import pg from "pg";
import type {
  AppendBatch,
  Credentials,
  IdempotencyRecord,
  SessionRecord,
  Store,
  StoredEvent,
} from "./store.ts";

/**
 * The same tables as the SQLite store. Event and snapshot data are `text` holding the
 * `JSON.stringify` output, not `jsonb`: appends skip a JSON parse on the server, the data comes back
 * byte for byte (jsonb reorders keys and refuses `\u0000`, which the engine's JSON-safe encoding
 * uses), and nothing queries inside the data.
 */
const SCHEMA = `
CREATE TABLE IF NOT EXISTS events (
  tenant_id text NOT NULL, seq bigint NOT NULL, request_id text, type text NOT NULL, data text NOT NULL,
  PRIMARY KEY (tenant_id, seq)
);
CREATE TABLE IF NOT EXISTS snapshots (
  tenant_id text NOT NULL, seq bigint NOT NULL, data text NOT NULL, PRIMARY KEY (tenant_id, seq)
);
CREATE TABLE IF NOT EXISTS idempotency (
  tenant_id text NOT NULL, user_id text NOT NULL, key text NOT NULL, fingerprint text NOT NULL,
  status integer NOT NULL, body text NOT NULL, PRIMARY KEY (tenant_id, user_id, key)
);
CREATE TABLE IF NOT EXISTS credentials (
  tenant_id text NOT NULL, user_id text NOT NULL, password_hash text NOT NULL, PRIMARY KEY (tenant_id, user_id)
);
CREATE TABLE IF NOT EXISTS sessions (
  token_hash text PRIMARY KEY, tenant_id text NOT NULL, user_id text NOT NULL, expires_at bigint NOT NULL
);
`;

/**
 * One group commit in one statement, so one round trip and one transaction (a single statement
 * commits on its own). The events and idempotency records come as arrays and are unnested, so the
 * statement text is the same for every batch size and stays prepared on each connection. Nothing is
 * written unless the first seq follows the tenant's last one; two appenders of the same next seq
 * both pass that check, and the primary key then refuses the second when the first commits.
 */
const APPEND = `
WITH last AS (
  SELECT coalesce(max(seq), 0) AS seq FROM events WHERE tenant_id = $1
), follows AS (
  SELECT $2::bigint IS NULL OR (SELECT seq FROM last) = $2::bigint - 1 AS ok
), ev AS (
  INSERT INTO events (tenant_id, seq, request_id, type, data)
  SELECT $1, e.seq, e.request_id, e.type, e.data
  FROM unnest($3::bigint[], $4::text[], $5::text[], $6::text[]) AS e(seq, request_id, type, data)
  WHERE (SELECT ok FROM follows)
  RETURNING 1
), ik AS (
  INSERT INTO idempotency (tenant_id, user_id, key, fingerprint, status, body)
  SELECT $1, k.user_id, k.key, k.fingerprint, k.status, k.body
  FROM unnest($7::text[], $8::text[], $9::text[], $10::integer[], $11::text[])
    AS k(user_id, key, fingerprint, status, body)
  WHERE (SELECT ok FROM follows)
  RETURNING 1
)
SELECT (SELECT seq FROM last) AS last, (SELECT ok FROM follows) AS ok`;

/** Distinct tenants without reading every event: one index probe per tenant (a loose index scan). */
const TENANTS = `
WITH RECURSIVE t AS (
  SELECT min(tenant_id) AS id FROM events
  UNION ALL
  SELECT (SELECT min(tenant_id) FROM events WHERE tenant_id > t.id) FROM t WHERE t.id IS NOT NULL
)
SELECT id FROM t WHERE id IS NOT NULL`;

const UNIQUE_VIOLATION = "23505";

/**
 * The production store: PostgreSQL 15 through a `pg` pool. `append` resolves after the commit,
 * which with `synchronous_commit` on (the server's default; keep it so) means the batch is on disk.
 */
export class PostgresStore implements Store {
  readonly kind = "postgres";

  private constructor(private readonly pool: pg.Pool) {}

  /** Connects and creates the tables if they are missing. */
  static async open(url: string): Promise<PostgresStore> {
    const pool = new pg.Pool({ connectionString: url, application_name: "parley" });
    // A pooled connection that breaks while idle is dropped by the pool, and the next query opens
    // a new one; without a listener the error would end the process.
    pool.on("error", () => {});
    try {
      await transaction(pool, async (client) => {
        // Nodes starting together would race on CREATE TABLE IF NOT EXISTS.
        await client.query("SELECT pg_advisory_xact_lock(hashtext('parley.schema'))");
        await client.query(SCHEMA);
      });
    } catch (error) {
      await pool.end();
      throw error;
    }
    return new PostgresStore(pool);
  }

  async tenants() {
    const { rows } = await this.pool.query<{ id: string }>(TENANTS);
    return rows.map((r) => r.id);
  }

  async append(batch: AppendBatch) {
    const { tenantId, events, idempotency } = batch;
    const first = events[0]?.seq ?? null;
    const seqs: number[] = [];
    const requestIds: (string | null)[] = [];
    const types: string[] = [];
    const data: string[] = [];
    for (const [i, e] of events.entries()) {
      if (first !== null && e.seq !== first + i)
        throw new Error(`seq gap in ${tenantId}: ${first + i - 1} then ${e.seq} within a batch`);
      seqs.push(e.seq);
      requestIds.push(e.requestId);
      types.push(e.event.type);
      data.push(JSON.stringify(e.event));
    }
    let result: pg.QueryResult<{ last: string; ok: boolean }>;
    try {
      result = await this.pool.query({
        name: "parley.append",
        text: APPEND,
        values: [
          tenantId,
          first,
          seqs,
          requestIds,
          types,
          data,
          idempotency.map((r) => r.userId),
          idempotency.map((r) => r.key),
          idempotency.map((r) => r.fingerprint),
          idempotency.map((r) => r.status),
          idempotency.map((r) => r.body),
        ],
      });
    } catch (error) {
      if (
        (error as { code?: string }).code === UNIQUE_VIOLATION &&
        (error as { constraint?: string }).constraint === "events_pkey"
      )
        throw new Error(`seq conflict in ${tenantId}: seq ${first} was written by another appender`, {
          cause: error,
        });
      throw error;
    }
    const row = result.rows[0];
    if (!row?.ok) throw new Error(`seq gap in ${tenantId}: ${row?.last} then ${first}`);
  }

  async events(tenantId: string, afterSeq: number, limit: number): Promise<StoredEvent[]> {
    const { rows } = await this.pool.query<{ seq: string; request_id: string | null; data: string }>({
      name: "parley.events",
      text: "SELECT seq, request_id, data FROM events WHERE tenant_id = $1 AND seq > $2 ORDER BY seq LIMIT $3",
      values: [tenantId, afterSeq, limit],
    });
    return rows.map((r) => ({ seq: Number(r.seq), requestId: r.request_id, event: JSON.parse(r.data) }));
  }

  async latestSnapshot(tenantId: string) {
    const { rows } = await this.pool.query<{ seq: string; data: string }>(
      "SELECT seq, data FROM snapshots WHERE tenant_id = $1 ORDER BY seq DESC LIMIT 1",
      [tenantId],
    );
    const row = rows[0];
    return row ? { seq: Number(row.seq), data: JSON.parse(row.data) as unknown } : null;
  }

  async saveSnapshot(tenantId: string, seq: number, data: unknown) {
    const text = JSON.stringify(data);
    await transaction(this.pool, async (client) => {
      await client.query(
        "INSERT INTO snapshots (tenant_id, seq, data) VALUES ($1, $2, $3) ON CONFLICT (tenant_id, seq) DO UPDATE SET data = excluded.data",
        [tenantId, seq, text],
      );
      // One older snapshot is kept in case the newest is unreadable.
      await client.query(
        "DELETE FROM snapshots WHERE tenant_id = $1 AND seq < (SELECT min(seq) FROM (SELECT seq FROM snapshots WHERE tenant_id = $1 ORDER BY seq DESC LIMIT 2) AS newest)",
        [tenantId],
      );
    });
  }

  async idempotency(tenantId: string, userId: string, key: string): Promise<IdempotencyRecord | null> {
    const { rows } = await this.pool.query<{ fingerprint: string; status: number; body: string }>({
      name: "parley.idempotency",
      text: "SELECT fingerprint, status, body FROM idempotency WHERE tenant_id = $1 AND user_id = $2 AND key = $3",
      values: [tenantId, userId, key],
    });
    const row = rows[0];
    return row ? { userId, key, fingerprint: row.fingerprint, status: row.status, body: row.body } : null;
  }

  async credentials(tenantId: string, userId: string): Promise<Credentials | null> {
    const { rows } = await this.pool.query<{ password_hash: string }>(
      "SELECT password_hash FROM credentials WHERE tenant_id = $1 AND user_id = $2",
      [tenantId, userId],
    );
    const row = rows[0];
    return row ? { tenantId, userId, passwordHash: row.password_hash } : null;
  }

  async setCredentials(c: Credentials) {
    await this.pool.query(
      "INSERT INTO credentials (tenant_id, user_id, password_hash) VALUES ($1, $2, $3) ON CONFLICT (tenant_id, user_id) DO UPDATE SET password_hash = excluded.password_hash",
      [c.tenantId, c.userId, c.passwordHash],
    );
  }

  async saveSession(s: SessionRecord) {
    await this.pool.query(
      "INSERT INTO sessions (token_hash, tenant_id, user_id, expires_at) VALUES ($1, $2, $3, $4)",
      [s.tokenHash, s.tenantId, s.userId, s.expiresAt],
    );
  }

  async session(tokenHash: string): Promise<SessionRecord | null> {
    const { rows } = await this.pool.query<{ tenant_id: string; user_id: string; expires_at: string }>({
      name: "parley.session",
      text: "SELECT tenant_id, user_id, expires_at FROM sessions WHERE token_hash = $1",
      values: [tokenHash],
    });
    const row = rows[0];
    return row
      ? { tokenHash, tenantId: row.tenant_id, userId: row.user_id, expiresAt: Number(row.expires_at) }
      : null;
  }

  async deleteSession(tokenHash: string) {
    await this.pool.query("DELETE FROM sessions WHERE token_hash = $1", [tokenHash]);
  }

  async deleteSessionsOf(tenantId: string, userId: string) {
    await this.pool.query("DELETE FROM sessions WHERE tenant_id = $1 AND user_id = $2", [tenantId, userId]);
  }

  async close() {
    await this.pool.end();
  }
}

/** Runs `work` in one transaction on one pooled connection. */
export async function transaction(
  pool: pg.Pool,
  work: (client: pg.PoolClient) => Promise<void>,
): Promise<void> {
  const client = await pool.connect();
  let broken: Error | undefined;
  try {
    await client.query("BEGIN");
    await work(client);
    await client.query("COMMIT");
  } catch (error) {
    // A connection that cannot even roll back is closed rather than handed out again.
    await client.query("ROLLBACK").catch((e: Error) => {
      broken = e;
    });
    throw error;
  } finally {
    client.release(broken);
  }
}
