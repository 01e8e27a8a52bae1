import { OrderedSet } from "js-sdsl";
import type { QueueId, TaskId } from "../shared/ids.ts";
import type { Task } from "../tasks/state.ts";

/** A task's place in its queue: higher priority first, then arrival order. */
export interface WaitingKey {
  readonly priority: number;
  readonly seq: number;
  readonly id: TaskId;
}

export const compareWaiting = (a: WaitingKey, b: WaitingKey): number =>
  b.priority - a.priority || a.seq - b.seq;

/**
 * Queued tasks per queue in service order. A task that comes back from RONA or a decline keeps
 * its arrival order, so it is again at the head of its queue (RTE-3).
 */
export class WaitingTasks {
  private readonly queues = new Map<QueueId, OrderedSet<WaitingKey>>();
  private readonly keys = new Map<TaskId, WaitingKey>();

  add(task: Task): void {
    if (this.keys.has(task.id)) return;
    const key = { priority: task.priority, seq: task.seq, id: task.id };
    let queue = this.queues.get(task.queueId);
    if (!queue) {
      queue = new OrderedSet<WaitingKey>([], compareWaiting);
      this.queues.set(task.queueId, queue);
    }
    queue.insert(key);
    this.keys.set(task.id, key);
  }

  remove(task: Task): void {
    const key = this.keys.get(task.id);
    if (!key) return;
    this.queues.get(task.queueId)?.eraseElementByKey(key);
    this.keys.delete(task.id);
  }

  /**
   * Waiting tasks of a queue in service order; stop iterating early to keep it cheap. Walks the tree
   * (iterating an OrderedSet itself copies every key into an array first).
   */
  *inOrder(queueId: QueueId): IterableIterator<WaitingKey> {
    const queue = this.queues.get(queueId);
    if (!queue) return;
    for (const it = queue.begin(), end = queue.end(); !it.equals(end); it.next()) yield it.pointer;
  }

  /**
   * The most urgent waiting task of a queue that `admits` lets through and that is strictly more
   * urgent than `than` (when given): O(1) when the head qualifies or is not more urgent than `than`.
   * `admits` takes a context rather than closing over one: no function is allocated per call.
   */
  firstAdmitted<C>(
    queueId: QueueId,
    than: WaitingKey | undefined,
    admits: (key: WaitingKey, context: C) => boolean,
    context: C,
  ): WaitingKey | undefined {
    const queue = this.queues.get(queueId);
    if (!queue || queue.size() === 0) return undefined;
    for (const it = queue.begin(), end = queue.end(); !it.equals(end); it.next()) {
      const key = it.pointer;
      if (than !== undefined && compareWaiting(key, than) >= 0) return undefined;
      if (admits(key, context)) return key;
    }
    return undefined;
  }

  count(queueId: QueueId): number {
    return this.queues.get(queueId)?.size() ?? 0;
  }

  dump(): Record<string, TaskId[]> {
    const out: Record<string, TaskId[]> = {};
    for (const [id, queue] of [...this.queues].sort(([a], [b]) => (a < b ? -1 : 1))) {
      if (queue.size() > 0) out[id] = [...queue].map((k) => k.id);
    }
    return out;
  }
}
