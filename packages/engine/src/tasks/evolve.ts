import { refile } from "../agents/refile.ts";
import type { AgentState } from "../agents/state.ts";
import { assertNever } from "../shared/assertNever.ts";
import type { TenantState } from "../tenant/state.ts";
import type { TaskEvent } from "./events.ts";
import type { Task, TaskOf } from "./state.ts";

/** Removes an item from a list the state owns, in place. */
function remove<T>(list: T[], item: T): void {
  const i = list.indexOf(item);
  if (i >= 0) list.splice(i, 1);
}

function releaseOffer(state: TenantState, task: Task, agent: AgentState | undefined): void {
  state.timers.clear("offer_timeout", task.id);
  if (!agent) return;
  remove(agent.offers, task.id);
  agent.load[task.channel]--;
  refile(state, agent);
}

function requeue(state: TenantState, task: Task, at: number, declinedBy: Task["declinedBy"]): void {
  const queued = moved(task, { status: "queued", queuedAt: at }, declinedBy);
  state.tasks.set(task.id, queued);
  state.waiting.add(queued);
}

type Stage<S extends Task["status"]> = Omit<TaskOf<S>, keyof TaskOf<"queued"> & keyof TaskOf<"wrapping">> & {
  readonly status: S;
};
type StageField = "queuedAt" | "offer" | "agentId" | "assignedAt" | "endedAt" | "endedBy" | "autoWrapUpAt";

/**
 * The task in another status. Every field of every status is written out, undefined where it does
 * not apply: routing moves a task between statuses on each decision, and one literal shape for all
 * tasks keeps that path monomorphic. Spreading here cost a third of the routing time.
 */
function moved<S extends Task["status"]>(t: Task, stage: Stage<S>, declinedBy = t.declinedBy): Task {
  const n = stage as { readonly [K in StageField]?: unknown };
  return {
    id: t.id,
    channel: t.channel,
    entryPointId: t.entryPointId,
    queueId: t.queueId,
    priority: t.priority,
    customer: t.customer,
    createdAt: t.createdAt,
    seq: t.seq,
    excluded: t.excluded,
    declinedBy,
    offers: stage.status === "offered" ? t.offers + 1 : t.offers,
    origin: t.origin,
    status: stage.status,
    queuedAt: n.queuedAt,
    offer: n.offer,
    agentId: n.agentId,
    assignedAt: n.assignedAt,
    endedAt: n.endedAt,
    endedBy: n.endedBy,
    autoWrapUpAt: n.autoWrapUpAt,
  } as Task;
}

export function evolveTask(state: TenantState, e: TaskEvent): void {
  if (e.type === "task.received" || e.type === "task.outdial_placed") {
    state.taskCount++;
    const inbound = e.type === "task.received";
    const fresh = {
      id: e.taskId,
      channel: inbound ? e.channel : "voice",
      entryPointId: e.entryPointId,
      queueId: e.queueId,
      priority: inbound ? e.priority : 0,
      customer: e.customer,
      createdAt: e.at,
      seq: state.taskCount,
      excluded: inbound ? e.excluded : [],
      declinedBy: [],
      offers: 0,
      origin: inbound ? "inbound" : "outdial",
    } as const;
    const task = inbound
      ? moved({ ...fresh, status: "queued", queuedAt: e.at }, { status: "queued", queuedAt: e.at })
      : moved(
          { ...fresh, status: "queued", queuedAt: e.at },
          { status: "assigned", agentId: e.agentId, assignedAt: e.at },
        );
    state.tasks.set(task.id, task);
    if (inbound) state.waiting.add(task);
    else {
      const agent = state.agents.get(e.agentId);
      if (agent) {
        agent.tasks.push(task.id);
        agent.load.voice++;
        agent.lastWorkAt.voice = e.at;
        refile(state, agent);
      }
    }
    return;
  }
  const task = state.tasks.get(e.taskId);
  if (!task) return;
  const agent = e.agentId === null ? undefined : state.agents.get(e.agentId);
  switch (e.type) {
    case "offer.created": {
      state.waiting.remove(task);
      const offer = {
        agentId: e.agentId,
        phase: "connecting",
        offeredAt: e.at,
        expiresAt: e.expiresAt,
        flashAt: e.flashAt,
      } as const;
      state.tasks.set(task.id, moved(task, { status: "offered", offer }));
      state.timers.set("offer_timeout", task.id, e.expiresAt);
      if (agent) {
        agent.offers.push(task.id);
        agent.load[task.channel]++;
        agent.lastWorkAt[task.channel] = e.at;
        refile(state, agent);
      }
      return;
    }
    case "offer.delivered":
      if (task.status === "offered") {
        const { agentId, offeredAt, expiresAt, flashAt } = task.offer;
        const offer = { agentId, phase: "requested", offeredAt, expiresAt, flashAt } as const;
        state.tasks.set(task.id, moved(task, { status: "offered", offer }));
      }
      return;
    case "offer.declined":
      releaseOffer(state, task, agent);
      requeue(state, task, e.at, [...task.declinedBy, e.agentId]);
      return;
    case "offer.timed_out":
    case "offer.failed":
      releaseOffer(state, task, agent);
      requeue(state, task, e.at, task.declinedBy);
      return;
    case "task.assigned":
      state.timers.clear("offer_timeout", task.id);
      state.tasks.set(task.id, moved(task, { status: "assigned", agentId: e.agentId, assignedAt: e.at }));
      if (agent) {
        remove(agent.offers, task.id);
        agent.tasks.push(task.id);
      }
      return;
    case "task.ended":
      if (task.status !== "assigned") return;
      state.tasks.set(
        task.id,
        moved(task, {
          status: "wrapping",
          agentId: task.agentId,
          assignedAt: task.assignedAt,
          endedAt: e.at,
          endedBy: e.by,
          autoWrapUpAt: e.autoWrapUpAt,
        }),
      );
      if (e.autoWrapUpAt !== null) state.timers.set("auto_wrap_up", task.id, e.autoWrapUpAt);
      return;
    case "task.canceled":
      state.waiting.remove(task);
      if (task.status === "offered") releaseOffer(state, task, agent);
      state.tasks.delete(task.id);
      return;
    case "task.wrapup":
      state.timers.clear("auto_wrap_up", task.id);
      state.tasks.delete(task.id);
      if (agent) finishWork(state, agent, task, e.at);
      return;
    default:
      assertNever(e);
  }
}

function finishWork(state: TenantState, agent: AgentState, task: Task, at: number): void {
  remove(agent.tasks, task.id);
  agent.load[task.channel]--;
  agent.lastWorkAt[task.channel] = at;
  refile(state, agent);
}
