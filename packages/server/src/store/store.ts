import type { Plain, TenantEvent } from "@parley/engine";

/** One event of a tenant's log. `seq` counts from 1 without gaps. */
export interface StoredEvent {
  readonly seq: number;
  readonly requestId: string | null;
  readonly event: Plain<TenantEvent>;
}

/** A command's answer kept under its Idempotency-Key, so a retry gets the first answer again. */
export interface IdempotencyRecord {
  readonly userId: string;
  readonly key: string;
  /** Hash of method, path and body: the same key with another request is refused. */
  readonly fingerprint: string;
  readonly status: number;
  readonly body: string;
}

/** What one group commit writes, in one transaction. */
export interface AppendBatch {
  readonly tenantId: string;
  readonly events: readonly StoredEvent[];
  readonly idempotency: readonly IdempotencyRecord[];
}

export interface Credentials {
  readonly tenantId: string;
  readonly userId: string;
  readonly passwordHash: string;
}

export interface SessionRecord {
  readonly tokenHash: string;
  readonly tenantId: string;
  readonly userId: string;
  readonly expiresAt: number;
}

/**
 * The system of record: tenants' event logs, snapshots, idempotency records, credentials and
 * sessions. `append` is atomic and durable when it resolves; the rest are plain reads and writes.
 */
export interface Store {
  readonly kind: "sqlite" | "postgres" | "memory";
  tenants(): Promise<string[]>;
  append(batch: AppendBatch): Promise<void>;
  /** Events after `afterSeq`, oldest first, at most `limit`. */
  events(tenantId: string, afterSeq: number, limit: number): Promise<StoredEvent[]>;
  latestSnapshot(tenantId: string): Promise<{ seq: number; data: unknown } | null>;
  saveSnapshot(tenantId: string, seq: number, data: unknown): Promise<void>;
  idempotency(tenantId: string, userId: string, key: string): Promise<IdempotencyRecord | null>;
  credentials(tenantId: string, userId: string): Promise<Credentials | null>;
  setCredentials(c: Credentials): Promise<void>;
  saveSession(s: SessionRecord): Promise<void>;
  session(tokenHash: string): Promise<SessionRecord | null>;
  deleteSession(tokenHash: string): Promise<void>;
  /** Signs a user out everywhere: after a password change. */
  deleteSessionsOf(tenantId: string, userId: string): Promise<void>;
  close(): Promise<void>;
}
