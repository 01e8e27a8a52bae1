import { accept, type Decision } from "../../shared/decision.ts";
import { isRejection } from "../../shared/guards.ts";
import type { AgentId } from "../../shared/ids.ts";
import { type Instant, seconds } from "../../shared/time.ts";
import type { EndTask } from "../../tasks/commands.ts";
import type { Task } from "../../tasks/state.ts";
import type { TenantEvent } from "../../tenant/messages.ts";
import type { TenantState } from "../../tenant/state.ts";
import type { LeaveConference } from "../commands.ts";
import { agentParty, isUp, mainAgents, type VoiceCall } from "../state.ts";
import { callEnded, consultClosed } from "./consult.ts";
import { left } from "./legs.ts";
import { onCall } from "./seat.ts";

function autoWrapUpAt(s: TenantState, agentId: AgentId, now: Instant): Instant | null {
  const profileId = s.agents.get(agentId)?.profileId;
  const auto = profileId === undefined ? undefined : s.config?.profiles.get(profileId)?.autoWrapUp;
  return auto?.enabled ? now + seconds(auto.afterSec) : null;
}

/**
 * An agent leaves the customer's call. The owner hands control to the agent present longest and
 * wraps up; anyone else just leaves (only the owner wraps up). When one participant is left after
 * the customer has gone, the call ends for them too. Implements CNF-3, CNF-5, CNF-6, WRP-2.
 */
export function leaving(
  s: TenantState,
  task: Task,
  callBefore: VoiceCall,
  agentId: AgentId,
  now: Instant,
): TenantEvent[] {
  let call = callBefore;
  // An agent who goes (a device failing, say) takes their own consult along.
  const events: TenantEvent[] =
    call.consult?.by === agentId ? consultClosed(task, call, "ended", "consult_ended", now) : [];
  if (call.consult?.by === agentId) call = { ...call, consult: null };
  const me = call.parties.find((p) => p.id === agentParty(agentId));
  if (me && isUp(me)) events.push(left(task.id, me, "dropped", "left_conference", now));
  const others = mainAgents(call).filter((p) => p.agentId !== agentId);
  const owner = task.status === "assigned" ? task.agentId : null;
  let next = owner;
  if (owner === agentId) {
    const agents = others.filter((p) => p.kind === "agent");
    const longest = [...agents].sort((a, b) => (a.joinedAt ?? now) - (b.joinedAt ?? now))[0];
    next = longest?.agentId ?? null;
    if (!next) {
      // No agent to hand over to: the owner's leaving ends the call for the others (CALL-4).
      for (const p of call.parties)
        if (isUp(p) && p.id !== me?.id && p.id !== callBefore.consult?.partyId)
          events.push(
            left(task.id, p, "dropped", p.kind === "customer" ? "ended_by_agent" : "call_ended", now),
          );
      return [
        ...events,
        ...consultClosed(task, call, "ended", "call_ended", now),
        ...callEnded(s, task, agentId, "agent", now),
      ];
    }
    if (next)
      events.push({
        type: "task.owner_changed",
        at: now,
        taskId: task.id,
        agentId: next,
        from: agentId,
        reason: "left_conference",
        autoWrapUpAt: autoWrapUpAt(s, agentId, now),
      });
  } else {
    events.push({ type: "task.agent_left", at: now, taskId: task.id, agentId });
  }
  const customer = call.parties.find((p) => p.kind === "customer");
  const last = others.length === 1 ? others[0] : undefined;
  if (last && next && !(customer && isUp(customer)) && !call.consult) {
    // CNF-6: post call ends when one participant is left — a consult in progress is another one,
    // and the agent keeps it as in CNS-10.
    events.push(left(task.id, last, "dropped", "call_ended", now), ...callEnded(s, task, next, "agent", now));
  }
  return events;
}

export function decideLeaveConference(
  cmd: LeaveConference,
  s: TenantState,
  now: Instant,
): Decision<TenantEvent> {
  const c = onCall(s, cmd.taskId, cmd.agentId, "leave_conference");
  if (isRejection(c)) return c;
  return accept(...leaving(s, c.task, c.call, cmd.agentId, now));
}

/**
 * End on a call. The owner ends it for everyone and wraps up; a conference agent who is not the
 * owner only leaves. Refused while the customer is on hold. Implements CALL-2, CALL-4, CNF-4.
 */
export function decideVoiceEnd(cmd: EndTask, s: TenantState, now: Instant): Decision<TenantEvent> {
  const c = onCall(s, cmd.taskId, cmd.agentId, "end");
  if (isRejection(c)) return c;
  if (c.task.status !== "assigned" || c.task.agentId !== cmd.agentId)
    return accept(...leaving(s, c.task, c.call, cmd.agentId, now));
  const events: TenantEvent[] = consultClosed(c.task, c.call, "ended", "call_ended", now);
  for (const p of c.call.parties) {
    if (!isUp(p) || p.id === c.call.consult?.partyId) continue;
    events.push(left(c.task.id, p, "dropped", p.kind === "customer" ? "ended_by_agent" : "call_ended", now));
  }
  events.push(...callEnded(s, c.task, cmd.agentId, "agent", now));
  return accept(...events);
}
