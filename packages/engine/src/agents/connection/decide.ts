import { SYSTEM_REASON } from "../../config/systemCodes.ts";
import { SYSTEM } from "../../shared/actor.ts";
import { assertNever } from "../../shared/assertNever.ts";
import { accept, type Decision, type Rejection, reject } from "../../shared/decision.ts";
import { isRejection } from "../../shared/guards.ts";
import type { AgentId, TaskId } from "../../shared/ids.ts";
import { type Instant, seconds } from "../../shared/time.ts";
import { transferDropped } from "../../tasks/decide/transferDropped.ts";
import type { TenantEvent } from "../../tenant/messages.ts";
import type { TenantState } from "../../tenant/state.ts";
import type { AgentEvent } from "../events.ts";
import { type AgentState, presenceValue } from "../state.ts";
import type {
  ConnectionCommand,
  DesktopClosed,
  DesktopReconnected,
  DeviceLost,
  HeartbeatsMissed,
} from "./commands.ts";
import type { DisconnectOutcome } from "./events.ts";
import { policyOf } from "./policy.ts";
import type { DisconnectCause } from "./state.ts";

/**
 * The login a fact is about, or null when it is about none that is current: the agent logged out
 * since, or logged in again (a newer generation). Such late facts change nothing and are not
 * errors — the host cannot know what overtook them (CON-5). A generation the tenant never gave
 * out is the host's mistake, and refused.
 */
function currentLogin(s: TenantState, cmd: ConnectionCommand): AgentState | null | Rejection {
  const agent = s.agents.get(cmd.agentId);
  if (!agent || cmd.generation < agent.generation) return null;
  if (cmd.generation > agent.generation)
    return reject("UNKNOWN_LOGIN", `Agent ${cmd.agentId} has no login ${cmd.generation}`, {
      agentId: cmd.agentId,
      generation: cmd.generation,
      current: agent.generation,
    });
  return agent;
}

/**
 * The desktop is gone, said so or went silent: the grace starts. A second report while the first
 * grace runs, or after it ran out, changes nothing — the first one counts. Presence is untouched
 * until the grace ends. Implements CON-1, CON-2, CON-5.
 */
export function decideDesktopGone(
  cmd: DesktopClosed | HeartbeatsMissed,
  cause: DisconnectCause,
  s: TenantState,
  now: Instant,
): Decision<TenantEvent> {
  const agent = currentLogin(s, cmd);
  if (agent === null || isRejection(agent)) return agent ?? accept();
  if (agent.connection.status !== "connected") return accept();
  return accept({
    type: "agent.connection.lost",
    at: now,
    agentId: agent.id,
    generation: agent.generation,
    cause,
    graceUntil: now + seconds(policyOf(s, agent).graceSec),
  });
}

/**
 * A desktop is back. Within the grace it cancels the policy and leaves the agent as they were.
 * After it, the agent stays Not Ready, but a logout the policy deferred is withdrawn: it was owed
 * only because nobody was at the desktop. One owed for a lost phone stays: the desktop coming back
 * does not bring the phone back (CON-6). Implements CON-4, CON-5.
 */
export function decideReconnected(
  cmd: DesktopReconnected,
  s: TenantState,
  now: Instant,
): Decision<TenantEvent> {
  const agent = currentLogin(s, cmd);
  if (agent === null || isRejection(agent)) return agent ?? accept();
  if (agent.connection.status === "connected") return accept();
  const restored: TenantEvent = {
    type: "agent.connection.restored",
    at: now,
    agentId: agent.id,
    generation: agent.generation,
  };
  const deferred = agent.pending?.type === "logged_out" && agent.pending.cause === "disconnected";
  if (!deferred) return accept(restored);
  return accept<TenantEvent>(restored, {
    type: "agent.pending_state.set",
    at: now,
    agentId: agent.id,
    pending: null,
  });
}

/** The agent's phone is gone: logged out at once, or as soon as the last interaction ends. Implements CON-6, CON-5. */
export function decideDeviceLost(cmd: DeviceLost, s: TenantState, now: Instant): Decision<TenantEvent> {
  const agent = currentLogin(s, cmd);
  if (agent === null || isRejection(agent)) return agent ?? accept();
  return accept(...leave(s, agent, true, "device_lost", now));
}

/** The disconnect grace ran out: LOAD decides between logout and Not Ready. Implements CON-1, CON-2, CON-3. */
export function decideGraceExpired(agentId: AgentId, s: TenantState, now: Instant): Decision<TenantEvent> {
  const agent = s.agents.get(agentId);
  if (agent?.connection.status !== "unavailable") return accept();
  const logout = policyOf(s, agent).logoutOnDisconnect;
  const outcome: DisconnectOutcome = !logout
    ? "not_ready"
    : agent.tasks.length === 0
      ? "logged_out"
      : "logout_deferred";
  return accept<TenantEvent>(
    { type: "agent.connection.grace_expired", at: now, agentId, generation: agent.generation, outcome },
    ...leave(s, agent, logout, "disconnected", now),
  );
}

/**
 * Takes a desktop-less agent out of the work, without orphaning any of it, the way a UCCE
 * forced logout (code 255) behaves:
 * - Open offers are withdrawn as undeliverable: the task goes back to its queue (a call
 *   transferred straight to the agent is dropped, XFR-3), and the agent is not put in RONA —
 *   nobody is there to answer, and the state set below says why.
 * - With nothing in hand, `logout` logs the agent out now.
 * - Accepted interactions (calls, chats, wrap-ups) are never taken away: they stay with the agent,
 *   who goes Not Ready so nothing new is routed, and — for `logout` — gets a pending logout that
 *   applies when the last one ends. Requeuing them would lose the customer's context; the
 *   telephony host ends a call whose leg died on its own.
 * - Not Ready means Idle with the default code, set only from Available: an agent already Idle
 *   keeps the reason they chose, and RONA is left only by the agent's choice (AGT-5).
 * Every change is the system's, with reason code 255.
 */
function leave(
  s: TenantState,
  agent: AgentState,
  logout: boolean,
  cause: "disconnected" | "device_lost",
  now: Instant,
): TenantEvent[] {
  const out: TenantEvent[] = agent.offers.flatMap((taskId) => withdrawOffer(s, taskId, agent.id, now));
  const reasonCode = SYSTEM_REASON.FORCED_LOGOUT;
  if (logout && agent.tasks.length === 0) {
    out.push({
      type: "agent.logged_out",
      at: now,
      agentId: agent.id,
      from: presenceValue(agent.presence),
      cause,
      reasonCode,
      actor: SYSTEM,
    });
    return out;
  }
  const defaultIdle = s.config?.defaultIdleCode.id;
  if (agent.presence.type === "available" && defaultIdle !== undefined)
    out.push({
      type: "agent.state.changed",
      at: now,
      agentId: agent.id,
      from: { type: "available" },
      to: { type: "idle", codeId: defaultIdle },
      cause,
      reasonCode,
      actor: SYSTEM,
    });
  const pending = agent.pending;
  const pendingSet = (p: AgentState["pending"]): AgentEvent => ({
    type: "agent.pending_state.set",
    at: now,
    agentId: agent.id,
    pending: p,
  });
  // A logout the agent chose already ends the way the grace's would: it is kept as theirs. A lost
  // phone replaces any logout owed so far, since nothing but a new login may withdraw its own (CON-6).
  const owed = pending?.type === "logged_out" ? pending : null;
  const owe = cause === "device_lost" ? owed?.cause !== "device_lost" : owed === null;
  if (logout && owe) out.push(pendingSet({ type: "logged_out", reasonCode, cause }));
  // A pending Available would make an agent with no desktop routable once the last interaction ends.
  if (!logout && pending?.type === "available") out.push(pendingSet(null));
  return out;
}

function withdrawOffer(s: TenantState, taskId: TaskId, agentId: AgentId, now: Instant): TenantEvent[] {
  const task = s.tasks.get(taskId);
  if (task?.status !== "offered" || task.offer.agentId !== agentId) return [];
  return [
    { type: "offer.failed", at: now, taskId, agentId, cause: "DEVICE_UNREACHABLE" },
    ...transferDropped(task, now),
  ];
}

/** Routes the connection facts a host reports. */
export function decideConnection(
  cmd: ConnectionCommand,
  s: TenantState,
  now: Instant,
): Decision<TenantEvent> {
  switch (cmd.type) {
    case "DesktopClosed":
      return decideDesktopGone(cmd, "desktop_closed", s, now);
    case "HeartbeatsMissed":
      return decideDesktopGone(cmd, "heartbeats_missed", s, now);
    case "DesktopReconnected":
      return decideReconnected(cmd, s, now);
    case "DeviceLost":
      return decideDeviceLost(cmd, s, now);
    default:
      return assertNever(cmd);
  }
}
