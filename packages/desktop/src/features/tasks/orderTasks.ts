import type { TaskView } from "@parley/protocol";

/** POP-3: emails, then social, chats and calls; within a channel the earliest first. */
const CHANNEL_ORDER: Record<TaskView["channel"], number> = { email: 0, social: 1, chat: 2, voice: 3 };

/** The task list's order: requests first (POP-3), then the active contacts by arrival. */
export function orderTasks(tasks: readonly TaskView[]): TaskView[] {
  const byArrival = (a: TaskView, b: TaskView) => a.createdAt - b.createdAt;
  const offers = tasks
    .filter((x) => x.offer !== null)
    .sort((a, b) => CHANNEL_ORDER[a.channel] - CHANNEL_ORDER[b.channel] || byArrival(a, b));
  const active = tasks.filter((x) => x.offer === null).sort(byArrival);
  return [...offers, ...active];
}

/** Whether the task is the reader's to work on: accepted, or in wrap-up. */
export const isActive = (task: TaskView): boolean => task.offer === null && task.role !== null;
