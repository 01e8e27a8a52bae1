import { SYSTEM_REASON } from "../../config/systemCodes.ts";
import { accept, type Decision, type Rejection } from "../../shared/decision.ts";
import { configOf, isRejection, loggedInAgent } from "../../shared/guards.ts";
import type { Instant } from "../../shared/time.ts";
import type { TenantState } from "../../tenant/state.ts";
import type { ChangeAgentState } from "../commands.ts";
import type { AgentEvent } from "../events.ts";
import { presenceValue, samePresence } from "../state.ts";
import { resolveChoice } from "./chosenState.ts";

/**
 * Go Available or Idle(code), at any time — also while engaged (AGT-3) and from RONA (AGT-5).
 * Choosing the state one is already in changes nothing. A supervisor may change it too (SUP-3).
 * Implements AGT-2, AGT-3, AGT-5.
 */
export function decideChangeState(cmd: ChangeAgentState, s: TenantState, now: Instant): Decision<AgentEvent> {
  const config = configOf(s);
  if (isRejection(config)) return config;
  const agent = loggedInAgent(s, cmd.agentId);
  if (isRejection(agent)) return agent;
  const to = resolveChoice(config, agent, cmd.to, false);
  if (isRejection(to) || to.type === "logged_out") return to as Rejection;
  const from = presenceValue(agent.presence);
  if (samePresence(from, to)) return accept();
  return accept({
    type: "agent.state.changed",
    at: now,
    agentId: agent.id,
    from,
    to,
    cause: "chosen",
    reasonCode: cmd.by.kind === "supervisor" ? SYSTEM_REASON.SUPERVISOR_CHANGE : null,
    actor: cmd.by,
  });
}
