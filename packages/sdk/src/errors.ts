import type { ErrorBody } from "@parley/protocol";

/** A refusal from the server, with its stable code; or a transport failure (`NETWORK`). */
export class ParleyError extends Error {
  constructor(
    readonly status: number,
    readonly code: ErrorBody["code"] | "NETWORK",
    message: string,
    readonly details?: Readonly<Record<string, unknown>>,
  ) {
    super(message);
    this.name = "ParleyError";
  }

  /** Worth retrying with the same idempotency key: the server may not have acted, or may have. */
  get retryable(): boolean {
    return this.code === "NETWORK" || this.status === 503 || this.status === 502 || this.status === 504;
  }
}
