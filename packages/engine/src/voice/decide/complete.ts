import { accept, type Decision } from "../../shared/decision.ts";
import { isRejection } from "../../shared/guards.ts";
import { type Instant, seconds } from "../../shared/time.ts";
import type { TenantEvent } from "../../tenant/messages.ts";
import type { TenantState } from "../../tenant/state.ts";
import type { ConsultConference, ConsultTransfer } from "../commands.ts";
import type { VoiceEvent } from "../events.ts";
import { callEnded } from "./consult.ts";
import { handedOff, left, legTo } from "./legs.ts";
import { mainSide, onCall } from "./seat.ts";

/**
 * Consult, then transfer: the consulted party takes the customer and the transferring agent
 * leaves for wrap-up. To an agent, that agent now owns the contact; to a number, the contact
 * leaves the contact center. Implements XFR-1, XFR-4.
 */
export function decideConsultTransfer(
  cmd: ConsultTransfer,
  s: TenantState,
  now: Instant,
): Decision<TenantEvent> {
  const c = onCall(s, cmd.taskId, cmd.agentId, "consult_transfer");
  if (isRejection(c)) return c;
  const target = c.consulted;
  if (!target) return accept();
  const events: TenantEvent[] = [
    { type: "consult.ended", at: now, taskId: c.task.id, agentId: cmd.agentId, outcome: "transferred" },
    legTo(c.task.id, target, "connected", now, "main"),
  ];
  if (c.customer?.leg.status === "held") events.push(legTo(c.task.id, c.customer, "connected", now));
  if (c.me) events.push(left(c.task.id, c.me, "dropped", "transferred", now));
  if (target.agentId) {
    const profileId = s.agents.get(cmd.agentId)?.profileId;
    const auto = profileId === undefined ? undefined : s.config?.profiles.get(profileId)?.autoWrapUp;
    events.push({
      type: "task.owner_changed",
      at: now,
      taskId: c.task.id,
      agentId: target.agentId,
      from: cmd.agentId,
      reason: "transferred",
      autoWrapUpAt: auto?.enabled ? now + seconds(auto.afterSec) : null,
    });
  } else {
    // The switch lets go of the call at its end; the legs' release after it only records that.
    events.push(...callEnded(s, c.task, cmd.agentId, "agent", now), ...handedOff(c.task.id, c.call, now));
  }
  return accept(...events);
}

/**
 * Consult, then conference: the consulted party joins the customer's call and everyone is
 * connected. Implements CNF-1, CNF-2.
 */
export function decideConsultConference(
  cmd: ConsultConference,
  s: TenantState,
  now: Instant,
): Decision<VoiceEvent> {
  const c = onCall(s, cmd.taskId, cmd.agentId, "consult_conference");
  if (isRejection(c)) return c;
  const target = c.consulted;
  if (!target) return accept();
  const events: VoiceEvent[] = [
    { type: "consult.ended", at: now, taskId: c.task.id, agentId: cmd.agentId, outcome: "conferenced" },
    legTo(c.task.id, target, "connected", now, "main"),
  ];
  const side = mainSide(c);
  if (side?.leg.status === "held") events.push(legTo(c.task.id, side, "connected", now));
  if (c.customer?.leg.status === "held" && c.customer !== side)
    events.push(legTo(c.task.id, c.customer, "connected", now));
  return accept(...events);
}
