import type { Plain, TenantEvent, TenantState } from "@parley/engine";

/** Fields of events that name an agent the event concerns. */
const AGENT_FIELDS = ["agentId", "supervisorId", "targetAgentId", "by"] as const;

/**
 * Who an event concerns: the agents it names, every agent who has had a part in its task (an
 * offer, an engagement, a consult), and supervisors of those agents' teams. Agents who took part
 * in a task keep hearing about it until it is gone, so an agent dropped from a conference still
 * sees how the call ended.
 */
export class Audience {
  private readonly byTask = new Map<string, Set<string>>();

  /** The agents an event concerns; call in log order. `everyone` for tenant-wide events. */
  agentsOf(e: Plain<TenantEvent>, state: TenantState): ReadonlySet<string> | "everyone" {
    if (e.type === "tenant.configured") return "everyone";
    const named = new Set<string>();
    const o = e as unknown as Record<string, unknown>;
    for (const f of AGENT_FIELDS) collectAgent(o[f], named);
    // Parties on a call, offers and transfer targets name agents one level down.
    for (const v of Object.values(o))
      if (v && typeof v === "object" && !Array.isArray(v))
        collectAgent((v as Record<string, unknown>).agentId, named);
    const taskId = typeof o.taskId === "string" ? o.taskId : null;
    if (taskId === null) return named;
    let known = this.byTask.get(taskId);
    if (!known) {
      known = new Set();
      this.byTask.set(taskId, known);
    }
    for (const a of named) known.add(a);
    const task = state.tasks.get(taskId as never);
    if (task) for (const part of task.agents) known.add(part.agentId);
    else if (e.type === "task.ended" || e.type === "task.canceled" || e.type === "task.wrapup")
      this.forgetLater(taskId);
    return known;
  }

  private readonly leaving: string[] = [];
  /** Tasks that are gone are forgotten a while later: late events about them still find their agents. */
  private forgetLater(taskId: string): void {
    this.leaving.push(taskId);
    if (this.leaving.length > 10_000) for (const id of this.leaving.splice(0, 5_000)) this.byTask.delete(id);
  }
}

function collectAgent(v: unknown, into: Set<string>): void {
  if (typeof v === "string") into.add(v);
  else if (v && typeof v === "object" && "kind" in v && "id" in v) {
    const actor = v as { kind: string; id: unknown };
    if ((actor.kind === "agent" || actor.kind === "supervisor") && typeof actor.id === "string")
      into.add(actor.id);
  }
}
