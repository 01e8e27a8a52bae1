import type { ConfigLookup } from "../../config/lookup.ts";
import { type Rejection, reject } from "../../shared/decision.ts";
import type { AuxCodeId } from "../../shared/ids.ts";
import type { ChosenPending } from "../commands.ts";
import type { AgentState, PendingState } from "../state.ts";

/**
 * Turns what the agent picked into a concrete state: RONA is never selectable (AGT-5), an idle
 * code must be an idle code of the agent's profile, and no code means the default (AGT-3).
 * Logging out is a choice only for the pending state; now, it is the logout command.
 */
export function resolveChoice(
  config: ConfigLookup,
  agent: AgentState,
  choice: ChosenPending | { readonly type: "rona" },
  allowLogout: boolean,
): PendingState | Rejection {
  switch (choice.type) {
    case "available":
      return { type: "available" };
    case "logged_out":
      if (allowLogout) return { type: "logged_out" };
      break;
    case "rona":
      return reject("STATE_NOT_SELECTABLE", "RONA is set by the system and cannot be chosen");
    case "idle": {
      const codeId: AuxCodeId = choice.codeId ?? config.defaultIdleCode.id;
      const code = config.auxCodes.get(codeId);
      if (code?.kind !== "IDLE")
        return reject("UNKNOWN_IDLE_CODE", `"${codeId}" is not an idle code`, { codeId });
      if (!config.profiles.get(agent.profileId)?.idleCodeIds.includes(codeId))
        return reject("IDLE_CODE_NOT_ALLOWED", `Idle code "${code.name}" is not in this agent's profile`, {
          codeId,
        });
      return { type: "idle", codeId };
    }
  }
  return reject("STATE_NOT_SELECTABLE", `"${String(choice.type)}" is not a state an agent can choose`);
}
