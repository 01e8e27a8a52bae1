import { fireEvent, render, screen } from "@testing-library/react";
import { describe, expect, it, vi } from "vitest";
import { callView, NOW, taskView } from "../../../test/fixtures.ts";
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
});
