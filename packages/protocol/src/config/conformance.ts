// Compile-time proof that TenantConfigSchema describes exactly the engine's TenantConfig (ids as
// plain strings, readonly aside): a configuration field added, removed or changed in the engine
// fails `tsc` here until the schema follows. Nothing in this file runs.
import type { Plain, TenantConfig } from "@parley/engine";
import type { z } from "zod";
import type { Conforms, Expect } from "../events/conformance.ts";
import type { TenantConfigSchema } from "./schema.ts";

type Wire = z.infer<typeof TenantConfigSchema>;
type Engine = TenantConfig;
type Item<T> = T extends readonly (infer U)[] ? U : never;

/** The top-level fields whose schema and engine type differ: `never` when every one conforms. */
type Mismatched = {
  [K in keyof Engine]-?: Conforms<Engine[K], K extends keyof Wire ? Wire[K] : never> extends true ? never : K;
}[keyof Engine];

export type ConfigConformance = [
  Expect<Conforms<Engine, Wire>>,
  // Field by field, so that a failure names the part that differs.
  Expect<Conforms<Mismatched, never>>,
  Expect<Conforms<Item<Engine["profiles"]>, Item<Wire["profiles"]>>>,
  Expect<Conforms<Item<Engine["entryPoints"]>, Item<Wire["entryPoints"]>>>,
  // Mutually assignable, readonly kept: a validated wire config is an engine config with plain ids.
  Expect<Plain<Engine> extends Wire ? true : false>,
  Expect<Wire extends Plain<Engine> ? true : false>,
];
