import { fireEvent, render, screen } from "@testing-library/react";
import { useState } from "react";
import { describe, expect, it, vi } from "vitest";
import { NOW, taskView } from "../../../test/fixtures.ts";
import { TaskList } from "../tasks/TaskList.tsx";
import { PopoverStack } from "./PopoverStack.tsx";

const request = taskView({
  id: "c1",
  channel: "chat",
  status: "offered",
  role: null,
  customer: { name: "Bo" },
  offer: { phase: "requested", expiresAt: NOW + 30_000, flashAt: null },
});
const active = taskView({ id: "c2", channel: "chat", customer: { name: "Cy" }, conversation: null });

function Screen({ onNewCallback }: { onNewCallback: () => void }) {
  const [collapsed, setCollapsed] = useState(false);
  const common = { tasks: [request, active], clockOffset: NOW - Date.now(), pending: [] };
  return (
    <>
      <TaskList
        {...common}
        selectedId={null}
        onSelect={vi.fn()}
        onAccept={vi.fn()}
        onDecline={vi.fn()}
        collapsed={collapsed}
        onToggleCollapsed={() => setCollapsed((c) => !c)}
        onNewCallback={onNewCallback}
      />
      {collapsed && <PopoverStack {...common} onAccept={vi.fn()} onDecline={vi.fn()} onAcceptAll={vi.fn()} />}
    </>
  );
}

describe("the collapsible task list", () => {
  it("POP-1 lists requests and active contacts; collapsed, requests show as popovers instead", () => {
    render(<Screen onNewCallback={vi.fn()} />);
    expect(screen.getByRole("article", { name: /Bo/ })).toBeTruthy();
    expect(screen.getByRole("button", { name: /Cy/ })).toBeTruthy();
    expect(screen.queryByRole("region", { name: "Contact requests" })).toBeNull();
    const toggle = screen.getByRole("button", { name: "Collapse the task list" });
    expect(toggle.getAttribute("aria-expanded")).toBe("true");
    fireEvent.click(toggle);
    expect(screen.queryByRole("button", { name: /Cy/ })).toBeNull();
    const stack = screen.getByRole("region", { name: "Contact requests" });
    expect(stack.textContent).toContain("Bo");
    expect(screen.getByRole("button", { name: "Expand the task list" }).getAttribute("aria-expanded")).toBe(
      "false",
    );
  });

  it("CB-4 the task list '+' opens the callbacks dialog", () => {
    const onNewCallback = vi.fn();
    render(<Screen onNewCallback={onNewCallback} />);
    fireEvent.click(screen.getByRole("button", { name: "Schedule a callback" }));
    expect(onNewCallback).toHaveBeenCalledOnce();
  });

  it("SES-12 an active conversation shows its unread count in the list", () => {
    const unread = taskView({
      id: "c3",
      channel: "chat",
      customer: { name: "Di" },
      conversation: {
        state: "active",
        messages: [],
        unread: 3,
        sentiment: null,
        sentimentAlert: false,
        persistent: false,
      },
    });
    render(
      <TaskList
        tasks={[unread]}
        clockOffset={0}
        selectedId={null}
        pending={[]}
        onSelect={vi.fn()}
        onAccept={vi.fn()}
        onDecline={vi.fn()}
      />,
    );
    expect(screen.getByRole("button", { name: /Di/ }).textContent).toContain("3 unread");
  });
});
