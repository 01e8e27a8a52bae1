import { policyOf } from "../agents/connection/policy.ts";
import type { Connection, DisconnectCause } from "../agents/connection/state.ts";
import type { DisconnectPolicy } from "../config/types.ts";
import type { AgentId } from "../shared/ids.ts";
import type { Duration, Instant } from "../shared/time.ts";
import type { TenantState } from "../tenant/state.ts";

/** What the desktop, a supervisor and the host need to know of an agent's desktop link. */
export interface AgentConnection {
  readonly agentId: AgentId;
  /** The login the host names in the facts it reports (CON-5). */
  readonly generation: number;
  readonly status: Connection["status"];
  /** When the desktop attached, or went away. */
  readonly since: Instant;
  readonly cause: DisconnectCause | null;
  /** When the disconnect policy applies, and the time left until then; null unless the grace runs. */
  readonly graceUntil: Instant | null;
  readonly graceLeft: Duration | null;
  /** The system owes a logout once the last interaction ends (CON-1, CON-6). */
  readonly logoutDeferred: boolean;
  /** The profile's policy; the host runs its heartbeat window from `heartbeatTimeoutSec` (CON-2). */
  readonly policy: DisconnectPolicy;
}

/** The agent's desktop link at `now`; null when the agent is logged out. Implements CON-1…CON-4. */
export function agentConnection(s: TenantState, agentId: AgentId, now: Instant): AgentConnection | null {
  const agent = s.agents.get(agentId);
  if (!agent) return null;
  const c = agent.connection;
  const graceUntil = c.status === "unavailable" ? c.graceUntil : null;
  return {
    agentId,
    generation: agent.generation,
    status: c.status,
    since: c.since,
    cause: c.status === "connected" ? null : c.cause,
    graceUntil,
    graceLeft: graceUntil === null ? null : Math.max(0, graceUntil - now),
    logoutDeferred: agent.pending?.type === "logged_out" && agent.pending.reasonCode !== undefined,
    policy: policyOf(s, agent),
  };
}
