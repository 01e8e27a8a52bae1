import { z } from "zod";
import { TenantEventSchema } from "./events/index.ts";

/**
 * An engine event as it travels: the tenant's sequence number (gap-free, so a client sees what it
 * missed), the request that caused it, and the event itself (CloudEvents-style).
 */
export const EventEnvelope = z
  .strictObject({
    seq: z.int().nonnegative(),
    type: z.string(),
    time: z.iso.datetime(),
    requestId: z.string().nullable(),
    data: TenantEventSchema,
  })
  .meta({ id: "EventEnvelope", description: "One event of the tenant's log, numbered by `seq`." });
export type EventEnvelope = z.infer<typeof EventEnvelope>;

export const CommandResult = z
  .strictObject({
    requestId: z.string(),
    /** The tenant's last seq once the command's events were stored. */
    seq: z.int().nonnegative(),
    events: z.array(EventEnvelope),
  })
  .meta({
    id: "CommandResult",
    description: "The events a command caused, durably stored before this answer was sent.",
  });
export type CommandResult = z.infer<typeof CommandResult>;
