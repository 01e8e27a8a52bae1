import { cleanup, fireEvent, render, screen, waitFor, within } from "@testing-library/react";
import { describe, expect, it, vi } from "vitest";
import { NOW } from "../../../test/fixtures.ts";
import { CallbacksDialog, type CallbacksDialogProps } from "./CallbacksDialog.tsx";
import { checkCallback, wallClock, zonedInstant } from "./checkCallback.ts";
import { scheduledOf } from "./useCallbacks.ts";

const ZONE = "Europe/Stockholm";
/** A date two days after NOW in the callback's zone, so the window is well within 31 days. */
const inDays = (days: number) => new Date(NOW + days * 86_400_000).toISOString().slice(0, 10);
const good = {
  customerNumber: "+46 70-123 4567",
  customerName: "Ada Lind",
  date: inDays(2),
  from: "09:00",
  to: "10:30",
  timeZone: ZONE,
};

function renderDialog(over: Partial<CallbacksDialogProps> = {}) {
  const props = {
    now: () => NOW,
    entryPoints: [{ id: "ep-cb", name: "Callbacks" }],
    teamAgents: [],
    callbacks: [],
    onSchedule: vi.fn(async () => ({ ok: true }) as const),
    onUpdate: vi.fn(async () => ({ ok: true }) as const),
    onDelete: vi.fn(async () => ({ ok: true }) as const),
    onClose: vi.fn(),
    ...over,
  };
  render(<CallbacksDialog {...props} />);
  return props;
}

const fill = (label: string, value: string) => {
  const field = screen.getByLabelText(label);
  fireEvent.change(field, { target: { value } });
  fireEvent.blur(field);
};

function fillGood() {
  fill("Customer number", good.customerNumber);
  fill("Customer name", good.customerName);
  fill("Date", good.date);
  fill("Call between", good.from);
  fill("and", good.to);
  fireEvent.change(screen.getByLabelText("Time zone"), { target: { value: ZONE } });
}

describe("checkCallback, the CB-4 rules as the engine applies them", () => {
  it("CB-4 accepts a valid request", () => expect(checkCallback(good, NOW)).toEqual([]));

  it("CB-4 number: 7–15 characters, digits with separators", () => {
    for (const n of ["123456", "+46 70 123 45 67 89", "46-70-abc-4567", "-4670123"])
      expect(checkCallback({ ...good, customerNumber: n }, NOW)).toContainEqual({
        field: "customerNumber",
        problem: "NUMBER_INVALID",
      });
    for (const n of ["1234567", "+46.70,123-4567"])
      expect(checkCallback({ ...good, customerNumber: n }, NOW)).toEqual([]);
  });

  it("CB-4 name 3–250 Unicode characters, reason up to 250", () => {
    expect(checkCallback({ ...good, customerName: "Bo" }, NOW)).toContainEqual({
      field: "customerName",
      problem: "NAME_LENGTH",
    });
    expect(checkCallback({ ...good, customerName: "Åsa" }, NOW)).toEqual([]);
    expect(checkCallback({ ...good, customerName: "😀".repeat(250) }, NOW)).toEqual([]);
    expect(checkCallback({ ...good, reason: "é".repeat(251) }, NOW)).toContainEqual({
      field: "reason",
      problem: "REASON_LENGTH",
    });
  });

  it("CB-4 the window: a real date, end after start, 30 minutes to 31 days ahead, a valid IANA zone", () => {
    const p = (over: object) =>
      checkCallback({ ...good, ...over }, NOW).map((x) => `${x.field}:${x.problem}`);
    expect(p({ date: "2027-02-30" })).toEqual(["date:DATE_INVALID"]);
    expect(p({ from: "9am" })).toEqual(["from:TIME_INVALID"]);
    expect(p({ to: "08:00" })).toEqual(["to:WINDOW_EMPTY"]);
    expect(p({ date: inDays(40) })).toEqual(["date:TOO_FAR"]);
    expect(p({ timeZone: "Mars/Olympus" })).toEqual(["timeZone:ZONE_INVALID"]);
    const soon = new Date(NOW + 10 * 60_000);
    const hhmm = new Intl.DateTimeFormat("en-GB", { timeZone: "UTC", hour: "2-digit", minute: "2-digit" });
    expect(
      checkCallback(
        {
          ...good,
          timeZone: "UTC",
          date: soon.toISOString().slice(0, 10),
          from: hhmm.format(soon),
          to: "23:59",
        },
        NOW,
      ),
    ).toContainEqual({ field: "from", problem: "TOO_SOON" });
  });

  it("CB-4 local times are read in the chosen zone (Intl zone data, daylight saving included)", () => {
    expect(zonedInstant("2026-01-15", 9, 0, ZONE)).toBe(Date.UTC(2026, 0, 15, 8, 0));
    expect(zonedInstant("2026-07-15", 9, 0, ZONE)).toBe(Date.UTC(2026, 6, 15, 7, 0));
    expect(zonedInstant("2026-07-15", 9, 0, "America/New_York")).toBe(Date.UTC(2026, 6, 15, 13, 0));
  });
});

describe("the callbacks dialog", () => {
  it("CB-4 shows the problem under the field as soon as the agent leaves it", () => {
    renderDialog();
    fill("Customer number", "12ab");
    expect(screen.getByLabelText("Customer number").getAttribute("aria-invalid")).toBe("true");
    expect(screen.getByText(/Enter 7 to 15 characters/)).toBeTruthy();
    fill("Customer number", "+46 70 123 4567");
    expect(screen.queryByText(/Enter 7 to 15 characters/)).toBeNull();
  });

  it("CB-4 an invalid form is not sent", () => {
    const { onSchedule } = renderDialog();
    fireEvent.click(screen.getByRole("button", { name: "Schedule callback" }));
    expect(onSchedule).not.toHaveBeenCalled();
    expect(screen.getByText("Enter a name of 3 to 250 characters.")).toBeTruthy();
  });

  const team = [
    { agentId: "bo", name: "Bo Ek", state: "available" as const },
    { agentId: "cy", name: "Cy Lund", state: "logged_out" as const },
  ];

  it("CB-4 CB-6 a valid form is sent with the entry point and the colleague picked by name", async () => {
    const { onSchedule } = renderDialog({ teamAgents: team });
    fillGood();
    fireEvent.click(screen.getByRole("radio", { name: "A specific agent of my team" }));
    const picker = screen.getByLabelText("Agent") as HTMLSelectElement;
    expect([...picker.options].map((o) => o.textContent)).toEqual([
      "Choose an agent",
      "Bo Ek · Available",
      "Cy Lund · Logged out",
    ]);
    fireEvent.change(picker, { target: { value: "bo" } });
    fireEvent.click(screen.getByRole("button", { name: "Schedule callback" }));
    await waitFor(() => expect(screen.getByRole("status").textContent).toMatch(/Callback scheduled/));
    expect(onSchedule).toHaveBeenCalledWith({
      request: { ...good, reason: undefined },
      entryPointId: "ep-cb",
      assignTo: { kind: "agent", agentId: "bo" },
    });
  });

  it("CB-6 a personal callback for a colleague needs one picked; with none in the team there is none to pick", () => {
    const { onSchedule } = renderDialog({ teamAgents: team });
    fillGood();
    fireEvent.click(screen.getByRole("radio", { name: "A specific agent of my team" }));
    fireEvent.click(screen.getByRole("button", { name: "Schedule callback" }));
    expect(onSchedule).not.toHaveBeenCalled();
    expect(screen.getByLabelText("Agent").getAttribute("aria-invalid")).toBe("true");
    cleanup();
    renderDialog({ teamAgents: [] });
    fireEvent.click(screen.getByRole("radio", { name: "A specific agent of my team" }));
    expect(screen.getByText("There is no other agent in your team.")).toBeTruthy();
  });

  it("CB-4 when the server refuses, its message shows and the fields it names are marked", async () => {
    renderDialog({
      onSchedule: vi.fn(async () => ({
        ok: false as const,
        message: "The callback has 1 problem(s)",
        problems: [{ field: "from", problem: "TOO_SOON" as const }],
      })),
    });
    fillGood();
    fireEvent.click(screen.getByRole("button", { name: "Schedule callback" }));
    expect((await screen.findByRole("alert")).textContent).toBe("The callback has 1 problem(s)");
    expect(screen.getByText("The start must be at least 30 minutes from now.")).toBeTruthy();
    expect(screen.getByLabelText("Call between").getAttribute("aria-invalid")).toBe("true");
  });

  it("CB-4 an active contact's customer is filled in", () => {
    renderDialog({ customer: { name: "Ada Lind", address: "+46701234567" } });
    expect((screen.getByLabelText("Customer name") as HTMLInputElement).value).toBe("Ada Lind");
    expect((screen.getByLabelText("Customer number") as HTMLInputElement).value).toBe("+46701234567");
  });

  const scheduled = (taskId: string, start: number) => ({ taskId, request: good, start });

  it("CB-5 Manage lists callbacks with Edit and Delete, neither once the start has passed", async () => {
    const { onDelete } = renderDialog({
      callbacks: [scheduled("future", NOW + 3_600_000), scheduled("past", NOW - 1)],
    });
    fireEvent.click(screen.getByRole("tab", { name: "Manage" }));
    const [future, past] = screen.getAllByRole("listitem");
    expect(
      within(past as HTMLElement)
        .getByRole("button", { name: "Edit" })
        .hasAttribute("disabled"),
    ).toBe(true);
    expect(
      within(past as HTMLElement)
        .getByRole("button", { name: "Delete" })
        .hasAttribute("disabled"),
    ).toBe(true);
    fireEvent.click(within(future as HTMLElement).getByRole("button", { name: "Delete" }));
    await waitFor(() => expect(onDelete).toHaveBeenCalledWith("future"));
  });

  it("CB-5 Edit changes the request with the same checks", async () => {
    const { onUpdate } = renderDialog({ callbacks: [scheduled("cb1", NOW + 3_600_000)] });
    fireEvent.click(screen.getByRole("tab", { name: "Manage" }));
    fireEvent.click(screen.getByRole("button", { name: "Edit" }));
    fill("and", "08:00");
    expect(screen.getByText("The end must be after the start.")).toBeTruthy();
    fill("and", "11:00");
    fireEvent.click(screen.getByRole("button", { name: "Save changes" }));
    await waitFor(() =>
      expect(onUpdate).toHaveBeenCalledWith("cb1", { ...good, to: "11:00", reason: undefined }),
    );
  });

  it("CB-5 a refusal to delete shows the server's message", async () => {
    renderDialog({
      callbacks: [scheduled("cb1", NOW + 3_600_000)],
      onDelete: vi.fn(async () => ({
        ok: false as const,
        message: "The callback's start time has passed: it can no longer change",
        problems: [],
      })),
    });
    fireEvent.click(screen.getByRole("tab", { name: "Manage" }));
    fireEvent.click(screen.getByRole("button", { name: "Delete" }));
    expect((await screen.findByRole("alert")).textContent).toMatch(/start time has passed/);
  });
});

describe("callbacks from the server (CB-5, CB-8)", () => {
  const listed = {
    taskId: "cb1",
    kind: "scheduled" as const,
    customerNumber: "+46 701 234 567",
    numberMasked: false,
    customerName: "Ada Lind",
    window: {
      start: zonedInstant("2027-03-02", 9, 0, ZONE),
      end: zonedInstant("2027-03-02", 10, 30, ZONE),
      timeZone: ZONE,
    },
    reason: "Router",
    entryPointId: "ep-callbacks",
    queueId: "q",
    assignee: null,
    scheduledBy: "anna",
    editable: true,
  };

  it("CB-5 a listed callback is edited in its own zone's wall clock", () => {
    expect(wallClock(listed.window.start, ZONE)).toEqual({ date: "2027-03-02", time: "09:00" });
    expect(scheduledOf(listed)).toEqual({
      taskId: "cb1",
      start: listed.window.start,
      shownNumber: "+46 701 234 567",
      request: {
        customerNumber: "+46 701 234 567",
        customerName: "Ada Lind",
        date: "2027-03-02",
        from: "09:00",
        to: "10:30",
        timeZone: ZONE,
        reason: "Router",
      },
    });
  });

  it("CB-5 POP-7 a number the server cut shows in the list but is not prefilled for editing", () => {
    const masked = scheduledOf({ ...listed, customerNumber: "•••••••4567", numberMasked: true });
    expect(masked.request.customerNumber).toBe("");
    renderDialog({ callbacks: [masked], now: () => listed.window.start - 86_400_000 });
    fireEvent.click(screen.getByRole("tab", { name: "Manage" }));
    expect(within(screen.getByRole("listitem", { name: "Ada Lind" })).getByText(/•••••••4567/)).toBeTruthy();
  });

  it("CB-8 the entry points come from the server; with none active there is nothing to choose", () => {
    renderDialog({ entryPoints: [] });
    expect(screen.getByText("No active callback entry point is available to you.")).toBeTruthy();
    expect(screen.getByRole<HTMLButtonElement>("button", { name: "Schedule callback" }).disabled).toBe(true);
  });
});
