import type { AgentStateChanged } from "../../agents/events.ts";
import { presenceValue } from "../../agents/state.ts";
import { SYSTEM } from "../../shared/actor.ts";
import { accept, type Decision, reject } from "../../shared/decision.ts";
import { configOf, isRejection, loggedInAgent } from "../../shared/guards.ts";
import type { Instant } from "../../shared/time.ts";
import type { TenantEvent } from "../../tenant/messages.ts";
import type { TenantState } from "../../tenant/state.ts";
import { variablesFor } from "../../variables/startFor.ts";
import { joined, newAgentParty, newCustomerParty } from "../../voice/decide/legs.ts";
import type { PlaceOutdial } from "../commands.ts";
import type { Task } from "../state.ts";
import { callLimitReached } from "./callLimit.ts";

const DIAL_NUMBER = /^\+?[0-9]{3,18}$/;

/**
 * An outbound call from an outdial entry point, placed while Available or Idle — from RONA the
 * agent first chooses (AGT-5); the agent needs free voice capacity. Implements CALL-11 (without
 * media: the telephony port adds the legs).
 */
export function decideOutdial(cmd: PlaceOutdial, s: TenantState, now: Instant): Decision<TenantEvent> {
  const config = configOf(s);
  if (isRejection(config)) return config;
  const agent = loggedInAgent(s, cmd.agentId);
  if (isRejection(agent)) return agent;
  if (agent.presence.type === "rona")
    return reject("AGENT_IN_RONA", "Choose Go Available or Go Idle before placing a call");
  const ep = config.entryPoints.get(cmd.entryPointId);
  if (!ep) return reject("UNKNOWN_ENTRY_POINT", `There is no entry point ${cmd.entryPointId}`);
  if (!ep.active) return reject("ENTRY_POINT_INACTIVE", `Entry point ${ep.name} is not active`);
  if (ep.kind !== "outdial")
    return reject("ENTRY_POINT_NOT_OUTDIAL", `Entry point ${ep.name} is not for outdial`);
  if (s.tasks.has(cmd.taskId)) return reject("TASK_EXISTS", `Task ${cmd.taskId} already exists`);
  const number = cmd.dialNumber.replace(/[\s().-]/g, "");
  if (!DIAL_NUMBER.test(number))
    return reject("INVALID_DIAL_NUMBER", `"${cmd.dialNumber}" is not a number to dial (3 to 18 digits)`);
  const capacity = config.profiles.get(agent.profileId)?.capacity.voice ?? 0;
  if (agent.load.voice >= capacity)
    return reject("AGENT_BUSY", "The agent has no free voice line: end or wrap up the current call first");
  const full = callLimitReached(s);
  if (full) return full;
  const variables = variablesFor(config, ep);
  if (isRejection(variables)) return variables;
  return accept<TenantEvent>(
    {
      type: "task.outdial_placed",
      at: now,
      taskId: cmd.taskId,
      agentId: agent.id,
      entryPointId: ep.id,
      queueId: ep.queueId,
      customer: { address: number },
      variables,
    },
    joined(cmd.taskId, newAgentParty(agent.id, "main", "connected", now), now),
    joined(cmd.taskId, newCustomerParty(number, "alerting", now), now),
  );
}

/**
 * When an outdial call ends the agent becomes Available if the profile says so — even after
 * calling while Idle — and otherwise Idle. An agent who went to RONA during the call (a missed
 * chat, RTE-6) stays there until choosing (AGT-5). Implements AGT-9.
 */
export function stateAfterOutdial(s: TenantState, task: Task, now: Instant): AgentStateChanged[] {
  if (task.origin !== "outdial" || task.status !== "assigned") return [];
  const agent = s.agents.get(task.agentId);
  const config = s.config;
  if (!agent || !config) return [];
  const available = config.profiles.get(agent.profileId)?.availableAfterOutdial ?? false;
  const from = presenceValue(agent.presence);
  if (from.type === "rona") return [];
  if (available ? from.type === "available" : from.type === "idle") return [];
  return [
    {
      type: "agent.state.changed",
      at: now,
      agentId: agent.id,
      from,
      to: available ? { type: "available" } : { type: "idle", codeId: config.defaultIdleCode.id },
      cause: "outdial_ended",
      reasonCode: null,
      actor: SYSTEM,
    },
  ];
}
