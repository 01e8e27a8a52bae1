import { act, fireEvent, render, screen } from "@testing-library/react";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { agentView, me } from "../../../test/fixtures.ts";
import { Header, type HeaderProps, syncText } from "./Header.tsx";
import { RonaDialog } from "./RonaDialog.tsx";

const codes = me().idleCodes;

function renderHeader(over: Partial<HeaderProps> = {}) {
  const onChoose = vi.fn();
  render(
    <Header
      userName="Anna Berg"
      agent={agentView()}
      idleCodes={codes}
      syncedAt={Date.now()}
      busy={false}
      onChoose={onChoose}
      onSignOut={() => {}}
      {...over}
    />,
  );
  return { onChoose };
}

describe("the header", () => {
  beforeEach(() => {
    vi.useFakeTimers();
  });
  afterEach(() => {
    vi.useRealTimers();
  });

  it("AGT-1 TMR-1 after login shows the default idle reason and a state timer from 00:00 that ticks", () => {
    renderHeader();
    expect(screen.getByLabelText<HTMLSelectElement>("Availability").value).toBe("idle:not-ready");
    const timer = screen.getByRole("timer", { name: "Time in state" });
    expect(timer.textContent).toBe("00:00");
    act(() => {
      vi.advanceTimersByTime(3_000);
    });
    expect(timer.textContent).toBe("00:03");
  });

  it("TMR-1 the timer goes on from the server's time in state", () => {
    renderHeader({ agent: agentView({ presence: { type: "available", since: 0 }, inState: 65_000 }) });
    expect(screen.getByRole("timer").textContent).toBe("01:05");
  });

  it("TMR-2 after another idle reason the timer shows current/total idle", () => {
    renderHeader({
      agent: agentView({
        presence: { type: "idle", codeId: "lunch", since: 0 },
        inState: 20 * 60_000,
        idleTotal: 30 * 60_000,
      }),
    });
    expect(screen.getByRole("timer").textContent).toBe("20:00/30:00");
  });

  it("AGT-3 offers Available and the tenant's idle reasons, and sends the choice", () => {
    const { onChoose } = renderHeader();
    const select = screen.getByLabelText<HTMLSelectElement>("Availability");
    expect([...select.options].map((o) => o.text)).toEqual(["Available", "Not ready", "Lunch"]);
    fireEvent.change(select, { target: { value: "idle:lunch" } });
    expect(onChoose).toHaveBeenCalledWith({ type: "idle", codeId: "lunch" });
    fireEvent.change(select, { target: { value: "available" } });
    expect(onChoose).toHaveBeenLastCalledWith({ type: "available" });
  });

  it("AGT-2 TMR-4 while engaged shows the Engaged label and no state timer", () => {
    renderHeader({
      agent: agentView({ presence: { type: "available", since: 0 }, engaged: true, showStateTimer: false }),
    });
    expect(screen.getByText("Engaged")).toBeTruthy();
    expect(screen.queryByRole("timer")).toBeNull();
  });

  it("AGT-5 RONA shows in the selector but cannot be chosen", () => {
    renderHeader({ agent: agentView({ presence: { type: "rona", since: 0 } }) });
    const select = screen.getByLabelText<HTMLSelectElement>("Availability");
    expect(select.value).toBe("rona");
    expect(screen.getByRole<HTMLOptionElement>("option", { name: "RONA" }).disabled).toBe(true);
  });

  it("shows the state chosen for when the last contact ends", () => {
    renderHeader({ agent: agentView({ engaged: true, pending: { type: "idle", codeId: "lunch" } }) });
    expect(screen.getByText("Next: Lunch")).toBeTruthy();
  });
});

describe("the RONA popover", () => {
  it("AGT-5 RTE-3 offers exactly Go Available and Go Idle, with the focus on Go Available", () => {
    const goAvailable = vi.fn();
    const goIdle = vi.fn();
    render(<RonaDialog busy={false} onGoAvailable={goAvailable} onGoIdle={goIdle} />);
    const dialog = screen.getByRole("alertdialog", { name: "You missed a contact request" });
    const buttons = [...dialog.querySelectorAll("button")].map((b) => b.textContent);
    expect(buttons).toEqual(["Go Available", "Go Idle"]);
    expect(document.activeElement?.textContent).toBe("Go Available");
    fireEvent.click(screen.getByRole("button", { name: "Go Idle" }));
    expect(goIdle).toHaveBeenCalledOnce();
    fireEvent.click(screen.getByRole("button", { name: "Go Available" }));
    expect(goAvailable).toHaveBeenCalledOnce();
  });

  it("FED-4 the user profile shows the presence federation sync status", () => {
    renderHeader({
      roles: ["agent"],
      agent: agentView({
        presenceSync: {
          federation: "on",
          status: "delayed",
          external: "busy",
          source: "manual",
          observedAt: 0,
          appliedAt: 14_000,
          lag: 14_000,
          requested: null,
        },
      }),
    });
    const who = screen.getByRole("button", { name: "Anna Berg" });
    expect(who.getAttribute("aria-expanded")).toBe("false");
    fireEvent.click(who);
    const profile = screen.getByRole("dialog", { name: "User profile" });
    expect(profile.textContent).toContain("Presence sync");
    expect(profile.textContent).toContain("Delayed: Busy, 14 s behind");
    expect(profile.textContent).toContain("Browser");
    fireEvent.click(screen.getByRole("button", { name: "Close" }));
    expect(screen.queryByRole("dialog", { name: "User profile" })).toBeNull();
  });

  it("FED-4 sync status in words: off, waiting, in sync", () => {
    const base = { requested: null } as const;
    expect(syncText({ ...base, federation: "off", status: "waiting" })).toBe("Federation off");
    expect(syncText({ ...base, federation: "on", status: "waiting" })).toBe("Waiting for the presence feed");
    expect(
      syncText({ ...base, federation: "on", status: "in_sync", external: "do_not_disturb", lag: 2_400 }),
    ).toBe("In sync: Do not disturb, 2 s behind");
  });
});
