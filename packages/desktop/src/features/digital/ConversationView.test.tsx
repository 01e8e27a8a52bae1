import type { TaskView } from "@parley/protocol";
import { fireEvent, render, screen, waitFor, within } from "@testing-library/react";
import { describe, expect, it, vi } from "vitest";
import { NOW, taskView } from "../../../test/fixtures.ts";
import { ConversationView, type ConversationViewProps } from "./ConversationView.tsx";

const conversation = (over: Partial<NonNullable<TaskView["conversation"]>> = {}) => ({
  state: "active" as const,
  messages: [
    {
      seq: 1,
      from: "customer" as const,
      agentId: null,
      text: "Hello, my order is late",
      at: NOW - 60_000,
      sentiment: null,
    },
    {
      seq: 2,
      from: "agent" as const,
      agentId: "anna",
      text: "Let me check",
      at: NOW - 30_000,
      sentiment: null,
    },
    { seq: 3, from: "customer" as const, agentId: null, text: "Thanks", at: NOW - 5_000, sentiment: null },
  ],
  unread: 0,
  sentiment: null,
  sentimentAlert: false,
  persistent: false,
  ...over,
});

function renderView(
  channel: TaskView["channel"],
  over: Partial<NonNullable<TaskView["conversation"]>> = {},
  props: Partial<ConversationViewProps> = {},
) {
  const all = {
    task: { ...taskView({ channel }), conversation: conversation(over) },
    pending: [],
    onSend: vi.fn(async () => ({ ok: true })),
    onRead: vi.fn(),
    onClose: vi.fn(),
    onEnd: vi.fn(),
    ...props,
  };
  render(<ConversationView {...all} />);
  return all;
}

describe("the conversation view", () => {
  it("DIG-4 shows the transcript in order with who wrote each message", () => {
    renderView("chat");
    const items = within(screen.getByRole("list")).getAllByRole("listitem");
    expect(items.map((x) => x.querySelector(".message-text")?.textContent)).toEqual([
      "Hello, my order is late",
      "Let me check",
      "Thanks",
    ]);
    expect(within(items[0] as HTMLElement).getByText("Customer")).toBeTruthy();
  });

  it("DIG-2 compose sends the message and clears the box", async () => {
    const { onSend } = renderView("social");
    const box = screen.getByLabelText("Message");
    fireEvent.change(box, { target: { value: "  On its way  " } });
    fireEvent.click(screen.getByRole("button", { name: "Send" }));
    await waitFor(() => expect((box as HTMLTextAreaElement).value).toBe(""));
    expect(onSend).toHaveBeenCalledWith("t1", "On its way");
  });

  it("DIG-2 a refused message stays in the box", async () => {
    renderView("chat", {}, { onSend: vi.fn(async () => ({ ok: false })) });
    const box = screen.getByLabelText("Message");
    fireEvent.change(box, { target: { value: "Hi" } });
    fireEvent.keyDown(box, { key: "Enter" });
    await waitFor(() => expect((box as HTMLTextAreaElement).value).toBe("Hi"));
  });

  it("DIG-4 an e-mail shows its thread and a reply box", () => {
    renderView("email");
    expect(screen.getByRole("heading", { name: "E-mail thread" })).toBeTruthy();
    expect(screen.getByLabelText("Reply")).toBeTruthy();
    expect(screen.getByRole("button", { name: "Send reply" })).toBeTruthy();
    expect(screen.queryByRole("button", { name: "Close" })).toBeNull();
  });

  it("DIG-3 a persistent chat offers Close (it waits for the customer) beside End (it finishes)", () => {
    const { onClose, onEnd } = renderView("chat", { persistent: true });
    const close = screen.getByRole("button", { name: "Close" });
    expect(close.getAttribute("title")).toMatch(/waiting for the customer/);
    fireEvent.click(close);
    expect(onClose).toHaveBeenCalledWith("t1");
    fireEvent.click(screen.getByRole("button", { name: "End" }));
    expect(onEnd).toHaveBeenCalledWith("t1");
  });

  it("DIG-3 a chat that is not persistent offers End only", () => {
    const { onEnd } = renderView("chat", { persistent: false });
    expect(screen.queryByRole("button", { name: "Close" })).toBeNull();
    const end = screen.getByRole("button", { name: "End" });
    expect(end.getAttribute("title")).toBeNull();
    fireEvent.click(end);
    expect(onEnd).toHaveBeenCalledWith("t1");
  });

  it("DIG-3 a closed chat waiting for the customer has no compose", () => {
    renderView("chat", { state: "waiting" });
    expect(screen.getByText("Waiting for the customer")).toBeTruthy();
    expect(screen.queryByLabelText("Message")).toBeNull();
  });

  it("SES-12 viewing marks read up to the newest message and shows the unread count until then", () => {
    const { onRead } = renderView("chat", { unread: 2 });
    expect(screen.getByText("2 unread")).toBeTruthy();
    expect(onRead).toHaveBeenCalledWith("t1", 3);
  });

  it("SES-12 nothing to mark when all is read", () => {
    const { onRead } = renderView("chat");
    expect(onRead).not.toHaveBeenCalled();
    expect(screen.queryByText(/unread/)).toBeNull();
  });

  it("SES-11 a sentiment alert is shown", () => {
    renderView("chat", { sentimentAlert: true });
    expect(screen.getByRole("img", { name: "The customer's sentiment is low" })).toBeTruthy();
  });
});
