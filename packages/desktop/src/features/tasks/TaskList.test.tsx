import { fireEvent, render, screen, within } from "@testing-library/react";
import { describe, expect, it, vi } from "vitest";
import { NOW, taskView } from "../../../test/fixtures.ts";
import { orderTasks } from "./orderTasks.ts";
import { TaskList, type TaskListProps } from "./TaskList.tsx";

const offer = (phase: "connecting" | "requested") => ({ phase, expiresAt: NOW + 15_000, flashAt: null });

function renderList(over: Partial<TaskListProps>) {
  const props = {
    tasks: [],
    clockOffset: NOW - Date.now(),
    selectedId: null,
    pending: [],
    onSelect: vi.fn(),
    onAccept: vi.fn(),
    onDecline: vi.fn(),
    ...over,
  };
  render(<TaskList {...props} />);
  return props;
}

describe("the task list", () => {
  it("RTE-2 a connecting offer has nothing to act on yet", () => {
    renderList({ tasks: [taskView({ status: "offered", role: null, offer: offer("connecting") })] });
    expect(screen.getByText("Connecting…")).toBeTruthy();
    expect(screen.queryByRole("button", { name: "Accept" })).toBeNull();
  });

  it("RTE-2 POP-9 a voice request rings with Accept and Decline and its time left", () => {
    const { onAccept, onDecline } = renderList({
      tasks: [taskView({ status: "offered", role: null, offer: offer("requested") })],
    });
    const item = screen.getByRole("article", { name: /Ada Lind/ });
    expect(within(item).getByText(/Ringing/)).toBeTruthy();
    expect(within(item).getByText(/Expires in 00:1[45]/)).toBeTruthy();
    fireEvent.click(within(item).getByRole("button", { name: "Accept" }));
    expect(onAccept).toHaveBeenCalledWith("t1");
    fireEvent.click(within(item).getByRole("button", { name: "Decline" }));
    expect(onDecline).toHaveBeenCalledWith("t1");
  });

  it("RTE-4 the Accept button flashes once the flash time is reached", () => {
    renderList({
      tasks: [
        taskView({
          status: "offered",
          role: null,
          offer: { phase: "requested", expiresAt: NOW + 4_000, flashAt: NOW - 1_000 },
        }),
      ],
    });
    expect(screen.getByRole("button", { name: "Accept" }).className).toContain("flash");
  });

  it("POP-1 lists active contacts too; choosing one opens it", () => {
    const { onSelect } = renderList({
      tasks: [taskView({ id: "t2", channel: "chat", customer: { name: "Bo" } })],
      selectedId: "t2",
    });
    const item = screen.getByRole("button", { name: /Bo/ });
    expect(item.getAttribute("aria-pressed")).toBe("true");
    fireEvent.click(item);
    expect(onSelect).toHaveBeenCalledWith("t2");
  });

  it("says so when there is nothing", () => {
    renderList({});
    expect(screen.getByText(/No contacts yet/)).toBeTruthy();
  });
});

describe("orderTasks", () => {
  it("POP-3 requests come first: emails, social, chats, calls, the earliest first within a channel", () => {
    const o = offer("requested");
    const tasks = [
      taskView({ id: "call", channel: "voice", offer: o, createdAt: 1 }),
      taskView({ id: "active", offer: null, createdAt: 0 }),
      taskView({ id: "chat-late", channel: "chat", offer: o, createdAt: 5 }),
      taskView({ id: "chat-early", channel: "chat", offer: o, createdAt: 2 }),
      taskView({ id: "social", channel: "social", offer: o, createdAt: 3 }),
      taskView({ id: "email", channel: "email", offer: o, createdAt: 4 }),
    ];
    expect(orderTasks(tasks).map((x) => x.id)).toEqual([
      "email",
      "social",
      "chat-early",
      "chat-late",
      "call",
      "active",
    ]);
  });
});
