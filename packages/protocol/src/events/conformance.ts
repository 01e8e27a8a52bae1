// Compile-time proof that the event schemas describe exactly the engine's events: for every event
// type, the schema's inferred type and the engine type with plain ids (`Plain<T>`, the wire form)
// are the same type, readonly aside. An engine event that gains, loses or changes a field — or a
// new event type — fails `tsc` here until the schema follows. Nothing in this file runs.
import type { Plain, TenantEvent } from "@parley/engine";
import type { z } from "zod";
import type { EVENT_SCHEMA_BY_TYPE, TenantEventSchema, TenantEventType } from "./index.ts";

/** The same type with every `readonly` (properties, arrays, index signatures) removed, deeply. */
export type DeepMutable<T> = T extends readonly (infer U)[]
  ? DeepMutable<U>[]
  : T extends object
    ? { -readonly [K in keyof T]: DeepMutable<T[K]> }
    : T;

/** True only when A and B are the same type (not merely assignable either way). */
export type Equal<A, B> = (<T>() => T extends A ? 1 : 2) extends <T>() => T extends B ? 1 : 2 ? true : false;

/** Equality of the wire form of an engine type and a schema's inferred type, readonly aside. */
export type Conforms<Engine, Wire> = Equal<DeepMutable<Plain<Engine>>, DeepMutable<Wire>>;

/** Compiles only for `true`. */
export type Expect<T extends true> = T;

type EngineEventOf<K extends TenantEventType> = Extract<TenantEvent, { type: K }>;
type SchemaEventOf<K extends TenantEventType> = z.infer<(typeof EVENT_SCHEMA_BY_TYPE)[K]>;

/** The event types whose schema and engine type differ: `never` when every one conforms. */
type Mismatched = {
  [K in TenantEventType]: Conforms<EngineEventOf<K>, SchemaEventOf<K>> extends true ? never : K;
}[TenantEventType];

export type EventConformance = [
  // Same set of event types on both sides.
  Expect<Equal<TenantEventType, TenantEvent["type"]>>,
  // Each event exactly: a failure here names the event types that differ.
  Expect<Equal<Mismatched, never>>,
  // And the union as a whole.
  Expect<Conforms<TenantEvent, z.infer<typeof TenantEventSchema>>>,
  // Mutually assignable too, readonly kept: what hosts rely on when they hand engine events on.
  Expect<Plain<TenantEvent> extends z.infer<typeof TenantEventSchema> ? true : false>,
  Expect<z.infer<typeof TenantEventSchema> extends Plain<TenantEvent> ? true : false>,
];

// The check is not vacuous: an extra field, a missing one or a wider type are all told apart.
type Sample = EngineEventOf<"offer.created">;
export type EqualityIsStrict = [
  // @ts-expect-error an engine field the schema lacks
  Expect<Conforms<Sample & { readonly extra: string }, SchemaEventOf<"offer.created">>>,
  // @ts-expect-error a schema field the engine lacks
  Expect<Conforms<Omit<Sample, "flashAt">, SchemaEventOf<"offer.created">>>,
  // @ts-expect-error an optional field the engine lacks
  Expect<Conforms<Sample, SchemaEventOf<"offer.created"> & { extra?: string }>>,
  // @ts-expect-error a nullable field that is not nullable on the other side
  Expect<Conforms<Omit<Sample, "flashAt"> & { readonly flashAt: number }, SchemaEventOf<"offer.created">>>,
];
