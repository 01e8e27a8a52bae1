import type { AgentId, Brand, EntryPointId, QueueId } from "../shared/ids.ts";
import type { Instant } from "../shared/time.ts";

/** A participant of one call: `customer`, `agent:<id>` or `number:<digits>`. */
export type PartyId = Brand<string, "PartyId">;

export const CUSTOMER = "customer" as PartyId;
export const agentParty = (agentId: AgentId) => `agent:${agentId}` as PartyId;
export const numberParty = (number: string) => `number:${number}` as PartyId;

/** Why a leg ended or failed: shown beside the participant and kept for reporting. */
export type LegCause =
  | "hung_up"
  | "ended_by_agent"
  | "call_ended"
  | "transferred"
  | "left_conference"
  | "consult_ended"
  | "no_answer"
  | "busy"
  | "unreachable"
  | "invalid_number"
  | "device_fault"
  | "unsupported_destination";

export type Leg =
  | { readonly status: "alerting"; readonly since: Instant }
  | { readonly status: "connected"; readonly since: Instant }
  | { readonly status: "held"; readonly since: Instant }
  | { readonly status: "dropped"; readonly since: Instant; readonly cause: LegCause }
  | { readonly status: "failed"; readonly since: Instant; readonly cause: LegCause };

export type LegStatus = Leg["status"];

export interface Party {
  readonly id: PartyId;
  readonly kind: "customer" | "agent" | "dial_number";
  readonly agentId: AgentId | null;
  readonly number: string | null;
  /** `main` is the customer's call; `consult` is the side call of a consult. */
  readonly bridge: "main" | "consult";
  readonly leg: Leg;
  /** When the leg first connected: "present longest" counts from here (CNF-3). */
  readonly joinedAt: Instant | null;
}

export type ConsultTarget =
  | { readonly kind: "agent"; readonly agentId: AgentId }
  | { readonly kind: "queue"; readonly queueId: QueueId }
  | { readonly kind: "entry_point"; readonly entryPointId: EntryPointId }
  | { readonly kind: "dial_number"; readonly number: string }
  | { readonly kind: "directory"; readonly expertId: string };

/** Where a blind transfer sends the customer (XFR-1). */
export type TransferTarget =
  | { readonly kind: "agent"; readonly agentId: AgentId }
  | { readonly kind: "queue"; readonly queueId: QueueId }
  | { readonly kind: "entry_point"; readonly entryPointId: EntryPointId }
  | { readonly kind: "dial_number"; readonly number: string };

export interface Consult {
  /** The agent who started it. */
  readonly by: AgentId;
  readonly partyId: PartyId;
  /** What the agent asked for: an agent, a queue, an entry point, a number or an expert. */
  readonly target: ConsultTarget;
  /** The agent the consult rings, whatever the target was; null for a number. */
  readonly consulted: AgentId | null;
  readonly startedAt: Instant;
  /** When an unanswered consult request to an agent fails (CNS-5); null for numbers. */
  readonly expiresAt: Instant | null;
}

/** CALL-5: recording runs unless paused; a pause ends by itself at `resumeAt`. */
export type Recording =
  | { readonly status: "recording" }
  | { readonly status: "paused"; readonly since: Instant; readonly resumeAt: Instant };

/** A supervisor listening to an agent on the call (SUP-2). */
export interface Monitor {
  readonly supervisorId: AgentId;
  readonly agentId: AgentId;
  readonly status: "monitoring" | "paused";
  readonly since: Instant;
}

export interface VoiceCall {
  readonly parties: readonly Party[];
  readonly consult: Consult | null;
  readonly recording: Recording;
  readonly monitors: readonly Monitor[];
}

export const isUp = (p: Party): boolean => p.leg.status !== "dropped" && p.leg.status !== "failed";
export const partyOf = (call: VoiceCall, id: PartyId): Party | undefined =>
  call.parties.find((p) => p.id === id);
export const upParties = (call: VoiceCall): Party[] => call.parties.filter(isUp);
export const customerOf = (call: VoiceCall): Party | undefined => partyOf(call, CUSTOMER);
/** Agents on the customer's side of the call, in the order they joined. */
export const mainAgents = (call: VoiceCall): Party[] =>
  upParties(call).filter((p) => p.kind !== "customer" && p.bridge === "main");

/** CNF-1: at most 8 participants on a call, the customer and every agent included. */
export const MAX_PARTICIPANTS = 8;
