import type { TaskView } from "@parley/protocol";
import type { DeskStore } from "../../desk/deskStore.ts";
import { PopoverStack } from "./PopoverStack.tsx";
import { callbackDetails } from "./popoverStack.ts";
import { useBrowserNotifications } from "./useBrowserNotifications.ts";

export interface DeskPopoversProps {
  readonly desk: DeskStore;
  readonly tasks: readonly TaskView[];
  readonly clockOffset: number;
  readonly pending: readonly string[];
  /** The agent's presence type: RONA and first-Available drive notifications (RTE-9). */
  readonly presence: string;
  /** POP-1: popovers show while the task list is collapsed; the list shows requests otherwise. */
  readonly show: boolean;
  readonly onAccepted?: (taskId: string) => void;
}

/** The popover stack and browser notifications, wired to the desk's commands. */
export function DeskPopovers({
  desk,
  tasks,
  clockOffset,
  pending,
  presence,
  show,
  onAccepted,
}: DeskPopoversProps) {
  useBrowserNotifications(tasks, presence);
  if (!show) return null;
  return (
    <PopoverStack
      tasks={tasks}
      clockOffset={clockOffset}
      pending={pending}
      callbackOf={(task) => callbackDetails(task, clockOffset)}
      onAccept={(taskId) => {
        onAccepted?.(taskId);
        void desk.command("acceptTask", { params: { taskId } });
      }}
      onDecline={(taskId) => void desk.command("declineTask", { params: { taskId } })}
      onAcceptAll={() => void desk.command("acceptAllDigital", {})}
    />
  );
}
