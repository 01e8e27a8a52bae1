import type { CommandResult } from "@parley/protocol";
import type { DeskStore } from "../../desk/deskStore.ts";
import type { InteractionPanelProps } from "../call-control/InteractionPanel.tsx";
import { conflictsOf } from "../variables/drafts.ts";

type Services = Pick<
  InteractionPanelProps,
  "loadTargets" | "onSaveVariables" | "onRevealVariables" | "onRefresh"
>;

/**
 * What the interaction panel reads and saves beyond `me`: consult and transfer targets (CNS-2),
 * the organization directory searched as the agent types (CNS-13),
 * CAD saves with their conflicts (CALL-8), secure values fetched again (CALL-7), a refresh (CALL-9).
 */
export function panelServices(desk: DeskStore): Services {
  return {
    loadTargets: (taskId, purpose, search) =>
      desk.read("getCallTargets", { params: { taskId }, query: { purpose, ...(search ? { search } : {}) } }),
    onSaveVariables: async (taskId, edits) => {
      const out = await desk.command(
        "editVariables",
        { params: { taskId }, body: { edits } },
        { quiet: true },
      );
      return out.ok ? { ok: true, conflicts: conflictsOf(out.result as CommandResult) } : out;
    },
    onRevealVariables: async (taskId) =>
      (await desk.read("getTask", { params: { taskId }, query: { reveal: "true" } })).variables,
    onRefresh: () => void desk.refresh(),
  };
}
