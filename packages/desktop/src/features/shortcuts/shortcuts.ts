import type { TaskView } from "@parley/protocol";
import type { MessageKey } from "../../i18n/t.ts";
import { orderTasks } from "../tasks/orderTasks.ts";

export type Shortcut = "accept" | "hold" | "end";

/**
 * The keys: Alt+Shift with a letter, read by its physical key (`code`) so that macOS's Option
 * characters and keyboard layouts do not change them, and clear of the browsers' own Alt menus.
 */
export const SHORTCUTS: readonly { shortcut: Shortcut; code: string; keys: string; help: MessageKey }[] = [
  { shortcut: "accept", code: "KeyA", keys: "Alt+Shift+A", help: "shortcuts.accept" },
  { shortcut: "hold", code: "KeyH", keys: "Alt+Shift+H", help: "shortcuts.hold" },
  { shortcut: "end", code: "KeyE", keys: "Alt+Shift+E", help: "shortcuts.end" },
];

/** The keys of a shortcut, as `aria-keyshortcuts` and the help list write them. */
export const keysOf = (shortcut: Shortcut): string =>
  (SHORTCUTS.find((s) => s.shortcut === shortcut) as (typeof SHORTCUTS)[number]).keys;

/** The shortcut a call action's button answers to: hold and resume share one key, end has its own. */
export function shortcutOfAction(action: string): Shortcut | null {
  if (action === "hold" || action === "resume") return "hold";
  return action === "end" ? "end" : null;
}

/** The request the accept shortcut takes: the first one in the task list's order that can be accepted. */
export const acceptTarget = (tasks: readonly TaskView[]): TaskView | undefined =>
  orderTasks(tasks).find((x) => x.offer?.phase === "requested");

type Keys = Pick<KeyboardEvent, "altKey" | "shiftKey" | "ctrlKey" | "metaKey" | "code">;

/** The shortcut a key press stands for, if any. */
export function shortcutOf(e: Keys): Shortcut | null {
  if (!e.altKey || !e.shiftKey || e.ctrlKey || e.metaKey) return null;
  return SHORTCUTS.find((s) => s.code === e.code)?.shortcut ?? null;
}

export type ShortcutCommand = {
  readonly operation: "acceptTask" | "holdCall" | "resumeCall" | "endTask";
  readonly taskId: string;
};

/**
 * What a shortcut does now, from the server's state only: accept the first request in the task
 * list's order; hold or resume, or end, the selected call when its `allowedActions` say so.
 * Null when the shortcut has nothing to do.
 */
export function commandFor(
  shortcut: Shortcut,
  tasks: readonly TaskView[],
  selected: TaskView | null,
): ShortcutCommand | null {
  if (shortcut === "accept") {
    const request = acceptTarget(tasks);
    return request ? { operation: "acceptTask", taskId: request.id } : null;
  }
  const actions = selected?.call?.actions ?? [];
  if (!selected) return null;
  if (shortcut === "hold") {
    if (actions.includes("hold")) return { operation: "holdCall", taskId: selected.id };
    if (actions.includes("resume")) return { operation: "resumeCall", taskId: selected.id };
    return null;
  }
  return actions.includes("end") ? { operation: "endTask", taskId: selected.id } : null;
}
