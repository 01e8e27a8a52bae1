import { accept, type Decision, reject } from "../../shared/decision.ts";
import { activeTask, configOf, isRejection } from "../../shared/guards.ts";
import type { Instant } from "../../shared/time.ts";
import type { TenantEvent } from "../../tenant/messages.ts";
import type { TenantState } from "../../tenant/state.ts";
import { callEnded } from "../../voice/decide/consult.ts";
import { dialable } from "../../voice/decide/dial.ts";
import { left } from "../../voice/decide/legs.ts";
import { customerOf } from "../../voice/state.ts";
import type { AcceptCourtesyCallback, CancelCallback, RequestWebCallback } from "../commands.ts";
import type { CallbackEvent } from "../events.ts";
import type { Callback } from "../state.ts";
import { callbackVariables } from "./schedule.ts";

const callNow = (kind: Callback["kind"], number: string, name: string | null): Callback => ({
  kind,
  number,
  name,
  window: null,
  reason: null,
  assignee: null,
  scheduledBy: null,
  attempts: 0,
});

/** CB-1: a web callback (name and number from a website or bot) queues at once. */
export function decideWebCallback(
  cmd: RequestWebCallback,
  s: TenantState,
  now: Instant,
): Decision<CallbackEvent> {
  const config = configOf(s);
  if (isRejection(config)) return config;
  if (s.tasks.has(cmd.taskId)) return reject("TASK_EXISTS", `Task ${cmd.taskId} already exists`);
  const ep = config.entryPoints.get(cmd.entryPointId);
  if (ep?.channel !== "voice" || ep.kind === "outdial")
    return reject("UNKNOWN_ENTRY_POINT", `There is no voice entry point ${cmd.entryPointId} for callbacks`);
  if (!ep.active) return reject("ENTRY_POINT_INACTIVE", `Entry point ${ep.name} is not active`);
  const number = dialable(cmd.number);
  if (isRejection(number)) return number;
  const name = cmd.name.trim();
  if (name.length === 0 || [...name].length > 250)
    return reject("CALLBACK_INVALID", "A web callback needs a name of 1 to 250 characters");
  const variables = callbackVariables(config, ep, null);
  if (isRejection(variables)) return variables;
  return accept({
    type: "callback.created",
    at: now,
    taskId: cmd.taskId,
    agentId: null,
    entryPointId: ep.id,
    queueId: ep.queueId,
    callback: callNow("web", number, name),
    priority: 0,
    variables,
    dueAt: now,
  });
}

/** CB-1: a waiting caller takes the courtesy callback, hangs up and keeps the place in the queue. */
export function decideCourtesyCallback(
  cmd: AcceptCourtesyCallback,
  s: TenantState,
  now: Instant,
): Decision<CallbackEvent> {
  const task = activeTask(s, cmd.taskId);
  if (isRejection(task)) return task;
  if (task.channel !== "voice" || task.status !== "queued" || task.callback)
    return reject("NOT_WAITING_CALL", `Task ${task.id} is not a call waiting in a queue`);
  const number = dialable(cmd.number);
  if (isRejection(number)) return number;
  return accept({
    type: "callback.converted",
    at: now,
    taskId: task.id,
    callback: callNow("courtesy", number, task.customer.name ?? null),
  });
}

/**
 * CB-3: the agent cancels a web callback while the customer's phone still rings — where the entry
 * point allows it — and wraps up.
 */
export function decideCancelCallback(
  cmd: CancelCallback,
  s: TenantState,
  now: Instant,
): Decision<TenantEvent> {
  const task = activeTask(s, cmd.taskId);
  if (isRejection(task)) return task;
  const customer = task.call && customerOf(task.call);
  if (task.callback?.kind !== "web" || task.status !== "assigned" || task.agentId !== cmd.agentId)
    return reject("NOT_TASK_OWNER", `Agent ${cmd.agentId} has no web callback ${task.id} to cancel`);
  if (!s.config?.entryPoints.get(task.entryPointId)?.callbackCancel)
    return reject(
      "CALLBACK_CANCEL_DISABLED",
      "Cancelling a web callback is not enabled for this entry point",
    );
  if (customer?.leg.status !== "alerting")
    return reject("CALL_CONNECTED", "The customer has answered: end the call instead");
  const events: TenantEvent[] = [left(task.id, customer, "dropped", "ended_by_agent", now)];
  const me = task.call?.parties.find((p) => p.agentId === cmd.agentId);
  if (me) events.push(left(task.id, me, "dropped", "call_ended", now));
  events.push(...callEnded(s, task, cmd.agentId, "agent", now));
  return accept(...events);
}
