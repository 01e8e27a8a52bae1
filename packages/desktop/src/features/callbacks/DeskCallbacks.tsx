import type { TeamAgent } from "@parley/protocol";
import type { DeskStore } from "../../desk/deskStore.ts";
import { CallbacksDialog } from "./CallbacksDialog.tsx";
import { useCallbacks } from "./useCallbacks.ts";

export interface DeskCallbacksProps {
  readonly desk: DeskStore;
  readonly clockOffset: number;
  /** The active contact's customer, when opened from one. */
  readonly customer?: { name?: string; address?: string };
  /** The active callback entry points the agent may choose (CB-8), from `me`. */
  readonly entryPoints: readonly { id: string; name: string }[];
  /** CB-6: the login team's agents, from `me`. */
  readonly teamAgents: readonly TeamAgent[];
  /** Kept mounted while closed, so the Manage tab keeps what was scheduled. */
  readonly open: boolean;
  readonly onClose: () => void;
}

/** The callbacks dialog wired to the desk: listCallbacks, scheduleCallback, updateCallback, deleteCallback. */
export function DeskCallbacks({
  desk,
  clockOffset,
  customer,
  entryPoints,
  teamAgents,
  open,
  onClose,
}: DeskCallbacksProps) {
  const { callbacks, error, schedule, update, remove } = useCallbacks(desk, open);
  if (!open) return null;
  return (
    <div className="popover callbacks-popover">
      <CallbacksDialog
        now={() => Date.now() + clockOffset}
        entryPoints={entryPoints}
        teamAgents={teamAgents}
        listError={error}
        {...(customer ? { customer } : {})}
        callbacks={callbacks}
        onSchedule={schedule}
        onUpdate={update}
        onDelete={remove}
        onClose={onClose}
      />
    </div>
  );
}
