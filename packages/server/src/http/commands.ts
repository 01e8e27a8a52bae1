import { randomUUID } from "node:crypto";
import type { Actor, Command, Plain, TenantConfig } from "@parley/engine";
import { type ConfigCollection, type Routes, TenantConfigSchema } from "@parley/protocol";
import { configOf, mayActFor, resolveAgent } from "./access.ts";
import type { CommandOperation, Context } from "./context.ts";
import { Problem } from "./problem.ts";

type Cmd = Plain<Command>;
type ToCommand<K extends keyof Routes> = (ctx: Context<K>) => Cmd;

/** The caller as the actor of an agent-state change. */
const actor = (ctx: Context<keyof Routes>, as: "self" | "supervisor"): Actor =>
  as === "self"
    ? { kind: "agent", id: ctx.principal.userId }
    : { kind: "supervisor", id: ctx.principal.userId };

const me = (ctx: Context<keyof Routes>) => ctx.principal.userId;
const onTask =
  <T extends string>(type: T) =>
  (ctx: Context<keyof Routes> & { params: { taskId: string } }) =>
    ({ type, taskId: ctx.params.taskId, agentId: me(ctx) }) as unknown as Cmd;

function loggedInGeneration(ctx: Context<keyof Routes>, agentId: string): number {
  const agent = ctx.host.engine.state.agents.get(agentId as never);
  if (!agent) throw new Problem("NOT_LOGGED_IN", `${agentId} is not logged in`);
  return agent.generation;
}

/** Each command operation as the engine command it sends, after the caller's rights are checked. */
export const COMMANDS: { [K in CommandOperation]: ToCommand<K> } = {
  loginAgent: (ctx) => {
    const agentId = resolveAgent(ctx.principal, ctx.params.agentId);
    mayActFor(ctx.host, ctx.principal, agentId, false);
    return { type: "LoginAgent", agentId, station: ctx.body.station };
  },
  logoutAgent: (ctx) => {
    const agentId = resolveAgent(ctx.principal, ctx.params.agentId);
    return {
      type: "LogoutAgent",
      agentId,
      by: actor(ctx, mayActFor(ctx.host, ctx.principal, agentId, true)),
    };
  },
  changeAgentState: (ctx) => {
    const agentId = resolveAgent(ctx.principal, ctx.params.agentId);
    const by = actor(ctx, mayActFor(ctx.host, ctx.principal, agentId, true));
    return { type: "ChangeAgentState", agentId, to: ctx.body.state, by };
  },
  setPendingState: (ctx) => {
    const agentId = resolveAgent(ctx.principal, ctx.params.agentId);
    mayActFor(ctx.host, ctx.principal, agentId, false);
    return { type: "SetPendingAgentState", agentId, pending: ctx.body.pending };
  },
  confirmDelivered: onTask("ConfirmOfferDelivered"),
  acceptTask: onTask("AcceptTask"),
  acceptAllDigital: (ctx) => ({ type: "AcceptAllDigital", agentId: me(ctx) }),
  pickTask: onTask("PickTask"),
  declineTask: onTask("DeclineTask"),
  endTask: onTask("EndTask"),
  wrapUpTask: (ctx) => ({
    type: "WrapUpTask",
    taskId: ctx.params.taskId,
    agentId: me(ctx),
    codeId: ctx.body.codeId,
  }),
  editVariables: (ctx) => ({
    type: "EditVariables",
    taskId: ctx.params.taskId,
    agentId: me(ctx),
    edits: ctx.body.edits,
  }),
  placeOutdial: (ctx) => ({
    type: "PlaceOutdial",
    taskId: ctx.body.taskId ?? randomUUID(),
    agentId: me(ctx),
    entryPointId: ctx.body.entryPointId,
    dialNumber: ctx.body.dialNumber,
  }),
  holdCall: onTask("HoldCall"),
  resumeCall: onTask("ResumeCall"),
  startConsult: (ctx) => ({
    type: "StartConsult",
    taskId: ctx.params.taskId,
    agentId: me(ctx),
    target: ctx.body.target,
  }),
  acceptConsult: onTask("AcceptConsult"),
  holdConsult: onTask("HoldConsult"),
  resumeConsult: onTask("ResumeConsult"),
  endConsult: onTask("EndConsult"),
  consultTransfer: onTask("ConsultTransfer"),
  consultConference: onTask("ConsultConference"),
  transferCall: (ctx) => ({
    type: "TransferCall",
    taskId: ctx.params.taskId,
    agentId: me(ctx),
    target: ctx.body.target,
  }),
  leaveConference: onTask("LeaveConference"),
  pauseRecording: onTask("PauseRecording"),
  resumeRecording: onTask("ResumeRecording"),
  monitorCall: (ctx) => ({
    type: "MonitorCall",
    taskId: ctx.params.taskId,
    supervisorId: me(ctx),
    action: ctx.body.action,
    ...(ctx.body.agentId ? { agentId: ctx.body.agentId } : {}),
  }),
  sendMessage: (ctx) => ({
    type: "SendMessage",
    taskId: ctx.params.taskId,
    agentId: me(ctx),
    text: ctx.body.text,
  }),
  markRead: (ctx) => ({ type: "MarkRead", taskId: ctx.params.taskId, agentId: me(ctx), seq: ctx.body.seq }),
  requestConference: (ctx) => ({
    type: "RequestConference",
    taskId: ctx.params.taskId,
    agentId: me(ctx),
    targetAgentId: ctx.body.targetAgentId,
  }),
  answerConference: (ctx) => ({
    type: "AnswerConference",
    taskId: ctx.params.taskId,
    agentId: me(ctx),
    accept: ctx.body.accept,
  }),
  leaveConversation: onTask("LeaveConversation"),
  closeConversation: onTask("CloseConversation"),
  scheduleCallback: (ctx) => ({
    type: "ScheduleCallback",
    taskId: ctx.body.taskId ?? randomUUID(),
    agentId: me(ctx),
    entryPointId: ctx.body.entryPointId,
    request: ctx.body.request,
    assignTo: ctx.body.assignTo,
  }),
  updateCallback: (ctx) => ({
    type: "UpdateCallback",
    taskId: ctx.params.taskId,
    agentId: me(ctx),
    request: ctx.body.request,
  }),
  deleteCallback: onTask("DeleteCallback"),
  cancelCallback: onTask("CancelCallback"),
  receiveContact: (ctx) => ({
    type: "ReceiveTask",
    taskId: ctx.body.taskId ?? randomUUID(),
    entryPointId: ctx.body.entryPointId,
    ...(ctx.body.priority !== undefined ? { priority: ctx.body.priority } : {}),
    ...(ctx.body.customer ? { customer: ctx.body.customer } : {}),
    ...(ctx.body.variables ? { variables: ctx.body.variables } : {}),
  }),
  customerMessage: (ctx) => ({
    type: "CustomerMessage",
    taskId: ctx.params.taskId,
    text: ctx.body.text,
    ...(ctx.body.sentiment !== undefined ? { sentiment: ctx.body.sentiment } : {}),
  }),
  customerLeft: (ctx) => ({ type: "CustomerLeft", taskId: ctx.params.taskId }),
  offerFailed: (ctx) => ({
    type: "ReportOfferFailed",
    taskId: ctx.params.taskId,
    agentId: ctx.body.agentId,
    cause: ctx.body.cause,
  }),
  legAnswered: (ctx) => ({ type: "LegAnswered", taskId: ctx.params.taskId, partyId: ctx.params.partyId }),
  legFailed: (ctx) => ({
    type: "LegFailed",
    taskId: ctx.params.taskId,
    partyId: ctx.params.partyId,
    cause: ctx.body.cause,
  }),
  legHungUp: (ctx) => ({ type: "LegHungUp", taskId: ctx.params.taskId, partyId: ctx.params.partyId }),
  requestWebCallback: (ctx) => ({
    type: "RequestWebCallback",
    taskId: ctx.body.taskId ?? randomUUID(),
    entryPointId: ctx.body.entryPointId,
    name: ctx.body.name,
    number: ctx.body.number,
  }),
  acceptCourtesyCallback: (ctx) => ({
    type: "AcceptCourtesyCallback",
    taskId: ctx.params.taskId,
    number: ctx.body.number,
  }),
  externalPresence: (ctx) => ({
    type: "ExternalPresenceChanged",
    agentId: ctx.params.agentId,
    presence: ctx.body.presence,
    source: ctx.body.source,
    observedAt: Date.parse(ctx.body.observedAt),
  }),
  deviceLost: (ctx) => ({
    type: "DeviceLost",
    agentId: ctx.params.agentId,
    generation: ctx.body.generation ?? loggedInGeneration(ctx, ctx.params.agentId),
  }),
  putConfig: (ctx) => configure(ctx, { ...ctx.body.config, tenantId: ctx.principal.tenantId }),
  putConfigItem: (ctx) => {
    const { collection, itemId } = ctx.params;
    const key = keyOf(collection);
    if (ctx.body.item[key] !== undefined && ctx.body.item[key] !== itemId)
      throw new Problem("VALIDATION_FAILED", `The item's ${key} must be ${itemId}, as in the path`);
    const item = { ...ctx.body.item, [key]: itemId };
    const current = currentConfig(ctx);
    const list = (current[collection] ?? []) as readonly Record<string, unknown>[];
    const at = list.findIndex((i) => i[key] === itemId);
    const next = at < 0 ? [...list, item] : list.map((i, n) => (n === at ? item : i));
    return configure(ctx, { ...current, [collection]: next });
  },
  deleteConfigItem: (ctx) => {
    const { collection, itemId } = ctx.params;
    const key = keyOf(collection);
    const current = currentConfig(ctx);
    const list = (current[collection] ?? []) as readonly Record<string, unknown>[];
    if (!list.some((i) => i[key] === itemId))
      throw new Problem("NOT_FOUND", `No ${collection} item ${itemId}`);
    return configure(ctx, { ...current, [collection]: list.filter((i) => i[key] !== itemId) });
  },
  putSettings: (ctx) => {
    const collections = new Set<string>([
      "tenantId",
      "auxCodes",
      "profiles",
      "teams",
      "users",
      "queues",
      "entryPoints",
      "sharedLines",
      "flows",
      "directory",
      "addressBook",
    ]);
    const wrong = Object.keys(ctx.body.settings).filter((k) => collections.has(k));
    if (wrong.length > 0)
      throw new Problem(
        "VALIDATION_FAILED",
        `Settings do not include ${wrong.join(", ")}: edit those through their collections`,
      );
    // A merge patch: null takes an optional setting out (no call limit, no federation, …).
    const next: Record<string, unknown> = { ...currentConfig(ctx) };
    for (const [name, value] of Object.entries(ctx.body.settings))
      if (value === null) delete next[name];
      else next[name] = value;
    return configure(ctx, next);
  },
};

const keyOf = (c: ConfigCollection) => (c === "sharedLines" ? "address" : "id");

function currentConfig(ctx: Context<keyof Routes>): Record<string, unknown> & Plain<TenantConfig> {
  const config = configOf(ctx.host);
  if (!config) throw new Problem("NOT_CONFIGURED", "This tenant has no configuration yet");
  return config as Record<string, unknown> & Plain<TenantConfig>;
}

/** The whole new configuration, checked for shape here and for meaning by the engine. */
function configure(_ctx: Context<keyof Routes>, candidate: unknown): Cmd {
  const parsed = TenantConfigSchema.safeParse(candidate);
  if (!parsed.success)
    throw new Problem("VALIDATION_FAILED", "The configuration is not valid", {
      issues: parsed.error.issues.map((i) => ({ path: i.path.join("."), code: i.code, message: i.message })),
    });
  return { type: "ConfigureTenant", config: parsed.data as Plain<TenantConfig> };
}
