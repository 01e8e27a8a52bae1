import { type Rejection, reject } from "../shared/decision.ts";
import type { AgentId } from "../shared/ids.ts";
import { engagementOf, type Task } from "../tasks/state.ts";
import {
  agentParty,
  customerOf,
  isUp,
  MAX_PARTICIPANTS,
  mainAgents,
  type Party,
  partyOf,
  upParties,
  type VoiceCall,
} from "./state.ts";

/** What an agent can do on a call; the desktop renders these as buttons. */
export const CALL_ACTIONS = [
  "hold",
  "resume",
  "consult",
  "accept_consult",
  "hold_consult",
  "resume_consult",
  "end_consult",
  "consult_transfer",
  "consult_conference",
  "transfer",
  "pause_recording",
  "resume_recording",
  "leave_conference",
  "end",
  "wrap_up",
] as const;
export type CallAction = (typeof CALL_ACTIONS)[number];

/** How the call looks from one agent's seat. */
interface Seat {
  readonly call: VoiceCall;
  readonly role: "owner" | "consulted" | "conferee";
  readonly wrapping: boolean;
  readonly customer: Party | undefined;
  readonly customerUp: boolean;
  /** The consult this agent started, and its consulted party. */
  readonly myConsult: Party | undefined;
  readonly consultedByOther: boolean;
  readonly conference: boolean;
  readonly postCall: boolean;
}

function seatOf(task: Task, agentId: AgentId): Seat | Rejection {
  const call = task.call;
  if (task.channel !== "voice" || !call)
    return reject("NOT_A_CALL", `Task ${task.id} is not a connected call`);
  const part = engagementOf(task, agentId);
  if (!part) return reject("NOT_ON_CALL", `Agent ${agentId} is not on call ${task.id}`);
  const customer = customerOf(call);
  const customerUp = customer !== undefined && isUp(customer);
  const agentsOnMain = mainAgents(call).length;
  const consult = call.consult;
  return {
    call,
    role: part.role,
    wrapping: part.status === "wrapping",
    customer,
    customerUp,
    myConsult: consult?.by === agentId ? partyOf(call, consult.partyId) : undefined,
    consultedByOther: consult !== null && consult.by !== agentId,
    conference: customerUp && agentsOnMain >= 2,
    postCall: !customerUp && agentsOnMain >= 2,
  };
}

const held = (p: Party | undefined) => p?.leg.status === "held";

/**
 * Whether the agent may take the action on this call now, and if not, why — with the code the
 * engine rejects it with. The one place call-control rules live: `allowedActions` lists what this
 * allows, and every voice decider asks it first.
 * Implements CALL-2, CALL-3, CALL-4, CNS-4, CNS-8, CNF-1, CNF-3, CNF-5, CNF-6.
 */
export function judge(task: Task, agentId: AgentId, action: CallAction): Rejection | null {
  const seat = seatOf(task, agentId);
  if ("ok" in seat) return seat;
  const { role, customer, customerUp, myConsult } = seat;

  if (role === "consulted") {
    const mine = partyOf(seat.call, agentParty(agentId));
    if (action === "accept_consult")
      return mine?.leg.status === "alerting"
        ? null
        : reject("NO_CONSULT", "There is no consult request to accept");
    if (action === "end_consult") return null;
    return reject(
      "NOT_ALLOWED_FOR_CONSULTED_AGENT",
      "A consulted agent can only accept or leave the consult",
    );
  }

  if (action === "wrap_up")
    // CNS-10: with the customer gone mid-consult the owner gets wrap-up and keeps the consult.
    return role === "owner" && (seat.wrapping || (!customerUp && !seat.postCall && myConsult !== undefined))
      ? null
      : reject("TASK_NOT_WRAPPING", "Wrap-up comes after the call ends for this agent");
  if (action === "accept_consult") return reject("NO_CONSULT", "There is no consult request to accept");

  // Consult controls: the customer may have left (CNS-10), the agent may already be wrapping.
  if (action === "end_consult") return myConsult ? null : reject("NO_CONSULT", "No consult is in progress");
  if (action === "hold_consult") {
    if (!myConsult) return reject("NO_CONSULT", "No consult is in progress");
    if (myConsult.leg.status !== "connected")
      return reject("CONSULT_NOT_ANSWERED", "The consulted party is not connected");
    // CALL-3: only with nobody on hold on the customer's side — as after the customer left (CNS-10);
    // consulting from a conference, that side is the agent's own line.
    return customerUp || held(partyOf(seat.call, agentParty(agentId)))
      ? reject("WOULD_HOLD_BOTH_LEGS", "The customer and the consult leg are never both on hold")
      : null;
  }
  if (action === "resume_consult") {
    if (!myConsult) return reject("NO_CONSULT", "No consult is in progress");
    return held(myConsult) ? null : reject("CONSULT_NOT_HELD", "The consulted party is not on hold");
  }
  if (action === "consult_transfer" || action === "consult_conference") {
    if (!myConsult) return reject("NO_CONSULT", "No consult is in progress");
    if (!customerUp) return reject("CUSTOMER_LEFT", "The customer has left the call");
    if (action === "consult_transfer" && seat.conference)
      return reject("NOT_ALLOWED_IN_CONFERENCE", "In a conference, Transfer is replaced by Leave conference");
    if (myConsult.leg.status === "alerting")
      return reject("CONSULT_NOT_ANSWERED", "Transfer and conference wait until the consulted party answers");
    if (action === "consult_conference" && upParties(seat.call).length > MAX_PARTICIPANTS)
      return reject("CONFERENCE_FULL", `A conference has at most ${MAX_PARTICIPANTS} participants`);
    return null;
  }
  if (seat.wrapping) return reject("TASK_NOT_ACTIVE", "The call has ended for this agent: wrap up");
  if (customer?.leg.status === "alerting" && action !== "end")
    return reject("CALL_NOT_CONNECTED", "The customer has not answered yet");

  if (!customerUp && !seat.postCall && action !== "end")
    return reject("CUSTOMER_LEFT", "The customer has left the call");
  if (seat.postCall && action !== "end" && action !== "leave_conference")
    return reject("POST_CALL", "After the customer left, the agents can only talk and end or leave");

  switch (action) {
    case "hold":
      if (myConsult)
        return reject("WOULD_HOLD_BOTH_LEGS", "The customer and the consult leg are never both on hold");
      if (seat.conference)
        return reject("NOT_ALLOWED_IN_CONFERENCE", "Hold is not available in a conference");
      return held(customer) ? reject("CUSTOMER_ON_HOLD", "The customer is already on hold") : null;
    case "resume":
      return held(customer) || (myConsult && held(partyOf(seat.call, agentParty(agentId))))
        ? null
        : reject("CUSTOMER_NOT_HELD", "The customer is not on hold");
    case "consult":
      if (myConsult || seat.consultedByOther)
        return reject("CONSULT_IN_PROGRESS", "A consult is already in progress on this call");
      if (upParties(seat.call).length >= MAX_PARTICIPANTS)
        return reject("CONFERENCE_FULL", `A call has at most ${MAX_PARTICIPANTS} participants`);
      return null;
    case "pause_recording":
    case "resume_recording": {
      // CALL-5: not during a consult or a conference.
      if (myConsult || seat.consultedByOther)
        return reject("CONSULT_IN_PROGRESS", "Recording cannot be paused or resumed during a consult");
      if (seat.conference)
        return reject("NOT_ALLOWED_IN_CONFERENCE", "Recording cannot be paused or resumed in a conference");
      const paused = seat.call.recording.status === "paused";
      if (action === "pause_recording")
        return paused ? reject("RECORDING_PAUSED", "Recording is already paused") : null;
      return paused ? null : reject("RECORDING_NOT_PAUSED", "Recording is not paused");
    }
    case "transfer":
      if (seat.conference)
        return reject(
          "NOT_ALLOWED_IN_CONFERENCE",
          "In a conference, Transfer is replaced by Leave conference",
        );
      if (role !== "owner") return reject("NOT_PRIMARY_AGENT", "Only the primary agent transfers the call");
      if (myConsult || seat.consultedByOther)
        return reject("CONSULT_IN_PROGRESS", "End the consult or transfer through it");
      return null;
    case "leave_conference":
      if (myConsult) return reject("CONSULT_IN_PROGRESS", "End the consult first");
      return seat.conference || seat.postCall
        ? null
        : reject("NOT_IN_CONFERENCE", "Leave conference is only for a conference");
    case "end":
      if (myConsult) return reject("CONSULT_IN_PROGRESS", "End the consult first");
      if (held(customer) && !seat.conference)
        return reject("CUSTOMER_ON_HOLD", "End is not allowed while the customer is on hold");
      return null;
  }
  return null;
}

/** The actions the agent may take on the call now. */
export const allowedActions = (task: Task, agentId: AgentId): CallAction[] =>
  CALL_ACTIONS.filter((a) => judge(task, agentId, a) === null);
