import { z } from "zod";

type JsonSchema = Record<string, unknown>;

/** The id a schema is documented under: its own `meta({ id })`, or the given one, registered once. */
export function named(schema: z.ZodType, fallback: string): string {
  const existing = z.globalRegistry.get(schema)?.id;
  if (typeof existing === "string") return existing;
  z.globalRegistry.add(schema, { id: fallback });
  return fallback;
}

/** Every registered schema as JSON Schema 2020-12, each referring to the others under `prefix`. */
export function components(prefix: string): Record<string, JsonSchema> {
  const { schemas } = z.toJSONSchema(z.globalRegistry, {
    target: "draft-2020-12",
    uri: (id) => `${prefix}${id}`,
    unrepresentable: "any",
  });
  const out: Record<string, JsonSchema> = {};
  for (const [id, s] of Object.entries(schemas).sort(([a], [b]) => a.localeCompare(b))) {
    const { $schema: _, $id: __, ...rest } = s as JsonSchema;
    out[id] = rest;
  }
  return out;
}

export const ref = (prefix: string, id: string) => ({ $ref: `${prefix}${id}` });
