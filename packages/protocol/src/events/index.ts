// Every engine event on the wire: one zod schema per event type, their union, and the list of types.
import { z } from "zod";
import { AGENT_EVENT_SCHEMAS } from "./agents.ts";
import { CALLBACK_EVENT_SCHEMAS } from "./callbacks.ts";
import { CONNECTION_EVENT_SCHEMAS } from "./connection.ts";
import { DIGITAL_EVENT_SCHEMAS } from "./digital.ts";
import { FEDERATION_EVENT_SCHEMAS } from "./federation.ts";
import { TASK_EVENT_SCHEMAS } from "./tasks.ts";
import { TENANT_EVENT_SCHEMAS } from "./tenant.ts";
import { VOICE_EVENT_SCHEMAS } from "./voice.ts";

export * from "./agents.ts";
export * from "./callbacks.ts";
export * from "./connection.ts";
export * from "./digital.ts";
export * from "./federation.ts";
export * from "./parts.ts";
export * from "./tasks.ts";
export * from "./tenant.ts";
export * from "./voice.ts";

/** Every event schema, in the engine's order: tenant, agent, task, voice, digital, federation, connection, callback. */
export const EVENT_SCHEMAS = [
  ...TENANT_EVENT_SCHEMAS,
  ...AGENT_EVENT_SCHEMAS,
  ...TASK_EVENT_SCHEMAS,
  ...VOICE_EVENT_SCHEMAS,
  ...DIGITAL_EVENT_SCHEMAS,
  ...FEDERATION_EVENT_SCHEMAS,
  ...CONNECTION_EVENT_SCHEMAS,
  ...CALLBACK_EVENT_SCHEMAS,
] as const;

type EventSchema = (typeof EVENT_SCHEMAS)[number];

/** An event's `type`, e.g. `agent.state.changed`. */
export type TenantEventType = EventSchema["shape"]["type"]["value"];

/** Any engine event, told apart by `type`. Unknown fields are refused. */
export const TenantEventSchema = z.discriminatedUnion("type", EVENT_SCHEMAS).meta({
  id: "TenantEvent",
  description: "An event of a tenant's contact center, told apart by its type.",
});

/** An engine event as it travels: branded ids are plain strings. */
export type TenantEventWire = z.infer<typeof TenantEventSchema>;

/** Every event type name, in the order of EVENT_SCHEMAS. */
export const EVENT_TYPES: readonly TenantEventType[] = EVENT_SCHEMAS.map((s) => s.shape.type.value);

/** The schema of each event type. */
export const EVENT_SCHEMA_BY_TYPE = Object.fromEntries(EVENT_SCHEMAS.map((s) => [s.shape.type.value, s])) as {
  readonly [S in EventSchema as S["shape"]["type"]["value"]]: S;
};

/** The wire form of one event type. */
export type TenantEventOf<T extends TenantEventType> = Extract<TenantEventWire, { type: T }>;
