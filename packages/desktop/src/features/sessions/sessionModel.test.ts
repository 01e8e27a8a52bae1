import type { ClosedWorkItem, TaskView } from "@parley/protocol";
import { describe, expect, it } from "vitest";
import { callView, taskView } from "../../../test/fixtures.ts";
import { fillTemplate, screenPopFor } from "./screenPop.ts";
import { type LabelWords, readMark, sessionBadge, sessionIcon, sessionTitle } from "./sessionLabels.ts";
import {
  callDot,
  callSessionState,
  closableInPanel,
  closedRecord,
  closeSessions,
  confirmClose,
  contactSessions,
  dismissDialog,
  focusSession,
  HOME,
  initialWorkspace,
  MAX_SESSIONS,
  openRecord,
  openTab,
  requestClose,
  selectTab,
  setDraft,
  showTask,
  syncTasks,
  togglePanel,
  type WorkspaceModel,
  workItems,
} from "./sessionModel.ts";

/** A workspace after its first (empty) task list: what a freshly signed-in desktop has. */
const fresh = () => syncTasks(initialWorkspace(), []);
const call = (id: string, over: Partial<TaskView> = {}) =>
  taskView({
    id,
    customer: { name: `Customer ${id}`, address: `+4670000${id.replace(/\D/g, "")}` },
    call: callView(["hold", "end"]),
    ...over,
  });
const chat = (id: string, over: Partial<TaskView> = {}) =>
  taskView({ id, channel: "chat", call: null, customer: {}, ...over });
const conversation = (over: Partial<NonNullable<TaskView["conversation"]>> = {}) => ({
  state: "active" as const,
  messages: [
    { seq: 1, from: "customer" as const, agentId: null, text: "hi", at: 1, sentiment: null },
    { seq: 4, from: "customer" as const, agentId: null, text: "hello?", at: 2, sentiment: -0.6 },
  ],
  unread: 0,
  sentiment: null,
  sentimentAlert: false,
  persistent: false,
  ...over,
});
const words: LabelWords = { visitor: (n) => `Visitor ${n}`, unknown: "Unknown" };
const ids = (ws: WorkspaceModel) => ws.sessions.map((s) => s.id);
const session = (ws: WorkspaceModel, id: string) => {
  const s = ws.sessions.find((x) => x.id === id);
  if (!s) throw new Error(`no session ${id}`);
  return s;
};
/** Accepts contacts one after another, each in a task list of its own plus those before. */
function accept(ws: WorkspaceModel, ...tasks: TaskView[]): { ws: WorkspaceModel; tasks: TaskView[] } {
  let list: TaskView[] = [];
  let next = ws;
  for (const task of tasks) {
    list = [...list, task];
    next = syncTasks(next, list);
  }
  return { ws: next, tasks: list };
}

describe("the session model", () => {
  it("SES-1 Home is there from the start, anchored: the session panel offers no close for it", () => {
    const ws = fresh();
    expect(ids(ws)).toEqual([HOME]);
    expect(ws.activeId).toBe(HOME);
    expect(closableInPanel(session(ws, HOME))).toBe(false);
    const { ws: withCall } = accept(ws, call("t1"));
    expect(closableInPanel(session(withCall, "task:t1"))).toBe(true);
    expect(withCall.sessions[0]?.id).toBe(HOME);
  });

  it("SES-2 accepting a contact opens its session in front; an offer alone opens nothing", () => {
    const offered = syncTasks(fresh(), [
      call("t1", {
        status: "offered",
        role: null,
        offer: { phase: "requested", expiresAt: 1, flashAt: null },
      }),
    ]);
    expect(ids(offered)).toEqual([HOME]);
    const { ws } = accept(fresh(), call("t1"), chat("t2"));
    expect(ids(ws)).toEqual([HOME, "task:t1", "task:t2"]);
    expect(ws.activeId).toBe("task:t2");
    // The same contact in the next task list opens nothing more.
    expect(ids(syncTasks(ws, [call("t1"), chat("t2")]))).toEqual(ids(ws));
  });

  it("SES-2 a consult call opens no new session: it shows in the active session", () => {
    const { ws, tasks } = accept(fresh(), chat("t1"));
    const consult = call("t9", { role: "consulted" });
    const next = syncTasks(ws, [...tasks, consult]);
    expect(ids(next)).toEqual([HOME, "task:t1"]);
    const active = session(next, "task:t1");
    expect(active.tabs.some((x) => x.kind === "interaction" && x.taskId === "t9")).toBe(true);
    expect(active.activeTab).toBe("task:t1:interaction:t9");
  });

  it("SES-3 an 11th session is refused: the contact is handled in Home, its pop opens in the active session, a dialog asks to close sessions", () => {
    const ten = Array.from({ length: MAX_SESSIONS }, (_, i) => chat(`c${i}`));
    const { ws, tasks } = accept(fresh(), ...ten);
    expect(contactSessions(ws)).toBe(10);
    expect(ws.dialog.kind).toBe("none");
    const eleventh = syncTasks(ws, [...tasks, call("t11")]);
    expect(contactSessions(eleventh)).toBe(10);
    expect(eleventh.inHome).toEqual(["t11"]);
    expect(eleventh.dialog).toEqual({ kind: "limit" });
    expect(eleventh.activeId).toBe("task:c9");
    const pop = session(eleventh, "task:c9").tabs.find((x) => x.kind === "pop" && x.taskId === "t11");
    expect(pop).toBeTruthy();
    // Closing sessions from the dialog makes room again.
    const closed = closeSessions(eleventh, ["task:c0", "task:c1"]);
    expect(contactSessions(closed)).toBe(8);
    expect(closed.dialog.kind).toBe("none");
  });

  it("SES-3 a customer session from a work item is refused at the limit too", () => {
    const { ws } = accept(fresh(), ...Array.from({ length: MAX_SESSIONS }, (_, i) => chat(`c${i}`)));
    const item = {
      taskId: "old",
      source: { channel: "voice" as const, customer: { name: "Old" } },
      visitor: null,
      entryPointId: "ep",
    };
    const next = openRecord(ws, item);
    expect(contactSessions(next)).toBe(10);
    expect(next.dialog.kind).toBe("limit");
  });

  it("SES-4 SES-14 a session starts with its communication panel, the screen pop of the customer and a knowledge-base search tab", () => {
    const { ws } = accept(fresh(), call("t1"));
    const s = session(ws, "task:t1");
    expect(s.tabs.map((x) => x.kind)).toEqual(["interaction", "pop", "kb"]);
    expect(s.tabs[1]).toMatchObject({ pop: { kind: "contact_card", address: "+46700001" } });
    expect(s.activeTab).toBe("task:t1:interaction");
    // A tab opened later lands in whatever session is in front.
    const home = focusSession(ws, HOME);
    const withKb = openTab(home, { id: "home:kb", kind: "kb" });
    expect(session(withKb, HOME).tabs.map((x) => x.id)).toEqual(["home:kb"]);
  });

  it("SES-5 switching sessions keeps a half-filled form and the chosen tab", () => {
    const { ws } = accept(fresh(), call("t1"), chat("t2"));
    let next = setDraft(ws, "task:t1", "kb.query", "refund po");
    next = selectTab(next, "task:t1", "task:t1:kb");
    next = focusSession(next, "task:t2");
    next = setDraft(next, "task:t2", "kb.query", "router");
    next = focusSession(next, "task:t1");
    expect(session(next, "task:t1").drafts["kb.query"]).toBe("refund po");
    expect(session(next, "task:t1").activeTab).toBe("task:t1:kb");
    expect(session(next, "task:t2").drafts["kb.query"]).toBe("router");
  });

  it("SES-6 a dot marks the session of the active call once the agent switches away", () => {
    const { ws, tasks } = accept(fresh(), call("t1"), chat("t2"));
    expect(ws.activeId).toBe("task:t2");
    expect(callDot(ws, tasks)).toBe("task:t1");
    expect(callDot(focusSession(ws, "task:t1"), tasks)).toBeNull();
    const wrapped = [call("t1", { wrapping: true, call: callView(["wrap_up"], "wrap_up") }), chat("t2")];
    expect(callDot(ws, wrapped)).toBeNull();
  });

  it("SES-7 only the session of the active call controls it; another call session is inactive", () => {
    const first = call("t1", { wrapping: true, call: callView(["wrap_up"], "wrap_up") });
    const { ws, tasks } = accept(fresh(), first, call("t2"), chat("t3"));
    expect(callSessionState(ws, "task:t2", tasks)).toBe("active");
    expect(callSessionState(ws, "task:t1", tasks)).toBe("inactive");
    expect(callSessionState(ws, "task:t3", tasks)).toBe("none");
    expect(callSessionState(ws, HOME, tasks)).toBe("none");
  });

  it("SES-8 closing a session asks first; a contact still going on is handled in Home", () => {
    const { ws, tasks } = accept(fresh(), call("t1"));
    const asked = requestClose(ws, "task:t1");
    expect(asked.dialog).toEqual({ kind: "confirm_close", sessionId: "task:t1" });
    expect(ids(asked)).toEqual([HOME, "task:t1"]);
    expect(ids(dismissDialog(asked))).toEqual([HOME, "task:t1"]);
    const closed = confirmClose(asked);
    expect(ids(closed)).toEqual([HOME]);
    expect(closed.activeId).toBe(HOME);
    expect(closed.inHome).toEqual(["t1"]);
    // The contact does not open a session again on the next read.
    expect(ids(syncTasks(closed, tasks))).toEqual([HOME]);
  });

  it("SES-8 Home can be closed, and the desktop keeps running: a new call still opens its session", () => {
    const closed = confirmClose(requestClose(fresh(), HOME));
    expect(ids(closed)).toEqual([]);
    expect(closed.activeId).toBeNull();
    const next = syncTasks(closed, [call("t1")]);
    expect(ids(next)).toEqual(["task:t1"]);
    expect(next.activeId).toBe("task:t1");
    // A reload starts from Home again.
    expect(ids(initialWorkspace())).toEqual([HOME]);
  });

  it("SES-9 after a reload only Home is there; the contacts already going on are handled in Home", () => {
    const reloaded = syncTasks(initialWorkspace(), [call("t1"), chat("t2")]);
    expect(ids(reloaded)).toEqual([HOME]);
    expect(reloaded.inHome).toEqual(["t1", "t2"]);
    expect(showTask(reloaded, "t1").activeId).toBe(HOME);
    // Contacts accepted after the reload open sessions again.
    expect(ids(syncTasks(reloaded, [call("t1"), chat("t2"), chat("t3")]))).toEqual([HOME, "task:t3"]);
  });

  it("SES-10 titles: the customer's name, 'Visitor N' for an unauthenticated chat; the icon is two letters", () => {
    const { ws } = accept(
      fresh(),
      chat("t1"),
      call("t2"),
      chat("t3"),
      chat("t4", { customer: { name: "Bo Ek" } }),
    );
    const title = (id: string) => {
      const s = session(ws, id);
      return s.source ? sessionTitle(s.source, s.visitor, words) : "";
    };
    expect(title("task:t1")).toBe("Visitor 1");
    expect(title("task:t2")).toBe("Customer t2");
    expect(title("task:t3")).toBe("Visitor 2");
    expect(title("task:t4")).toBe("Bo Ek");
    expect(sessionIcon("Visitor 2")).toBe("Vi");
    expect(sessionIcon("Åsa Öberg")).toBe("Ås");
    expect(sessionIcon("+46 70 123")).toBe("46");
    expect(sessionTitle({ channel: "voice", customer: { address: "+4670" } }, null, words)).toBe("+4670");
  });

  it("SES-11 the sentiment alert shows as an exclamation mark", () => {
    expect(sessionBadge(conversation({ sentimentAlert: true, unread: 3 }))).toEqual({ kind: "alert" });
    expect(sessionBadge(conversation({ sentimentAlert: false }))).toEqual({ kind: "none" });
    expect(sessionBadge(null)).toEqual({ kind: "none" });
  });

  it("SES-12 unread counts show up to 9, then '9+'; focusing reads up to the last message", () => {
    expect(sessionBadge(conversation({ unread: 9 }))).toEqual({ kind: "unread", count: 9, text: "9" });
    expect(sessionBadge(conversation({ unread: 10 }))).toEqual({ kind: "unread", count: 10, text: "9+" });
    expect(readMark(chat("t1", { conversation: conversation({ unread: 2 }) }))).toBe(4);
    expect(readMark(chat("t1", { conversation: conversation({ unread: 0 }) }))).toBeNull();
  });

  it("SES-13 the session panel expands and collapses", () => {
    const ws = fresh();
    expect(ws.panel).toBe("expanded");
    expect(togglePanel(ws).panel).toBe("collapsed");
    expect(togglePanel(togglePanel(ws)).panel).toBe("expanded");
  });

  it("SES-15 Home's work items: mine, and the waiting and closed ones the server lists; a closed one opens as a customer session", () => {
    const request = chat("t3", {
      status: "offered",
      role: null,
      offer: { phase: "requested", expiresAt: 1, flashAt: null },
    });
    const waiting = {
      taskId: "t4",
      channel: "chat" as const,
      customerName: null,
      customerAddress: null,
      queueId: "q-chat",
      queueName: "Support chat",
      waitingSince: 1,
    };
    const { ws, tasks } = accept(fresh(), call("t1"), chat("t2"));
    const closedCall: ClosedWorkItem = {
      taskId: "t1",
      channel: "voice",
      customerName: "Customer t1",
      customerAddress: call("t1").customer.address ?? null,
      queueId: "q-voice",
      queueName: "Support voice",
      role: "owner",
      startedAt: 1,
      closedAt: 2,
      wrapUpCodeId: "resolved",
      wrapUpCodeName: "Resolved",
    };
    const items = workItems([...tasks, request], [waiting], [closedCall]);
    expect(items.mine.map((x) => x.id)).toEqual(["t1", "t2"]);
    // An offer is a request in the popover, not an open work item.
    expect(items.open.map((x) => x.taskId)).toEqual(["t4"]);
    expect(items.closed).toEqual([closedCall]);
    // The call ends: the page keeps no list of its own; the server's item opens the customer.
    const ended = syncTasks(ws, [chat("t2")]);
    expect(Object.keys(ended.seen)).toEqual(["t2"]);
    const record = closedRecord(ended, closedCall);
    expect(record).toEqual({
      taskId: "t1",
      source: { channel: "voice", customer: call("t1").customer },
      visitor: null,
    });
    const reopened = openRecord(closeSessions(ended, ["task:t1"]), record);
    expect(reopened.activeId).toBe("record:t1");
    expect(session(reopened, "record:t1").tabs.map((x) => x.kind)).toEqual(["pop", "kb"]);
    // An item with a session open already just shows it.
    expect(openRecord(ended, record).activeId).toBe("task:t1");
    // SES-10: a closed chat whose session is still open keeps its "Visitor N".
    const closedChat = { ...closedCall, taskId: "t2", channel: "chat" as const, customerName: null };
    expect(closedRecord(ended, { ...closedChat, customerAddress: null }).visitor).toBe(1);
  });

  it("SES-16 a screen pop follows its entry point's rule: the contact card, or an external page from a URL template", () => {
    const task = call("t1", {
      entryPointId: "ep-crm",
      variables: [
        {
          name: "accountNo",
          label: "Account",
          type: "STRING",
          value: "A 17",
          secure: false,
          masked: null,
          revealable: false,
          editable: true,
          version: 1,
        },
        {
          name: "pin",
          label: "PIN",
          type: "STRING",
          value: "••••",
          secure: true,
          masked: "secure",
          revealable: false,
          editable: false,
          version: 1,
        },
      ],
    });
    const rule = {
      kind: "url" as const,
      template: "https://crm.example/pop?ani={address}&acct={accountNo}&pin={pin}",
    };
    const crm = { ...task, screenPop: rule };
    expect(screenPopFor(crm)).toEqual({
      kind: "url",
      url: "https://crm.example/pop?ani=%2B46700001&acct=A%2017&pin=",
      title: null,
    });
    expect(screenPopFor({ ...crm, screenPop: { ...rule, title: "CRM" } })).toMatchObject({ title: "CRM" });
    expect(screenPopFor(task)).toEqual({ kind: "contact_card", address: "+46700001" });
    expect(screenPopFor({ ...task, screenPop: { kind: "contact_card" } }).kind).toBe("contact_card");
    expect(
      screenPopFor({ ...task, screenPop: { kind: "url", template: "javascript:alert({address})" } }).kind,
    ).toBe("contact_card");
    expect(fillTemplate("{unknown}/{taskId}", task)).toBe("/t1");
    // The rule applies to sessions opened by syncTasks.
    const ws = syncTasks(fresh(), [crm]);
    expect(session(ws, "task:t1").tabs[1]).toMatchObject({ kind: "pop", pop: { kind: "url" } });
  });
});
