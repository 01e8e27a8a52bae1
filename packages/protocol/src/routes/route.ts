import type { z } from "zod";
import type { Role } from "../shared.ts";

export type Method = "GET" | "POST" | "PUT" | "PATCH" | "DELETE";

/**
 * One HTTP operation of the API: the server registers it, the SDK calls it and the OpenAPI
 * document describes it — all from this one record.
 */
export interface Route<
  P extends z.ZodType = z.ZodType,
  Q extends z.ZodType = z.ZodType,
  B extends z.ZodType = z.ZodType,
  R extends z.ZodType = z.ZodType,
> {
  readonly method: Method;
  /** OpenAPI style: `/v1/tasks/{taskId}/hold`. */
  readonly path: string;
  readonly summary: string;
  readonly tag: string;
  /** Who may call it; `public` needs no token. */
  readonly roles: readonly Role[] | "public";
  readonly params: P;
  readonly query: Q;
  readonly body: B;
  readonly response: R;
  /** The status of a successful answer. */
  readonly status: 200 | 201 | 202 | 204;
  /** Whether it changes state through the engine: answered with events, retried with an Idempotency-Key. */
  readonly command: boolean;
  /** The SPEC behaviours it serves. */
  readonly spec?: readonly string[];
}

export type ParamsOf<T> = T extends Route<infer P> ? z.input<P> : never;
export type QueryOf<T> = T extends Route<z.ZodType, infer Q> ? z.input<Q> : never;
export type BodyOf<T> = T extends Route<z.ZodType, z.ZodType, infer B> ? z.input<B> : never;
export type ResponseOf<T> = T extends Route<z.ZodType, z.ZodType, z.ZodType, infer R> ? z.output<R> : never;
