import { OrderedSet } from "js-sdsl";
import type { AgentId, TaskId } from "../shared/ids.ts";
import type { Instant } from "../shared/time.ts";
import type { TenantState } from "../tenant/state.ts";

/** Every timer the engine owns. */
export type TimerKind =
  | "offer_timeout"
  | "auto_wrap_up"
  | "consult_timeout"
  | "recording_resume"
  | "chat_expiry"
  | "callback_due"
  | "disconnect_grace";

/** Timers of one agent alone, with no task: keyed by the agent (CON-1). */
export type AgentTimerKind = "disconnect_grace";
export type TaskTimerKind = Exclude<TimerKind, AgentTimerKind>;

export type DueTimer =
  | {
      readonly at: Instant;
      readonly kind: TaskTimerKind;
      readonly taskId: TaskId;
      /** The agent it concerns, where one task has one per agent (auto wrap-up). */
      readonly agentId: AgentId | null;
    }
  | { readonly at: Instant; readonly kind: AgentTimerKind; readonly taskId: null; readonly agentId: AgentId };

const order = (a: string | null, b: string | null): number => (a === b ? 0 : (a ?? "") < (b ?? "") ? -1 : 1);
const compare = (a: DueTimer, b: DueTimer): number =>
  a.at - b.at || order(a.kind, b.kind) || order(a.taskId, b.taskId) || order(a.agentId, b.agentId);

/** One key per timer; a task-wide timer is keyed by the task alone, so the hot path builds no string. */
const refOf = (taskId: TaskId, agentId: AgentId | null): string =>
  agentId === null ? taskId : `${taskId}\u0000${agentId}`;

/**
 * Due times derived from the state, in firing order. Evolve sets and clears them with the state
 * they belong to, so a timer can never outlive what it guards.
 */
export class Timers {
  private readonly due = new OrderedSet<DueTimer>([], compare);
  private readonly byRef: Record<TimerKind, Map<string, DueTimer>> = {
    offer_timeout: new Map(),
    auto_wrap_up: new Map(),
    callback_due: new Map(),
    chat_expiry: new Map(),
    consult_timeout: new Map(),
    recording_resume: new Map(),
    disconnect_grace: new Map(),
  };
  /** The timers of each task, so a task that leaves clears its own without a scan of all timers. */
  private readonly byTask = new Map<TaskId, DueTimer[]>();

  set(kind: TaskTimerKind, taskId: TaskId, at: Instant, agentId: AgentId | null = null): void {
    this.clear(kind, taskId, agentId);
    const timer = { at, kind, taskId, agentId };
    this.due.insert(timer);
    this.byRef[kind].set(refOf(taskId, agentId), timer);
    const ofTask = this.byTask.get(taskId);
    if (ofTask) ofTask.push(timer);
    else this.byTask.set(taskId, [timer]);
  }

  clear(kind: TimerKind, taskId: TaskId, agentId: AgentId | null = null): void {
    const ref = refOf(taskId, agentId);
    const timer = this.byRef[kind].get(ref);
    if (!timer) return;
    this.due.eraseElementByKey(timer);
    this.byRef[kind].delete(ref);
    const ofTask = this.byTask.get(taskId);
    if (!ofTask) return;
    if (ofTask.length === 1) this.byTask.delete(taskId);
    else ofTask.splice(ofTask.indexOf(timer), 1);
  }

  /** Every timer of a task that leaves the state. */
  clearTask(taskId: TaskId): void {
    const ofTask = this.byTask.get(taskId);
    if (!ofTask) return;
    for (const timer of [...ofTask]) this.clear(timer.kind, taskId, timer.agentId);
  }

  /** Sets a timer of one agent alone, such as the disconnect grace. */
  setForAgent(kind: AgentTimerKind, agentId: AgentId, at: Instant): void {
    this.clearForAgent(kind, agentId);
    const timer = { at, kind, taskId: null, agentId };
    this.due.insert(timer);
    this.byRef[kind].set(agentId, timer);
  }

  clearForAgent(kind: AgentTimerKind, agentId: AgentId): void {
    const timer = this.byRef[kind].get(agentId);
    if (!timer) return;
    this.due.eraseElementByKey(timer);
    this.byRef[kind].delete(agentId);
  }

  next(): DueTimer | undefined {
    return this.due.front();
  }

  list(): DueTimer[] {
    return [...this.due];
  }
}

/** The timers of a state in firing order: what a host schedules `tick` for. */
export const dueTimers = (s: TenantState): DueTimer[] => s.timers.list();
