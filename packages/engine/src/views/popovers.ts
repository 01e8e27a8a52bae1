import { type Channel, DIGITAL_CHANNELS } from "../shared/channels.ts";
import type { AgentId, TaskId } from "../shared/ids.ts";
import type { Instant } from "../shared/time.ts";
import type { Customer, Offer, Task } from "../tasks/state.ts";
import type { TenantState } from "../tenant/state.ts";
import { maskPhoneNumber } from "../variables/mask.ts";
import {
  callbackPopoverFields,
  consultPopoverVariables,
  type PopoverField,
  voicePopoverVariables,
} from "../variables/popover.ts";
import { agentParty } from "../voice/state.ts";

/** POP-3: emails on top, then social, chats, and calls at the bottom. */
const STACK_ORDER: Record<Channel, number> = { email: 0, social: 1, chat: 2, voice: 3 };
export const POPOVERS_SHOWN = 5;

export interface Popover {
  /** A routed or transferred contact, a callback (POP-8), or a consult request from another agent (POP-6). */
  readonly kind: "contact" | "callback" | "consult";
  readonly taskId: TaskId;
  readonly channel: Channel;
  readonly phase: Offer["phase"];
  readonly offeredAt: Instant;
  readonly expiresAt: Instant;
  readonly flashAt: Instant | null;
  /** The caller's number cut to its last four digits under sensitive-data protection (POP-7). */
  readonly customer: Customer;
  /** POP-5, POP-6: the configured variables to show, and for a consult the requesting agent. */
  readonly fields: readonly PopoverField[];
}

export interface PopoverStack {
  /** Every pending request, top to bottom. */
  readonly items: readonly Popover[];
  readonly total: number;
  /** POP-2: above five requests the stack shows the first five and reads `1–5 of N`. */
  readonly shown: number;
  /** POP-4: how many digital requests "Accept N requests" would take; 0 hides the button. */
  readonly acceptAllCount: number;
}

/** The agent's pending offers and consult requests in popover order. Implements POP-2…POP-7. */
export function popoverStack(s: TenantState, agentId: AgentId): PopoverStack {
  const items: Popover[] = [];
  const agent = s.agents.get(agentId);
  for (const taskId of agent?.offers ?? []) {
    const task = s.tasks.get(taskId);
    if (task?.status !== "offered") continue;
    const { phase, offeredAt, expiresAt, flashAt } = task.offer;
    const voice = task.channel === "voice";
    if (task.callback) {
      items.push(callbackPopover(s, task, offeredAt, expiresAt, flashAt, phase));
      continue;
    }
    items.push({
      kind: "contact",
      taskId,
      channel: task.channel,
      phase,
      offeredAt,
      expiresAt,
      flashAt,
      customer: shownCustomer(s, task.customer),
      fields: voice ? voicePopoverVariables(flowOf(s, task), task.variables, protection(s)) : [],
    });
  }
  for (const taskId of agent?.tasks ?? []) {
    const request = consultRequest(s, taskId, agentId);
    if (request) items.push(request);
  }
  items.sort(
    (a, b) =>
      STACK_ORDER[a.channel] - STACK_ORDER[b.channel] ||
      a.offeredAt - b.offeredAt ||
      (a.taskId < b.taskId ? -1 : 1),
  );
  return {
    items,
    total: items.length,
    shown: Math.min(items.length, POPOVERS_SHOWN),
    acceptAllCount: items.filter((p) => p.phase === "requested" && DIGITAL_CHANNELS.includes(p.channel))
      .length,
  };
}

const protection = (s: TenantState) => ({
  sensitiveDataProtection: s.config?.config.sensitiveDataProtection === true,
});

const flowOf = (s: TenantState, task: Task) => {
  const flowId = s.config?.entryPoints.get(task.entryPointId)?.flowId;
  return (flowId === undefined ? undefined : s.config?.flows.get(flowId))?.variables ?? [];
};

const shownCustomer = (s: TenantState, customer: Customer): Customer =>
  protection(s).sensitiveDataProtection && customer.address
    ? { ...customer, address: maskPhoneNumber(customer.address) }
    : customer;

/** A consult request ringing this agent: its popover names the requesting agent (POP-6). */
function consultRequest(s: TenantState, taskId: TaskId, agentId: AgentId): Popover | null {
  const task = s.tasks.get(taskId);
  const consult = task?.call?.consult;
  const party = task?.call?.parties.find((p) => p.id === agentParty(agentId));
  if (
    !task ||
    consult?.consulted !== agentId ||
    party?.leg.status !== "alerting" ||
    consult.expiresAt === null
  )
    return null;
  const requester = s.agents.get(consult.by);
  const user = s.config?.users.get(consult.by);
  const team = requester ? s.config?.teams.get(requester.station.teamId) : undefined;
  const timeout = consult.expiresAt - consult.startedAt;
  return {
    kind: "consult",
    taskId,
    channel: "voice",
    phase: "requested",
    offeredAt: consult.startedAt,
    expiresAt: consult.expiresAt,
    flashAt: timeout > 8_000 ? consult.expiresAt - 5_000 : null,
    customer: shownCustomer(s, task.customer),
    fields: consultPopoverVariables(
      { name: user?.name ?? consult.by, dn: requester?.station.address ?? "", team: team?.name ?? "" },
      flowOf(s, task),
      task.variables,
      protection(s),
    ),
  };
}

/** The stack's caption, e.g. `1–5 of 7`; empty when everything fits. */
export const stackCaption = (stack: PopoverStack): string =>
  stack.total > POPOVERS_SHOWN ? `1–${stack.shown} of ${stack.total}` : "";

/** POP-8: the label Callback, the customer's number, DNIS, queue and the offer time for its timer. */
function callbackPopover(
  s: TenantState,
  task: Task,
  offeredAt: Instant,
  expiresAt: Instant,
  flashAt: Instant | null,
  phase: Offer["phase"],
): Popover {
  const fields = callbackPopoverFields(
    {
      customerNumber: task.callback?.number ?? "",
      dnis: s.config?.entryPoints.get(task.entryPointId)?.dialNumber ?? "",
      queueName: s.config?.queues.get(task.queueId)?.name ?? "",
      offeredAt,
    },
    flowOf(s, task),
    task.variables,
    protection(s),
  ).fields;
  return {
    kind: "callback",
    taskId: task.id,
    channel: "voice",
    phase,
    offeredAt,
    expiresAt,
    flashAt,
    customer: shownCustomer(s, task.customer),
    fields,
  };
}
