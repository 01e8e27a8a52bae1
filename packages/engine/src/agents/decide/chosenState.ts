import type { ConfigLookup } from "../../config/lookup.ts";
import { type Rejection, reject } from "../../shared/decision.ts";
import type { AuxCodeId } from "../../shared/ids.ts";
import type { ChosenPending, ChosenState } from "../commands.ts";
import type { AgentState, PendingState, PresenceValue } from "../state.ts";

/**
 * Turns what the agent picked into a concrete state: RONA is never selectable (AGT-5), an idle
 * code must be an idle code of the agent's profile, and no code means the default (AGT-3).
 */
export function resolveChoice(
  config: ConfigLookup,
  agent: AgentState,
  choice: ChosenState | ChosenPending | { readonly type: "rona" },
): PresenceValue | PendingState | Rejection {
  if (choice.type === "rona")
    return reject("STATE_NOT_SELECTABLE", "RONA is set by the system and cannot be chosen");
  if (choice.type !== "idle") return { type: choice.type };
  const codeId: AuxCodeId = choice.codeId ?? config.defaultIdleCode.id;
  const code = config.auxCodes.get(codeId);
  if (code?.kind !== "IDLE")
    return reject("UNKNOWN_IDLE_CODE", `"${codeId}" is not an idle code`, { codeId });
  const profile = config.profiles.get(agent.profileId);
  if (!profile?.idleCodeIds.includes(codeId))
    return reject("IDLE_CODE_NOT_ALLOWED", `Idle code "${code.name}" is not in this agent's profile`, {
      codeId,
    });
  return { type: "idle", codeId };
}
