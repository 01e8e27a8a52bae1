import type { TaskView } from "@parley/protocol";
import { useEffect, useRef } from "react";
import { commandFor, type ShortcutCommand, shortcutOf } from "./shortcuts.ts";

/** Listens for the accept, hold and end shortcuts on the whole page while mounted. */
export function useShortcuts(
  tasks: readonly TaskView[],
  selected: TaskView | null,
  onCommand: (command: ShortcutCommand) => void,
): void {
  // The listener stays put; what it acts on is always the latest render's.
  const latest = useRef({ tasks, selected, onCommand });
  latest.current = { tasks, selected, onCommand };
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      const shortcut = shortcutOf(e);
      if (!shortcut || e.repeat) return;
      const { tasks: now, selected: chosen, onCommand: send } = latest.current;
      const command = commandFor(shortcut, now, chosen);
      if (!command) return;
      e.preventDefault();
      send(command);
    };
    document.addEventListener("keydown", onKey);
    return () => document.removeEventListener("keydown", onKey);
  }, []);
}
