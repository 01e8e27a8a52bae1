import type { Me } from "@parley/protocol";
import type { SocketStatus } from "@parley/sdk";
import type { DeskStore } from "../../desk/deskStore.ts";
import { SupervisorBoard } from "./SupervisorBoard.tsx";
import { useSupervisor } from "./useSupervisor.ts";

export interface SupervisorPanelProps {
  readonly desk: DeskStore;
  readonly me: Me;
  readonly connection: SocketStatus;
  readonly pending: readonly string[];
}

/** The supervisor's view wired to the desk: shown to users with the supervisor role. */
export function SupervisorPanel({ desk, me, connection, pending }: SupervisorPanelProps) {
  const { view, syncedAt, monitors } = useSupervisor(desk, me.user.id, connection);
  return (
    <SupervisorBoard
      view={view}
      syncedAt={syncedAt}
      idleCodes={me.idleCodes}
      monitors={monitors}
      pending={pending}
      onChangeState={(agentId, state) =>
        void desk.command("changeAgentState", { params: { agentId }, body: { state } })
      }
      onLogout={(agentId) => void desk.command("logoutAgent", { params: { agentId } })}
      onMonitor={(taskId, agentId, action) =>
        void desk.command("monitorCall", { params: { taskId }, body: { action, agentId } })
      }
    />
  );
}

/** Whether the user sees the supervisor's view. */
export const isSupervisor = (me: Me): boolean => me.user.roles.includes("supervisor");
