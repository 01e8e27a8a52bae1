import { accept, type Decision } from "../../shared/decision.ts";
import { isRejection } from "../../shared/guards.ts";
import type { Instant } from "../../shared/time.ts";
import type { TenantState } from "../../tenant/state.ts";
import type { HoldCall, HoldConsult, ResumeCall, ResumeConsult } from "../commands.ts";
import type { VoiceEvent } from "../events.ts";
import { legTo } from "./legs.ts";
import { mainSide, onCall } from "./seat.ts";

/** Hold the customer. Implements CALL-2. */
export function decideHold(cmd: HoldCall, s: TenantState, now: Instant): Decision<VoiceEvent> {
  const c = onCall(s, cmd.taskId, cmd.agentId, "hold");
  if (isRejection(c)) return c;
  return c.customer ? accept(legTo(c.task.id, c.customer, "held", now)) : accept();
}

/**
 * Retrieve the customer. During a consult this is the toggle: the consulted party goes on hold,
 * so the two legs are never held together. Implements CALL-2, CALL-3, CNS-7.
 */
export function decideResume(cmd: ResumeCall, s: TenantState, now: Instant): Decision<VoiceEvent> {
  const c = onCall(s, cmd.taskId, cmd.agentId, "resume");
  if (isRejection(c)) return c;
  const events: VoiceEvent[] = [];
  const side = mainSide(c);
  if (side?.leg.status === "held") events.push(legTo(c.task.id, side, "connected", now));
  if (c.consulted?.leg.status === "connected") events.push(legTo(c.task.id, c.consulted, "held", now));
  return accept(...events);
}

/** Hold the consulted party, e.g. after the customer has left mid-consult. Implements CNS-10, CALL-3. */
export function decideHoldConsult(cmd: HoldConsult, s: TenantState, now: Instant): Decision<VoiceEvent> {
  const c = onCall(s, cmd.taskId, cmd.agentId, "hold_consult");
  if (isRejection(c)) return c;
  return c.consulted ? accept(legTo(c.task.id, c.consulted, "held", now)) : accept();
}

/** Back to the consulted party; the customer's side goes on hold. Implements CNS-6, CNS-7, CALL-3. */
export function decideResumeConsult(cmd: ResumeConsult, s: TenantState, now: Instant): Decision<VoiceEvent> {
  const c = onCall(s, cmd.taskId, cmd.agentId, "resume_consult");
  if (isRejection(c)) return c;
  const events: VoiceEvent[] = [];
  const side = mainSide(c);
  if (side?.leg.status === "connected") events.push(legTo(c.task.id, side, "held", now));
  if (c.consulted) events.push(legTo(c.task.id, c.consulted, "connected", now));
  return accept(...events);
}
