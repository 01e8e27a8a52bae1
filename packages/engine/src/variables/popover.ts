import type { Instant } from "../shared/time.ts";
import { displayValue, type Masking, maskPhoneNumber } from "./mask.ts";
import type { FlowVariableDef, FlowVariableType, TaskVariables } from "./types.ts";
import { POPOVER_MAX } from "./validate.ts";
import { inDisplayOrder, variableOf } from "./values.ts";

export interface PopoverOptions {
  /** POP-7: caller numbers show only their last four digits. */
  readonly sensitiveDataProtection: boolean;
}

/** A configured variable in a popover: admin-written label, so shown as is. */
export interface PopoverVariable {
  readonly source: "variable";
  readonly name: string;
  readonly label: string;
  readonly type: FlowVariableType;
  readonly value: string | null;
  readonly masked: Masking;
}

/** A field the system fills; `key` names its label in the desktop's i18n catalogue. */
export interface PopoverSystemField {
  readonly source: "system";
  readonly key: "agentName" | "agentDn" | "agentTeam" | "customerNumber" | "dnis" | "queue";
  readonly value: string;
  readonly masked: Masking;
}

export type PopoverField = PopoverSystemField | PopoverVariable;

const system = (
  key: PopoverSystemField["key"],
  value: string,
  masked: Masking = null,
): PopoverSystemField => ({
  source: "system",
  key,
  value,
  masked,
});

/**
 * The configured variables of a voice popover. Implements POP-5, POP-7, CB-7.
 *
 * Those marked `shownInPopover`, in configured order, never a secure one (not even masked).
 * With fewer than three configured the popover shows what there is — a popover without the
 * case number is worse than a short one, and `validateFlow` warns the administrator; beyond
 * six, the first six by order.
 */
export function voicePopoverVariables(
  defs: readonly FlowVariableDef[],
  values: TaskVariables,
  opts: PopoverOptions,
): PopoverVariable[] {
  const display = { revealSecure: false, sensitiveDataProtection: opts.sensitiveDataProtection };
  return inDisplayOrder(defs)
    .filter((def) => def.shownInPopover && !def.secure)
    .slice(0, POPOVER_MAX)
    .map((def) => {
      const shown = displayValue(def, variableOf(values, def.name)?.value ?? null, display);
      return { source: "variable", name: def.name, label: def.label, type: def.type, ...shown };
    });
}

export interface ConsultRequester {
  readonly name: string;
  readonly dn: string;
  readonly team: string;
}

/**
 * A consult request popover: Agent Name, Agent DN and Agent Team of the agent who asked, then
 * the voice popover's variables — nine at most. Implements POP-6 (and POP-5, POP-7 for the rest).
 */
export function consultPopoverVariables(
  requester: ConsultRequester,
  defs: readonly FlowVariableDef[],
  values: TaskVariables,
  opts: PopoverOptions,
): PopoverField[] {
  return [
    system("agentName", requester.name),
    system("agentDn", requester.dn),
    system("agentTeam", requester.team),
    ...voicePopoverVariables(defs, values, opts),
  ];
}

export interface CallbackOffer {
  readonly customerNumber: string;
  /** The number the customer originally dialled. */
  readonly dnis: string;
  readonly queueName: string;
  readonly offeredAt: Instant;
}

export interface CallbackPopover {
  /** i18n key of the popover's label, "Callback" in English. */
  readonly title: "callback";
  readonly fields: PopoverField[];
  /** The desktop's timer counts from here; the engine reads no clock. */
  readonly offeredAt: Instant;
}

/**
 * A callback popover: the label, the customer number (last four digits under sensitive-data
 * protection), DNIS, queue, the offer time for its timer, then configured variables. The
 * callback reason is a CAD variable like any other, so it shows only if the flow marks it
 * `shownInPopover`. Implements POP-8, CB-7, POP-7.
 */
export function callbackPopoverFields(
  callback: CallbackOffer,
  defs: readonly FlowVariableDef[],
  values: TaskVariables,
  opts: PopoverOptions,
): CallbackPopover {
  const customer = opts.sensitiveDataProtection
    ? system("customerNumber", maskPhoneNumber(callback.customerNumber), "lastFour")
    : system("customerNumber", callback.customerNumber);
  return {
    title: "callback",
    fields: [
      customer,
      system("dnis", callback.dnis),
      system("queue", callback.queueName),
      ...voicePopoverVariables(defs, values, opts),
    ],
    offeredAt: callback.offeredAt,
  };
}
