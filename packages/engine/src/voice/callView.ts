import type { TenantConfig } from "../config/types.ts";
import type { AgentId } from "../shared/ids.ts";
import type { Instant } from "../shared/time.ts";
import { engagementOf, type Task } from "../tasks/state.ts";
import { allowedActions, type CallAction } from "./rules.ts";
import { agentParty, customerOf, isUp, mainAgents, type Party, partyOf } from "./state.ts";

/** CALL-1: the states an interaction panel shows (the desktop translates them). */
export type CallState =
  | "ringing"
  | "connected"
  | "call_on_hold"
  | "consult_requested"
  | "consulting"
  | "consult_on_hold"
  | "conference"
  | "wrap_up"
  | "post_call";

export interface Panel {
  readonly state: CallState;
  /** TMR-3: when the panel's current state began, for its second timer. */
  readonly since: Instant;
}

/** What one agent's desktop shows for a call: the customer panel and, during a consult, a second one. */
export interface CallView {
  readonly main: Panel;
  readonly consult: Panel | null;
  readonly owner: boolean;
  readonly participants: readonly Party[];
  readonly actions: readonly CallAction[];
  /**
   * CALL-10: background noise removal is on for the tenant's agents. It is an entitlement, not a
   * control: no action switches it off.
   */
  readonly noiseRemoval: boolean;
}

const consultPanel = (leg: Party["leg"]): Panel => ({
  state:
    leg.status === "alerting"
      ? "consult_requested"
      : leg.status === "held"
        ? "consult_on_hold"
        : "consulting",
  since: leg.since,
});

/** The call as this agent sees it, or null if the agent has no part in it. Implements CALL-1, CNS-6, TMR-3. */
export function callView(
  task: Task,
  agentId: AgentId,
  tenant: Pick<TenantConfig, "noiseRemoval"> = {},
): CallView | null {
  const noiseRemoval = tenant.noiseRemoval === true;
  if (task.status === "offered" && task.offer.agentId === agentId && task.channel === "voice")
    return {
      main: { state: "ringing", since: task.offer.offeredAt },
      consult: null,
      owner: false,
      participants: [],
      actions: [],
      noiseRemoval,
    };
  const part = engagementOf(task, agentId);
  const call = task.call;
  if (!part || !call) return null;
  const participants = call.parties.filter(isUp);
  const actions = allowedActions(task, agentId);
  const owner = part.role === "owner";
  const me = partyOf(call, agentParty(agentId));

  if (part.role === "consulted") {
    const leg = me?.leg ?? { status: "alerting", since: part.since };
    const main: Panel =
      leg.status === "alerting"
        ? { state: "ringing", since: leg.since }
        : { state: leg.status === "held" ? "consult_on_hold" : "consulting", since: leg.since };
    return { main, consult: null, owner, participants, actions, noiseRemoval };
  }
  const mine = call.consult?.by === agentId ? partyOf(call, call.consult.partyId) : undefined;
  const consult = mine && isUp(mine) ? consultPanel(mine.leg) : null;
  if (part.status === "wrapping")
    return {
      main: { state: "wrap_up", since: part.endedAt },
      consult,
      owner,
      participants,
      actions,
      noiseRemoval,
    };

  const customer = customerOf(call);
  const others = mainAgents(call).filter((p) => p.agentId !== agentId);
  let main: Panel;
  if (!customer || !isUp(customer))
    main =
      others.length > 0
        ? { state: "post_call", since: customer?.leg.since ?? part.since }
        : { state: "wrap_up", since: customer?.leg.since ?? part.since };
  else if (others.length > 0)
    main =
      me?.leg.status === "held"
        ? { state: "call_on_hold", since: me.leg.since }
        : { state: "conference", since: Math.max(...others.map((p) => p.joinedAt ?? part.since)) };
  else if (customer.leg.status === "held") main = { state: "call_on_hold", since: customer.leg.since };
  else
    main = {
      state: "connected",
      since: customer.leg.status === "alerting" ? customer.leg.since : part.since,
    };
  return { main, consult, owner, participants, actions, noiseRemoval };
}
