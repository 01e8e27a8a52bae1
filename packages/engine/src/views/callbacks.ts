import type { AgentId } from "../shared/ids.ts";
import type { Instant } from "../shared/time.ts";
import type { TenantState } from "../tenant/state.ts";

/** A scheduled callback as the Manage tab lists it (CB-5). */
export interface ManagedCallback {
  readonly taskId: string;
  readonly kind: "scheduled" | "personal";
  readonly customerNumber: string;
  readonly customerName: string | null;
  readonly window: { readonly start: Instant; readonly end: Instant; readonly timeZone: string };
  readonly reason: string | null;
  readonly entryPointId: string;
  readonly queueId: string;
  readonly assignee: string | null;
  readonly scheduledBy: string | null;
  /** CB-5: Edit and Delete are allowed only before the start time. */
  readonly editable: boolean;
}

/** A callback entry point an agent may schedule through (CB-8). */
export interface CallbackEntryPoint {
  readonly id: string;
  readonly name: string;
  readonly queueId: string;
}

/**
 * The scheduled callbacks a user may manage: those they scheduled or that are assigned to them;
 * a supervisor also those of their teams — scheduled by or for a team member, or waiting in a
 * queue a team serves. Earliest window first. Implements CB-5.
 */
export function manageableCallbacks(s: TenantState, userId: AgentId, now: Instant): ManagedCallback[] {
  const config = s.config;
  const user = config?.users.get(userId);
  if (!config || !user) return [];
  const teams = user.roles.includes("supervisor") ? new Set<string>(user.teamIds) : new Set<string>();
  const ofTeam = (id: string | null) =>
    id !== null && (config.users.get(id)?.teamIds.some((t) => teams.has(t)) ?? false);
  const out: ManagedCallback[] = [];
  for (const task of s.tasks.values()) {
    const cb = task.callback;
    if (task.status !== "scheduled" || !cb?.window) continue;
    const mine = cb.scheduledBy === userId || cb.assignee === userId;
    const team =
      teams.size > 0 &&
      (ofTeam(cb.scheduledBy) ||
        ofTeam(cb.assignee) ||
        (config.queues.get(task.queueId)?.teamIds.some((t) => teams.has(t)) ?? false));
    if (!mine && !team) continue;
    out.push({
      taskId: task.id,
      kind: cb.kind === "personal" ? "personal" : "scheduled",
      customerNumber: cb.number,
      customerName: cb.name,
      window: { ...cb.window },
      reason: cb.reason,
      entryPointId: task.entryPointId,
      queueId: task.queueId,
      assignee: cb.assignee,
      scheduledBy: cb.scheduledBy,
      editable: now < cb.window.start,
    });
  }
  return out.sort((a, b) => a.window.start - b.window.start || (a.taskId < b.taskId ? -1 : 1));
}

/**
 * The callback entry points a user may schedule through: configured for callbacks, active, and
 * feeding a voice queue the user's team serves — the station's team when logged in, else any of
 * the user's teams. The same rules `decideScheduleCallback` applies. Implements CB-8.
 */
export function callbackEntryPointsFor(s: TenantState, userId: AgentId): CallbackEntryPoint[] {
  const config = s.config;
  if (!config) return [];
  const station = s.agents.get(userId)?.station.teamId;
  const teams = station ? [station] : (config.users.get(userId)?.teamIds ?? []);
  const out: CallbackEntryPoint[] = [];
  for (const ep of config.entryPoints.values()) {
    if (ep.kind !== "callback" || !ep.active) continue;
    const queue = config.queues.get(ep.queueId);
    if (queue?.channel !== "voice" || !queue.teamIds.some((t) => teams.includes(t))) continue;
    out.push({ id: ep.id, name: ep.name, queueId: ep.queueId });
  }
  return out.sort((a, b) => a.name.localeCompare(b.name));
}

/** An agent a personal callback can be for (CB-6). */
export interface CallbackAssigneeView {
  readonly agentId: AgentId;
  readonly name: string;
  /** As of now; `logged_out` when not at a station. */
  readonly state: "available" | "idle" | "rona" | "logged_out";
}

/**
 * The other agents of the user's login team, by name: whom a personal callback may be assigned to
 * besides the user (who picks "me" for that). The same rule `decideScheduleCallback` applies; none
 * when the user is not logged in. Implements CB-6.
 */
export function callbackAssignees(s: TenantState, userId: AgentId): CallbackAssigneeView[] {
  const config = s.config;
  const team = s.agents.get(userId)?.station.teamId;
  if (!config || !team) return [];
  const out: CallbackAssigneeView[] = [];
  for (const user of config.users.values()) {
    if (user.id === userId || !user.roles.includes("agent") || !user.teamIds.includes(team)) continue;
    const state = s.agents.get(user.id)?.presence.type ?? "logged_out";
    out.push({ agentId: user.id, name: user.name, state });
  }
  return out.sort((a, b) => a.name.localeCompare(b.name) || (a.agentId < b.agentId ? -1 : 1));
}
