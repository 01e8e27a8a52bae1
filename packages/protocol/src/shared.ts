import { z } from "zod";

/** An id chosen by a client or an administrator: short, printable, no spaces. */
export const Id = z
  .string()
  .min(1)
  .max(128)
  .regex(/^[\w.:@+-]+$/, "letters, digits and . _ : @ + - only");

export const Role = z.enum(["agent", "supervisor", "admin"]);
export type Role = z.infer<typeof Role>;

/** A body with no fields: commands whose path says everything. */
export const NoBody = z.strictObject({});

/** Free text typed by a person: a message, a reason. */
export const Text = (max: number) => z.string().max(max);
