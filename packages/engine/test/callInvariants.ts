import type { Decision } from "../src/shared/decision.ts";
import type { ErrorCode } from "../src/shared/errors.ts";
import type { AgentId, Plain, TaskId } from "../src/shared/ids.ts";
import { engagementOf, type Task } from "../src/tasks/state.ts";
import { evolve } from "../src/tenant/evolve.ts";
import type { Command, TenantEvent } from "../src/tenant/messages.ts";
import type { TenantState } from "../src/tenant/state.ts";
import { allowedActions, type CallAction } from "../src/voice/rules.ts";
import {
  agentParty,
  CUSTOMER,
  customerOf,
  isUp,
  MAX_PARTICIPANTS,
  type Party,
  partyOf,
  upParties,
  type VoiceCall,
} from "../src/voice/state.ts";

/**
 * Invariant checks for call control, for callControl.property.test.ts. Like invariants.ts, each
 * returns the violations it found as sentences, and recounts from `state.tasks` and
 * `state.agents` by brute force rather than asking the engine's indexes.
 *
 * Words used below:
 * - the customer leg: the leg of the party `customer`;
 * - the consult leg: the leg of the party `call.consult.partyId` names, on the consult bridge —
 *   the consulted agent's device or the dialled number, never the consulting agent's own line. In
 *   a two-party call (the customer and one agent) the consult leg is that party's leg and the
 *   customer leg is the one the consult holds (CALL-3, CNS-3). There is no consult leg while
 *   `call.consult` is null: a consulted party that was transferred or conferenced is on the main
 *   bridge and is an ordinary participant;
 * - the consulting side: what the consulting agent steps away from — the customer leg in a
 *   two-party call, and in a conference the consulting agent's own main leg (the others keep
 *   talking to the customer).
 */

type Cmd = Plain<Command>;

const heldLeg = (p: Party | undefined): boolean => p?.leg.status === "held";

/** The call-control action a command asks for, judged on the state before it; null for other commands. */
export function callActionOf(cmd: Cmd, before: TenantState): CallAction | null {
  switch (cmd.type) {
    case "HoldCall":
      return "hold";
    case "ResumeCall":
      return "resume";
    case "StartConsult":
      return "consult";
    case "AcceptConsult":
      return "accept_consult";
    case "HoldConsult":
      return "hold_consult";
    case "ResumeConsult":
      return "resume_consult";
    case "EndConsult":
      return "end_consult";
    case "ConsultTransfer":
      return "consult_transfer";
    case "ConsultConference":
      return "consult_conference";
    case "TransferCall":
      return "transfer";
    case "LeaveConference":
      return "leave_conference";
    case "PauseRecording":
      return "pause_recording";
    case "ResumeRecording":
      return "resume_recording";
    case "EndTask":
    case "WrapUpTask": {
      const task = before.tasks.get(cmd.taskId as TaskId);
      if (task?.channel !== "voice" || task.call === null) return null;
      return cmd.type === "EndTask" ? "end" : "wrap_up";
    }
    default:
      return null;
  }
}

const DIAL_NUMBER_CODES: readonly ErrorCode[] = [
  "DIAL_NUMBER_EMPTY",
  "DIAL_NUMBER_TOO_SHORT",
  "DIAL_NUMBER_TOO_LONG",
  "DIAL_NUMBER_INVALID",
];

/**
 * Rejections about a command's arguments rather than the call: the target or number or code the
 * agent chose, which `allowedActions` (a per-call button list) cannot know. An action the rules
 * allow may be refused with these, and only these.
 */
export const ARGUMENT_CODES: Readonly<Partial<Record<Cmd["type"], readonly ErrorCode[]>>> = {
  StartConsult: [
    "CONSULT_TARGET_UNAVAILABLE",
    "CONSULT_UNSUPPORTED_DESTINATION",
    "UNKNOWN_QUEUE",
    "UNKNOWN_ENTRY_POINT",
    ...DIAL_NUMBER_CODES,
  ],
  TransferCall: [
    "TRANSFER_TARGET_UNAVAILABLE",
    "UNKNOWN_QUEUE",
    "UNKNOWN_ENTRY_POINT",
    "ENTRY_POINT_INACTIVE",
    ...DIAL_NUMBER_CODES,
  ],
  WrapUpTask: ["UNKNOWN_WRAPUP_CODE", "WRAPUP_CODE_NOT_ALLOWED"],
};

/**
 * `allowedActions` and the engine agree: a command accepted was allowed on the state before it,
 * and an allowed one was accepted unless refused for its arguments. `before` is the task as it
 * was before the command (tasks are immutable values, so the old object is the old state).
 */
export function checkAgreement(
  cmd: Cmd,
  action: CallAction,
  before: Task | undefined,
  decision: Decision<TenantEvent>,
): string[] {
  if (!("agentId" in cmd && "taskId" in cmd)) return [];
  const allowed = before ? allowedActions(before, cmd.agentId as AgentId) : [];
  const who = `${cmd.type} by ${cmd.agentId} on ${cmd.taskId}`;
  if (decision.ok && !allowed.includes(action))
    return [`${who} was accepted, but ${action} was not in allowedActions [${allowed}]`];
  if (!decision.ok && allowed.includes(action) && !ARGUMENT_CODES[cmd.type]?.includes(decision.code))
    return [`${who} was refused with ${decision.code}, but ${action} was in allowedActions [${allowed}]`];
  return [];
}

/** CALL-3: the consult leg is never held together with the consulting side. */
function checkLegsHeld(task: Task, call: VoiceCall): string[] {
  const consult = call.consult;
  const consulted = consult ? partyOf(call, consult.partyId) : undefined;
  if (!consult || !heldLeg(consulted)) return [];
  const out: string[] = [];
  if (heldLeg(customerOf(call)))
    out.push(`${task.id}: the customer leg and the consult leg (${consult.partyId}) are both held`);
  const mine = partyOf(call, agentParty(consult.by));
  if (mine?.bridge === "main" && heldLeg(mine))
    out.push(`${task.id}: ${consult.by}'s own line and the consult leg (${consult.partyId}) are both held`);
  return out;
}

/**
 * CNS-4: while the consulted party has not answered, nobody can transfer or conference, and the
 * consulting agent can still Resume the held side. CNS-8: a consulted agent can only accept or
 * leave the consult.
 */
function checkConsultButtons(task: Task, call: VoiceCall): string[] {
  const out: string[] = [];
  const consult = call.consult;
  const consulted = consult ? partyOf(call, consult.partyId) : undefined;
  if (consult && consulted?.leg.status === "alerting") {
    const actions = allowedActions(task, consult.by);
    for (const a of ["consult_transfer", "consult_conference"] as const)
      if (actions.includes(a)) out.push(`${task.id}: ${consult.by} may ${a} before the consult is answered`);
    const mine = partyOf(call, agentParty(consult.by));
    const sideHeld = heldLeg(customerOf(call)) || (mine?.bridge === "main" && heldLeg(mine));
    const customerUp = customerOf(call) !== undefined && isUp(customerOf(call) as Party);
    if (customerUp && sideHeld && engagementOf(task, consult.by)?.status === "active")
      if (!actions.includes("resume"))
        out.push(`${task.id}: ${consult.by} cannot resume while the consult rings (actions [${actions}])`);
  }
  for (const e of task.agents) {
    if (e.role !== "consulted") continue;
    const extra = allowedActions(task, e.agentId).filter(
      (a) => a !== "accept_consult" && a !== "end_consult",
    );
    if (extra.length > 0) out.push(`${task.id}: consulted agent ${e.agentId} may [${extra}]`);
  }
  return out;
}

/** The parties whose legs are alerting. */
const ringing = (call: VoiceCall): string[] =>
  call.parties.filter((p) => p.leg.status === "alerting").map((p) => p.id);

/**
 * No leg is left ringing where nobody will answer it: not on a task in wrap-up, and not after the
 * customer left — except the consult leg, which CNS-10 lets go on.
 */
function checkAlerting(task: Task, call: VoiceCall): string[] {
  const alerting = call.parties.filter((p) => p.leg.status === "alerting");
  if (alerting.length === 0) return [];
  if (task.status === "wrapping")
    return [`${task.id} is in wrap-up with [${alerting.map((p) => p.id)}] still alerting`];
  const customer = customerOf(call);
  if (!customer || isUp(customer)) return [];
  const stray = alerting.filter((p) => p.id !== call.consult?.partyId);
  return stray.length > 0
    ? [`${task.id}: the customer left, but [${stray.map((p) => p.id)}] still alert`]
    : [];
}

/**
 * One owner: while any agent has an active part in an assigned task, exactly one active part is the
 * owner's, and it is the task's agent; no other status has active parts. Every active part
 * belongs to a logged-in agent who lists the task, and on a call, whose own leg is up.
 */
function checkEngagements(s: TenantState, task: Task): string[] {
  const out: string[] = [];
  const active = task.agents.filter((e) => e.status === "active");
  if (task.status === "assigned" && active.length > 0) {
    const owners = active.filter((e) => e.role === "owner").map((e) => e.agentId);
    if (owners.length !== 1) out.push(`${task.id} has active owners [${owners}]`);
    else if (owners[0] !== task.agentId)
      out.push(`${task.id} is assigned to ${task.agentId} but owned by ${owners}`);
  } else if (task.status !== "assigned" && active.length > 0)
    out.push(`${task.id} is ${task.status} but [${active.map((e) => e.agentId)}] have active parts in it`);
  for (const e of active) {
    const agent = s.agents.get(e.agentId);
    if (!agent) out.push(`${e.agentId} has an active part in ${task.id} but is not logged in`);
    else if (!agent.tasks.includes(task.id))
      out.push(`${e.agentId} has an active part in ${task.id} but does not list it`);
    const mine = task.call ? partyOf(task.call, agentParty(e.agentId)) : undefined;
    if (task.call && !(mine && isUp(mine)))
      out.push(
        `${e.agentId} has an active part in ${task.id} but their leg is ${mine?.leg.status ?? "absent"}`,
      );
  }
  return out;
}

/** Voice timers are exactly what the calls ask for: a ringing agent consult, a paused recording. */
function checkVoiceTimers(s: TenantState): string[] {
  const out: string[] = [];
  const timers = s.timers.list();
  const has = (kind: string, taskId: string, at: number) =>
    timers.some((t) => t.kind === kind && t.taskId === taskId && t.at === at);
  for (const t of timers) {
    if (t.kind !== "consult_timeout" && t.kind !== "recording_resume") continue;
    const call = s.tasks.get(t.taskId)?.call;
    if (t.kind === "consult_timeout") {
      const consult = call?.consult;
      const ringing = consult && partyOf(call, consult.partyId)?.leg.status === "alerting";
      if (!ringing || consult.expiresAt !== t.at)
        out.push(`consult timer of ${t.taskId} with no consult ringing`);
    }
    if (t.kind === "recording_resume") {
      const rec = call?.recording;
      if (rec?.status !== "paused" || rec.resumeAt !== t.at)
        out.push(`recording timer of ${t.taskId} with no recording paused until then`);
    }
  }
  for (const task of s.tasks.values()) {
    const call = task.call;
    if (!call || task.status !== "assigned") continue;
    const consult = call.consult;
    if (consult?.expiresAt && partyOf(call, consult.partyId)?.leg.status === "alerting")
      if (!has("consult_timeout", task.id, consult.expiresAt))
        out.push(`${task.id}'s ringing consult has no timer`);
    if (call.recording.status === "paused" && !has("recording_resume", task.id, call.recording.resumeAt))
      out.push(`${task.id}'s paused recording has no resume timer`);
  }
  return out;
}

/** Every check on the calls of a state at rest. */
export function checkCalls(s: TenantState): string[] {
  const out: string[] = [];
  for (const task of s.tasks.values()) {
    out.push(...checkEngagements(s, task));
    const call = task.call;
    if (!call) continue;
    const up = upParties(call);
    if (up.length > MAX_PARTICIPANTS)
      out.push(`${task.id} has ${up.length} participants up (CNF-1 allows ${MAX_PARTICIPANTS})`);
    out.push(...checkLegsHeld(task, call), ...checkConsultButtons(task, call), ...checkAlerting(task, call));
    // CNF-6: after the customer left, the call ends when one participant is left.
    const customer = customerOf(call);
    if (task.status === "assigned" && customer && !isUp(customer) && up.length < 2)
      out.push(`${task.id}: the customer left and the call goes on with [${up.map((p) => p.id)}] alone`);
  }
  out.push(...checkVoiceTimers(s));
  return out;
}

/** Leg events follow a leg's life: a party leaves or changes only while up; the customer never comes back. */
function checkLegEvent(task: Task | undefined, e: TenantEvent): string[] {
  if (
    e.type !== "participant.joined" &&
    e.type !== "participant.leg_changed" &&
    e.type !== "participant.left"
  )
    return [];
  const id = e.type === "participant.joined" ? e.party.id : e.partyId;
  const party = task?.call ? partyOf(task.call, id) : undefined;
  if (e.type !== "participant.joined")
    return party && isUp(party)
      ? []
      : [`${e.type} for ${id} on ${e.taskId}, whose leg is ${party?.leg.status ?? "absent"}`];
  if (party && isUp(party) && id !== CUSTOMER) return [`${id} joins ${e.taskId} while already on it`];
  if (party && !isUp(party) && id === CUSTOMER)
    return [`the customer of ${e.taskId} comes back after leaving`];
  return [];
}

/**
 * Checks the events of one step against a mirror folded from every event so far, one event at a
 * time against the state it was decided in (see `checkEvents` in invariants.ts): only owners wrap
 * up (CNF-5, CNS-8) and only the owner's End ends the task (CALL-4); leg events follow a leg's
 * life; and a task leaving the state leaves no leg ringing.
 */
export function checkCallEvents(mirror: TenantState, events: readonly TenantEvent[]): string[] {
  const out: string[] = [];
  for (const [_i, e] of events.entries()) {
    const task = "taskId" in e ? mirror.tasks.get(e.taskId) : undefined;
    if (e.type === "task.wrapup") {
      const part = task && engagementOf(task, e.agentId);
      if (part?.role !== "owner" || part.status !== "wrapping")
        out.push(
          `${e.agentId} wrapped up ${e.taskId} with a ${part?.role ?? "no"} part (${part?.status ?? "none"})`,
        );
    }
    if (e.type === "task.ended" && (task?.status !== "assigned" || task.agentId !== e.agentId))
      out.push(`${e.taskId} ended for ${e.agentId}, who is not its owner`);
    out.push(...checkLegEvent(task, e));
    evolve(mirror, e);
    const left = task?.call && !mirror.tasks.has(task.id) ? ringing(task.call) : [];
    if (left.length > 0) out.push(`${task?.id} left the state with [${left}] still alerting`);
  }
  return out;
}
