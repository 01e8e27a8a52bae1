import { createHash } from "node:crypto";
import type { Principal } from "../auth/principal.ts";
import type { IdempotencyRecord, Store } from "../store/store.ts";
import type { Outcome } from "../tenancy/host.ts";
import { Problem } from "./problem.ts";

export interface Answer {
  readonly status: number;
  readonly body: unknown;
}

export const fingerprintOf = (method: string, url: string, body: unknown): string =>
  createHash("sha256")
    .update(`${method} ${url}\n${JSON.stringify(body ?? null)}`)
    .digest("base64url");

/**
 * Idempotency-Key: the first answer under a key is stored with the command's events, in the same
 * transaction, so a retry — even after a crash — returns it instead of acting twice. A retry that
 * arrives while the first is still being stored waits for the same answer.
 */
export class Idempotency {
  private readonly inFlight = new Map<string, { fingerprint: string; answer: Promise<Answer> }>();

  constructor(private readonly store: Store) {}

  async run(
    p: Principal,
    key: string | undefined,
    fingerprint: string,
    execute: (
      remember: ((o: Outcome) => IdempotencyRecord) | undefined,
      answerOf: (o: Outcome) => Answer,
    ) => Promise<Answer>,
    answerOf: (o: Outcome) => Answer,
  ): Promise<Answer> {
    if (key === undefined) return execute(undefined, answerOf);
    checkKey(key);
    const slot = `${p.tenantId}\0${p.userId}\0${key}`;
    const pending = this.inFlight.get(slot);
    if (pending) {
      if (pending.fingerprint !== fingerprint) throw reused(key);
      return pending.answer;
    }
    const remember = (o: Outcome): IdempotencyRecord => {
      const a = answerOf(o);
      return { userId: p.userId, key, fingerprint, status: a.status, body: JSON.stringify(a.body) };
    };
    const answer = (async () => {
      const stored = await this.store.idempotency(p.tenantId, p.userId, key);
      if (!stored) return execute(remember, answerOf);
      if (stored.fingerprint !== fingerprint) throw reused(key);
      return { status: stored.status, body: JSON.parse(stored.body) as unknown };
    })();
    this.inFlight.set(slot, { fingerprint, answer });
    try {
      return await answer;
    } finally {
      this.inFlight.delete(slot);
    }
  }
}

/** An Idempotency-Key the server accepts: 1 to 200 characters. */
export function checkKey(key: string): void {
  if (key.length === 0 || key.length > 200)
    throw new Problem("BAD_REQUEST", "Idempotency-Key must be 1 to 200 characters");
}

const reused = (key: string) =>
  new Problem(
    "IDEMPOTENCY_KEY_REUSED",
    `Idempotency-Key ${key} was used for a different request`,
    undefined,
    422,
  );
