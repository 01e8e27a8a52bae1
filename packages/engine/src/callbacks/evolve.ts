import { assertNever } from "../shared/assertNever.ts";
import { disengage, enteringQueue, moved, type Stage, without } from "../tasks/evolve.ts";
import type { Task } from "../tasks/state.ts";
import type { TenantState } from "../tenant/state.ts";
import type { CallbackEvent } from "./events.ts";

/** Applies a callback event: scheduling, changes, the window opening, retries. */
export function evolveCallback(state: TenantState, e: CallbackEvent): void {
  if (e.type === "callback.created") {
    state.taskCount++;
    const base: Task = {
      id: e.taskId,
      channel: "voice",
      entryPointId: e.entryPointId,
      queueId: e.queueId,
      priority: e.priority,
      customer: { address: e.callback.number, ...(e.callback.name ? { name: e.callback.name } : {}) },
      createdAt: e.at,
      seq: state.taskCount,
      excluded: [],
      declinedBy: [],
      offers: 0,
      origin: "inbound",
      answeredAt: null,
      enteredQueueAt: e.dueAt,
      answeredInQueue: false,
      agents: [],
      call: null,
      variables: e.variables,
      conversation: null,
      waitsUntil: null,
      callback: e.callback,
      status: "scheduled",
      dueAt: e.dueAt,
    };
    if (e.dueAt > e.at) {
      state.tasks.set(base.id, moved(base, { status: "scheduled", dueAt: e.dueAt }));
      state.timers.set("callback_due", base.id, e.dueAt);
    } else {
      const queued = moved(base, { status: "queued", queuedAt: e.at }, enteringQueue(state, e.queueId, e.at));
      state.tasks.set(queued.id, queued);
      state.waiting.add(queued);
    }
    return;
  }
  const task = state.tasks.get(e.taskId);
  if (!task) return;
  switch (e.type) {
    case "callback.updated":
      state.tasks.set(
        task.id,
        moved(task, { status: "scheduled", dueAt: e.dueAt }, { callback: e.callback }),
      );
      state.timers.set("callback_due", task.id, e.dueAt);
      return;
    case "callback.deleted":
      state.tasks.delete(task.id);
      state.timers.clearTask(task.id);
      return;
    case "callback.converted":
      state.tasks.set(
        task.id,
        moved(task, task as Stage<typeof task.status>, {
          callback: e.callback,
          customer: { ...task.customer, address: e.callback.number },
        }),
      );
      return;
    case "callback.due": {
      state.timers.clear("callback_due", task.id);
      const queued = moved(
        task,
        { status: "queued", queuedAt: e.at },
        enteringQueue(state, task.queueId, e.at),
      );
      state.tasks.set(task.id, queued);
      state.waiting.add(queued);
      return;
    }
    case "callback.retry": {
      // CB-2: nobody answered: the agent is free again and the callback waits for the next attempt.
      disengage(state, state.agents.get(e.agentId), task, e.at);
      const callback = task.callback && { ...task.callback, attempts: task.callback.attempts + 1 };
      const queued = moved(
        task,
        { status: "queued", queuedAt: e.at },
        { agents: without(task.agents, e.agentId), call: null, ...(callback ? { callback } : {}) },
      );
      state.tasks.set(task.id, queued);
      state.waiting.add(queued);
      return;
    }
    default:
      assertNever(e);
  }
}
