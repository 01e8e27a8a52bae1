import {
  type FlowVariableDef,
  maskPhoneNumber,
  type Plain,
  SECURE_MASK,
  type TenantConfig,
  type TenantEvent,
} from "@parley/engine";

/** How one reader sees variable values in events and answers (CALL-7, POP-7). */
export interface Masking {
  /** Variable names whose values this reader sees as `******`. */
  readonly secure: ReadonlySet<string>;
  /** Variable names holding a caller's number, cut to the last four digits. */
  readonly numbers: ReadonlySet<string>;
  /** POP-7: the customer's number in events (a voice contact's address, a callback's number) too. */
  readonly customerNumbers: boolean;
}

export const NO_MASKING: Masking = { secure: new Set(), numbers: new Set(), customerNumbers: false };

/**
 * The masking for readers of a tenant. A name secure in any flow is masked everywhere: an event
 * outlives its task, and over-masking is the safe side. Administrators read secure values.
 */
export function maskingFor(config: Plain<TenantConfig> | null, canSeeSecure: boolean): Masking {
  const defs: Plain<FlowVariableDef>[] = (config?.flows ?? []).flatMap((f) => f.variables);
  return {
    // Administrators see callers' numbers whole, as they see secure values (http/views.ts).
    customerNumbers: config?.sensitiveDataProtection === true && !canSeeSecure,
    secure: new Set(canSeeSecure ? [] : defs.filter((d) => d.secure).map((d) => d.name)),
    numbers: new Set(
      config?.sensitiveDataProtection ? defs.filter((d) => d.sensitiveNumber).map((d) => d.name) : [],
    ),
  };
}

const maskOne = (m: Masking, name: string, value: unknown): unknown =>
  typeof value !== "string"
    ? value
    : m.secure.has(name)
      ? SECURE_MASK
      : m.numbers.has(name)
        ? maskPhoneNumber(value)
        : value;

/** A copy of a value with every variable value masked for the reader; the value itself is untouched. */
export function maskValue<T>(value: T, m: Masking): T {
  if (m.secure.size === 0 && m.numbers.size === 0) return value;
  return walk(value, m) as T;
}

function walk(value: unknown, m: Masking): unknown {
  if (Array.isArray(value)) return value.map((v) => walk(v, m));
  if (value === null || typeof value !== "object") return value;
  const o = value as Record<string, unknown>;
  const out: Record<string, unknown> = {};
  const name = typeof o.name === "string" ? o.name : null;
  for (const [k, v] of Object.entries(o)) {
    // A saved value `{name, value, version}`, or a conflict `{name, yourValue, currentValue}`.
    out[k] =
      name !== null && (k === "value" || k === "yourValue" || k === "currentValue")
        ? maskOne(m, name, v)
        : walk(v, m);
  }
  return out;
}

/** Whether an event can hold variable values at all: most cannot, and are sent as they are. */
function carriesValues(e: Plain<TenantEvent>): boolean {
  const o = e as unknown as Record<string, unknown>;
  if ("variables" in o || "values" in o || "conflicts" in o) return true;
  const to = o.to as Record<string, unknown> | undefined;
  return to !== undefined && to !== null && typeof to === "object" && "variables" in to;
}

/** POP-7: the events that carry a customer's phone number, and where. */
const NUMBER_EVENTS: ReadonlySet<string> = new Set([
  "task.received",
  "task.outdial_placed",
  "callback.created",
  "callback.updated",
  "callback.converted",
]);

/** A copy of an event with the customer's number cut to its last four digits, or the event itself. */
function maskCustomerNumber(e: Plain<TenantEvent>): Plain<TenantEvent> {
  const o = e as unknown as Record<string, unknown>;
  const out: Record<string, unknown> = { ...o };
  const customer = o.customer as { address?: unknown } | undefined;
  // A chat's, e-mail's or social contact's address is not a phone number.
  const voice = o.type !== "task.received" || o.channel === "voice";
  if (voice && customer && typeof customer.address === "string")
    out.customer = { ...customer, address: maskPhoneNumber(customer.address) };
  const callback = o.callback as { number?: unknown } | undefined;
  if (callback && typeof callback.number === "string")
    out.callback = { ...callback, number: maskPhoneNumber(callback.number) };
  return out as unknown as Plain<TenantEvent>;
}

/** The event as the reader may see it. Most events carry neither values nor numbers and go as they are. */
export function maskEvent(e: Plain<TenantEvent>, m: Masking): Plain<TenantEvent> {
  const numbered = m.customerNumbers && NUMBER_EVENTS.has(e.type) ? maskCustomerNumber(e) : e;
  return carriesValues(numbered) ? maskValue(numbered, m) : numbered;
}
