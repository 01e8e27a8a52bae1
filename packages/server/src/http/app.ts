import { randomUUID } from "node:crypto";
import { type CommandResult, type ErrorBody, ROUTES, type Route, statusOf } from "@parley/protocol";
import Fastify, {
  type FastifyInstance,
  type FastifyReply,
  type FastifyRequest,
  LogController,
} from "fastify";
import type { z } from "zod";
import { verifyPassword } from "../auth/passwords.ts";
import type { Principal } from "../auth/principal.ts";
import type { Sessions } from "../auth/sessions.ts";
import type { DirectoryStore } from "../directory/store.ts";
import type { Metrics } from "../metrics.ts";
import type { Store } from "../store/store.ts";
import type { Outcome, TenantHost } from "../tenancy/host.ts";
import type { Tenants } from "../tenancy/tenants.ts";
import { userOf } from "./access.ts";
import { COMMANDS } from "./commands.ts";
import type { Context } from "./context.ts";
import { configVersion, HANDLERS, type Handler } from "./handlers.ts";
import { type Answer, fingerprintOf, Idempotency } from "./idempotency.ts";
import { Problem } from "./problem.ts";

export interface AppDeps {
  readonly store: Store;
  readonly tenants: Tenants;
  readonly sessions: Sessions;
  readonly metrics: Metrics;
  readonly clock: () => number;
  readonly logger: boolean | object;
  readonly status: () => unknown;
  /** The customer directory and knowledge base. */
  readonly directory: DirectoryStore;
  /** What a reader sees of events: secure variables masked (CALL-7). */
  readonly envelopes: (
    host: TenantHost,
    p: Principal,
    events: Outcome & { ok: true },
  ) => CommandResult["events"];
}

const BODY_LIMIT = 256 * 1024;

const fastifyPath = (path: string) => path.replace(/\{(\w+)\}/g, ":$1");

const invalid = (where: string, error: z.ZodError) =>
  new Problem("VALIDATION_FAILED", `The request's ${where} is not valid`, {
    issues: error.issues.map((i) => ({
      path: [where, ...i.path].join("."),
      code: i.code,
      message: i.message,
    })),
  });

function parse<S extends z.ZodType>(schema: S, value: unknown, where: string): z.output<S> {
  const r = schema.safeParse(value);
  if (!r.success) throw invalid(where, r.error);
  return r.data;
}

/** The HTTP API: every operation of the protocol's route table, with auth, validation and errors. */
export async function buildApp(deps: AppDeps): Promise<FastifyInstance> {
  const app = Fastify({
    logger: deps.logger,
    bodyLimit: BODY_LIMIT,
    genReqId: (req) => {
      const given = req.headers["x-request-id"];
      return typeof given === "string" && /^[\w.:-]{1,100}$/.test(given) ? given : randomUUID();
    },
    // A line per request would cost more than the request at thousands per second; errors are logged.
    logController: new LogController({ disableRequestLogging: true }),
    return503OnClosing: true,
  });
  const idempotency = new Idempotency(deps.store);

  app.setErrorHandler((error: unknown, request, reply) => {
    if (error instanceof Problem) return reply.status(error.status).send(error.body);
    const e = error as { statusCode?: number; code?: string; message?: string };
    const status = e.statusCode ?? 500;
    if (status === 413)
      return send(reply, 413, { code: "PAYLOAD_TOO_LARGE", message: `The body is over ${BODY_LIMIT} bytes` });
    if (status >= 400 && status < 500)
      return send(reply, status, { code: "BAD_REQUEST", message: e.message ?? "The request is malformed" });
    request.log.error({ err: error }, "unexpected error");
    return send(reply, 500, { code: "INTERNAL", message: "Something went wrong on the server" });
  });
  app.setNotFoundHandler((request, reply) =>
    send(reply, 404, {
      code: "NOT_FOUND",
      message: `No route ${request.method} ${request.url.split("?")[0]}`,
    }),
  );

  async function authenticate(request: FastifyRequest): Promise<{ principal: Principal; host: TenantHost }> {
    const header = request.headers.authorization;
    const token = header?.startsWith("Bearer ") ? header.slice(7).trim() : null;
    if (!token) throw new Problem("UNAUTHENTICATED", "Sign in first: send Authorization: Bearer <token>");
    const session = await deps.sessions.resolve(token);
    if (!session) throw new Problem("UNAUTHENTICATED", "The token is unknown or has expired; sign in again");
    const host = deps.tenants.get(session.tenantId);
    const user = host && userOf(host, session.userId);
    if (!host || !user) throw new Problem("UNAUTHENTICATED", "The user of this token no longer exists");
    return {
      host,
      principal: { ...session, roles: [...user.roles], teamIds: [...user.teamIds] },
    };
  }

  const answerOf =
    (host: TenantHost, p: Principal, requestId: string) =>
    (o: Outcome): Answer =>
      o.ok
        ? {
            status: 200,
            body: { requestId, seq: o.seq, events: deps.envelopes(host, p, o) } satisfies CommandResult,
          }
        : {
            status: statusOf(o.code),
            body: {
              code: o.code,
              message: o.message,
              ...(o.details ? { details: { ...o.details } } : {}),
            } satisfies ErrorBody,
          };

  for (const [id, route] of Object.entries(ROUTES) as [keyof typeof ROUTES, Route][]) {
    if (id === "signIn" || id === "systemStatus") continue;
    const command = (COMMANDS as Record<string, (ctx: Context<never>) => unknown>)[id];
    const handler = (HANDLERS as Record<string, Handler<never>>)[id];
    if (!command && !handler) throw new Error(`no handler for ${id}`);
    app.route({
      method: route.method,
      url: fastifyPath(route.path),
      handler: async (request, reply) => {
        const { principal, host } = await authenticate(request);
        if (route.roles !== "public" && !route.roles.some((r) => principal.roles.includes(r)))
          throw new Problem("FORBIDDEN", `This needs the role ${route.roles.join(" or ")}`);
        const ctx = {
          principal,
          host,
          params: parse(route.params, request.params, "path"),
          query: parse(route.query, request.query ?? {}, "query"),
          body: route.body
            ? parse(route.body, request.body ?? (route.method === "GET" ? null : {}), "body")
            : null,
          request,
          reply,
          now: deps.clock(),
        } as Context<never>;
        if (!command)
          return reply.status(route.status).send(
            await handler?.(ctx, {
              store: deps.store,
              sessions: deps.sessions,
              directory: deps.directory,
            }),
          );
        const key = request.headers["idempotency-key"];
        const answer = await idempotency.run(
          principal,
          typeof key === "string" ? key : undefined,
          fingerprintOf(request.method, request.url, request.body),
          async (remember, toAnswer) => {
            // Checked only for a first attempt: a retry of a command that went through gets its
            // stored answer, not a refusal of the state the first attempt made (the If-Match it
            // named is stale now; the item it deleted is gone; the agent it logged out is out).
            if (id === "putConfig") checkIfMatch(request, host);
            const engineCommand = command(ctx) as Parameters<TenantHost["submit"]>[0];
            const started = performance.now();
            const outcome = await host.submit(engineCommand, {
              requestId: request.id,
              ...(remember ? { remember } : {}),
            });
            deps.metrics.command(engineCommand.type, outcome.ok, performance.now() - started);
            return toAnswer(outcome);
          },
          answerOf(host, principal, request.id),
        );
        return reply.status(answer.status).send(answer.body);
      },
    });
  }

  app.post(fastifyPath(ROUTES.signIn.path), async (request, reply) => {
    const body = parse(ROUTES.signIn.body, request.body, "body");
    const host = deps.tenants.get(body.tenantId);
    const user = host && userOf(host, body.userId);
    const creds = user ? await deps.store.credentials(body.tenantId, body.userId) : null;
    // One answer for every failure, so sign-in does not tell which users exist.
    if (!user || !creds || !(await verifyPassword(body.password, creds.passwordHash)))
      throw new Problem("INVALID_CREDENTIALS", "The tenant, user or password is wrong");
    const session = await deps.sessions.start(body.tenantId, body.userId);
    return reply.send({
      token: session.token,
      expiresAt: new Date(session.expiresAt).toISOString(),
      user: {
        tenantId: body.tenantId,
        id: user.id,
        name: user.name,
        roles: [...user.roles],
        teamIds: [...user.teamIds],
      },
    });
  });
  app.get(ROUTES.systemStatus.path, async () => deps.status());

  return app;
}

function checkIfMatch(request: FastifyRequest, host: TenantHost): void {
  const expected = request.headers["if-match"];
  if (typeof expected !== "string") return;
  const current = configVersion(host.engine.state.config?.config ?? null);
  if (expected.replaceAll('"', "") !== current)
    throw new Problem("VERSION_MISMATCH", "The configuration changed since you read it; read it again", {
      current,
    });
}

const send = (reply: FastifyReply, status: number, body: ErrorBody) => reply.status(status).send(body);
