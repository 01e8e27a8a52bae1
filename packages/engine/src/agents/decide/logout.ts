import { SYSTEM_REASON } from "../../config/systemCodes.ts";
import { accept, type Decision, reject } from "../../shared/decision.ts";
import type { Instant } from "../../shared/time.ts";
import type { TenantState } from "../../tenant/state.ts";
import type { LogoutAgent } from "../commands.ts";
import type { AgentEvent } from "../events.ts";
import { presenceValue } from "../state.ts";

/**
 * Logout. Refused while an offer is pending (AGT-8) or an interaction is active — choose a
 * pending logout instead. A supervisor may log out an Available or Idle agent with no active
 * interaction (AGT-6). Logging out a logged-out agent changes nothing (CON-5).
 * Implements AGT-6, AGT-8.
 */
export function decideLogout(cmd: LogoutAgent, s: TenantState, now: Instant): Decision<AgentEvent> {
  const agent = s.agents.get(cmd.agentId);
  if (!agent) return accept();
  if (agent.offers.length > 0)
    return reject("OFFER_PENDING", "Logout is not possible while a contact request is pending", {
      taskIds: [...agent.offers],
    });
  if (agent.tasks.length > 0)
    return reject(
      "HAS_ACTIVE_INTERACTIONS",
      "Logout is not possible with active interactions: choose logout as the pending state instead",
      { taskIds: [...agent.tasks] },
    );
  const bySupervisor = cmd.by.kind === "supervisor";
  if (bySupervisor && agent.presence.type === "rona")
    return reject(
      "SUPERVISOR_LOGOUT_NOT_ALLOWED",
      "A supervisor can log out only an Available or Idle agent with no active interaction",
    );
  return accept({
    type: "agent.logged_out",
    at: now,
    agentId: agent.id,
    from: presenceValue(agent.presence),
    cause: "chosen",
    reasonCode: bySupervisor ? SYSTEM_REASON.SUPERVISOR_CHANGE : null,
    actor: cmd.by,
  });
}
