import { cleanup, fireEvent, render, screen, within } from "@testing-library/react";
import { describe, expect, it, vi } from "vitest";
import { callView, me, NOW, taskView } from "../../../test/fixtures.ts";
import { InteractionPanel } from "../call-control/InteractionPanel.tsx";
import { PopoverStack } from "../popovers/PopoverStack.tsx";
import { ShortcutHelp } from "./ShortcutHelp.tsx";
import { commandFor, shortcutOf } from "./shortcuts.ts";
import { useShortcuts } from "./useShortcuts.ts";

const request = (
  id: string,
  channel: "voice" | "chat" = "voice",
  phase: "requested" | "connecting" = "requested",
) =>
  taskView({
    id,
    channel,
    status: "offered",
    role: null,
    offer: { phase, expiresAt: NOW + 10_000, flashAt: null },
  });

describe("keyboard shortcuts", () => {
  it("reads Alt+Shift with A, H and E by the physical key", () => {
    const keys = { altKey: true, shiftKey: true, ctrlKey: false, metaKey: false };
    expect(shortcutOf({ ...keys, code: "KeyA" })).toBe("accept");
    expect(shortcutOf({ ...keys, code: "KeyH" })).toBe("hold");
    expect(shortcutOf({ ...keys, code: "KeyE" })).toBe("end");
    expect(shortcutOf({ ...keys, shiftKey: false, code: "KeyA" })).toBeNull();
    expect(shortcutOf({ ...keys, ctrlKey: true, code: "KeyA" })).toBeNull();
  });

  it("accept takes the first request in the task list's order, never a connecting one", () => {
    const tasks = [request("call"), request("chat", "chat"), request("c0", "voice", "connecting")];
    expect(commandFor("accept", tasks, null)).toEqual({ operation: "acceptTask", taskId: "chat" });
    expect(commandFor("accept", [request("c0", "voice", "connecting")], null)).toBeNull();
  });

  it("hold and end follow the selected call's allowedActions", () => {
    const connected = taskView({ call: callView(["hold", "end", "consult"]) });
    const held = taskView({ call: callView(["resume", "consult"], "call_on_hold") });
    expect(commandFor("hold", [connected], connected)).toEqual({ operation: "holdCall", taskId: "t1" });
    expect(commandFor("hold", [held], held)).toEqual({ operation: "resumeCall", taskId: "t1" });
    expect(commandFor("end", [connected], connected)).toEqual({ operation: "endTask", taskId: "t1" });
    // CALL-2: the server does not allow End while the customer is on hold, so neither does the key.
    expect(commandFor("end", [held], held)).toBeNull();
    expect(commandFor("hold", [], null)).toBeNull();
  });

  it("sends the command on the key press, once per press", () => {
    const onCommand = vi.fn();
    const connected = taskView({ call: callView(["hold", "end"]) });
    function Harness() {
      useShortcuts([connected], connected, onCommand);
      return null;
    }
    render(<Harness />);
    fireEvent.keyDown(document, { code: "KeyH", key: "H", altKey: true, shiftKey: true });
    fireEvent.keyDown(document, { code: "KeyH", key: "H", altKey: true, shiftKey: true, repeat: true });
    fireEvent.keyDown(document, { code: "KeyH", key: "h" });
    expect(onCommand).toHaveBeenCalledTimes(1);
    expect(onCommand).toHaveBeenCalledWith({ operation: "holdCall", taskId: "t1" });
  });

  it("are listed in the help", () => {
    render(<ShortcutHelp />);
    expect(screen.getByText("Keyboard shortcuts")).toBeTruthy();
    expect(screen.getByText("Alt+Shift+A").getAttribute("aria-keyshortcuts")).toBe("Alt+Shift+A");
    expect(screen.getByText("Hold or resume the call")).toBeTruthy();
  });

  it("are announced on the buttons they press: the request Accept takes, Hold or Resume, and End", () => {
    const noop = vi.fn();
    const props = {
      clockOffset: NOW - Date.now(),
      pending: [],
      onAccept: noop,
      onDecline: noop,
      onAcceptAll: noop,
    };
    const call = { ...request("call"), createdAt: NOW - 9_000 };
    const chat = { ...request("chat", "chat"), createdAt: NOW - 1_000 };
    render(<PopoverStack {...props} tasks={[call, chat]} />);
    const [first, second] = screen
      .getAllByRole("article")
      .map((card) => within(card).getByRole("button", { name: "Accept" }));
    // POP-3 puts the chat first, and the accept shortcut takes the first request.
    expect(first?.getAttribute("aria-keyshortcuts")).toBe("Alt+Shift+A");
    expect(second?.hasAttribute("aria-keyshortcuts")).toBe(false);
    cleanup();

    const panel = {
      wrapUpCodes: me().wrapUpCodes,
      clockOffset: NOW - Date.now(),
      pending: [],
      onCommand: noop,
      onTarget: noop,
      onWrapUp: noop,
    };
    render(<InteractionPanel {...panel} task={taskView({ call: callView(["hold", "consult", "end"]) })} />);
    const keysOn = (name: string) => screen.getByRole("button", { name }).getAttribute("aria-keyshortcuts");
    expect(keysOn("Hold")).toBe("Alt+Shift+H");
    expect(keysOn("End")).toBe("Alt+Shift+E");
    expect(keysOn("Consult")).toBeNull();
    cleanup();

    render(<InteractionPanel {...panel} task={taskView({ call: callView(["resume"], "call_on_hold") })} />);
    expect(keysOn("Resume")).toBe("Alt+Shift+H");
  });
});
