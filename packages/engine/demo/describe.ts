import {
  type AgentStateChanged,
  type Channel,
  type Customer,
  formatTimer,
  type Instant,
  type Leg,
  type ParticipantLeft,
  type PendingState,
  type PresenceValue,
  type Station,
  type TaskDurations,
  type TenantConfig,
  type TenantEvent,
} from "../src/index.ts";

/** Display names for the ids events carry; an unknown id shows as itself. */
export interface Directory {
  agent(id: string): string;
  team(id: string): string;
  queue(id: string): string;
  entryPoint(id: string): string;
  code(id: string): string;
}

export function directory(config: TenantConfig): Directory {
  const names = (items: readonly { id: string; name: string }[]) => {
    const map = new Map(items.map((i) => [i.id, i.name]));
    return (id: string) => map.get(id) ?? id;
  };
  return {
    agent: names(config.users),
    team: names(config.teams),
    queue: names(config.queues),
    entryPoint: names(config.entryPoints),
    code: names(config.auxCodes),
  };
}

/** `HH:MM:SS` in UTC: the demo's virtual clock as a wall clock. */
export const clockTime = (at: Instant): string => new Date(at).toISOString().slice(11, 19);

/** One event as one timeline line, time first. */
export const timelineLine = (e: TenantEvent, names: Directory): string =>
  `${clockTime(e.at)}  ${describe(e, names)}`;

const CONTACT: Record<Channel, string> = {
  voice: "Call",
  chat: "Chat",
  email: "Email",
  social: "Social message",
};

function device(s: Station): string {
  if (s.device === "BROWSER") return "browser";
  const line = s.line === null ? "" : ` line ${s.line}`;
  return s.device === "EXTENSION" ? `extension ${s.address}${line}` : `dial number ${s.address}${line}`;
}

/** A state as the state selector shows it, e.g. `Idle (Lunch)`. */
export function stateName(p: PresenceValue | PendingState, names: Directory): string {
  switch (p.type) {
    case "available":
      return "Available";
    case "idle":
      return `Idle (${names.code(p.codeId)})`;
    case "rona":
      return "RONA";
    case "logged_out":
      return "logged out";
    default:
      return assertNever(p);
  }
}

/** What a call leg's new status means for the participant. */
const LEG: Record<Leg["status"], string> = {
  alerting: "rings",
  connected: "is connected",
  held: "is on hold",
  dropped: "left",
  failed: "could not be reached",
};

/** How a participant's leg ended, e.g. `hung up` or `left (transferred)`. */
function legEnd(leg: ParticipantLeft["leg"]): string {
  const cause = leg.cause.replaceAll("_", " ");
  if (leg.status === "failed") return `could not be reached (${cause})`;
  if (leg.cause === "hung_up") return "hung up";
  if (leg.cause === "left_conference") return "left the conference";
  return `left (${cause})`;
}

const customer = (c: Customer): string => c.name ?? c.address ?? "an unknown customer";

const durations = (d: TaskDurations): string =>
  `waited ${formatTimer(d.waited)}, handled ${formatTimer(d.handled)}, wrap-up ${formatTimer(d.wrappedUp)}`;

/** What one event means, in words an agent or supervisor would use. */
export function describe(e: TenantEvent, names: Directory): string {
  switch (e.type) {
    case "tenant.configured":
      return `Tenant "${e.config.name}" configured: ${e.config.users.length} users, ${e.config.queues.length} queues, ${e.config.entryPoints.length} entry points`;
    case "agent.logged_in":
      return `${names.agent(e.agentId)} logged in (${device(e.station)}, team ${names.team(e.station.teamId)}) → ${stateName(e.to, names)}`;
    case "agent.state.changed":
      return stateChange(e, names);
    case "agent.logged_out":
      return e.cause === "pending_applied"
        ? `${names.agent(e.agentId)} logged out (pending logout applied after the last interaction)`
        : `${names.agent(e.agentId)} logged out from ${stateName(e.from, names)}`;
    case "agent.pending_state.set":
      return e.pending === null
        ? `${names.agent(e.agentId)}'s pending state cleared`
        : e.pending.type === "logged_out"
          ? `${names.agent(e.agentId)} chose to log out after the last interaction (pending logout)`
          : `${names.agent(e.agentId)} will go ${stateName(e.pending, names)} after the last interaction`;
    case "task.received": {
      const priority = e.priority > 0 ? `, priority ${e.priority}` : "";
      return `${CONTACT[e.channel]} ${e.taskId} from ${customer(e.customer)} entered "${names.entryPoint(e.entryPointId)}" → queue ${names.queue(e.queueId)}${priority}`;
    }
    case "participant.joined":
      return `${e.taskId}: ${party(e.party.id, names)} joins the ${e.party.bridge === "main" ? "call" : "consult"} (${e.party.leg.status})`;
    case "participant.leg_changed":
      return e.bridge === "main"
        ? `${e.taskId}: ${party(e.partyId, names)} joins the customer's call (${e.leg.status})`
        : `${e.taskId}: ${party(e.partyId, names)} ${LEG[e.leg.status]}`;
    case "participant.left":
      return `${e.taskId}: ${party(e.partyId, names)} ${legEnd(e.leg)}`;
    case "consult.created":
      return `${names.agent(e.agentId)} consults ${party(e.consult.partyId, names)} on ${e.taskId}`;
    case "consult.ended":
      return `${names.agent(e.agentId)}'s consult on ${e.taskId} ${e.outcome}`;
    case "task.owner_changed":
      return `${e.taskId} now belongs to ${names.agent(e.agentId)} (${e.reason.replaceAll("_", " ")} by ${names.agent(e.from)}, who wraps up)`;
    case "task.transferred":
      return `${names.agent(e.agentId)} transferred ${e.taskId} to ${e.to.kind === "agent" ? names.agent(e.to.agentId) : e.to.kind === "queue" ? `queue ${names.queue(e.to.queueId)}` : e.to.number}`;
    case "recording.paused":
      return `${names.agent(e.agentId)} paused the recording of ${e.taskId} until ${clockTime(e.resumeAt)}`;
    case "recording.resumed":
      return `Recording of ${e.taskId} resumed${e.agentId ? ` by ${names.agent(e.agentId)}` : " (pause time over)"}`;
    case "monitoring.changed":
      return `Supervisor ${names.agent(e.supervisorId)} ${e.status === "stopped" ? "stopped monitoring" : e.status === "paused" ? "paused monitoring" : "monitors"} ${names.agent(e.agentId)} on ${e.taskId}`;
    case "task.variables_changed":
      return `${names.agent(e.agentId)} saved ${e.values.map((v) => v.name).join(", ") || "nothing"} on ${e.taskId}${e.conflicts.length ? ` (${e.conflicts.length} saved first by someone else)` : ""}`;
    case "conversation.message_added":
      return `${e.taskId}: ${e.agentId ? names.agent(e.agentId) : `the ${e.message.from}`} wrote "${e.message.text}"`;
    case "conversation.read":
      return `${names.agent(e.agentId)} read ${e.taskId} up to message ${e.seq}`;
    case "conversation.sentiment_changed":
      return `${e.taskId}: sentiment level ${e.level.toFixed(2)}${e.alert ? " ⚠ alert: at or below the threshold" : ""}`;
    case "conversation.conference_requested":
      return `${names.agent(e.agentId)} asks ${names.agent(e.targetAgentId)} to join ${e.taskId}`;
    case "conversation.conference_answered":
      return `${names.agent(e.agentId)} ${e.accepted ? "joined" : "declined to join"} ${e.taskId}`;
    case "conversation.closed":
      return `${names.agent(e.agentId)} closed ${e.taskId}; it waits for the customer until ${new Date(e.waitsUntil).toISOString().slice(0, 10)}`;
    case "conversation.reopened":
      return `${e.taskId} re-opened: the customer wrote again`;
    case "conversation.expired":
      return `${e.taskId} expired: the next contact starts fresh`;
    case "callback.created":
      return `Callback ${e.taskId} to ${e.callback.number} (${e.callback.kind}${e.callback.assignee ? ` for ${names.agent(e.callback.assignee)}` : ""}) due ${clockTime(e.dueAt)}`;
    case "callback.updated":
      return `Callback ${e.taskId} moved to ${clockTime(e.dueAt)}`;
    case "callback.deleted":
      return `Callback ${e.taskId} deleted`;
    case "callback.converted":
      return `${e.taskId}: the caller took a courtesy callback to ${e.callback.number} and keeps the place in the queue`;
    case "callback.due":
      return `Callback ${e.taskId} is due: it queues now`;
    case "callback.retry":
      return `Callback ${e.taskId}: no answer, back to the queue`;
    case "task.agent_left":
      return `${names.agent(e.agentId)} left ${e.taskId}`;
    case "task.outdial_placed":
      return `${names.agent(e.agentId)} called ${customer(e.customer)} from "${names.entryPoint(e.entryPointId)}" (outdial ${e.taskId})`;
    case "offer.created":
      return `${e.taskId} offered to ${names.agent(e.agentId)} (connecting; RONA at ${clockTime(e.expiresAt)})`;
    case "offer.delivered":
      return `${e.taskId} reached ${names.agent(e.agentId)}'s desktop (connecting → requested)`;
    case "offer.declined":
      return `${names.agent(e.agentId)} declined ${e.taskId} → back to its place in the queue`;
    case "offer.timed_out":
      return `RONA: ${names.agent(e.agentId)} did not answer ${e.taskId} in time → back to the head of its queue`;
    case "offer.failed":
      return `${e.taskId} could not reach ${names.agent(e.agentId)} (${e.cause}) → back to the head of its queue`;
    case "task.assigned":
      return `${names.agent(e.agentId)} accepted ${e.taskId}`;
    case "task.picked":
      return `${names.agent(e.agentId)} picked ${e.taskId} from its queue`;
    case "task.ended": {
      const auto = e.autoWrapUpAt === null ? "" : ` (auto wrap-up at ${clockTime(e.autoWrapUpAt)})`;
      return e.by === "customer"
        ? `${e.taskId}: the customer left → ${names.agent(e.agentId)} in wrap-up${auto}`
        : `${names.agent(e.agentId)} ended ${e.taskId} → wrap-up${auto}`;
    }
    case "task.canceled":
      return e.agentId === null
        ? `${e.taskId} abandoned: the customer left while queued`
        : `${e.taskId} abandoned: the customer left while it was offered to ${names.agent(e.agentId)}`;
    case "task.wrapup":
      return e.auto
        ? `${e.taskId} auto wrap-up for ${names.agent(e.agentId)}: ${names.code(e.codeId)} (${durations(e.durations)})`
        : `${names.agent(e.agentId)} wrapped up ${e.taskId}: ${names.code(e.codeId)} (${durations(e.durations)})`;
    case "presence.external_observed":
      return `${names.agent(e.agentId)} is ${e.presence.replaceAll("_", " ")} in the CRM (${e.source}, synced ${Math.round(e.lag / 1000)} s later${e.request === "confirmed" ? ", as Parley asked" : ""})`;
    case "presence.external_requested":
      return `${names.agent(e.agentId)} is on call ${e.taskId}: the CRM is asked to show ${e.status.replaceAll("_", " ")}`;
    case "agent.connection.lost":
      return `${names.agent(e.agentId)}'s desktop ${e.cause === "desktop_closed" ? "closed" : "stopped sending heartbeats"} → Unavailable until ${clockTime(e.graceUntil)}`;
    case "agent.connection.restored":
      return `${names.agent(e.agentId)}'s desktop is connected again`;
    case "agent.connection.grace_expired":
      return `${names.agent(e.agentId)}'s desktop did not come back: ${e.outcome === "logged_out" ? "forced logout" : e.outcome === "logout_deferred" ? "Not Ready, logged out after the last interaction" : "Not Ready"}`;
    default:
      return assertNever(e);
  }
}

function stateChange(e: AgentStateChanged, names: Directory): string {
  const change = `${names.agent(e.agentId)} → ${stateName(e.to, names)}`;
  const { cause } = e;
  switch (cause) {
    case "chosen":
      return e.actor.kind === "supervisor"
        ? `${change} (set by supervisor ${names.agent(e.actor.id)}, reason code ${e.reasonCode})`
        : change;
    case "ring_no_answer":
      return `${change} (ring no answer, reason code ${e.reasonCode})`;
    case "device_unreachable":
      return `${change} (device unreachable, reason code ${e.reasonCode})`;
    case "pending_applied":
      return `${change} (pending state applied after the last interaction)`;
    case "outdial_ended":
      return `${change} (outdial call ended)`;
    case "consult_unanswered":
      return `${change} (did not answer a consult request)`;
    case "presence_federation":
      return `${change} (busy in the CRM)`;
    case "disconnected":
      return `${change} (desktop disconnected, reason code ${e.reasonCode})`;
    case "device_lost":
      return `${change} (device lost, reason code ${e.reasonCode})`;
    default:
      return assertNever(cause);
  }
}

/** A call participant by name: the customer, an agent, or a dialled number. */
function party(id: string, names: Directory): string {
  if (id === "customer") return "the customer";
  if (id.startsWith("agent:")) return names.agent(id.slice("agent:".length));
  return id.slice(id.indexOf(":") + 1);
}

/** Adding an event type without a line for it fails to compile here. */
function assertNever(value: never): never {
  throw new Error(`no description for ${JSON.stringify(value)}`);
}
