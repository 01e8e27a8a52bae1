export * from "./limits.ts";
export * from "./schema.ts";
