import type { Routes } from "@parley/protocol";
import type { FastifyReply, FastifyRequest } from "fastify";
import type { z } from "zod";
import type { Principal } from "../auth/principal.ts";
import type { TenantHost } from "../tenancy/host.ts";

/** What a handler of one operation gets: the caller, the tenant, and the parsed input. */
export interface Context<K extends keyof Routes> {
  readonly principal: Principal;
  readonly host: TenantHost;
  readonly params: z.output<Routes[K]["params"]>;
  readonly query: z.output<Routes[K]["query"]>;
  readonly body: z.output<Routes[K]["body"]>;
  readonly request: FastifyRequest;
  /** For headers a read sets (an ETag). */
  readonly reply?: FastifyReply;
  readonly now: number;
}

export type CommandOperation = {
  [K in keyof Routes]: Routes[K]["command"] extends true ? K : never;
}[keyof Routes];
