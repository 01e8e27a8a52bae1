import type { Me } from "@parley/protocol";
import type { SocketStatus } from "@parley/sdk";
import { useState } from "react";
import type { DeskStore } from "../../desk/deskStore.ts";
import { SupervisorDesk } from "../supervisor/SupervisorDesk.tsx";
import { isSupervisor } from "../supervisor/SupervisorPanel.tsx";
import { StationForm } from "./StationForm.tsx";

export interface StationScreenProps {
  readonly desk: DeskStore;
  readonly me: Me;
  readonly connection: SocketStatus;
  readonly failedReconnects: number;
  readonly pending: readonly string[];
  readonly notice: string | null;
}

/**
 * A signed-in user with no agent login: the station form, or — for a supervisor who chose to
 * supervise only — their teams' board (SUP-1). The desk keeps the choice, so a reload comes back
 * to the board; an agent login replaces it with the workspace, and signing out forgets it.
 */
export function StationScreen({ desk, me, ...rest }: StationScreenProps) {
  const [superviseOnly, setChoice] = useState(() => desk.superviseOnly);
  const setSuperviseOnly = (on: boolean) => {
    desk.superviseOnly = on;
    setChoice(on);
  };
  const supervisor = isSupervisor(me);
  if (supervisor && superviseOnly)
    return <SupervisorDesk desk={desk} me={me} {...rest} onLogInAsAgent={() => setSuperviseOnly(false)} />;
  return (
    <StationForm
      userName={me.user.name}
      teamIds={me.user.teamIds}
      onSignOut={() => void desk.signOut()}
      onSubmit={(station) =>
        desk.command("loginAgent", { params: { agentId: "me" }, body: { station } }, { quiet: true })
      }
      onSuperviseOnly={supervisor ? () => setSuperviseOnly(true) : undefined}
    />
  );
}
