import type { Role } from "@parley/protocol";

/** Who is calling: resolved from the bearer token on every request and socket. */
export interface Principal {
  readonly tenantId: string;
  readonly userId: string;
  readonly tokenHash: string;
  readonly roles: readonly Role[];
  readonly teamIds: readonly string[];
}

export const hasRole = (p: Principal, role: Role) => p.roles.includes(role);
