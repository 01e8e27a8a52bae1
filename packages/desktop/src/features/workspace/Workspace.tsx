import type { Me } from "@parley/protocol";
import type { SocketStatus } from "@parley/sdk";
import { useState } from "react";
import { type DeskStore, RECONNECT_ALERT_AFTER } from "../../desk/deskStore.ts";
import { t } from "../../i18n/t.ts";
import { Header } from "../availability/Header.tsx";
import { RonaDialog } from "../availability/RonaDialog.tsx";
import { InteractionPanel } from "../call-control/InteractionPanel.tsx";
import { DeskCallbacks } from "../callbacks/DeskCallbacks.tsx";
import { panelServices } from "../consult/deskServices.ts";
import { DeskConversation } from "../digital/DeskConversation.tsx";
import { DeskPopovers } from "../popovers/DeskPopovers.tsx";
import { Sessions } from "../sessions/Sessions.tsx";
import { useSessions } from "../sessions/useSessions.ts";
import { ShortcutHelp } from "../shortcuts/ShortcutHelp.tsx";
import { useShortcuts } from "../shortcuts/useShortcuts.ts";
import { isSupervisor, SupervisorPanel } from "../supervisor/SupervisorPanel.tsx";
import { isActive } from "../tasks/orderTasks.ts";
import { TaskList } from "../tasks/TaskList.tsx";

export interface WorkspaceProps {
  readonly desk: DeskStore;
  readonly me: Me & { agent: NonNullable<Me["agent"]> };
  readonly syncedAt: number;
  readonly connection: SocketStatus;
  /** CON-4: reconnect attempts that failed since the socket was last open. */
  readonly failedReconnects?: number;
  readonly pending: readonly string[];
  readonly notice: string | null;
}

/** The signed-in agent's screen: header, task list, interaction panel, RONA popover. */
export function Workspace({
  desk,
  me,
  syncedAt,
  connection,
  failedReconnects = 0,
  pending,
  notice,
}: WorkspaceProps) {
  const [chosenTask, setChosenTask] = useState<string | null>(null);
  const [tasksCollapsed, setTasksCollapsed] = useState(false);
  /** The callbacks dialog, and the contact it was opened from (CB-4): its customer prefills the form. */
  const [callbacks, setCallbacks] = useState<{ from: Me["tasks"][number] | null } | null>(null);
  const agent = me.agent;
  const clockOffset = me.now - syncedAt;
  const active = me.tasks.filter(isActive);
  // SES-1…SES-16: a session per accepted contact; the selected contact is the one in front.
  const sessions = useSessions(me.tasks);
  const chosen = sessions.selectedTaskId ?? chosenTask;
  const selected = active.find((x) => x.id === chosen) ?? active[0] ?? null;
  const stateBusy = pending.includes("changeAgentState:me");
  const agentParams = { params: { agentId: "me" } } as const;
  useShortcuts(me.tasks, selected, ({ operation, taskId }) => {
    if (operation === "acceptTask") setChosenTask(taskId);
    void desk.command(operation, { params: { taskId } });
  });

  return (
    <div className="workspace">
      <Header
        userName={me.user.name}
        roles={me.user.roles}
        agent={agent}
        idleCodes={me.idleCodes}
        syncedAt={syncedAt}
        busy={stateBusy}
        onChoose={(state) => void desk.command("changeAgentState", { ...agentParams, body: { state } })}
        onSignOut={() => void desk.signOut()}
      />
      {connection === "reconnecting" && <ConnectionBanner failed={failedReconnects} />}
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
          onSelect={(taskId) => {
            setChosenTask(taskId);
            sessions.actions.showTask(taskId);
          }}
          onAccept={(taskId) => {
            setChosenTask(taskId);
            void desk.command("acceptTask", { params: { taskId } });
          }}
          onDecline={(taskId) => void desk.command("declineTask", { params: { taskId } })}
          collapsed={tasksCollapsed}
          onToggleCollapsed={() => setTasksCollapsed((c) => !c)}
          onNewCallback={() => setCallbacks({ from: selected })}
        />
        <Sessions
          model={sessions.model}
          tasks={me.tasks}
          actions={sessions.actions}
          pending={pending}
          lookup={(address) => desk.read("lookupContacts", { query: { address } })}
          search={(q) => desk.read("searchArticles", { query: { q } })}
          openItems={me.openWorkItems}
          closedItems={me.closedWorkItems}
          onPick={(taskId) => void desk.command("pickTask", { params: { taskId } })}
          renderInteraction={(task, shown) => (
            <>
              <InteractionPanel
                task={task}
                wrapUpCodes={me.wrapUpCodes}
                clockOffset={clockOffset}
                pending={pending}
                onCommand={(operation, taskId) =>
                  void desk.command(operation, { params: { taskId } } as never)
                }
                onTarget={(action, taskId, target) =>
                  void (action === "consult"
                    ? desk.command("startConsult", { params: { taskId }, body: { target } })
                    : // An expert is only consulted: the transfer dialog has no directory (CNS-13).
                      target.kind !== "directory" &&
                      desk.command("transferCall", { params: { taskId }, body: { target } }))
                }
                onWrapUp={(taskId, codeId) =>
                  void desk.command("wrapUpTask", { params: { taskId }, body: { codeId } })
                }
                onScheduleCallback={(from) => setCallbacks({ from })}
                {...panelServices(desk)}
              />
              <DeskConversation desk={desk} task={task} pending={pending} visible={shown} />
            </>
          )}
        />
      </main>
      <ShortcutHelp />
      {isSupervisor(me) && <SupervisorPanel desk={desk} me={me} connection={connection} pending={pending} />}
      <DeskPopovers
        desk={desk}
        tasks={me.tasks}
        clockOffset={clockOffset}
        pending={pending}
        presence={agent.presence.type}
        show={tasksCollapsed}
        onAccepted={setChosenTask}
      />
      <DeskCallbacks
        desk={desk}
        clockOffset={clockOffset}
        {...(callbacks?.from ? { customer: callbacks.from.customer } : {})}
        entryPoints={me.callbackEntryPoints}
        teamAgents={me.teamAgents}
        open={callbacks !== null}
        onClose={() => setCallbacks(null)}
      />
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

/**
 * CON-4: while the socket reconnects a quiet banner says so; after several failed attempts it
 * becomes an alert, read out at once, telling the agent to check the network.
 */
export function ConnectionBanner({ failed }: { failed: number }) {
  if (failed < RECONNECT_ALERT_AFTER)
    return (
      <div className="banner" role="status">
        {t("connection.reconnecting")}
      </div>
    );
  return (
    <div className="banner error" role="alert">
      {t("connection.failing", { count: failed })}
    </div>
  );
}
