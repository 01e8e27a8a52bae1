import type { TaskView } from "@parley/protocol";
import { useEffect, useMemo, useRef, useState } from "react";
import { readMark } from "./sessionLabels.ts";
import * as model from "./sessionModel.ts";

export interface SessionActions {
  focus(sessionId: string): void;
  selectTab(sessionId: string, tabId: string): void;
  setDraft(sessionId: string, key: string, value: string): void;
  requestClose(sessionId: string): void;
  confirmClose(): void;
  closeSessions(ids: readonly string[]): void;
  dismissDialog(): void;
  togglePanel(): void;
  openRecord(item: model.RecordSource): void;
  showTask(taskId: string): void;
}

export interface UseSessions {
  readonly model: model.WorkspaceModel;
  readonly actions: SessionActions;
  /** The contact of the session in front, for the task list's highlight. */
  readonly selectedTaskId: string | null;
}

/**
 * The workspace's sessions for this page: the pure model (`sessionModel.ts`) kept in React state,
 * following the server's task list. Focusing a session reads its conversation (SES-12).
 */
export function useSessions(
  tasks: readonly TaskView[],
  options: { onMarkRead?: (taskId: string, seq: number) => void } = {},
): UseSessions {
  const [ws, setWs] = useState(model.initialWorkspace);
  const [seenTasks, setSeenTasks] = useState<readonly TaskView[] | null>(null);
  // Follows the task list in the same render, so a new contact's session shows with it.
  if (seenTasks !== tasks) {
    setSeenTasks(tasks);
    setWs((w) => model.syncTasks(w, tasks));
  }

  const active = ws.sessions.find((s) => s.id === ws.activeId) ?? null;
  const marked = useRef(new Map<string, number>());
  const onMarkRead = options.onMarkRead;
  useEffect(() => {
    if (!active || !onMarkRead) return;
    const ids = active.kind === "home" ? ws.inHome : model.tasksOf(active);
    for (const id of ids) {
      const seq = readMark(tasks.find((x) => x.id === id));
      if (seq === null || marked.current.get(id) === seq) continue;
      marked.current.set(id, seq);
      onMarkRead(id, seq);
    }
  }, [active, tasks, ws.inHome, onMarkRead]);

  const actions = useMemo<SessionActions>(
    () => ({
      focus: (id) => setWs((w) => model.focusSession(w, id)),
      selectTab: (id, tab) => setWs((w) => model.selectTab(w, id, tab)),
      setDraft: (id, key, value) => setWs((w) => model.setDraft(w, id, key, value)),
      requestClose: (id) => setWs((w) => model.requestClose(w, id)),
      confirmClose: () => setWs(model.confirmClose),
      closeSessions: (ids) => setWs((w) => model.closeSessions(w, ids)),
      dismissDialog: () => setWs(model.dismissDialog),
      togglePanel: () => setWs(model.togglePanel),
      openRecord: (item) => setWs((w) => model.openRecord(w, item)),
      showTask: (taskId) => setWs((w) => model.showTask(w, taskId)),
    }),
    [],
  );
  const selectedTaskId = active?.kind === "contact" ? active.taskId : null;
  return { model: ws, actions, selectedTaskId };
}
