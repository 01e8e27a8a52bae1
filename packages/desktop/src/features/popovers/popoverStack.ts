import type { TaskView } from "@parley/protocol";
import { orderTasks } from "../tasks/orderTasks.ts";
import type { CallbackDetails } from "./PopoverStack.tsx";

/** POP-2: at most this many popovers show at once; the rest wait below the caption. */
export const POPOVERS_SHOWN = 5;

const DIGITAL: readonly TaskView["channel"][] = ["chat", "email", "social"];

export interface PopoverStack {
  /** The popovers on screen, top to bottom (POP-3). */
  readonly shown: readonly TaskView[];
  /** Every pending request, shown or not. */
  readonly total: number;
  /** POP-4: the digital requests "Accept N requests" would take; 0 hides the button. */
  readonly acceptAllCount: number;
}

/**
 * The reader's requests as popovers: emails, social, chats, calls, the earliest first within a
 * channel (POP-3), five at most on screen (POP-2). Connecting offers stack too (RTE-2).
 * @example popoverStack(me.tasks).shown.map((x) => x.id)
 */
export function popoverStack(tasks: readonly TaskView[]): PopoverStack {
  const requests = orderTasks(tasks).filter((x) => x.offer !== null);
  return {
    shown: requests.slice(0, POPOVERS_SHOWN),
    total: requests.length,
    acceptAllCount: requests.filter((x) => x.offer?.phase === "requested" && DIGITAL.includes(x.channel))
      .length,
  };
}

/** POP-5: a voice popover shows at most six configured variables. */
export const POPOVER_VARIABLES_MAX = 6;

/**
 * The variables a voice popover shows (POP-5, POP-7): in the server's configured order, never a
 * secure one — not even masked — and at most six. Numbers under sensitive-data protection come
 * from the server already cut to their last four digits (`masked: "lastFour"`).
 */
export function popoverVariables(task: TaskView): TaskView["variables"] {
  if (task.channel !== "voice") return [];
  return task.variables
    .filter((v) => !v.secure && v.masked !== "secure" && v.value !== null && v.value !== "")
    .slice(0, POPOVER_VARIABLES_MAX);
}

/**
 * POP-8: what a callback request's popover shows, from the task's `callback` — the number (cut by
 * the server under POP-7), DNIS, queue, and the offer time on the local clock for its timer. Null
 * for a contact that is not a callback.
 */
export function callbackDetails(task: TaskView, clockOffset: number): CallbackDetails | null {
  const cb = task.callback;
  if (!cb) return null;
  return {
    number: cb.number,
    dnis: cb.dnis ?? "",
    queue: cb.queueName ?? "",
    offeredAt: (cb.offeredAt ?? task.createdAt) - clockOffset,
  };
}
