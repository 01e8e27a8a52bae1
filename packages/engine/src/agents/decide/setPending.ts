import { accept, type Decision, reject } from "../../shared/decision.ts";
import { configOf, isRejection, loggedInAgent } from "../../shared/guards.ts";
import type { Instant } from "../../shared/time.ts";
import type { TenantState } from "../../tenant/state.ts";
import type { SetPendingAgentState } from "../commands.ts";
import type { AgentEvent } from "../events.ts";
import { isEngaged, type PendingState } from "../state.ts";
import { resolveChoice } from "./chosenState.ts";

/**
 * Choose the state to take once the last interaction ends (a pending logout, or Available or
 * an idle code after the current work). Only meaningful while engaged; a pending logout, like
 * logout itself, waits for no open contact request (AGT-8).
 */
export function decideSetPending(
  cmd: SetPendingAgentState,
  s: TenantState,
  now: Instant,
): Decision<AgentEvent> {
  const config = configOf(s);
  if (isRejection(config)) return config;
  const agent = loggedInAgent(s, cmd.agentId);
  if (isRejection(agent)) return agent;
  if (agent.pending?.type === "logged_out" && agent.pending.reasonCode !== undefined)
    return reject("FORCED_LOGOUT_PENDING", "The system will log this agent out after the last interaction");
  let pending: PendingState | null = null;
  if (cmd.pending !== null) {
    if (!isEngaged(agent))
      return reject("NOT_ENGAGED", "The agent has no active interaction: change the state directly");
    if (cmd.pending.type === "logged_out" && agent.offers.length > 0)
      return reject("OFFER_PENDING", "Logout is not possible while a contact request is pending", {
        taskIds: [...agent.offers],
      });
    const resolved = resolveChoice(config, agent, cmd.pending, true);
    if (isRejection(resolved)) return resolved;
    pending = resolved;
  }
  return accept({ type: "agent.pending_state.set", at: now, agentId: agent.id, pending });
}
