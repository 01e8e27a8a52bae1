import { act, fireEvent, render, screen, within } from "@testing-library/react";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { me } from "../../../test/fixtures.ts";
import { setLanguage } from "../../i18n/language.ts";
import { supervisedAgent, supervisorView } from "./fixtures.ts";
import { SupervisorBoard, type SupervisorBoardProps } from "./SupervisorBoard.tsx";

function renderBoard(over: Partial<SupervisorBoardProps> = {}) {
  const handlers = { onChangeState: vi.fn(), onLogout: vi.fn(), onMonitor: vi.fn() };
  const props: SupervisorBoardProps = {
    view: supervisorView(),
    syncedAt: Date.now(),
    idleCodes: me().idleCodes,
    monitors: new Map(),
    pending: [],
    ...handlers,
    ...over,
  };
  const result = render(<SupervisorBoard {...props} />);
  return {
    ...handlers,
    rerender: (next: Partial<SupervisorBoardProps>) =>
      result.rerender(<SupervisorBoard {...props} {...next} />),
  };
}

describe("the supervisor's view", () => {
  beforeEach(() => {
    vi.useFakeTimers();
  });
  afterEach(() => {
    vi.useRealTimers();
    setLanguage("en", null);
  });

  it("SUP-1 shows each agent's state, ticking time in state, Engaged and active contacts", () => {
    renderBoard();
    const anna = screen.getByRole("row", { name: /Anna Berg/ });
    expect(within(anna).getByLabelText<HTMLSelectElement>("State of Anna Berg").value).toBe("available");
    expect(within(anna).getByText("Engaged")).toBeTruthy();
    expect(within(anna).getByText("Call")).toBeTruthy();
    expect(within(anna).getByText("Active")).toBeTruthy();
    const timer = screen.getByRole("timer", { name: "Time in state of Anna Berg" });
    expect(timer.textContent).toBe("02:05");
    act(() => {
      vi.advanceTimersByTime(2_000);
    });
    expect(timer.textContent).toBe("02:07");
    const erik = screen.getByRole("row", { name: /Erik Dahl/ });
    expect(within(erik).getByLabelText<HTMLSelectElement>("State of Erik Dahl").value).toBe("idle:lunch");
    expect(within(erik).queryByText("Engaged")).toBeNull();
    expect(within(erik).getByText("None")).toBeTruthy();
  });

  it("SUP-1 shows each queue's waiting contacts, longest wait and service level", () => {
    renderBoard();
    const support = screen.getByRole("row", { name: /Support voice/ });
    expect([...support.querySelectorAll("td")].map((c) => c.textContent)).toEqual([
      "2",
      "1 min 5 secs",
      "80%",
    ]);
    const sales = screen.getByRole("row", { name: /Sales chat/ });
    expect([...sales.querySelectorAll("td")].map((c) => c.textContent)).toEqual([
      "0",
      "0 secs",
      "No answers yet",
    ]);
  });

  it("SUP-1 shows the reading state before the first read", () => {
    renderBoard({ view: null });
    expect(screen.getByText("Reading your teams…")).toBeTruthy();
  });

  it("SUP-2 offers Monitor on a call, then Pause and Stop while monitoring, Resume while paused", () => {
    const { onMonitor, rerender } = renderBoard();
    fireEvent.click(screen.getByRole("button", { name: "Monitor the call of Anna Berg" }));
    expect(onMonitor).toHaveBeenLastCalledWith("t1", "anna", "start");

    rerender({ monitors: new Map([["t1", "monitoring"]]) });
    expect(screen.getByRole("status").textContent).toBe("Monitoring");
    expect(screen.queryByRole("button", { name: "Monitor the call of Anna Berg" })).toBeNull();
    fireEvent.click(screen.getByRole("button", { name: "Pause monitoring Anna Berg" }));
    expect(onMonitor).toHaveBeenLastCalledWith("t1", "anna", "pause");

    rerender({ monitors: new Map([["t1", "paused"]]) });
    expect(screen.getByRole("status").textContent).toBe("Monitoring paused");
    fireEvent.click(screen.getByRole("button", { name: "Resume monitoring Anna Berg" }));
    expect(onMonitor).toHaveBeenLastCalledWith("t1", "anna", "resume");
    fireEvent.click(screen.getByRole("button", { name: "Stop monitoring Anna Berg" }));
    expect(onMonitor).toHaveBeenLastCalledWith("t1", "anna", "stop");
  });

  it("SUP-2 a call in wrap-up cannot be monitored", () => {
    renderBoard({
      view: supervisorView({
        agents: [supervisedAgent({ contacts: [{ taskId: "t1", channel: "voice", status: "wrapping" }] })],
      }),
    });
    expect(screen.getByText("Wrap-up")).toBeTruthy();
    expect(screen.queryByRole("button", { name: /Monitor/ })).toBeNull();
  });

  it("SUP-3 AGT-6 changes an agent's state and logs an agent out", () => {
    const { onChangeState, onLogout } = renderBoard();
    fireEvent.change(screen.getByLabelText("State of Erik Dahl"), { target: { value: "available" } });
    expect(onChangeState).toHaveBeenCalledWith("erik", { type: "available" });
    fireEvent.change(screen.getByLabelText("State of Anna Berg"), { target: { value: "idle:not-ready" } });
    expect(onChangeState).toHaveBeenLastCalledWith("anna", { type: "idle", codeId: "not-ready" });
    fireEvent.click(screen.getByRole("button", { name: "Log out Erik Dahl" }));
    expect(onLogout).toHaveBeenCalledWith("erik");
  });

  it("SUP-3 a logout on its way disables the button", () => {
    renderBoard({ pending: ["logoutAgent:erik"] });
    expect(screen.getByRole<HTMLButtonElement>("button", { name: "Log out Erik Dahl" }).disabled).toBe(true);
    expect(screen.getByRole<HTMLButtonElement>("button", { name: "Log out Anna Berg" }).disabled).toBe(false);
  });

  it("SUP-1 is localized: Swedish labels and durations, Danish percentages", () => {
    setLanguage("sv", null);
    renderBoard();
    expect(screen.getByRole("heading", { name: "Mina team" })).toBeTruthy();
    const support = screen.getByRole("row", { name: /Support voice/ });
    expect(support.querySelectorAll("td")[1]?.textContent).toBe("1 min 5 s");
    expect(screen.getByRole("button", { name: "Logga ut Erik Dahl" })).toBeTruthy();
  });

  it("gives every control an accessible name", () => {
    renderBoard({ monitors: new Map([["t1", "monitoring"]]) });
    for (const control of [...screen.getAllByRole("button"), ...screen.getAllByRole("combobox")]) {
      expect(control.getAttribute("aria-label") ?? control.textContent, control.outerHTML).toBeTruthy();
    }
  });
});
