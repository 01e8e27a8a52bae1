import type { ClosedWorkItem, OpenWorkItem, TaskView } from "@parley/protocol";
import { isActive } from "../tasks/orderTasks.ts";
import { type ScreenPop, screenPopFor } from "./screenPop.ts";
import { isVisitor, type TitleSource } from "./sessionLabels.ts";

/**
 * The multi-session workspace as a pure model: what sessions are open, which is in front, their
 * tabs and unsaved drafts. It never changes a contact: the server's task list goes in
 * (`syncTasks`) and the sessions follow it. It lives in the page's memory only, so a reload
 * starts again from `initialWorkspace` — Home alone (SES-9).
 */

/** SES-3: contact sessions open at once, any channel; Home does not count. */
export const MAX_SESSIONS = 10;
export const HOME = "home";

export type Tab =
  /** The communication panel of a contact: call controls, or the conversation (SES-14). */
  | { readonly id: string; readonly kind: "interaction"; readonly taskId: string }
  /** A screen pop (SES-4, SES-16) or the customer's details (SES-14). */
  | { readonly id: string; readonly kind: "pop"; readonly taskId: string; readonly pop: ScreenPop }
  /** The knowledge-base search application tab (SES-14). */
  | { readonly id: string; readonly kind: "kb" };

export interface Session {
  readonly id: string;
  /** `contact`: opened for an accepted contact; `record`: a customer opened from a work item. */
  readonly kind: "home" | "contact" | "record";
  /** The contact the session is about; null for Home. */
  readonly taskId: string | null;
  readonly source: TitleSource | null;
  /** SES-10: the N of "Visitor N" for an unauthenticated chat. */
  readonly visitor: number | null;
  readonly tabs: readonly Tab[];
  readonly activeTab: string | null;
  /** SES-5: unsaved input by field, kept while the agent is elsewhere. */
  readonly drafts: Readonly<Record<string, string>>;
}

/** What a customer session opened from a work item is about (SES-15). */
export interface RecordSource {
  readonly taskId: string;
  readonly source: TitleSource;
  readonly visitor: number | null;
}

/** A contact this page has seen accepted, remembered for its title while it lasts. */
export interface Seen extends RecordSource {
  readonly entryPointId: string;
}

export type Dialog =
  | { readonly kind: "none" }
  /** SES-3: the limit was reached; the agent is asked to close sessions. */
  | { readonly kind: "limit" }
  /** SES-8: closing asks first. */
  | { readonly kind: "confirm_close"; readonly sessionId: string };

export interface WorkspaceModel {
  /** Home first while it is open (SES-1), then in the order they opened. */
  readonly sessions: readonly Session[];
  readonly activeId: string | null;
  /** SES-13 */
  readonly panel: "expanded" | "collapsed";
  readonly dialog: Dialog;
  /** Accepted contacts seen so far, by task id; a contact opens a session once. */
  readonly seen: Readonly<Record<string, Seen>>;
  /** Contacts worked in Home: after a reload, at the limit, or after their session closed. */
  readonly inHome: readonly string[];
  readonly visitors: number;
  /** False until the first task list: what is already there then stays in Home (SES-9). */
  readonly synced: boolean;
}

const home = (): Session => ({
  id: HOME,
  kind: "home",
  taskId: null,
  source: null,
  visitor: null,
  tabs: [],
  activeTab: null,
  drafts: {},
});

/** SES-1, SES-9: a fresh page has Home and nothing else. */
export function initialWorkspace(): WorkspaceModel {
  return {
    sessions: [home()],
    activeId: HOME,
    panel: "expanded",
    dialog: { kind: "none" },
    seen: {},
    inHome: [],
    visitors: 0,
    synced: false,
  };
}

export const contactSessions = (ws: WorkspaceModel): number =>
  ws.sessions.filter((s) => s.kind !== "home").length;

const homeOpen = (ws: WorkspaceModel) => ws.sessions.some((s) => s.id === HOME);

const withHome = (ws: WorkspaceModel): WorkspaceModel =>
  homeOpen(ws) ? ws : { ...ws, sessions: [home(), ...ws.sessions] };

const mapSession = (ws: WorkspaceModel, id: string, f: (s: Session) => Session): WorkspaceModel => ({
  ...ws,
  sessions: ws.sessions.map((s) => (s.id === id ? f(s) : s)),
});

/** Adds a tab to a session and shows it, or shows it if the session has it already. */
function addTab(ws: WorkspaceModel, sessionId: string, tab: Tab): WorkspaceModel {
  return mapSession(ws, sessionId, (s) => ({
    ...s,
    tabs: s.tabs.some((x) => x.id === tab.id) ? s.tabs : [...s.tabs, tab],
    activeTab: tab.id,
  }));
}

const popTab = (sessionId: string, task: TaskView): Tab => ({
  id: `${sessionId}:pop:${task.id}`,
  kind: "pop",
  taskId: task.id,
  pop: screenPopFor(task),
});

/**
 * SES-2, SES-14: an accepted contact's session starts with its communication panel, its screen
 * pop (the customer's details by default) and a knowledge-base search tab.
 */
function openContactSession(ws: WorkspaceModel, task: TaskView, seen: Seen) {
  const id = `task:${task.id}`;
  const interaction: Tab = { id: `${id}:interaction`, kind: "interaction", taskId: task.id };
  const session: Session = {
    id,
    kind: "contact",
    taskId: task.id,
    source: seen.source,
    visitor: seen.visitor,
    tabs: [interaction, popTab(id, task), { id: `${id}:kb`, kind: "kb" }],
    activeTab: interaction.id,
    drafts: {},
  };
  return { ...ws, sessions: [...ws.sessions, session], activeId: id };
}

/**
 * Follows the server's task list. A newly accepted contact opens its session and comes to the
 * front, its screen pop a tab there (SES-2, SES-4, SES-14); a consult for this agent shows in the
 * active session instead (SES-2). At the limit the contact is handled in Home, its screen pop opens
 * in the active session and the agent is asked to close sessions (SES-3). The contacts already
 * there on the first list stay in Home: a reload keeps no sessions (SES-9).
 */
export function syncTasks(ws: WorkspaceModel, tasks: readonly TaskView[]): WorkspaceModel {
  const first = !ws.synced;
  const present = new Set(tasks.filter(isActive).map((x) => x.id));
  const seen: Record<string, Seen> = {};
  for (const [id, s] of Object.entries(ws.seen)) if (present.has(id)) seen[id] = s;
  let next: WorkspaceModel = {
    ...ws,
    synced: true,
    seen,
    inHome: ws.inHome.filter((id) => present.has(id)),
  };
  for (const task of tasks) {
    if (!isActive(task) || next.seen[task.id]) continue;
    const visitor = isVisitor(task) ? next.visitors + 1 : null;
    const entry: Seen = {
      taskId: task.id,
      source: { channel: task.channel, customer: task.customer },
      visitor,
      entryPointId: task.entryPointId,
    };
    next = { ...next, seen: { ...next.seen, [task.id]: entry }, visitors: visitor ?? next.visitors };
    if (first) {
      next = { ...next, inHome: [...next.inHome, task.id] };
    } else if (task.role === "consulted") {
      const target = next.activeId ?? HOME;
      next = addTab(withHome(next), target, {
        id: `${target}:interaction:${task.id}`,
        kind: "interaction",
        taskId: task.id,
      });
    } else if (contactSessions(next) >= MAX_SESSIONS) {
      next = { ...withHome(next), inHome: [...next.inHome, task.id], dialog: { kind: "limit" } };
      const target = next.activeId ?? HOME;
      next = addTab({ ...next, activeId: target }, target, popTab(target, task));
    } else {
      next = openContactSession(next, task, entry);
    }
  }
  return next;
}

/** Brings a session to the front. Switching keeps every session's tabs and drafts (SES-5). */
export function focusSession(ws: WorkspaceModel, sessionId: string): WorkspaceModel {
  return ws.sessions.some((s) => s.id === sessionId) ? { ...ws, activeId: sessionId } : ws;
}

export function selectTab(ws: WorkspaceModel, sessionId: string, tabId: string): WorkspaceModel {
  return mapSession(ws, sessionId, (s) =>
    s.tabs.some((x) => x.id === tabId) ? { ...s, activeTab: tabId } : s,
  );
}

/** SES-4: a tab opened now (a pop, a knowledge-base search) goes into the active session. */
export function openTab(ws: WorkspaceModel, tab: Tab): WorkspaceModel {
  return ws.activeId === null ? ws : addTab(ws, ws.activeId, tab);
}

/** SES-5: keeps what the agent typed in a session's field. */
export function setDraft(ws: WorkspaceModel, sessionId: string, key: string, value: string): WorkspaceModel {
  return mapSession(ws, sessionId, (s) => ({ ...s, drafts: { ...s.drafts, [key]: value } }));
}

/** SES-1: Home is anchored: the session panel offers no close for it. */
export const closableInPanel = (session: Session): boolean => session.kind !== "home";

/** SES-8: closing a session asks first. */
export function requestClose(ws: WorkspaceModel, sessionId: string): WorkspaceModel {
  return ws.sessions.some((s) => s.id === sessionId)
    ? { ...ws, dialog: { kind: "confirm_close", sessionId } }
    : ws;
}

export function dismissDialog(ws: WorkspaceModel): WorkspaceModel {
  return { ...ws, dialog: { kind: "none" } };
}

/** The contacts a session works on: its own and any consult shown in it. */
export const tasksOf = (session: Session): string[] => [
  ...new Set([
    ...(session.taskId && session.kind === "contact" ? [session.taskId] : []),
    ...session.tabs.flatMap((x) => (x.kind === "interaction" ? [x.taskId] : [])),
  ]),
];

/**
 * Closes sessions (after the confirmation of SES-8, or from the limit dialog of SES-3). A contact
 * still going on is handled in Home from then on. Closing Home only hides it: the desktop keeps
 * running and new contacts still open their sessions (SES-8).
 */
export function closeSessions(ws: WorkspaceModel, ids: readonly string[]): WorkspaceModel {
  const closing = ws.sessions.filter((s) => ids.includes(s.id));
  if (closing.length === 0) return dismissDialog(ws);
  const stillOn = closing.flatMap(tasksOf).filter((id) => ws.seen[id] && !ws.inHome.includes(id));
  const sessions = ws.sessions.filter((s) => !ids.includes(s.id));
  let activeId = ws.activeId;
  if (activeId !== null && ids.includes(activeId)) {
    const at = ws.sessions.findIndex((s) => s.id === activeId);
    const before = ws.sessions.slice(0, at).filter((s) => !ids.includes(s.id));
    activeId = before.at(-1)?.id ?? sessions[0]?.id ?? null;
  }
  return { ...ws, sessions, activeId, inHome: [...ws.inHome, ...stillOn], dialog: { kind: "none" } };
}

export function confirmClose(ws: WorkspaceModel): WorkspaceModel {
  return ws.dialog.kind === "confirm_close" ? closeSessions(ws, [ws.dialog.sessionId]) : ws;
}

/** SES-13 */
export function togglePanel(ws: WorkspaceModel): WorkspaceModel {
  return { ...ws, panel: ws.panel === "expanded" ? "collapsed" : "expanded" };
}

/** The session where a contact is worked on: its own, the one showing its consult, or Home. */
export function sessionOfTask(ws: WorkspaceModel, taskId: string): string | null {
  const own = ws.sessions.find((s) => s.kind === "contact" && s.taskId === taskId);
  if (own) return own.id;
  const showing = ws.sessions.find((s) => tasksOf(s).includes(taskId));
  if (showing) return showing.id;
  return ws.inHome.includes(taskId) && homeOpen(ws) ? HOME : null;
}

/** Choosing a contact in the task list shows its session; a closed Home opens again for it. */
export function showTask(ws: WorkspaceModel, taskId: string): WorkspaceModel {
  const id = sessionOfTask(ws, taskId);
  if (id) return focusSession(ws, id);
  return ws.inHome.includes(taskId) ? { ...withHome(ws), activeId: HOME } : ws;
}

/**
 * SES-15: shift-click on a work item (or Open on a closed one) opens a session about that
 * customer: their card and a knowledge-base search. An item with a session already shows it.
 */
export function openRecord(ws: WorkspaceModel, item: RecordSource): WorkspaceModel {
  const existing = ws.sessions.find((s) => s.taskId === item.taskId && s.kind !== "home");
  if (existing) return focusSession(ws, existing.id);
  if (contactSessions(ws) >= MAX_SESSIONS) return { ...ws, dialog: { kind: "limit" } };
  const id = `record:${item.taskId}`;
  const card: Tab = {
    id: `${id}:card`,
    kind: "pop",
    taskId: item.taskId,
    pop: { kind: "contact_card", address: item.source.customer.address ?? null },
  };
  const session: Session = {
    id,
    kind: "record",
    taskId: item.taskId,
    source: item.source,
    visitor: item.visitor,
    tabs: [card, { id: `${id}:kb`, kind: "kb" }],
    activeTab: card.id,
    drafts: {},
  };
  return { ...ws, sessions: [...ws.sessions, session], activeId: id };
}

/** The live call of the agent: a voice contact not yet in wrap-up. */
export function activeCall(tasks: readonly TaskView[]): TaskView | null {
  return (
    tasks.find(
      (x) =>
        isActive(x) &&
        x.channel === "voice" &&
        x.call !== null &&
        !x.wrapping &&
        x.call.main.state !== "wrap_up" &&
        x.call.main.state !== "post_call",
    ) ?? null
  );
}

/** SES-6: the session holding the active call while the agent is in another one, else null. */
export function callDot(ws: WorkspaceModel, tasks: readonly TaskView[]): string | null {
  const call = activeCall(tasks);
  const holder = call ? sessionOfTask(ws, call.id) : null;
  return holder !== null && holder !== ws.activeId ? holder : null;
}

/**
 * SES-7: whether a call session controls its call: only the session of the active call does;
 * another call session (a call in wrap-up, one handled elsewhere) is inactive.
 */
export function callSessionState(
  ws: WorkspaceModel,
  sessionId: string,
  tasks: readonly TaskView[],
): "active" | "inactive" | "none" {
  const session = ws.sessions.find((s) => s.id === sessionId);
  if (!session || session.kind === "home") return "none";
  const calls = tasks.filter((x) => x.channel === "voice" && tasksOf(session).includes(x.id));
  if (calls.length === 0) return session.source?.channel === "voice" ? "inactive" : "none";
  const live = activeCall(tasks);
  return live && calls.some((x) => x.id === live.id) ? "active" : "inactive";
}

/**
 * SES-15: Home's work-item streams: the agent's contacts, and the waiting and the closed ones the
 * server lists (`Me.openWorkItems`, `Me.closedWorkItems`) — the server keeps them, so a reload or
 * another browser shows the same.
 */
export function workItems(
  tasks: readonly TaskView[],
  open: readonly OpenWorkItem[],
  closed: readonly ClosedWorkItem[],
) {
  return { mine: tasks.filter(isActive), open, closed };
}

/**
 * A closed work item as a customer session opens it (SES-15). A contact this page still has a
 * session for keeps its title there ("Visitor N", SES-10).
 */
export function closedRecord(ws: WorkspaceModel, item: ClosedWorkItem): RecordSource {
  const customer = {
    ...(item.customerName ? { name: item.customerName } : {}),
    ...(item.customerAddress ? { address: item.customerAddress } : {}),
  };
  const session = ws.sessions.find((s) => s.kind !== "home" && s.taskId === item.taskId);
  return {
    taskId: item.taskId,
    source: { channel: item.channel, customer },
    visitor: session?.visitor ?? null,
  };
}
