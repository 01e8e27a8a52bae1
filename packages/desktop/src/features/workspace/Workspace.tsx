import type { Me } from "@parley/protocol";
import type { SocketStatus } from "@parley/sdk";
import { useState } from "react";
import type { DeskStore } from "../../desk/deskStore.ts";
import { t } from "../../i18n/t.ts";
import { Header } from "../availability/Header.tsx";
import { RonaDialog } from "../availability/RonaDialog.tsx";
import { InteractionPanel } from "../call-control/InteractionPanel.tsx";
import { isActive } from "../tasks/orderTasks.ts";
import { TaskList } from "../tasks/TaskList.tsx";

export interface WorkspaceProps {
  readonly desk: DeskStore;
  readonly me: Me & { agent: NonNullable<Me["agent"]> };
  readonly syncedAt: number;
  readonly connection: SocketStatus;
  readonly pending: readonly string[];
  readonly notice: string | null;
}

/** The signed-in agent's screen: header, task list, interaction panel, RONA popover. */
export function Workspace({ desk, me, syncedAt, connection, pending, notice }: WorkspaceProps) {
  const [chosenTask, setChosenTask] = useState<string | null>(null);
  const agent = me.agent;
  const clockOffset = me.now - syncedAt;
  const active = me.tasks.filter(isActive);
  // The panel shows the chosen contact while it lasts, else the first active one.
  const selected = active.find((x) => x.id === chosenTask) ?? active[0] ?? null;
  const stateBusy = pending.includes("changeAgentState:me");
  const agentParams = { params: { agentId: "me" } } as const;

  return (
    <div className="workspace">
      <Header
        userName={me.user.name}
        agent={agent}
        idleCodes={me.idleCodes}
        syncedAt={syncedAt}
        busy={stateBusy}
        onChoose={(state) => void desk.command("changeAgentState", { ...agentParams, body: { state } })}
        onSignOut={() => void desk.signOut()}
      />
      {connection === "reconnecting" && (
        <div className="banner" role="status">
          {t("connection.reconnecting")}
        </div>
      )}
      {notice && (
        <div className="banner error" role="alert">
          <span>{notice}</span>
          <button type="button" className="quiet" onClick={() => desk.dismissNotice()}>
            {t("notice.dismiss")}
          </button>
        </div>
      )}
      <main className="columns">
        <TaskList
          tasks={me.tasks}
          clockOffset={clockOffset}
          selectedId={selected?.id ?? null}
          pending={pending}
          onSelect={setChosenTask}
          onAccept={(taskId) => {
            setChosenTask(taskId);
            void desk.command("acceptTask", { params: { taskId } });
          }}
          onDecline={(taskId) => void desk.command("declineTask", { params: { taskId } })}
        />
        <InteractionPanel
          task={selected}
          wrapUpCodes={me.wrapUpCodes}
          clockOffset={clockOffset}
          pending={pending}
          onCommand={(operation, taskId) => void desk.command(operation, { params: { taskId } } as never)}
          onTarget={(action, taskId, target) =>
            void (action === "consult"
              ? desk.command("startConsult", { params: { taskId }, body: { target } })
              : desk.command("transferCall", { params: { taskId }, body: { target } }))
          }
          onWrapUp={(taskId, codeId) =>
            void desk.command("wrapUpTask", { params: { taskId }, body: { codeId } })
          }
        />
      </main>
      {agent.presence.type === "rona" && (
        <RonaDialog
          busy={stateBusy}
          onGoAvailable={() =>
            void desk.command("changeAgentState", { ...agentParams, body: { state: { type: "available" } } })
          }
          onGoIdle={() =>
            void desk.command("changeAgentState", { ...agentParams, body: { state: { type: "idle" } } })
          }
        />
      )}
    </div>
  );
}
