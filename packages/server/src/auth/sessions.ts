import type { Store } from "../store/store.ts";
import { newToken, tokenHash } from "./tokens.ts";

/** Sessions are stored, so a restart signs nobody out; each node keeps the ones it saw in memory. */
export class Sessions {
  private readonly cache = new Map<string, { tenantId: string; userId: string; expiresAt: number }>();
  private readonly hashes = new Map<string, string>();

  constructor(
    private readonly store: Store,
    private readonly ttlMs: number,
    private readonly clock: () => number,
  ) {}

  async start(tenantId: string, userId: string): Promise<{ token: string; expiresAt: number }> {
    const token = newToken();
    const expiresAt = this.clock() + this.ttlMs;
    const record = { tokenHash: tokenHash(token), tenantId, userId, expiresAt };
    await this.store.saveSession(record);
    this.cache.set(record.tokenHash, record);
    return { token, expiresAt };
  }

  /** The session of a bearer token, or null when unknown or expired. */
  async resolve(token: string): Promise<{ tenantId: string; userId: string; tokenHash: string } | null> {
    // Hashing a token on every request costs more than the look-up: remember the hash of recent ones.
    let hash = this.hashes.get(token);
    if (hash === undefined) {
      hash = tokenHash(token);
      if (this.hashes.size >= 50_000) this.hashes.clear();
      this.hashes.set(token, hash);
    }
    let s = this.cache.get(hash) ?? null;
    if (!s) {
      s = await this.store.session(hash);
      if (s) this.cache.set(hash, s);
    }
    if (!s || s.expiresAt <= this.clock()) return null;
    return { tenantId: s.tenantId, userId: s.userId, tokenHash: hash };
  }

  async end(hash: string): Promise<void> {
    this.cache.delete(hash);
    await this.store.deleteSession(hash);
  }

  /** After a password change the user signs in again everywhere. */
  async endAllOf(tenantId: string, userId: string): Promise<void> {
    for (const [hash, s] of this.cache)
      if (s.tenantId === tenantId && s.userId === userId) this.cache.delete(hash);
    await this.store.deleteSessionsOf(tenantId, userId);
  }
}
