import type { AgentId, EntryPointId, QueueId, TaskId } from "../shared/ids.ts";
import type { Instant } from "../shared/time.ts";
import type { TaskVariables } from "../variables/types.ts";
import type { Consult, Leg, Party, PartyId } from "./state.ts";

/**
 * Leg events say what each participant's line does; a telephony adapter makes the switch match
 * them (ring or dial on join, hold, retrieve, hang up) and the desktop draws participants from them.
 */
export interface ParticipantJoined {
  readonly type: "participant.joined";
  readonly at: Instant;
  readonly taskId: TaskId;
  readonly party: Party;
  /** Set for agents: whose device to ring. */
  readonly agentId: AgentId | null;
}

export interface ParticipantLegChanged {
  readonly type: "participant.leg_changed";
  readonly at: Instant;
  readonly taskId: TaskId;
  readonly partyId: PartyId;
  readonly leg: Leg;
  /** Set when the party moves to the customer's call (transfer, conference). */
  readonly bridge: Party["bridge"] | null;
  readonly agentId: AgentId | null;
}

/**
 * The party's line is no longer part of the call: the switch hangs it up — except cause
 * `transferred` on the customer or a number, whose line went on to an outside number (XFR-1).
 * Those come after the `task.transferred` or `task.ended` by which the switch let go of the call.
 */
export interface ParticipantLeft {
  readonly type: "participant.left";
  readonly at: Instant;
  readonly taskId: TaskId;
  readonly partyId: PartyId;
  readonly leg: Extract<Leg, { status: "dropped" | "failed" }>;
  readonly agentId: AgentId | null;
}

export interface ConsultCreated {
  readonly type: "consult.created";
  readonly at: Instant;
  readonly taskId: TaskId;
  readonly agentId: AgentId;
  readonly consult: Consult;
}

export interface ConsultEnded {
  readonly type: "consult.ended";
  readonly at: Instant;
  readonly taskId: TaskId;
  /** The agent who asked for the consult. */
  readonly agentId: AgentId;
  readonly outcome: "ended" | "failed" | "transferred" | "conferenced";
}

/** Control of the contact passes to another agent (transfer, or the owner leaving a conference). */
export interface OwnerChanged {
  readonly type: "task.owner_changed";
  readonly at: Instant;
  readonly taskId: TaskId;
  readonly agentId: AgentId;
  readonly from: AgentId;
  readonly reason: "transferred" | "left_conference";
  /** Auto wrap-up due time of the former owner, who now wraps up (XFR-4, WRP-2). */
  readonly autoWrapUpAt: Instant | null;
}

/**
 * Blind transfer: the transferring agent leaves for wrap-up (XFR-4) and the customer goes on to
 * the target — offered to an agent, queued again (never back to this agent, XFR-6), or handed to
 * an outside number: the switch puts the customer through to it and forgets the call, which has
 * left the contact center (the customer's `participant.left`, cause `transferred`, follows).
 */
export interface CallTransferred {
  readonly type: "task.transferred";
  readonly at: Instant;
  readonly taskId: TaskId;
  /** The transferring agent. */
  readonly agentId: AgentId;
  readonly to:
    | {
        readonly kind: "agent";
        readonly agentId: AgentId;
        readonly expiresAt: Instant;
        readonly flashAt: Instant | null;
      }
    | {
        readonly kind: "queue";
        readonly queueId: QueueId;
        readonly entryPointId: EntryPointId;
        /** XFR-5: the new flow's variables, when the entry point starts another flow; else null. */
        readonly variables: TaskVariables | null;
      }
    | { readonly kind: "dial_number"; readonly number: string };
  readonly autoWrapUpAt: Instant | null;
}

export interface RecordingPaused {
  readonly type: "recording.paused";
  readonly at: Instant;
  readonly taskId: TaskId;
  readonly agentId: AgentId;
  readonly resumeAt: Instant;
}

export interface RecordingResumed {
  readonly type: "recording.resumed";
  readonly at: Instant;
  readonly taskId: TaskId;
  /** The agent who resumed it; null when the pause ran out. */
  readonly agentId: AgentId | null;
}

/** A supervisor starts, pauses, resumes or stops monitoring an agent on the call (SUP-2, CNF-8). */
export interface MonitoringChanged {
  readonly type: "monitoring.changed";
  readonly at: Instant;
  readonly taskId: TaskId;
  readonly supervisorId: AgentId;
  /** The agent monitored. */
  readonly agentId: AgentId;
  readonly status: "monitoring" | "paused" | "stopped";
}

/** A non-owner agent's part ends without wrap-up: consulted or conferee (CNS-8, CNF-4, CNF-5). */
export interface AgentLeftTask {
  readonly type: "task.agent_left";
  readonly at: Instant;
  readonly taskId: TaskId;
  readonly agentId: AgentId;
}

export type VoiceEvent =
  | ParticipantJoined
  | ParticipantLegChanged
  | ParticipantLeft
  | ConsultCreated
  | ConsultEnded
  | OwnerChanged
  | CallTransferred
  | RecordingPaused
  | RecordingResumed
  | MonitoringChanged
  | AgentLeftTask;

const VOICE_EVENT_TYPES: ReadonlySet<string> = new Set<VoiceEvent["type"]>([
  "participant.joined",
  "participant.leg_changed",
  "participant.left",
  "consult.created",
  "consult.ended",
  "task.owner_changed",
  "task.transferred",
  "recording.paused",
  "recording.resumed",
  "monitoring.changed",
  "task.agent_left",
]);

export const isVoiceEvent = (e: { readonly type: string }): e is VoiceEvent => VOICE_EVENT_TYPES.has(e.type);
