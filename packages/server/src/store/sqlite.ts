import { mkdirSync } from "node:fs";
import { dirname } from "node:path";
import Database from "better-sqlite3";
import type {
  AppendBatch,
  Credentials,
  IdempotencyRecord,
  SessionRecord,
  Store,
  StoredEvent,
} from "./store.ts";

const SCHEMA = `
CREATE TABLE IF NOT EXISTS events (
  tenant_id TEXT NOT NULL, seq INTEGER NOT NULL, request_id TEXT, type TEXT NOT NULL, data TEXT NOT NULL,
  PRIMARY KEY (tenant_id, seq)
) WITHOUT ROWID;
CREATE TABLE IF NOT EXISTS snapshots (
  tenant_id TEXT NOT NULL, seq INTEGER NOT NULL, data TEXT NOT NULL, PRIMARY KEY (tenant_id, seq)
) WITHOUT ROWID;
-- Keys are random: rows appended by rowid and found through a narrow index dirty far fewer pages
-- per group commit than a table clustered on the key.
CREATE TABLE IF NOT EXISTS idempotency (
  tenant_id TEXT NOT NULL, user_id TEXT NOT NULL, key TEXT NOT NULL, fingerprint TEXT NOT NULL,
  status INTEGER NOT NULL, body TEXT NOT NULL
);
CREATE UNIQUE INDEX IF NOT EXISTS idempotency_key ON idempotency (tenant_id, user_id, key);
CREATE TABLE IF NOT EXISTS credentials (
  tenant_id TEXT NOT NULL, user_id TEXT NOT NULL, password_hash TEXT NOT NULL, PRIMARY KEY (tenant_id, user_id)
) WITHOUT ROWID;
CREATE TABLE IF NOT EXISTS sessions (
  token_hash TEXT PRIMARY KEY, tenant_id TEXT NOT NULL, user_id TEXT NOT NULL, expires_at INTEGER NOT NULL
) WITHOUT ROWID;
`;

interface EventRow {
  seq: number;
  request_id: string | null;
  data: string;
}

/**
 * The embedded store: one SQLite file in WAL mode with `synchronous=FULL`, so a batch is on disk
 * when `append` returns. better-sqlite3 is synchronous: a group commit is one short transaction.
 */
export class SqliteStore implements Store {
  readonly kind = "sqlite";
  private readonly db: Database.Database;
  private readonly insertEvent: Database.Statement;
  private readonly insertKey: Database.Statement;
  private readonly lastSeq: Database.Statement;
  private readonly appendTx: (batch: AppendBatch) => void;
  private readonly statements = new Map<string, Database.Statement>();

  /** Each statement is prepared once: preparing costs more than running most of these. */
  private stmt(sql: string): Database.Statement {
    let statement = this.statements.get(sql);
    if (!statement) {
      statement = this.db.prepare(sql);
      this.statements.set(sql, statement);
    }
    return statement;
  }

  constructor(path: string) {
    if (path !== ":memory:") mkdirSync(dirname(path), { recursive: true });
    this.db = new Database(path);
    this.db.pragma("journal_mode = WAL");
    this.db.pragma("synchronous = FULL");
    this.db.pragma("busy_timeout = 5000");
    this.db.exec(SCHEMA);
    this.insertEvent = this.db.prepare(
      "INSERT INTO events (tenant_id, seq, request_id, type, data) VALUES (?, ?, ?, ?, ?)",
    );
    this.insertKey = this.db.prepare(
      "INSERT INTO idempotency (tenant_id, user_id, key, fingerprint, status, body) VALUES (?, ?, ?, ?, ?, ?)",
    );
    this.lastSeq = this.db.prepare("SELECT max(seq) AS seq FROM events WHERE tenant_id = ?");
    this.appendTx = this.db.transaction((batch: AppendBatch) => {
      const first = batch.events[0];
      if (first) {
        const last = (this.lastSeq.get(batch.tenantId) as { seq: number | null }).seq ?? 0;
        if (first.seq !== last + 1)
          throw new Error(`seq gap in ${batch.tenantId}: ${last} then ${first.seq}`);
      }
      for (const [i, e] of batch.events.entries())
        if (first && e.seq !== first.seq + i)
          throw new Error(`seq gap in ${batch.tenantId}: ${first.seq + i - 1} then ${e.seq} within a batch`);
      for (const e of batch.events)
        this.insertEvent.run(batch.tenantId, e.seq, e.requestId, e.event.type, JSON.stringify(e.event));
      for (const r of batch.idempotency)
        this.insertKey.run(batch.tenantId, r.userId, r.key, r.fingerprint, r.status, r.body);
    });
  }

  async tenants() {
    return (this.stmt("SELECT DISTINCT tenant_id AS id FROM events").all() as { id: string }[]).map(
      (r) => r.id,
    );
  }

  async append(batch: AppendBatch) {
    this.appendTx(batch);
  }

  async events(tenantId: string, afterSeq: number, limit: number): Promise<StoredEvent[]> {
    const rows = this.stmt(
      "SELECT seq, request_id, data FROM events WHERE tenant_id = ? AND seq > ? ORDER BY seq LIMIT ?",
    ).all(tenantId, afterSeq, limit) as EventRow[];
    return rows.map((r) => ({ seq: r.seq, requestId: r.request_id, event: JSON.parse(r.data) }));
  }

  async latestSnapshot(tenantId: string) {
    const row = this.stmt(
      "SELECT seq, data FROM snapshots WHERE tenant_id = ? ORDER BY seq DESC LIMIT 1",
    ).get(tenantId) as { seq: number; data: string } | undefined;
    return row ? { seq: row.seq, data: JSON.parse(row.data) as unknown } : null;
  }

  async saveSnapshot(tenantId: string, seq: number, data: unknown) {
    this.db.transaction(() => {
      this.stmt("INSERT OR REPLACE INTO snapshots (tenant_id, seq, data) VALUES (?, ?, ?)").run(
        tenantId,
        seq,
        JSON.stringify(data),
      );
      // One older snapshot is kept in case the newest is unreadable.
      this.stmt(
        "DELETE FROM snapshots WHERE tenant_id = ? AND seq < (SELECT min(seq) FROM (SELECT seq FROM snapshots WHERE tenant_id = ? ORDER BY seq DESC LIMIT 2))",
      ).run(tenantId, tenantId);
    })();
  }

  async idempotency(tenantId: string, userId: string, key: string): Promise<IdempotencyRecord | null> {
    const row = this.stmt(
      "SELECT fingerprint, status, body FROM idempotency WHERE tenant_id = ? AND user_id = ? AND key = ?",
    ).get(tenantId, userId, key) as { fingerprint: string; status: number; body: string } | undefined;
    return row ? { userId, key, ...row } : null;
  }

  async credentials(tenantId: string, userId: string): Promise<Credentials | null> {
    const row = this.stmt("SELECT password_hash FROM credentials WHERE tenant_id = ? AND user_id = ?").get(
      tenantId,
      userId,
    ) as { password_hash: string } | undefined;
    return row ? { tenantId, userId, passwordHash: row.password_hash } : null;
  }

  async setCredentials(c: Credentials) {
    this.stmt(
      "INSERT INTO credentials (tenant_id, user_id, password_hash) VALUES (?, ?, ?) ON CONFLICT (tenant_id, user_id) DO UPDATE SET password_hash = excluded.password_hash",
    ).run(c.tenantId, c.userId, c.passwordHash);
  }

  async saveSession(s: SessionRecord) {
    this.stmt("INSERT INTO sessions (token_hash, tenant_id, user_id, expires_at) VALUES (?, ?, ?, ?)").run(
      s.tokenHash,
      s.tenantId,
      s.userId,
      s.expiresAt,
    );
  }

  async session(tokenHash: string): Promise<SessionRecord | null> {
    const row = this.stmt("SELECT tenant_id, user_id, expires_at FROM sessions WHERE token_hash = ?").get(
      tokenHash,
    ) as { tenant_id: string; user_id: string; expires_at: number } | undefined;
    return row
      ? { tokenHash, tenantId: row.tenant_id, userId: row.user_id, expiresAt: row.expires_at }
      : null;
  }

  async deleteSession(tokenHash: string) {
    this.stmt("DELETE FROM sessions WHERE token_hash = ?").run(tokenHash);
  }

  async deleteSessionsOf(tenantId: string, userId: string) {
    this.stmt("DELETE FROM sessions WHERE tenant_id = ? AND user_id = ?").run(tenantId, userId);
  }

  async close() {
    this.db.close();
  }
}
