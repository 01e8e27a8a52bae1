import { refile } from "../agents/refile.ts";
import type { AgentState } from "../agents/state.ts";
import { assertNever } from "../shared/assertNever.ts";
import type { TenantState } from "../tenant/state.ts";
import type { TaskEvent } from "./events.ts";
import type { Task } from "./state.ts";

const without = <T>(list: readonly T[], item: T): T[] => list.filter((x) => x !== item);

function releaseOffer(state: TenantState, task: Task, agent: AgentState | undefined): void {
  state.timers.clear("offer_timeout", task.id);
  if (!agent) return;
  agent.offers = without(agent.offers, task.id);
  agent.load[task.channel]--;
  refile(state, agent);
}

function requeue(state: TenantState, task: Task, at: number, declinedBy: Task["declinedBy"]): void {
  const queued: Task = { ...stripStatus(task), declinedBy, status: "queued", queuedAt: at };
  state.tasks.set(task.id, queued);
  state.waiting.add(queued);
}

/** The fields every task status shares, for moving a task to another status. */
function stripStatus(task: Task) {
  const {
    id,
    channel,
    entryPointId,
    queueId,
    priority,
    customer,
    createdAt,
    seq,
    excluded,
    declinedBy,
    offers,
    origin,
  } = task;
  return {
    id,
    channel,
    entryPointId,
    queueId,
    priority,
    customer,
    createdAt,
    seq,
    excluded,
    declinedBy,
    offers,
    origin,
  };
}

export function evolveTask(state: TenantState, e: TaskEvent): void {
  if (e.type === "task.received") {
    state.taskCount++;
    const task: Task = {
      id: e.taskId,
      channel: e.channel,
      entryPointId: e.entryPointId,
      queueId: e.queueId,
      priority: e.priority,
      customer: e.customer,
      createdAt: e.at,
      seq: state.taskCount,
      excluded: e.excluded,
      declinedBy: [],
      offers: 0,
      origin: "inbound",
      status: "queued",
      queuedAt: e.at,
    };
    state.tasks.set(task.id, task);
    state.waiting.add(task);
    return;
  }
  if (e.type === "task.outdial_placed") {
    state.taskCount++;
    state.tasks.set(e.taskId, {
      id: e.taskId,
      channel: "voice",
      entryPointId: e.entryPointId,
      queueId: e.queueId,
      priority: 0,
      customer: e.customer,
      createdAt: e.at,
      seq: state.taskCount,
      excluded: [],
      declinedBy: [],
      offers: 0,
      origin: "outdial",
      status: "assigned",
      agentId: e.agentId,
      assignedAt: e.at,
    });
    const agent = state.agents.get(e.agentId);
    if (agent) {
      agent.tasks.push(e.taskId);
      agent.load.voice++;
      agent.lastWorkAt.voice = e.at;
      refile(state, agent);
    }
    return;
  }
  const task = state.tasks.get(e.taskId);
  if (!task) return;
  const agent = e.agentId === null ? undefined : state.agents.get(e.agentId);
  switch (e.type) {
    case "offer.created": {
      state.waiting.remove(task);
      state.tasks.set(task.id, {
        ...stripStatus(task),
        offers: task.offers + 1,
        status: "offered",
        offer: {
          agentId: e.agentId,
          phase: "connecting",
          offeredAt: e.at,
          expiresAt: e.expiresAt,
          flashAt: e.flashAt,
        },
      });
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
      if (task.status === "offered")
        state.tasks.set(task.id, { ...task, offer: { ...task.offer, phase: "requested" } });
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
      state.tasks.set(task.id, {
        ...stripStatus(task),
        status: "assigned",
        agentId: e.agentId,
        assignedAt: e.at,
      });
      if (agent) {
        agent.offers = without(agent.offers, task.id);
        agent.tasks.push(task.id);
      }
      return;
    case "task.ended":
      if (task.status !== "assigned") return;
      state.tasks.set(task.id, {
        ...stripStatus(task),
        status: "wrapping",
        agentId: task.agentId,
        assignedAt: task.assignedAt,
        endedAt: e.at,
        endedBy: e.by,
        autoWrapUpAt: e.autoWrapUpAt,
      });
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
  agent.tasks = without(agent.tasks, task.id);
  agent.load[task.channel]--;
  agent.lastWorkAt[task.channel] = at;
  refile(state, agent);
}
