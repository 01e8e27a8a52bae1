import { refile } from "../agents/refile.ts";
import type { AgentState } from "../agents/state.ts";
import type { Callback } from "../callbacks/state.ts";
import { type Conversation, emptyConversation } from "../digital/state.ts";
import { assertNever } from "../shared/assertNever.ts";
import type { AgentId } from "../shared/ids.ts";
import type { Instant } from "../shared/time.ts";
import type { TenantState } from "../tenant/state.ts";
import type { TaskVariables } from "../variables/types.ts";
import { applyVariableChanges } from "../variables/values.ts";
import { statsOf } from "../views/queueStats.ts";
import type { VoiceCall } from "../voice/state.ts";
import { recordClosed } from "./closedWork.ts";
import type { TaskEvent } from "./events.ts";
import { type Engagement, engagementOf, type Task, type TaskOf } from "./state.ts";

/**
 * The task enters a queue — a transfer, a callback's window opening, a chat re-opening: the
 * queue counts it as received and its service level as of now (SUP-1).
 */
export function enteringQueue(state: TenantState, queueId: Task["queueId"], at: Instant) {
  statsOf(state, queueId).received++;
  return { enteredQueueAt: at, answeredInQueue: false } as const;
}

/** Removes an item from a list the state owns, in place. */
function remove<T>(list: T[], item: T): void {
  const i = list.indexOf(item);
  if (i >= 0) list.splice(i, 1);
}

export type Stage<S extends Task["status"]> = Omit<
  TaskOf<S>,
  keyof TaskOf<"queued"> & keyof TaskOf<"wrapping">
> & {
  readonly status: S;
};
type StageField =
  | "queuedAt"
  | "offer"
  | "agentId"
  | "assignedAt"
  | "endedAt"
  | "endedBy"
  | "parkedAt"
  | "expiresAt"
  | "dueAt";
interface Changes {
  readonly declinedBy?: Task["declinedBy"];
  readonly excluded?: Task["excluded"];
  readonly queueId?: Task["queueId"];
  readonly entryPointId?: Task["entryPointId"];
  readonly agents?: readonly Engagement[];
  readonly answeredAt?: Instant | null;
  readonly enteredQueueAt?: Instant;
  readonly answeredInQueue?: boolean;
  readonly call?: VoiceCall | null;
  readonly variables?: TaskVariables;
  readonly conversation?: Conversation | null;
  readonly waitsUntil?: Instant | null;
  readonly callback?: Callback | null;
  readonly customer?: Task["customer"];
}

/**
 * The task in another status. Every field of every status is written out, undefined where it does
 * not apply: routing moves a task between statuses on each decision, and one literal shape for all
 * tasks keeps that path monomorphic. Spreading here cost a third of the routing time.
 */
export function moved<S extends Task["status"]>(t: Task, stage: Stage<S>, changes: Changes = {}): Task {
  const n = stage as { readonly [K in StageField]?: unknown };
  return {
    id: t.id,
    channel: t.channel,
    entryPointId: changes.entryPointId ?? t.entryPointId,
    queueId: changes.queueId ?? t.queueId,
    priority: t.priority,
    customer: changes.customer ?? t.customer,
    createdAt: t.createdAt,
    seq: t.seq,
    excluded: changes.excluded ?? t.excluded,
    declinedBy: changes.declinedBy ?? t.declinedBy,
    // A delivered offer (connecting → requested) is the same offer: only a move into "offered" counts.
    offers: stage.status === "offered" && t.status !== "offered" ? t.offers + 1 : t.offers,
    origin: t.origin,
    answeredAt: changes.answeredAt === undefined ? t.answeredAt : changes.answeredAt,
    enteredQueueAt: changes.enteredQueueAt ?? t.enteredQueueAt,
    answeredInQueue: changes.answeredInQueue ?? t.answeredInQueue,
    agents: changes.agents ?? t.agents,
    call: changes.call === undefined ? t.call : changes.call,
    variables: changes.variables ?? t.variables,
    conversation: changes.conversation === undefined ? t.conversation : changes.conversation,
    waitsUntil: changes.waitsUntil === undefined ? t.waitsUntil : changes.waitsUntil,
    callback: changes.callback === undefined ? t.callback : changes.callback,
    status: stage.status,
    queuedAt: n.queuedAt,
    offer: n.offer,
    agentId: n.agentId,
    assignedAt: n.assignedAt,
    endedAt: n.endedAt,
    endedBy: n.endedBy,
    parkedAt: n.parkedAt,
    expiresAt: n.expiresAt,
    dueAt: n.dueAt,
  } as Task;
}

export const replacing = (agents: readonly Engagement[], next: Engagement): Engagement[] => [
  ...agents.filter((e) => e.agentId !== next.agentId),
  next,
];
export const without = (agents: readonly Engagement[], agentId: AgentId): Engagement[] =>
  agents.filter((e) => e.agentId !== agentId);

export function releaseOffer(state: TenantState, task: Task, agent: AgentState | undefined): void {
  state.timers.clear("offer_timeout", task.id);
  if (!agent) return;
  remove(agent.offers, task.id);
  agent.load[task.channel]--;
  refile(state, agent);
}

function requeue(
  state: TenantState,
  task: Task,
  at: Instant,
  declinedBy: Task["declinedBy"],
  callback?: Callback,
): void {
  const queued = moved(
    task,
    { status: "queued", queuedAt: at },
    { declinedBy, ...(callback && { callback }) },
  );
  state.tasks.set(task.id, queued);
  state.waiting.add(queued);
}

/** The agent takes a part in the task: it counts against capacity until the part ends. */
export function engage(state: TenantState, agent: AgentState | undefined, task: Task, at: Instant): void {
  if (!agent || agent.tasks.includes(task.id)) return;
  agent.tasks.push(task.id);
  agent.load[task.channel]++;
  agent.lastWorkAt[task.channel] = at;
  refile(state, agent);
}

export function disengage(state: TenantState, agent: AgentState | undefined, task: Task, at: Instant): void {
  if (!agent?.tasks.includes(task.id)) return;
  remove(agent.tasks, task.id);
  agent.load[task.channel]--;
  agent.lastWorkAt[task.channel] = at;
  refile(state, agent);
}

/**
 * The owner's part turns to wrap-up — after End, a transfer, or leaving a conference (WRP-2) —
 * with its auto wrap-up timer when the profile has one (WRP-3). Returns the task's new parts.
 */
export function startWrapUp(
  state: TenantState,
  task: Task,
  agentId: AgentId,
  at: Instant,
  autoWrapUpAt: Instant | null,
): Engagement[] {
  const own = task.agents.find((g) => g.agentId === agentId);
  const wrapping: Engagement = {
    agentId,
    role: "owner",
    status: "wrapping",
    since: own?.since ?? at,
    endedAt: at,
    autoWrapUpAt,
  };
  if (autoWrapUpAt !== null) state.timers.set("auto_wrap_up", task.id, autoWrapUpAt, agentId);
  return replacing(task.agents, wrapping);
}

/**
 * Ends every active part but the owner's, as when the owner ends the call for everyone (CNF-4):
 * their work on it is closed (SES-15).
 */
function dropOthers(state: TenantState, task: Task, ownerId: AgentId, at: Instant): Engagement[] {
  const kept: Engagement[] = [];
  for (const e of task.agents) {
    if (e.agentId === ownerId || e.status === "wrapping") kept.push(e);
    else {
      const agent = state.agents.get(e.agentId);
      disengage(state, agent, task, at);
      recordClosed(state, agent, task, e, at, null);
    }
  }
  return kept;
}

/** The agent now owns the task; the queue counts it answered the first time since it entered (SUP-1). */
function assign(state: TenantState, task: Task, agentId: AgentId, at: Instant): void {
  if (!task.answeredInQueue) {
    const stats = statsOf(state, task.queueId);
    stats.answered++;
    const threshold = state.config?.queues.get(task.queueId)?.serviceLevelSec ?? 0;
    if (at - task.enteredQueueAt <= threshold * 1000) stats.answeredInTime++;
  }
  const owner: Engagement = { agentId, role: "owner", status: "active", since: at };
  state.tasks.set(
    task.id,
    moved(
      task,
      { status: "assigned", agentId, assignedAt: at },
      {
        agents: replacing(task.agents, owner),
        answeredAt: task.answeredAt ?? at,
        answeredInQueue: true,
      },
    ),
  );
}

export function evolveTask(state: TenantState, e: TaskEvent): void {
  if (e.type === "task.received" || e.type === "task.outdial_placed") {
    state.taskCount++;
    const inbound = e.type === "task.received";
    const fresh: Task = {
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
      answeredAt: null,
      enteredQueueAt: e.at,
      answeredInQueue: !inbound,
      agents: [],
      call: null,
      variables: e.variables,
      conversation: inbound && e.channel !== "voice" ? emptyConversation(e.persistent) : null,
      waitsUntil: null,
      callback: null,
      status: "queued",
      queuedAt: e.at,
    };
    if (inbound) {
      statsOf(state, e.queueId).received++;
      // A new contact: statistics count its wait from now (set on `fresh` above).
      const task = moved(fresh, { status: "queued", queuedAt: e.at });
      state.tasks.set(task.id, task);
      state.waiting.add(task);
      return;
    }
    const owner: Engagement = { agentId: e.agentId, role: "owner", status: "active", since: e.at };
    const task = moved(
      fresh,
      { status: "assigned", agentId: e.agentId, assignedAt: e.at },
      { agents: [owner], answeredAt: e.at },
    );
    state.tasks.set(task.id, task);
    engage(state, state.agents.get(e.agentId), task, e.at);
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
        kind: "routed",
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
        const offer = { ...task.offer, phase: "requested" } as const;
        state.tasks.set(task.id, moved(task, { status: "offered", offer }));
      }
      return;
    case "offer.declined": {
      releaseOffer(state, task, agent);
      // CB-6: a personal callback its assignee declines is for anyone of the queue from now on;
      // barred for the only agent it may go to, it would wait for ever.
      const cb = task.callback;
      const released =
        cb?.assignee === e.agentId ? { ...cb, kind: "scheduled" as const, assignee: null } : undefined;
      requeue(state, task, e.at, [...task.declinedBy, e.agentId], released);
      return;
    }
    case "offer.timed_out":
    case "offer.failed":
      releaseOffer(state, task, agent);
      requeue(state, task, e.at, task.declinedBy);
      return;
    case "task.assigned":
      // The offer's reservation becomes the owner's engagement: the load stays as it is.
      state.timers.clear("offer_timeout", task.id);
      assign(state, task, e.agentId, e.at);
      if (agent) {
        remove(agent.offers, task.id);
        agent.tasks.push(task.id);
      }
      return;
    case "task.picked":
      // SES-15: straight from the queue, with no reservation before it: the agent takes on the load now.
      if (task.status !== "queued") return;
      state.waiting.remove(task);
      assign(state, task, e.agentId, e.at);
      engage(state, agent, task, e.at);
      return;
    case "task.ended": {
      if (task.status !== "assigned") return;
      const others = dropOthers(state, task, e.agentId, e.at);
      // A conference request dies with the conversation (DIG-1).
      const conversation = task.conversation && { ...task.conversation, conferenceRequest: null };
      const agents = startWrapUp(state, { ...task, agents: others }, e.agentId, e.at, e.autoWrapUpAt);
      state.tasks.set(
        task.id,
        moved(
          task,
          {
            status: "wrapping",
            agentId: e.agentId,
            assignedAt: task.assignedAt,
            endedAt: e.at,
            endedBy: e.by,
          },
          { agents, conversation },
        ),
      );
      // The call is over: nothing of it is left to time.
      state.timers.clear("recording_resume", task.id);
      state.timers.clear("consult_timeout", task.id);
      return;
    }
    case "task.variables_changed":
      state.tasks.set(
        task.id,
        moved(task, task as Stage<typeof task.status>, {
          variables: applyVariableChanges(task.variables, e.values),
        }),
      );
      return;
    case "task.canceled": {
      state.waiting.remove(task);
      if (e.reason === "abandoned" && !task.answeredInQueue) statsOf(state, task.queueId).abandoned++;
      if (task.status === "offered") releaseOffer(state, task, agent);
      // An agent who transferred the call still wraps up their part (XFR-3, XFR-4).
      const wrapping = task.agents.find((g) => g.status === "wrapping");
      if (!wrapping) {
        state.tasks.delete(task.id);
        state.timers.clearTask(task.id);
      } else
        state.tasks.set(
          task.id,
          moved(task, {
            status: "wrapping",
            agentId: wrapping.agentId,
            assignedAt: wrapping.since,
            endedAt: e.at,
            endedBy: "customer",
          }),
        );
      return;
    }
    case "task.wrapup": {
      state.timers.clear("auto_wrap_up", task.id, e.agentId);
      disengage(state, agent, task, e.at);
      const part = engagementOf(task, e.agentId);
      if (part) recordClosed(state, agent, task, part, e.at, e.codeId);
      const agents = without(task.agents, e.agentId);
      if (
        task.status === "wrapping" &&
        agents.length === 0 &&
        task.waitsUntil !== null &&
        task.waitsUntil > e.at
      ) {
        // DIG-3: a closed persistent chat waits for the customer.
        const parked = { status: "parked", parkedAt: e.at, expiresAt: task.waitsUntil } as const;
        state.tasks.set(task.id, moved(task, parked, { agents, waitsUntil: null }));
        state.timers.set("chat_expiry", task.id, task.waitsUntil);
      } else if (task.status === "wrapping" && agents.length === 0) {
        state.tasks.delete(task.id);
        state.timers.clearTask(task.id);
      } else state.tasks.set(task.id, moved(task, task as Stage<typeof task.status>, { agents }));
      return;
    }
    default:
      assertNever(e);
  }
}
