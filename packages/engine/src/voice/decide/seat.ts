import type { Rejection } from "../../shared/decision.ts";
import { activeTask, isRejection } from "../../shared/guards.ts";
import type { AgentId, TaskId } from "../../shared/ids.ts";
import type { Task } from "../../tasks/state.ts";
import type { TenantState } from "../../tenant/state.ts";
import { type CallAction, judge } from "../rules.ts";
import { agentParty, customerOf, type Party, partyOf, type VoiceCall } from "../state.ts";

export interface OnCall {
  readonly task: Task;
  readonly call: VoiceCall;
  readonly customer: Party | undefined;
  readonly me: Party | undefined;
  /** The party the agent's own consult reaches, if any. */
  readonly consulted: Party | undefined;
}

/** The call, if the rules let this agent take this action on it now. */
export function onCall(
  s: TenantState,
  taskId: TaskId,
  agentId: AgentId,
  action: CallAction,
): OnCall | Rejection {
  const task = activeTask(s, taskId);
  if (isRejection(task)) return task;
  const no = judge(task, agentId, action);
  if (no) return no;
  const call = task.call as VoiceCall;
  const consult = call.consult;
  return {
    task,
    call,
    customer: customerOf(call),
    me: partyOf(call, agentParty(agentId)),
    consulted: consult?.by === agentId ? partyOf(call, consult.partyId) : undefined,
  };
}

/**
 * The side of the customer's call a consulting agent steps away from: the customer in a
 * two-party call, the agent's own line in a conference (the others keep talking).
 */
export const mainSide = (c: OnCall): Party | undefined =>
  c.me && c.me.bridge === "main" && (c.me.leg.status === "held" || conferenceGoesOn(c.call, c.me))
    ? c.me
    : c.customer;

const conferenceGoesOn = (call: VoiceCall, me: Party): boolean =>
  call.parties.filter(
    (p) =>
      p.kind !== "customer" &&
      p.bridge === "main" &&
      p.id !== me.id &&
      p.leg.status !== "dropped" &&
      p.leg.status !== "failed",
  ).length > 0;
