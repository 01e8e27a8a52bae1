import { createHash } from "node:crypto";
import {
  type AgentId,
  callTargets,
  engagementOf,
  manageableCallbacks,
  supervisorView,
  type TaskId,
} from "@parley/engine";
import type { CallTargets, Routes, SupervisorView } from "@parley/protocol";
import type { z } from "zod";
import { hashPassword } from "../auth/passwords.ts";
import type { Sessions } from "../auth/sessions.ts";
import { DIRECTORY_HANDLERS } from "../directory/handlers.ts";
import type { DirectoryStore } from "../directory/store.ts";
import type { Store } from "../store/store.ts";
import { configOf, userOf } from "./access.ts";
import type { Context } from "./context.ts";
import { Problem } from "./problem.ts";
import { masksNumbers, meView, shownNumber, taskView } from "./views.ts";

type NonCommand = Exclude<
  keyof Routes,
  { [K in keyof Routes]: Routes[K]["command"] extends true ? K : never }[keyof Routes]
>;

export interface HandlerDeps {
  readonly store: Store;
  readonly sessions: Sessions;
  /** The customer directory and knowledge base. */
  readonly directory: DirectoryStore;
}

export type Handler<K extends keyof Routes> = (
  ctx: Context<K>,
  deps: HandlerDeps,
) => Promise<unknown> | unknown;

/** `signIn` and `systemStatus` need no tenant or caller; the app answers them itself. */
type Own = "signIn" | "systemStatus";

/** JSON with object keys sorted: the same configuration always hashes the same. */
const canonical = (value: unknown): unknown =>
  Array.isArray(value)
    ? value.map(canonical)
    : value && typeof value === "object"
      ? Object.fromEntries(
          Object.entries(value)
            .filter(([, v]) => v !== undefined)
            .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
            .map(([k, v]) => [k, canonical(v)]),
        )
      : value;

/** The configuration's version for If-Match: a hash of its content, whatever the key order. */
export const configVersion = (config: unknown): string =>
  createHash("sha256")
    .update(JSON.stringify(canonical(config)))
    .digest("base64url")
    .slice(0, 16);

export const HANDLERS: { [K in Exclude<NonCommand, Own>]: Handler<K> } = {
  signOut: async (ctx, deps) => {
    await deps.sessions.end(ctx.principal.tokenHash);
    return {};
  },
  getMe: (ctx) => meView(ctx.host, ctx.principal, ctx.now),
  getTask: (ctx) => {
    const task = ctx.host.engine.state.tasks.get(ctx.params.taskId as TaskId);
    const mine =
      task &&
      (task.agents.some((a) => a.agentId === ctx.principal.userId) ||
        (task.status === "offered" && task.offer.agentId === ctx.principal.userId) ||
        ctx.principal.roles.includes("admin") ||
        (ctx.principal.roles.includes("supervisor") &&
          supervisesTask(
            ctx,
            task.agents.map((a) => a.agentId),
          )));
    // Another agent's task is answered as unknown: ids of others' contacts reveal nothing.
    if (!task || !mine) throw new Problem("UNKNOWN_TASK", `No task ${ctx.params.taskId} of yours`);
    return taskView(ctx.host, task, ctx.principal, ctx.query.reveal === "true");
  },
  getCallTargets: (ctx) => {
    const agentId = ctx.principal.userId as AgentId;
    const task = ctx.host.engine.state.tasks.get(ctx.params.taskId as TaskId);
    // Only an agent on the call asks where to send it; anyone else is told the task is unknown.
    if (!task || engagementOf(task, agentId)?.status !== "active")
      throw new Problem("UNKNOWN_TASK", `No call ${ctx.params.taskId} of yours`);
    return callTargets(ctx.host.engine.state, ctx.query.purpose ?? "consult", {
      agentId,
      taskId: task.id,
      ...(ctx.query.search ? { search: ctx.query.search } : {}),
    }) as unknown as CallTargets;
  },
  listCallbacks: (ctx) => {
    const mask = masksNumbers(ctx.host, ctx.principal);
    const callbacks = manageableCallbacks(ctx.host.engine.state, ctx.principal.userId as AgentId, ctx.now);
    return {
      callbacks: callbacks.map((c) => ({
        ...c,
        window: { ...c.window },
        customerNumber: shownNumber(c.customerNumber, mask),
        numberMasked: mask,
      })),
    };
  },
  getSupervisorView: (ctx) =>
    supervisorView(ctx.host.engine.state, ctx.principal.userId as AgentId, ctx.now) as unknown as z.infer<
      typeof SupervisorView
    >,
  getConfig: (ctx) => {
    const config = configOf(ctx.host);
    if (!config) throw new Problem("NOT_CONFIGURED", "This tenant has no configuration yet");
    const version = configVersion(config);
    ctx.reply?.header("etag", `"${version}"`);
    return { version, config };
  },
  setPassword: async (ctx, deps) => {
    if (!userOf(ctx.host, ctx.params.userId))
      throw new Problem("UNKNOWN_USER", `No user ${ctx.params.userId}`);
    await deps.store.setCredentials({
      tenantId: ctx.principal.tenantId,
      userId: ctx.params.userId,
      passwordHash: await hashPassword(ctx.body.password),
    });
    await deps.sessions.endAllOf(ctx.principal.tenantId, ctx.params.userId);
    return {};
  },
  ...DIRECTORY_HANDLERS,
};

function supervisesTask(ctx: Context<keyof Routes>, agentIds: readonly string[]): boolean {
  return agentIds.some((id) => userOf(ctx.host, id)?.teamIds.some((t) => ctx.principal.teamIds.includes(t)));
}
