import type { AgentId, TaskId } from "../../shared/ids.ts";
import type { Instant } from "../../shared/time.ts";
import type { ParticipantJoined, ParticipantLeft, ParticipantLegChanged } from "../events.ts";
import {
  agentParty,
  CUSTOMER,
  isUp,
  type LegCause,
  type Party,
  type PartyId,
  type VoiceCall,
} from "../state.ts";

/** Event builders for leg changes: what the telephony port acts on. */
export const joined = (taskId: TaskId, party: Party, at: Instant): ParticipantJoined => ({
  type: "participant.joined",
  at,
  taskId,
  party,
  agentId: party.agentId,
});

export const legTo = (
  taskId: TaskId,
  party: Party,
  status: "alerting" | "connected" | "held",
  at: Instant,
  bridge: Party["bridge"] | null = null,
): ParticipantLegChanged => ({
  type: "participant.leg_changed",
  at,
  taskId,
  partyId: party.id,
  leg: { status, since: at },
  bridge,
  agentId: party.agentId,
});

export const left = (
  taskId: TaskId,
  party: Party,
  status: "dropped" | "failed",
  cause: LegCause,
  at: Instant,
): ParticipantLeft => ({
  type: "participant.left",
  at,
  taskId,
  partyId: party.id,
  leg: { status, since: at, cause },
  agentId: party.agentId,
});

/**
 * XFR-1: a call transferred to an outside number leaves the contact center. The switch puts the
 * customer through to the number and lets go of the call; the lines still up that are not an
 * agent's (the customer, a consulted number) leave Parley's hands with cause `transferred`, so
 * nothing stays up or rings on a task that nobody handles any more.
 */
export const handedOff = (taskId: TaskId, call: VoiceCall, at: Instant): ParticipantLeft[] =>
  call.parties
    .filter((p) => isUp(p) && p.kind !== "agent")
    .map((p) => left(taskId, p, "dropped", "transferred", at));

export const newAgentParty = (
  agentId: AgentId,
  bridge: Party["bridge"],
  status: "alerting" | "connected",
  at: Instant,
): Party => ({
  id: agentParty(agentId),
  kind: "agent",
  agentId,
  number: null,
  bridge,
  leg: { status, since: at },
  joinedAt: status === "connected" ? at : null,
});

export const newNumberParty = (id: PartyId, number: string, at: Instant): Party => ({
  id,
  kind: "dial_number",
  agentId: null,
  number,
  bridge: "consult",
  leg: { status: "alerting", since: at },
  joinedAt: null,
});

export const newCustomerParty = (
  number: string | null,
  status: "alerting" | "connected",
  at: Instant,
): Party => ({
  id: CUSTOMER,
  kind: "customer",
  agentId: null,
  number,
  bridge: "main",
  leg: { status, since: at },
  joinedAt: status === "connected" ? at : null,
});
