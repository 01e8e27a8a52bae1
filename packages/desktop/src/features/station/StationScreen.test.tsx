import type { Me } from "@parley/protocol";
import { cleanup, fireEvent, render, screen } from "@testing-library/react";
import { describe, expect, it, vi } from "vitest";
import { me } from "../../../test/fixtures.ts";
import type { DeskStore } from "../../desk/deskStore.ts";
import { supervisorView } from "../supervisor/fixtures.ts";
import { StationScreen } from "./StationScreen.tsx";

/** The part of the desk this screen uses: the supervisor's view reads, commands are recorded. */
function fakeDesk() {
  const desk = {
    read: vi.fn(async () => supervisorView()),
    command: vi.fn(async () => ({ ok: true as const })),
    subscribeEvents: vi.fn(() => () => {}),
    signOut: vi.fn(async () => ({ ok: true as const })),
    dismissNotice: vi.fn(),
    /** The choice the desk keeps across a reload. */
    superviseOnly: false,
  };
  return { desk, asDesk: desk as unknown as DeskStore };
}

function renderScreen(user: Partial<Me["user"]>, { desk, asDesk } = fakeDesk()) {
  const signedIn = me({ agent: null, user: { ...me().user, id: "karin", name: "Karin Ek", ...user } });
  render(
    <StationScreen
      desk={asDesk}
      me={signedIn}
      connection="open"
      failedReconnects={0}
      pending={[]}
      notice={null}
    />,
  );
  return desk;
}

describe("the station screen", () => {
  it("SUP-1 a supervisor may supervise only: the board with no agent login, and log in as an agent later", async () => {
    const desk = renderScreen({ roles: ["supervisor"] });
    fireEvent.click(screen.getByRole("button", { name: "Supervise only" }));

    expect(screen.getByRole("heading", { name: "My teams" })).toBeTruthy();
    expect(await screen.findByRole("row", { name: /Anna Berg/ })).toBeTruthy();
    expect(desk.read).toHaveBeenCalledWith("getSupervisorView", {});
    expect(screen.queryByRole("button", { name: "Start" })).toBeNull();
    expect(desk.command).not.toHaveBeenCalled();

    fireEvent.click(screen.getByRole("button", { name: "Log in as agent" }));
    expect(screen.queryByRole("heading", { name: "My teams" })).toBeNull();
    fireEvent.click(screen.getByRole("button", { name: "Start" }));
    await vi.waitFor(() =>
      expect(desk.command).toHaveBeenCalledWith(
        "loginAgent",
        { params: { agentId: "me" }, body: { station: { teamId: "support", device: "BROWSER" } } },
        { quiet: true },
      ),
    );
  });

  it("SUP-1 supervising only is remembered by the desk, so a reload comes back to the board", async () => {
    const kept = fakeDesk();
    renderScreen({ roles: ["supervisor"] }, kept);
    fireEvent.click(screen.getByRole("button", { name: "Supervise only" }));
    expect(kept.desk.superviseOnly).toBe(true);
    cleanup();

    renderScreen({ roles: ["supervisor"] }, kept);
    expect(screen.getByRole("heading", { name: "My teams" })).toBeTruthy();
    fireEvent.click(screen.getByRole("button", { name: "Log in as agent" }));
    expect(kept.desk.superviseOnly).toBe(false);
  });

  it("SUP-1 a user without the supervisor role has only the station form", () => {
    renderScreen({ roles: ["agent"] });
    expect(screen.getByRole("button", { name: "Start" })).toBeTruthy();
    expect(screen.queryByRole("button", { name: "Supervise only" })).toBeNull();
  });
});
