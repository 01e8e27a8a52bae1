import type {
  AppendBatch,
  Credentials,
  IdempotencyRecord,
  SessionRecord,
  Store,
  StoredEvent,
} from "./store.ts";

/** A store that forgets on exit: for benchmarks beside the durable ones, and quick experiments. */
export class MemoryStore implements Store {
  readonly kind = "memory";
  private readonly logs = new Map<string, StoredEvent[]>();
  private readonly snapshots = new Map<string, { seq: number; data: unknown }>();
  private readonly keys = new Map<string, IdempotencyRecord>();
  private readonly creds = new Map<string, Credentials>();
  private readonly sessions = new Map<string, SessionRecord>();

  async tenants() {
    return [...this.logs.keys()];
  }
  async append(batch: AppendBatch) {
    // Everything is checked and copied before anything is written, so a refused batch leaves no trace.
    const log = this.logs.get(batch.tenantId) ?? [];
    const last = log.at(-1)?.seq ?? 0;
    for (const [i, e] of batch.events.entries())
      if (e.seq !== last + 1 + i) throw new Error(`seq gap in ${batch.tenantId}: ${last + i} then ${e.seq}`);
    const keys = batch.idempotency.map((r) => `${batch.tenantId}\0${r.userId}\0${r.key}`);
    if (keys.some((k, i) => this.keys.has(k) || keys.indexOf(k) !== i))
      throw new Error(`idempotency key used twice in ${batch.tenantId}`);
    const copies = batch.events.map((e) => JSON.parse(JSON.stringify(e)) as StoredEvent);
    if (copies.length > 0) this.logs.set(batch.tenantId, log);
    log.push(...copies);
    for (const [i, r] of batch.idempotency.entries()) this.keys.set(keys[i] as string, r);
  }
  async events(tenantId: string, afterSeq: number, limit: number) {
    const log = this.logs.get(tenantId) ?? [];
    return log.slice(afterSeq, afterSeq + limit);
  }
  async latestSnapshot(tenantId: string) {
    return this.snapshots.get(tenantId) ?? null;
  }
  async saveSnapshot(tenantId: string, seq: number, data: unknown) {
    this.snapshots.set(tenantId, { seq, data: JSON.parse(JSON.stringify(data)) });
  }
  async idempotency(tenantId: string, userId: string, key: string) {
    return this.keys.get(`${tenantId}\0${userId}\0${key}`) ?? null;
  }
  async credentials(tenantId: string, userId: string) {
    return this.creds.get(`${tenantId}\0${userId}`) ?? null;
  }
  async setCredentials(c: Credentials) {
    this.creds.set(`${c.tenantId}\0${c.userId}`, c);
  }
  async saveSession(s: SessionRecord) {
    this.sessions.set(s.tokenHash, s);
  }
  async session(tokenHash: string) {
    return this.sessions.get(tokenHash) ?? null;
  }
  async deleteSession(tokenHash: string) {
    this.sessions.delete(tokenHash);
  }

  async deleteSessionsOf(tenantId: string, userId: string) {
    for (const [hash, s] of this.sessions)
      if (s.tenantId === tenantId && s.userId === userId) this.sessions.delete(hash);
  }
  async close() {}
}
