import type { Plain, TenantConfig, User } from "@parley/engine";
import type { Principal } from "../auth/principal.ts";
import type { TenantHost } from "../tenancy/host.ts";
import { Problem } from "./problem.ts";

export const configOf = (host: TenantHost): Plain<TenantConfig> | null =>
  (host.engine.state.config?.config as Plain<TenantConfig> | undefined) ?? null;

/** Through the engine's index of users: this runs for every event a supervisor's socket may hear. */
export const userOf = (host: TenantHost, userId: string): Plain<User> | undefined =>
  host.engine.state.config?.users.get(userId) as Plain<User> | undefined;

/** `me` is the caller. */
export const resolveAgent = (p: Principal, agentId: string): string =>
  agentId === "me" ? p.userId : agentId;

/**
 * An agent acts on itself; a supervisor also on agents who share one of its teams (SUP-3). Other
 * agents' ids are answered as unknown only when they are not in the tenant at all.
 */
export function mayActFor(
  host: TenantHost,
  p: Principal,
  agentId: string,
  supervisorToo: boolean,
): "self" | "supervisor" {
  if (agentId === p.userId) return "self";
  const target = userOf(host, agentId);
  if (!target) throw new Problem("UNKNOWN_AGENT", `No agent ${agentId} in this tenant`);
  const supervises = p.roles.includes("supervisor") && target.teamIds.some((t) => p.teamIds.includes(t));
  if (supervisorToo && supervises) return "supervisor";
  throw new Problem(
    "FORBIDDEN",
    supervisorToo
      ? `Only ${agentId} or a supervisor of their team may do this`
      : `Only ${agentId} may do this for themselves`,
  );
}
