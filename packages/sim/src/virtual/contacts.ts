import { fromPlain, type TaskId } from "@parley/engine";

/** Where a contact is, as the bots and customers see it. */
export const Status = { Queued: 0, Offered: 1, Assigned: 2, Wrapping: 3, Done: 4, Abandoned: 5 } as const;
export type Status = (typeof Status)[keyof typeof Status];

/**
 * The contacts of a run, one slot per contact in parallel arrays (index = arrival order; the
 * task id is `c<index>`), so that following one costs no object of its own.
 */
export class Contacts {
  private readonly byTask = new Map<string, number>();
  readonly taskIds: TaskId[] = [];
  /** Its entry point's stream. */
  readonly streamOf: number[] = [];
  readonly arrivedAt: number[] = [];
  readonly status: Status[] = [];
  /** The bot it is offered to or owned by; −1 before the first offer. */
  readonly ownerOf: number[] = [];
  /** Offers made so far: an act planned for an earlier offer is stale. */
  readonly offerNo: number[] = [];
  readonly handleMs: number[] = [];
  readonly wrapMs: number[] = [];

  get count(): number {
    return this.taskIds.length;
  }

  add(stream: number, at: number, handleMs: number, wrapMs: number): number {
    const c = this.taskIds.length;
    const taskId = fromPlain<TaskId>(`c${c}`);
    this.taskIds.push(taskId);
    this.byTask.set(taskId, c);
    this.streamOf.push(stream);
    this.arrivedAt.push(at);
    this.status.push(Status.Queued);
    this.ownerOf.push(-1);
    this.offerNo.push(0);
    this.handleMs.push(handleMs);
    this.wrapMs.push(wrapMs);
    return c;
  }

  /** The contact of a task still open; undefined once it is done or abandoned (or not ours). */
  indexOf(taskId: string): number | undefined {
    return this.byTask.get(taskId);
  }

  close(c: number, status: typeof Status.Done | typeof Status.Abandoned): void {
    this.status[c] = status;
    this.byTask.delete(this.taskIds[c] as TaskId);
  }

  taskId(c: number): TaskId {
    return this.taskIds[c] as TaskId;
  }
}
