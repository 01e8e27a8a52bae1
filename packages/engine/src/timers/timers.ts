import { OrderedSet } from "js-sdsl";
import type { TaskId } from "../shared/ids.ts";
import type { Instant } from "../shared/time.ts";
import type { TenantState } from "../tenant/state.ts";

/** Every timer the engine owns. Later slices add disconnect grace, recording resume, callbacks. */
export type TimerKind = "offer_timeout" | "auto_wrap_up";

export interface DueTimer {
  readonly at: Instant;
  readonly kind: TimerKind;
  readonly taskId: TaskId;
}

const compare = (a: DueTimer, b: DueTimer): number =>
  a.at - b.at ||
  (a.kind < b.kind ? -1 : a.kind > b.kind ? 1 : 0) ||
  (a.taskId < b.taskId ? -1 : a.taskId > b.taskId ? 1 : 0);

/**
 * Due times derived from the state, in firing order. Evolve sets and clears them with the state
 * they belong to, so a timer can never outlive what it guards.
 */
export class Timers {
  private readonly due = new OrderedSet<DueTimer>([], compare);
  private readonly byTask: Record<TimerKind, Map<TaskId, DueTimer>> = {
    offer_timeout: new Map(),
    auto_wrap_up: new Map(),
  };

  set(kind: TimerKind, taskId: TaskId, at: Instant): void {
    this.clear(kind, taskId);
    const timer = { at, kind, taskId };
    this.due.insert(timer);
    this.byTask[kind].set(taskId, timer);
  }

  clear(kind: TimerKind, taskId: TaskId): void {
    const timer = this.byTask[kind].get(taskId);
    if (!timer) return;
    this.due.eraseElementByKey(timer);
    this.byTask[kind].delete(taskId);
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
