import { SYSTEM } from "../../shared/actor.ts";
import { accept, type Decision, reject } from "../../shared/decision.ts";
import { configOf, isRejection } from "../../shared/guards.ts";
import { type Instant, minutes } from "../../shared/time.ts";
import type { TenantEvent } from "../../tenant/messages.ts";
import type { TenantState } from "../../tenant/state.ts";
import type { AgentStateChanged } from "../events.ts";
import { type AgentState, presenceValue } from "../state.ts";
import type { ExternalPresenceChanged } from "./commands.ts";
import { federationOf } from "./config.ts";
import type { ExternalPresenceObserved } from "./events.ts";
import { EXTERNAL_PRESENCES, type PresenceRequest } from "./state.ts";

/**
 * How long the status Parley asked for (FED-3) may take to come back through the feed and still
 * count as its echo: well beyond the ~12 s the feed usually lags (FED-4).
 */
export const ECHO_WINDOW = minutes(1);

/**
 * The host's feed of the agent's presence in the CRM or collaboration tool. Every report is
 * recorded for the profile's sync status, with its lag. With federation on, a switch to Busy or
 * Do not disturb (manual, or automatic such as accepting a chat in the tool) makes an Available
 * agent Idle with the configured idle code; any other status changes nothing.
 *
 * - An agent already Idle keeps the idle code they have: it already keeps them from new work, and
 *   their own (or a supervisor's) reason, e.g. Lunch, says more in reports than the federation's.
 *   RONA stays too: only the agent leaves it (AGT-5).
 * - Only a switch counts: a repeat of the status the feed last reported changes nothing, so an
 *   agent who chose Available while the tool still shows Busy stays Available.
 * - A switch the tool saw before the agent's current state began does not undo that later state.
 * - The status Parley asked for when a call became active (FED-3) coming back is an echo, not the
 *   agent's switch: taking it for one would put every agent Not Ready during each call.
 * - Reports about a logged-out agent are accepted and change nothing (the feed may lag behind a
 *   logout); one older than the last report, or a repeat delivery, changes nothing either.
 *
 * Implements FED-1, FED-2, FED-4.
 */
export function decideExternalPresence(
  cmd: ExternalPresenceChanged,
  s: TenantState,
  now: Instant,
): Decision<TenantEvent> {
  const config = configOf(s);
  if (isRejection(config)) return config;
  if (!EXTERNAL_PRESENCES.includes(cmd.presence))
    return reject("INVALID_EXTERNAL_PRESENCE", `"${cmd.presence}" is not an external presence`, {
      field: "presence",
    });
  if (cmd.source !== "manual" && cmd.source !== "automatic")
    return reject("INVALID_EXTERNAL_PRESENCE", `"${cmd.source}" is not a presence source`, {
      field: "source",
    });
  if (!Number.isFinite(cmd.observedAt))
    return reject("INVALID_EXTERNAL_PRESENCE", "observedAt must be an instant", { field: "observedAt" });
  if (!config.users.has(cmd.agentId))
    return reject("UNKNOWN_AGENT", `There is no user ${cmd.agentId}`, { agentId: cmd.agentId });
  const agent = s.agents.get(cmd.agentId);
  if (!agent) return accept();
  const last = agent.federation?.sync ?? null;
  if (
    last &&
    (cmd.observedAt < last.observedAt ||
      (cmd.observedAt === last.observedAt && cmd.presence === last.external))
  )
    return accept();

  const request = settles(agent.federation?.requested ?? null, cmd, now);
  const observed: ExternalPresenceObserved = {
    type: "presence.external_observed",
    at: now,
    agentId: agent.id,
    presence: cmd.presence,
    source: cmd.source,
    observedAt: cmd.observedAt,
    lag: Math.max(0, now - cmd.observedAt),
    request,
  };
  const federation = federationOf(config);
  const switched = cmd.presence !== last?.external && request !== "confirmed";
  if (
    !federation?.busyStatuses.includes(cmd.presence) ||
    !switched ||
    !becomesNotReady(agent, cmd.observedAt)
  )
    return accept(observed);
  const change: AgentStateChanged = {
    type: "agent.state.changed",
    at: now,
    agentId: agent.id,
    from: presenceValue(agent.presence),
    to: { type: "idle", codeId: federation.idleCodeId },
    cause: "presence_federation",
    reasonCode: null,
    actor: SYSTEM,
  };
  return accept<TenantEvent>(observed, change);
}

/** Only Available agents change, and only for a switch newer than their current state. */
const becomesNotReady = (agent: AgentState, observedAt: Instant): boolean =>
  agent.presence.type === "available" && observedAt >= agent.presence.since;

/**
 * What a report does to Parley's pending request: the requested status within the echo window
 * confirms it; anything newer than the request, or any report once the window has passed,
 * supersedes it; an older report still in transit leaves it pending.
 */
function settles(
  requested: PresenceRequest | null,
  cmd: ExternalPresenceChanged,
  now: Instant,
): ExternalPresenceObserved["request"] {
  if (requested?.outcome !== "pending") return null;
  const inWindow = now - requested.at <= ECHO_WINDOW;
  if (inWindow && cmd.presence === requested.presence) return "confirmed";
  return !inWindow || cmd.observedAt >= requested.at ? "superseded" : null;
}
