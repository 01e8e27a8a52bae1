import type { AgentStateChanged } from "../../agents/events.ts";
import { presenceValue } from "../../agents/state.ts";
import { compareReady, type ReadyKey } from "../../routing/readyAgents.ts";
import { SYSTEM } from "../../shared/actor.ts";
import { accept, type Decision, reject } from "../../shared/decision.ts";
import { configOf, isRejection } from "../../shared/guards.ts";
import type { AgentId, QueueId, TaskId } from "../../shared/ids.ts";
import { type Instant, seconds } from "../../shared/time.ts";
import { stateAfterOutdial } from "../../tasks/decide/outdial.ts";
import type { TaskEvent } from "../../tasks/events.ts";
import { engagementOf, type Task } from "../../tasks/state.ts";
import type { TenantEvent } from "../../tenant/messages.ts";
import type { TenantState } from "../../tenant/state.ts";
import type { AcceptConsult, EndConsult, StartConsult } from "../commands.ts";
import type { VoiceEvent } from "../events.ts";
import {
  agentParty,
  type Consult,
  type ConsultTarget,
  isUp,
  type LegCause,
  mainAgents,
  numberParty,
  type Party,
  partyOf,
  type VoiceCall,
} from "../state.ts";
import { dialable } from "./dial.ts";
import { joined, left, legTo, newAgentParty, newNumberParty } from "./legs.ts";
import { mainSide, type OnCall, onCall } from "./seat.ts";

/**
 * Consult another agent, who must be Available or Idle with a free voice line; the customer is
 * held first and the agent's device rings. Implements CNS-1, CNS-2, CNS-3, CALL-3, CNF-2.
 */
export function decideStartConsult(cmd: StartConsult, s: TenantState, now: Instant): Decision<VoiceEvent> {
  const config = configOf(s);
  if (isRejection(config)) return config;
  const c = onCall(s, cmd.taskId, cmd.agentId, "consult");
  if (isRejection(c)) return c;
  const target = cmd.target;
  switch (target.kind) {
    case "agent":
      return consultAgent(s, c, cmd, target.agentId, target, now);
    case "dial_number": {
      // CNS-12: the number of an entry point reaches that entry point; any other is dialled as is.
      const ep = config.entryPointsByNumber.get(target.number.replace(/[^0-9+]/g, ""));
      return ep
        ? consultQueue(s, c, cmd, ep.queueId, { kind: "entry_point", entryPointId: ep.id }, now)
        : consultNumber(c, cmd, target.number, now);
    }
    case "entry_point": {
      const ep = config.entryPoints.get(target.entryPointId);
      if (ep?.channel !== "voice" || ep.kind !== "inbound" || !ep.active)
        return reject(
          "UNKNOWN_ENTRY_POINT",
          `There is no active inbound voice entry point ${target.entryPointId}`,
        );
      return consultQueue(s, c, cmd, ep.queueId, target, now);
    }
    case "queue":
      return consultQueue(s, c, cmd, target.queueId, target, now);
    case "directory": {
      const expert = config.config.directory?.find((e) => e.id === target.expertId);
      if (!expert?.workPhone)
        return reject(
          "CONSULT_TARGET_UNAVAILABLE",
          `Expert ${target.expertId} has no work phone in the directory`,
        );
      return consultNumber(c, cmd, expert.workPhone, now);
    }
  }
}

/**
 * Consult an agent, who must be Available or Idle with a free voice line; the customer is held
 * first and the agent's device rings. Implements CNS-2, CNS-3.
 */
function consultAgent(
  s: TenantState,
  c: OnCall,
  cmd: StartConsult,
  agentId: AgentId,
  target: ConsultTarget,
  now: Instant,
): Decision<VoiceEvent> {
  const other = s.agents.get(agentId);
  const unavailable = (why: string) =>
    reject("CONSULT_TARGET_UNAVAILABLE", `Agent ${agentId} ${why}`, { agentId });
  if (agentId === cmd.agentId) return unavailable("is the consulting agent");
  if (!other) return unavailable("is not logged in");
  if (other.presence.type === "rona")
    return unavailable("is in RONA: only Available or Idle agents can be consulted");
  if (engagementOf(c.task, other.id)) return unavailable("is already on this call");
  const profile = s.config?.profiles.get(other.profileId);
  if (!profile || other.load.voice >= profile.capacity.voice) return unavailable("has no free voice line");

  const consult: Consult = {
    by: cmd.agentId,
    partyId: agentParty(other.id),
    target,
    consulted: other.id,
    startedAt: now,
    expiresAt: now + seconds(profile.offerTimeoutSec.voice),
  };
  const events: VoiceEvent[] = [];
  const side = mainSide(c);
  if (side?.leg.status === "connected") events.push(legTo(c.task.id, side, "held", now));
  events.push(
    { type: "consult.created", at: now, taskId: c.task.id, agentId: cmd.agentId, consult },
    joined(c.task.id, newAgentParty(other.id, "consult", "alerting", now), now),
  );
  return accept(...events);
}

/**
 * Consult a queue or an entry point: the longest-available agent of its teams gets the consult
 * request. A queue served by a capacity-based team has no agent to reach: "Unsupported
 * destination" (CNS-11). Implements CNS-1, CNS-11, CNS-12.
 */
function consultQueue(
  s: TenantState,
  c: OnCall,
  cmd: StartConsult,
  queueId: QueueId,
  target: ConsultTarget,
  now: Instant,
): Decision<VoiceEvent> {
  const config = s.config;
  const queue = config?.queues.get(queueId);
  if (!config || queue?.channel !== "voice")
    return reject("UNKNOWN_QUEUE", `There is no voice queue ${queueId}`);
  if (queue.teamIds.some((t) => config.teams.get(t)?.kind === "capacity_based"))
    return reject("CONSULT_UNSUPPORTED_DESTINATION", "Unsupported destination", { queueId });
  const onThisCall = (id: AgentId) => id === cmd.agentId || engagementOf(c.task, id) !== undefined;
  let best: ReadyKey | undefined;
  for (const teamId of queue.teamIds) {
    const key = s.ready.first(teamId, "voice", onThisCall);
    if (key && (!best || compareReady(key, best) < 0)) best = key;
  }
  if (!best)
    return reject("CONSULT_TARGET_UNAVAILABLE", `No agent of queue ${queue.name} is available`, { queueId });
  return consultAgent(s, c, cmd, best.id, target, now);
}

/**
 * Consult an outside number: it is dialled, and Transfer and Conference open up once the call
 * reaches it (XFR-7). Implements CNS-1, DIAL-1.
 */
function consultNumber(c: OnCall, cmd: StartConsult, raw: string, now: Instant): Decision<VoiceEvent> {
  const number = dialable(raw);
  if (isRejection(number)) return number;
  const partyId = numberParty(number);
  const already = c.call.parties.find((p) => p.id === partyId);
  if (already && isUp(already))
    return reject("CONSULT_TARGET_UNAVAILABLE", `${number} is already on this call`, { number });
  const consult: Consult = {
    by: cmd.agentId,
    partyId,
    target: { kind: "dial_number", number },
    consulted: null,
    startedAt: now,
    expiresAt: null,
  };
  const events: VoiceEvent[] = [];
  const side = mainSide(c);
  if (side?.leg.status === "connected") events.push(legTo(c.task.id, side, "held", now));
  events.push(
    { type: "consult.created", at: now, taskId: c.task.id, agentId: cmd.agentId, consult },
    joined(c.task.id, newNumberParty(partyId, number, now), now),
  );
  return accept(...events);
}

/** The consulting agent's side of the main call is held while they talk to the consulted party. */
function consultingSideHeld(call: VoiceCall): boolean {
  const by = call.consult?.by;
  if (!by) return false;
  const me = partyOf(call, agentParty(by));
  const othersOnMain = mainAgents(call).filter((p) => p.agentId !== by).length > 0;
  // The agent's own line stays their side once held, even if the conference empties meanwhile.
  const side = me && (othersOnMain || me.leg.status === "held") ? me : partyOf(call, "customer" as never);
  return side?.leg.status === "held";
}

/** The consulted party answers: Consulting — or, if the customer was resumed meanwhile, Consult on hold. */
export function answeredLeg(taskId: TaskId, call: VoiceCall, party: Party, now: Instant): VoiceEvent {
  return legTo(taskId, party, consultingSideHeld(call) ? "connected" : "held", now);
}

/** The consulted agent accepts the request. Implements CNS-6. */
export function decideAcceptConsult(cmd: AcceptConsult, s: TenantState, now: Instant): Decision<VoiceEvent> {
  const c = onCall(s, cmd.taskId, cmd.agentId, "accept_consult");
  if (isRejection(c)) return c;
  return c.me ? accept(answeredLeg(c.task.id, c.call, c.me, now)) : accept();
}

/** The consult is over: the consulted party leaves and a consulted agent's part ends. */
export function consultClosed(
  task: Task,
  call: VoiceCall,
  outcome: "ended" | "failed",
  cause: LegCause,
  now: Instant,
): VoiceEvent[] {
  const consult = call.consult;
  const party = consult && partyOf(call, consult.partyId);
  if (!consult || !party) return [];
  const events: VoiceEvent[] = [];
  if (isUp(party)) events.push(left(task.id, party, outcome === "failed" ? "failed" : "dropped", cause, now));
  events.push({ type: "consult.ended", at: now, taskId: task.id, agentId: consult.by, outcome });
  if (party.agentId)
    events.push({ type: "task.agent_left", at: now, taskId: task.id, agentId: party.agentId });
  return events;
}

/**
 * End the consult — by the consulting agent (CNS-9) or by the consulted agent leaving (CNS-8).
 * With the customer already gone, the owner is left alone: the call ends and wrap-up follows.
 * Implements CNS-8, CNS-9, CNS-10.
 */
export function decideEndConsult(cmd: EndConsult, s: TenantState, now: Instant): Decision<TenantEvent> {
  const c = onCall(s, cmd.taskId, cmd.agentId, "end_consult");
  if (isRejection(c)) return c;
  return accept<TenantEvent>(
    ...consultClosed(c.task, c.call, "ended", "consult_ended", now),
    ...ownerAloneEnds(s, c.task, c.call, now),
  );
}

/**
 * After a consult closes with the customer gone, an owner with nobody left on the customer's side
 * ends the call and wraps up (CNS-9, CNS-10).
 */
export function ownerAloneEnds(s: TenantState, task: Task, call: VoiceCall, now: Instant): TenantEvent[] {
  if (task.status !== "assigned") return [];
  const customer = partyOf(call, "customer" as never);
  if (customer && isUp(customer)) return [];
  const others = mainAgents(call).filter((p) => p.agentId !== task.agentId);
  if (others.length > 0) return [];
  const own = partyOf(call, agentParty(task.agentId));
  return [
    ...(own && isUp(own) ? [left(task.id, own, "dropped", "call_ended", now)] : []),
    ...callEnded(s, task, task.agentId, "customer", now),
  ];
}

/**
 * The owner's part ends and wrap-up starts, on a timer if the profile has auto wrap-up; an
 * outdial call ending also sets the agent's state (AGT-9), however it ended.
 */
export function callEnded(
  s: TenantState,
  task: Task,
  agentId: AgentId,
  by: "agent" | "customer",
  now: Instant,
): TenantEvent[] {
  const profileId = s.agents.get(agentId)?.profileId;
  const auto = profileId === undefined ? undefined : s.config?.profiles.get(profileId)?.autoWrapUp;
  const ended: TaskEvent = {
    type: "task.ended",
    at: now,
    taskId: task.id,
    agentId,
    by,
    autoWrapUpAt: auto?.enabled ? now + seconds(auto.afterSec) : null,
  };
  const owner = task.status === "assigned" ? task.agentId : null;
  return [ended, ...(agentId === owner ? stateAfterOutdial(s, task, now) : [])];
}

/**
 * The consulted agent did not answer in time, or the device failed: the consult fails, the
 * requesting agent sees it, and the consulted agent goes Idle. Implements CNS-5.
 */
export function consultFailed(s: TenantState, task: Task, cause: LegCause, now: Instant): TenantEvent[] {
  const call = task.call;
  const consult = call?.consult;
  if (!call || !consult) return [];
  const events: TenantEvent[] = [
    ...consultClosed(task, call, "failed", cause, now),
    ...ownerAloneEnds(s, task, { ...call, consult: null }, now),
  ];
  const agent = consult.consulted === null ? undefined : s.agents.get(consult.consulted);
  if (agent && s.config && agent.presence.type === "available") {
    const change: AgentStateChanged = {
      type: "agent.state.changed",
      at: now,
      agentId: agent.id,
      from: presenceValue(agent.presence),
      to: { type: "idle", codeId: s.config.defaultIdleCode.id },
      cause: "consult_unanswered",
      reasonCode: null,
      actor: SYSTEM,
    };
    events.push(change);
  }
  return events;
}

export function decideConsultTimeout(taskId: TaskId, s: TenantState, now: Instant): Decision<TenantEvent> {
  const task = s.tasks.get(taskId);
  const party = task?.call?.consult && partyOf(task.call, task.call.consult.partyId);
  if (!task || party?.leg.status !== "alerting") return accept();
  return accept(...consultFailed(s, task, "no_answer", now));
}
