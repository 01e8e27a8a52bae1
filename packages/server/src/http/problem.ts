import { type ErrorBody, type ErrorCode, statusOf } from "@parley/protocol";

/** A refusal with its code: thrown by handlers, answered as `{ code, message, details }`. */
export class Problem extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly details?: Readonly<Record<string, unknown>>,
    readonly status: number = statusOf(code),
  ) {
    super(message);
  }

  get body(): ErrorBody {
    return {
      code: this.code,
      message: this.message,
      ...(this.details ? { details: { ...this.details } } : {}),
    };
  }
}
