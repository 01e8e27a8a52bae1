import { z } from "zod";
import { EventEnvelope } from "./envelope.ts";
import { ErrorCode } from "./errors.ts";
import { Me } from "./resources.ts";

/** The largest frame a client may send. */
export const CLIENT_MESSAGE_LIMIT = 4096;

/** The client keeps the socket alive with a ping this often… */
export const KEEPALIVE_MS = 4_000;
/** …and the server drops a socket silent for this long. */
export const SILENCE_LIMIT_MS = 16_000;

export const ClientMessage = z.discriminatedUnion("type", [
  z
    .strictObject({
      type: z.literal("hello"),
      token: z.string().max(200),
      lastSeq: z.int().nonnegative().optional(),
    })
    .meta({ description: "First message: the bearer token, and the last seq seen when resuming." }),
  z.strictObject({ type: z.literal("ping") }).meta({ description: "Keepalive, every 4 s." }),
  z
    .strictObject({ type: z.literal("closing") })
    .meta({ description: "The desktop is being closed on purpose (CON-1): the grace starts at once." }),
]);
export type ClientMessage = z.infer<typeof ClientMessage>;

export const ServerMessage = z.discriminatedUnion("type", [
  z
    .strictObject({
      type: z.literal("welcome"),
      seq: z.int().nonnegative(),
      resumed: z.boolean(),
      snapshot: Me.nullable(),
    })
    .meta({
      description:
        "Sent once signed in. Resumed: the missed events follow. Otherwise `snapshot` is the full state as of `seq`.",
    }),
  z
    .strictObject({ type: z.literal("event"), event: EventEnvelope })
    .meta({ description: "One event that concerns this user." }),
  z.strictObject({ type: z.literal("configured"), seq: z.int().nonnegative() }).meta({
    description:
      "The tenant's configuration changed at `seq`: re-read what you show. Administrators get the `tenant.configured` event itself instead; the configuration (every user, the directory) is not sent to everyone.",
  }),
  z.strictObject({ type: z.literal("pong") }),
  z.strictObject({ type: z.literal("replaced") }).meta({
    description: "The same user opened another desktop, which took over; this one must not reconnect.",
  }),
  z
    .strictObject({ type: z.literal("error"), code: ErrorCode, message: z.string() })
    .meta({ description: "The socket is refused (bad token, bad message); it closes after this." }),
]);
export type ServerMessage = z.infer<typeof ServerMessage>;

/** Close codes of the event socket. */
export const CLOSE = {
  replaced: 4001,
  unauthenticated: 4401,
  badMessage: 4400,
  silent: 4408,
  shutdown: 1001,
} as const;
