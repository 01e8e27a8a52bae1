import type { ErrorCode } from "./errors.ts";

export interface Rejection {
  readonly ok: false;
  readonly code: ErrorCode;
  readonly message: string;
  readonly details?: Readonly<Record<string, unknown>>;
}

export type Decision<E> = { readonly ok: true; readonly events: E[] } | Rejection;

export const accept = <E>(...events: E[]): Decision<E> => ({ ok: true, events });

export const reject = (
  code: ErrorCode,
  message: string,
  details?: Readonly<Record<string, unknown>>,
): Rejection => (details ? { ok: false, code, message, details } : { ok: false, code, message });
