import { z } from "zod";
import { CommandResult } from "../envelope.ts";
import { Id, NoBody, type Role } from "../shared.ts";
import type { Method, Route } from "./route.ts";

const NoQuery = z.strictObject({});
const NoParams = z.strictObject({});

interface CommandSpec<P extends z.ZodType, B extends z.ZodType> {
  readonly method?: Method;
  readonly path: string;
  readonly summary: string;
  readonly tag: string;
  readonly roles: readonly Role[];
  readonly params?: P;
  readonly body?: B;
  readonly spec?: readonly string[];
}

/** A state-changing operation: answered with the events it caused. */
export function command<P extends z.ZodType = typeof NoParams, B extends z.ZodType = typeof NoBody>(
  s: CommandSpec<P, B>,
): Route<P, typeof NoQuery, B, typeof CommandResult> & { readonly command: true } {
  return {
    method: s.method ?? "POST",
    path: s.path,
    summary: s.summary,
    tag: s.tag,
    roles: s.roles,
    params: (s.params ?? NoParams) as P,
    query: NoQuery,
    body: (s.body ?? NoBody) as B,
    response: CommandResult,
    status: 200,
    command: true as const,
    ...(s.spec ? { spec: s.spec } : {}),
  };
}

interface ReadSpec<P extends z.ZodType, Q extends z.ZodType, R extends z.ZodType> {
  readonly path: string;
  readonly summary: string;
  readonly tag: string;
  readonly roles: readonly Role[] | "public";
  readonly params?: P;
  readonly query?: Q;
  readonly response: R;
  readonly spec?: readonly string[];
}

/** A read: no side effects. */
export function read<
  P extends z.ZodType = typeof NoParams,
  Q extends z.ZodType = typeof NoQuery,
  R extends z.ZodType = z.ZodType,
>(s: ReadSpec<P, Q, R>): Route<P, Q, z.ZodNull, R> & { readonly command: false } {
  return {
    method: "GET",
    path: s.path,
    summary: s.summary,
    tag: s.tag,
    roles: s.roles,
    params: (s.params ?? NoParams) as P,
    query: (s.query ?? NoQuery) as Q,
    body: z.null(),
    response: s.response,
    status: 200,
    command: false as const,
    ...(s.spec ? { spec: s.spec } : {}),
  };
}

interface ActionSpec<P extends z.ZodType, B extends z.ZodType, R extends z.ZodType> {
  readonly method: Method;
  readonly path: string;
  readonly summary: string;
  readonly tag: string;
  readonly roles: readonly Role[] | "public";
  readonly params?: P;
  readonly body: B;
  readonly response: R;
  readonly status?: 200 | 201 | 204;
  readonly spec?: readonly string[];
}

/** A change outside the engine's log: sign-in, passwords, the customer directory. */
export function action<
  P extends z.ZodType = typeof NoParams,
  B extends z.ZodType = z.ZodType,
  R extends z.ZodType = z.ZodType,
>(s: ActionSpec<P, B, R>): Route<P, typeof NoQuery, B, R> & { readonly command: false } {
  return {
    method: s.method,
    path: s.path,
    summary: s.summary,
    tag: s.tag,
    roles: s.roles,
    params: (s.params ?? NoParams) as P,
    query: NoQuery,
    body: s.body,
    response: s.response,
    status: s.status ?? 200,
    command: false as const,
    ...(s.spec ? { spec: s.spec } : {}),
  };
}

export const TaskParams = z.strictObject({ taskId: Id });
/** `me` stands for the caller. */
export const AgentParams = z.strictObject({ agentId: Id });
