import {
  type BodyOf,
  type ErrorBody,
  type OperationId,
  type ParamsOf,
  type QueryOf,
  type ResponseOf,
  ROUTES,
  type Routes,
  type Session,
} from "@parley/protocol";
import type { z } from "zod";
import { backoffDelay, sleep } from "./backoff.ts";
import { ParleyError } from "./errors.ts";

/** An object with no required fields: what an empty part's type accepts. */
type Nothing = Record<never, never>;

/** What a call takes: only the parts its route has; empty parts may be left out. */
export type Input<K extends OperationId> = (Nothing extends ParamsOf<Routes[K]>
  ? { params?: ParamsOf<Routes[K]> }
  : { params: ParamsOf<Routes[K]> }) & { query?: QueryOf<Routes[K]> } & (BodyOf<Routes[K]> extends null
    ? { body?: never }
    : Nothing extends BodyOf<Routes[K]>
      ? { body?: BodyOf<Routes[K]> }
      : { body: BodyOf<Routes[K]> });

export interface CallOptions {
  /** Sent as Idempotency-Key; commands and POSTs get one of their own when not given, reused on retries. */
  readonly idempotencyKey?: string;
  /** Attempts for a command after a network failure or 503; reads are retried too. Default 3. */
  readonly retries?: number;
  readonly signal?: AbortSignal;
  /** Sent as If-Match: the configuration version the change was made on. */
  readonly ifMatch?: string;
}

export interface ClientOptions {
  readonly baseUrl: string;
  readonly token?: string;
  readonly fetch?: typeof fetch;
}

const newKey = () => globalThis.crypto.randomUUID();

/** The typed client of the Parley API: every operation of the route table, by its id. */
export class ParleyClient {
  token: string | null;
  private readonly baseUrl: string;
  private readonly fetchImpl: typeof fetch;

  constructor(options: ClientOptions) {
    this.baseUrl = options.baseUrl.replace(/\/$/, "");
    this.token = options.token ?? null;
    this.fetchImpl = options.fetch ?? globalThis.fetch.bind(globalThis);
  }

  /** Signs in and keeps the token for the calls that follow. */
  async signIn(tenantId: string, userId: string, password: string): Promise<z.infer<typeof Session>> {
    const session = await this.call("signIn", { body: { tenantId, userId, password } });
    this.token = session.token;
    return session;
  }

  async call<K extends OperationId>(
    id: K,
    input: Input<K>,
    options: CallOptions = {},
  ): Promise<ResponseOf<Routes[K]>> {
    const route = ROUTES[id];
    const i = input as { params?: Record<string, string>; query?: Record<string, string>; body?: unknown };
    const path = route.path.replace(/\{(\w+)\}/g, (_, name: string) =>
      encodeURIComponent(i.params?.[name] ?? ""),
    );
    const query = i.query && Object.keys(i.query).length > 0 ? `?${new URLSearchParams(i.query)}` : "";
    // Commands and creations carry a key, so a retry after a lost answer does not act twice.
    const key = route.command || route.method === "POST" ? (options.idempotencyKey ?? newKey()) : undefined;
    const hasBody = route.method !== "GET" && route.method !== "DELETE";
    const retries = options.retries ?? 3;
    for (let attempt = 0; ; attempt++) {
      try {
        return (await this.send(
          route.method,
          `${path}${query}`,
          hasBody ? (i.body ?? {}) : undefined,
          key,
          options,
        )) as ResponseOf<Routes[K]>;
      } catch (e) {
        if (!(e instanceof ParleyError) || !e.retryable || attempt >= retries) throw e;
        await sleep(backoffDelay(attempt));
      }
    }
  }

  private async send(
    method: string,
    path: string,
    body: unknown,
    key: string | undefined,
    { signal, ifMatch }: CallOptions,
  ): Promise<unknown> {
    const headers: Record<string, string> = { accept: "application/json" };
    if (body !== undefined) headers["content-type"] = "application/json";
    if (this.token) headers.authorization = `Bearer ${this.token}`;
    if (key) headers["idempotency-key"] = key;
    if (ifMatch) headers["if-match"] = `"${ifMatch}"`;
    let response: Response;
    try {
      response = await this.fetchImpl(`${this.baseUrl}${path}`, {
        method,
        headers,
        ...(body !== undefined ? { body: JSON.stringify(body) } : {}),
        ...(signal ? { signal } : {}),
      });
    } catch (e) {
      if (signal?.aborted) throw e;
      throw new ParleyError(0, "NETWORK", `The server could not be reached: ${(e as Error).message}`);
    }
    const text = await response.text();
    const json = text ? (JSON.parse(text) as unknown) : {};
    if (response.ok) return json;
    const error = json as Partial<ErrorBody>;
    throw new ParleyError(
      response.status,
      error.code ?? "INTERNAL",
      error.message ?? response.statusText,
      error.details,
    );
  }
}
