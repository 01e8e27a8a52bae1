import type { ClosedWorkItem, OpenWorkItem, TaskView } from "@parley/protocol";
import { fireEvent, render, screen, within } from "@testing-library/react";
import { afterEach, describe, expect, it, vi } from "vitest";
import { callView, taskView } from "../../../test/fixtures.ts";
import { formatDateTime } from "../../format/intl.ts";
import { setLanguage } from "../../i18n/language.ts";
import type { ContactLookupResult } from "./CustomerCard.tsx";
import type { ArticleSearchResult } from "./KnowledgeSearch.tsx";
import { Sessions } from "./Sessions.tsx";
import { MAX_SESSIONS } from "./sessionModel.ts";
import { useSessions } from "./useSessions.ts";

const call = (id: string, over: Partial<TaskView> = {}) =>
  taskView({
    id,
    customer: { name: `Caller ${id}`, address: "+46701234567" },
    call: callView(["hold", "end"]),
    ...over,
  });
const chat = (id: string, over: Partial<TaskView> = {}) =>
  taskView({ id, channel: "chat", call: null, customer: {}, ...over });
const openItem = (taskId: string, over: Partial<OpenWorkItem> = {}): OpenWorkItem => ({
  taskId,
  channel: "chat",
  customerName: null,
  customerAddress: null,
  queueId: "q-chat",
  queueName: "Support chat",
  waitingSince: 1,
  ...over,
});
const CLOSED_AT = Date.UTC(2026, 10, 21, 14, 5);
const closedItem = (taskId: string, over: Partial<ClosedWorkItem> = {}): ClosedWorkItem => ({
  taskId,
  channel: "voice",
  customerName: `Caller ${taskId}`,
  customerAddress: "+46701234567",
  queueId: "q-voice",
  queueName: "Support voice",
  role: "owner",
  startedAt: CLOSED_AT - 125_000,
  closedAt: CLOSED_AT,
  wrapUpCodeId: "resolved",
  wrapUpCodeName: "Resolved",
  ...over,
});
const requested = { phase: "requested" as const, expiresAt: Number.MAX_SAFE_INTEGER, flashAt: null };

const lookupResult: ContactLookupResult = {
  matches: [
    {
      contact: {
        id: "c-eva",
        name: "Eva Johansson",
        phones: [{ number: "+46 70 123 45 67", normalized: "+46701234567" }],
        emails: ["eva@example.se"],
        social: [],
        accountId: "a1",
        notes: "",
        createdAt: 1,
        updatedAt: 1,
      },
      account: {
        id: "a1",
        name: "Johansson household",
        number: "LT-1001",
        notes: "",
        createdAt: 1,
        updatedAt: 1,
      },
      openCases: [
        {
          id: "case1",
          contactId: "c-eva",
          accountId: "a1",
          subject: "Router keeps rebooting",
          status: "open",
          priority: "high",
          description: "",
          notes: [],
          createdAt: 1,
          updatedAt: 1,
        },
      ],
    },
  ],
};
const searchResult: ArticleSearchResult = {
  results: [
    {
      id: "kb1",
      title: "Restart the router",
      tags: [],
      updatedAt: 1,
      score: 1,
      snippet: [
        { text: "Hold the ", match: false },
        { text: "router", match: true },
        { text: " button.", match: false },
      ],
    },
  ],
};

interface HarnessProps {
  tasks: readonly TaskView[];
  onMarkRead?: (taskId: string, seq: number) => void;
  onPick?: (taskId: string) => void;
  openItems?: readonly OpenWorkItem[];
  closedItems?: readonly ClosedWorkItem[];
  pending?: readonly string[];
  lookup?: (address: string) => Promise<ContactLookupResult>;
  search?: (q: string) => Promise<ArticleSearchResult>;
}

function Harness({
  tasks,
  onMarkRead,
  onPick,
  openItems,
  closedItems,
  pending,
  lookup,
  search,
}: HarnessProps) {
  const sessions = useSessions(tasks, onMarkRead ? { onMarkRead } : {});
  return (
    <Sessions
      model={sessions.model}
      tasks={tasks}
      actions={sessions.actions}
      pending={pending ?? []}
      openItems={openItems ?? []}
      closedItems={closedItems ?? []}
      renderInteraction={(task) => (
        <div>
          <p>{`Panel of ${task.id}`}</p>
          {task.call && <button type="button">Hold</button>}
          <input aria-label={`Note on ${task.id}`} />
        </div>
      )}
      lookup={lookup ?? (async () => lookupResult)}
      search={search ?? (async () => searchResult)}
      onPick={onPick ?? (() => {})}
    />
  );
}

/**
 * Renders a fresh desktop, then the task lists one after another (each a server read); `update`
 * is the next read, with whatever else it changed (the server's closed work items, say).
 */
function desk(props: Partial<HarnessProps>, ...lists: TaskView[][]) {
  let base: HarnessProps = { tasks: [], ...props };
  const view = render(<Harness {...base} />);
  for (const tasks of lists) view.rerender(<Harness {...base} tasks={tasks} />);
  return {
    ...view,
    update: (tasks: TaskView[], over: Partial<HarnessProps> = {}) => {
      base = { ...base, ...over };
      view.rerender(<Harness {...base} tasks={tasks} />);
    },
  };
}

const bar = () => screen.getByRole("navigation", { name: "Sessions" });
const sessionButton = (name: string | RegExp) => within(bar()).getByRole("button", { name });

describe("the session workspace", () => {
  it("SES-1 SES-2 Home is first and has no close; accepting a contact opens its session in front", () => {
    desk({}, [call("t1")]);
    const buttons = within(bar()).getAllByRole("button");
    expect(buttons.map((b) => b.getAttribute("aria-label"))).toEqual([
      "Collapse the session panel",
      "Home",
      "Caller t1",
      "Close Caller t1",
    ]);
    expect(sessionButton("Caller t1").getAttribute("aria-pressed")).toBe("true");
    expect(screen.getByText("Panel of t1")).toBeTruthy();
  });

  it("SES-14 SES-16 a session shows the communication panel, the customer card from the directory and a knowledge-base search", async () => {
    const lookup = vi.fn(async () => lookupResult);
    const search = vi.fn(async () => searchResult);
    desk({ lookup, search }, [call("t1")]);
    const tabs = within(screen.getByRole("tablist", { name: "Tabs of Caller t1" })).getAllByRole("tab");
    expect(tabs.map((x) => x.textContent)).toEqual(["Conversation", "Customer", "Knowledge base"]);
    fireEvent.click(screen.getByRole("tab", { name: "Customer" }));
    const card = await screen.findByRole("article", { name: "Eva Johansson" });
    expect(lookup).toHaveBeenCalledWith("+46701234567");
    expect(within(card).getByText("Johansson household (LT-1001)")).toBeTruthy();
    expect(within(card).getByText("Router keeps rebooting")).toBeTruthy();
    fireEvent.click(screen.getByRole("tab", { name: "Knowledge base" }));
    fireEvent.change(screen.getByRole("searchbox", { name: "Search the knowledge base" }), {
      target: { value: "router" },
    });
    fireEvent.click(screen.getByRole("button", { name: "Search" }));
    expect(await screen.findByText("Restart the router")).toBeTruthy();
    expect(search).toHaveBeenCalledWith("router");
    expect(screen.getByText("router", { selector: "mark" })).toBeTruthy();
  });

  it("SES-16 an entry point with a URL template pops the external page filled with the contact's values", () => {
    const lookup = vi.fn(async () => lookupResult);
    const screenPop = {
      kind: "url" as const,
      template: "https://crm.example.com/find?ani={address}",
      title: "CRM",
    };
    desk({ lookup }, [call("t1", { entryPointId: "ep-crm", screenPop })]);
    const tabs = within(screen.getByRole("tablist", { name: "Tabs of Caller t1" })).getAllByRole("tab");
    expect(tabs.map((x) => x.textContent)).toEqual(["Conversation", "CRM", "Knowledge base"]);
    fireEvent.click(screen.getByRole("tab", { name: "CRM" }));
    const url = "https://crm.example.com/find?ani=%2B46701234567";
    expect(screen.getByTitle("CRM").getAttribute("src")).toBe(url);
    expect(screen.getByRole("link", { name: "Open in a new window" }).getAttribute("href")).toBe(url);
    expect(lookup).not.toHaveBeenCalled();
  });

  it("SES-5 switching sessions keeps a half-filled form", () => {
    desk({}, [call("t1")], [call("t1"), chat("t2")]);
    fireEvent.change(screen.getByRole("textbox", { name: "Note on t2" }), {
      target: { value: "half a note" },
    });
    fireEvent.click(screen.getByRole("tab", { name: "Knowledge base" }));
    fireEvent.change(screen.getByRole("searchbox"), { target: { value: "refund" } });
    fireEvent.click(sessionButton("Caller t1"));
    expect(screen.queryByRole("textbox", { name: "Note on t2" })).toBeNull();
    fireEvent.click(sessionButton("Visitor 1"));
    expect(screen.getByRole<HTMLInputElement>("searchbox").value).toBe("refund");
    fireEvent.click(screen.getByRole("tab", { name: "Conversation" }));
    expect(screen.getByRole<HTMLInputElement>("textbox", { name: "Note on t2" }).value).toBe("half a note");
  });

  it("SES-6 SES-7 a dot marks the active call's session; only that session shows its controls", () => {
    desk({}, [call("t1")], [call("t1"), chat("t2")]);
    expect(
      within(sessionButton("Caller t1")).getByRole("img", { name: "Caller t1. The active call is here" }),
    ).toBeTruthy();
    expect(screen.queryByRole("button", { name: "Hold" })).toBeNull();
    fireEvent.click(sessionButton("Caller t1"));
    expect(screen.getByRole("button", { name: "Hold" })).toBeTruthy();
    expect(within(bar()).queryByRole("img")).toBeNull();
  });

  it("SES-8 closing a session asks first; Cancel keeps it, Close removes it", () => {
    desk({}, [call("t1")]);
    fireEvent.click(screen.getByRole("button", { name: "Close Caller t1" }));
    const dialog = screen.getByRole("alertdialog", { name: "Close this session?" });
    fireEvent.click(within(dialog).getByRole("button", { name: "Cancel" }));
    expect(sessionButton("Caller t1")).toBeTruthy();
    fireEvent.click(screen.getByRole("button", { name: "Close Caller t1" }));
    fireEvent.click(screen.getByRole("button", { name: "Close session" }));
    expect(within(bar()).queryByRole("button", { name: "Caller t1" })).toBeNull();
    // The call goes on, handled in Home.
    expect(screen.getByRole("heading", { name: "Handled in Home" })).toBeTruthy();
    expect(screen.getByText("Panel of t1")).toBeTruthy();
  });

  it("SES-8 Home closes from within, and a new call still opens its session", () => {
    const { update } = desk({}, []);
    fireEvent.click(screen.getByRole("button", { name: "Close Home" }));
    fireEvent.click(within(screen.getByRole("alertdialog")).getByRole("button", { name: "Close session" }));
    expect(within(bar()).queryByRole("button", { name: "Home" })).toBeNull();
    expect(screen.getByText(/Home is closed/)).toBeTruthy();
    update([call("t1")]);
    expect(sessionButton("Caller t1").getAttribute("aria-pressed")).toBe("true");
  });

  it("SES-9 on a reload the contacts going on stay in Home; no session opens for them", () => {
    render(<Harness tasks={[call("t1")]} />);
    expect(
      within(bar())
        .getAllByRole("button", { pressed: true })
        .map((b) => b.getAttribute("aria-label")),
    ).toEqual(["Home"]);
    expect(screen.getByText("Panel of t1")).toBeTruthy();
  });

  it("SES-3 at the limit a dialog asks to close sessions and the new contact is handled in Home", () => {
    const ten = Array.from({ length: MAX_SESSIONS }, (_, i) => chat(`c${i}`));
    const { update } = desk({}, []);
    for (let i = 1; i <= ten.length; i++) update(ten.slice(0, i));
    update([...ten, call("t11")]);
    const dialog = screen.getByRole("alertdialog", { name: "Too many sessions" });
    expect(within(bar()).queryByRole("button", { name: "Caller t11" })).toBeNull();
    fireEvent.click(within(dialog).getByRole("checkbox", { name: "Visitor 1" }));
    fireEvent.click(within(dialog).getByRole("button", { name: "Close selected sessions" }));
    expect(screen.queryByRole("alertdialog")).toBeNull();
    expect(within(bar()).queryByRole("button", { name: "Visitor 1" })).toBeNull();
    fireEvent.click(sessionButton("Home"));
    expect(screen.getByText("Panel of t11")).toBeTruthy();
  });

  it("SES-10 SES-11 SES-12 icons, the sentiment alert and unread counts with their tooltips; focusing reads the conversation", () => {
    const convo = (unread: number, sentimentAlert = false) => ({
      state: "active" as const,
      messages: [{ seq: 7, from: "customer" as const, agentId: null, text: "hi", at: 1, sentiment: null }],
      unread,
      sentiment: null,
      sentimentAlert,
      persistent: false,
    });
    const onMarkRead = vi.fn();
    const t1 = chat("t1", { conversation: convo(12) });
    const t2 = chat("t2", { customer: { name: "Bo Ek" }, conversation: convo(1, true) });
    const { update } = desk({ onMarkRead }, [t1], [t1, t2]);
    expect(onMarkRead).toHaveBeenCalledWith("t2", 7);
    onMarkRead.mockClear();
    // A new message in the session behind is not read until the agent goes there.
    const later = {
      ...convo(12),
      messages: [...convo(12).messages, { ...convo(12).messages[0], seq: 9 }],
    } as TaskView["conversation"];
    update([{ ...t1, conversation: later }, t2]);
    expect(onMarkRead).not.toHaveBeenCalled();
    const visitor = sessionButton("Visitor 1. 12 new updates in your conversation");
    expect(visitor.getAttribute("title")).toBe("Visitor 1. 12 new updates in your conversation");
    const drawn = (icon: Element | null) =>
      [icon, ...(icon?.querySelectorAll("[data-text]") ?? [])]
        .map((x) => x?.getAttribute("data-text"))
        .join("");
    expect(drawn(visitor.querySelector(".session-icon"))).toBe("Vi9+");
    const bo = sessionButton("Bo Ek. Pay close attention to your conversation.");
    expect(drawn(bo.querySelector(".session-icon"))).toBe("Bo!");
    fireEvent.click(visitor);
    expect(onMarkRead).toHaveBeenCalledWith("t1", 9);
  });

  it("SES-13 the session panel collapses to icons and expands again", () => {
    desk({}, [call("t1")]);
    expect(within(bar()).getByText("Caller t1")).toBeTruthy();
    fireEvent.click(screen.getByRole("button", { name: "Collapse the session panel" }));
    expect(within(bar()).queryByText("Caller t1")).toBeNull();
    expect(sessionButton("Caller t1")).toBeTruthy();
    fireEvent.click(screen.getByRole("button", { name: "Expand the session panel" }));
    expect(within(bar()).getByText("Caller t1")).toBeTruthy();
  });

  it("SES-15 Home lists my, open and closed work items: Pick takes one, Open shows a closed one, shift-click opens a customer session", () => {
    const onPick = vi.fn();
    const waiting = openItem("t3", { customerName: "Cy" });
    const { update } = desk({ onPick, openItems: [waiting] }, [call("t1")], [call("t1"), chat("t2")]);
    update([call("t1"), chat("t2")]);
    fireEvent.click(sessionButton("Home"));
    expect(screen.getByText("Waiting in Support chat")).toBeTruthy();
    fireEvent.click(screen.getByRole("button", { name: "Pick: Chat · Cy" }));
    expect(onPick).toHaveBeenCalledWith("t3");
    fireEvent.click(screen.getByRole("button", { name: "Call · Caller t1" }), { shiftKey: false });
    expect(sessionButton("Caller t1").getAttribute("aria-pressed")).toBe("true");
    // The call is wrapped up: the server lists it closed; its session is closed; Open brings the customer back.
    update([chat("t2")], { closedItems: [closedItem("t1")] });
    fireEvent.click(screen.getByRole("button", { name: "Close Caller t1" }));
    fireEvent.click(screen.getByRole("button", { name: "Close session" }));
    fireEvent.click(sessionButton("Home"));
    fireEvent.click(screen.getByRole("button", { name: "Open: Call · Caller t1" }));
    expect(sessionButton("Caller t1").getAttribute("aria-pressed")).toBe("true");
    expect(screen.getByRole("tab", { name: "Customer", selected: true })).toBeTruthy();
    // Shift-click on my chat opens its customer in a session of its own... which it already has.
    fireEvent.click(sessionButton("Home"));
    fireEvent.click(screen.getByRole("button", { name: "Chat · Visitor 1" }), { shiftKey: true });
    expect(sessionButton("Visitor 1").getAttribute("aria-pressed")).toBe("true");
  });

  it("SES-15 open work items are the waiting ones the server lists, not offers; Pick waits while a pick is under way", () => {
    const onPick = vi.fn();
    const offer = chat("t4", { status: "offered", role: null, offer: requested, customer: { name: "Dee" } });
    desk(
      {
        onPick,
        openItems: [openItem("t5", { channel: "email", customerAddress: "bo@example.com" })],
        pending: ["pickTask:t5"],
      },
      [offer],
    );
    fireEvent.click(sessionButton("Home"));
    expect(screen.queryByRole("button", { name: "Pick: Chat · Dee" })).toBeNull();
    const pick = screen.getByRole("button", { name: /^Pick: E-?mail · / }) as HTMLButtonElement;
    expect(pick.disabled).toBe(true);
    fireEvent.click(pick);
    expect(onPick).not.toHaveBeenCalled();
  });

  describe("closed work items", () => {
    afterEach(() => setLanguage("en", null));
    const closedList = (heading: string) =>
      within(screen.getByRole("region", { name: heading })).getAllByRole("listitem");
    /** Intl separates with narrow and non-breaking spaces: compared as plain ones. */
    const text = (x: HTMLElement | string | undefined) =>
      (typeof x === "string" ? x : x?.textContent)?.replace(/\s/g, " ");

    it("SES-15 closed work items are the server's: a fresh page lists them with queue, close time, duration and wrap-up, in the locale", () => {
      const consult = closedItem("t8", {
        channel: "chat",
        customerName: "Dee",
        customerAddress: null,
        queueName: "Support chat",
        role: "consulted",
        wrapUpCodeId: null,
        wrapUpCodeName: null,
      });
      // A reload: no contact seen by this page, yet the list is there.
      desk({ closedItems: [closedItem("t7"), consult] });
      const items = closedList("Closed work items");
      expect(items.map((li) => li.querySelector("span")?.textContent)).toEqual([
        "Call · Caller t7",
        "Chat · Dee",
      ]);
      expect(text(items[0])).toContain(
        text(`Support voice · closed ${formatDateTime(CLOSED_AT)} · took 2 mins 5 secs`),
      );
      expect(text(items[0])).toContain("Wrap-up: Resolved");
      // A consulted agent does not wrap up: the part is named instead.
      expect(text(items[1])).toContain("Consulted");
      fireEvent.click(screen.getByRole("button", { name: "Open: Chat · Dee" }));
      expect(sessionButton("Dee").getAttribute("aria-pressed")).toBe("true");
    });

    it("SES-15 the close time and duration follow the language", () => {
      setLanguage("sv", null);
      desk({ closedItems: [closedItem("t7")] });
      const [item] = closedList("Stängda arbetsobjekt");
      expect(text(item)).toContain(
        text(`Support voice · stängt ${formatDateTime(CLOSED_AT)} · tog 2 min 5 s`),
      );
      expect(text(item)).toContain("Efterarbete: Resolved");
    });
  });
});
