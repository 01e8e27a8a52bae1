import type { CallTargets } from "@parley/protocol";
import { act, fireEvent, render, screen, within } from "@testing-library/react";
import { describe, expect, it, vi } from "vitest";
import { TargetDialog, type TargetDialogProps } from "./TargetDialog.tsx";

const TARGETS: CallTargets = {
  agents: [
    { agentId: "bjorn", name: "Björn Ek", teamId: "support", state: "idle" },
    { agentId: "marcus", name: "Marcus Lund", teamId: "support", state: "available" },
  ],
  queues: [
    { id: "q-sales-voice", name: "Sales" },
    { id: "q-support-voice", name: "Support" },
  ],
  entryPoints: [{ id: "ep-sales", name: "Sales line", dialNumber: "+4681234500" }],
  addressBook: [
    { id: "ab-anna", name: "Anna Lindqvist", number: "+46 8 123 456 78" },
    { id: "ab-legal", name: "Legal desk", number: "+44 20 7946 0000" },
  ],
  directory: [
    {
      id: "x-henrik",
      name: "Henrik Dahl",
      role: "Network engineer",
      department: "Network operations",
      workPhone: "+46 8 555 020 42",
      presence: "busy",
    },
    { id: "x-oskar", name: "Oskar Wallin", workPhone: "+46 8 555 020 95" },
  ],
};

async function renderDialog(over: Partial<TargetDialogProps> = {}) {
  const props = {
    purpose: "consult" as const,
    busy: false,
    load: vi.fn(async () => TARGETS),
    onSubmit: vi.fn(),
    onCancel: vi.fn(),
    ...over,
  };
  // The first read of the targets settles inside act.
  await act(async () => {
    render(<TargetDialog {...props} />);
  });
  return props;
}

const tab = (name: string) => fireEvent.click(screen.getByRole("tab", { name }));
const submit = () => screen.getByRole<HTMLButtonElement>("button", { name: /Start consult|Transfer call/ });
const dialField = () => screen.getByRole<HTMLInputElement>("textbox", { name: "Dial number" });

describe("the consult and transfer dialog", () => {
  it("CNS-2 lists agents with a coloured state icon; the search box filters, accents ignored", async () => {
    const { load, onSubmit } = await renderDialog();
    expect(load).toHaveBeenCalledWith("consult");
    const marcus = screen.getByRole("radio", { name: /Marcus Lund/ }).closest("label") as HTMLElement;
    expect(within(marcus).getByRole("img", { name: "Available" }).className).toContain(
      "agent-state-available",
    );
    const bjorn = screen.getByRole("radio", { name: /Björn Ek/ }).closest("label") as HTMLElement;
    expect(within(bjorn).getByRole("img", { name: "Idle" })).toBeTruthy();

    fireEvent.change(screen.getByRole("searchbox", { name: "Search agents" }), { target: { value: "bjor" } });
    expect(screen.queryByRole("radio", { name: /Marcus/ })).toBeNull();
    expect(submit().disabled).toBe(true);
    fireEvent.click(screen.getByRole("radio", { name: /Björn Ek/ }));
    fireEvent.click(submit());
    expect(onSubmit).toHaveBeenCalledWith({ kind: "agent", agentId: "bjorn" });
  });

  it("CNS-2 reload reads agents, queues, entry points and numbers again", async () => {
    const load = vi.fn(async () => TARGETS);
    await renderDialog({ load });
    load.mockResolvedValueOnce({ ...TARGETS, agents: [TARGETS.agents[0] as CallTargets["agents"][number]] });
    await act(async () => fireEvent.click(screen.getByRole("button", { name: "Reload" })));
    expect(load).toHaveBeenCalledTimes(2);
    expect(screen.queryByRole("radio", { name: /Marcus/ })).toBeNull();
    expect(screen.getByRole("radio", { name: /Björn/ })).toBeTruthy();
  });

  it("XFR-2 a transfer asks the server for transfer targets (Available agents only)", async () => {
    const { load } = await renderDialog({
      purpose: "transfer",
      load: vi.fn(async () => ({
        ...TARGETS,
        agents: TARGETS.agents.filter((a) => a.state === "available"),
      })),
    });
    expect(load).toHaveBeenCalledWith("transfer");
    expect(screen.getByRole("heading", { name: "Transfer" })).toBeTruthy();
    expect(screen.queryByRole("radio", { name: /Björn/ })).toBeNull();
  });

  it("CNS-1 XFR-1 a queue or an entry point is a target", async () => {
    const { onSubmit } = await renderDialog({ purpose: "transfer" });
    tab("Queue");
    fireEvent.click(screen.getByRole("radio", { name: "Sales" }));
    fireEvent.click(submit());
    expect(onSubmit).toHaveBeenLastCalledWith({ kind: "queue", queueId: "q-sales-voice" });
    tab("Entry point");
    fireEvent.click(screen.getByRole("radio", { name: /Sales line/ }));
    fireEvent.click(submit());
    expect(onSubmit).toHaveBeenLastCalledWith({ kind: "entry_point", entryPointId: "ep-sales" });
  });

  it("DIAL-1 a dial number needs 3 to 18 digits before it can be sent", async () => {
    const { onSubmit } = await renderDialog();
    tab("Dial number");
    fireEvent.change(dialField(), { target: { value: "12" } });
    expect(screen.getByText("A dial number needs at least 3 digits.")).toBeTruthy();
    expect(submit().disabled).toBe(true);
    fireEvent.change(dialField(), { target: { value: "1234567890123456789" } });
    expect(screen.getByText("A dial number has at most 18 digits.")).toBeTruthy();
    fireEvent.change(dialField(), { target: { value: "1234#*:" } });
    expect(submit().disabled).toBe(false);
    fireEvent.click(submit());
    expect(onSubmit).toHaveBeenCalledWith({ kind: "dial_number", number: "1234#*:" });
  });

  it("DIAL-2 typed or pasted characters other than digits and + # * : are removed", async () => {
    const { onSubmit } = await renderDialog({ purpose: "transfer" });
    tab("Dial number");
    fireEvent.change(dialField(), { target: { value: "+1 (202) 555-0123" } });
    expect(dialField().value).toBe("+12025550123");
    expect(screen.getByText(/were removed/)).toBeTruthy();

    fireEvent.change(dialField(), { target: { value: "" } });
    fireEvent.paste(dialField(), { clipboardData: { getData: () => "Phone: +44 20 7946 0000 (office)" } });
    expect(dialField().value).toBe(":+442079460000");
    expect(submit().disabled).toBe(true); // ":" before "+" cannot be dialled
    fireEvent.change(dialField(), { target: { value: "" } });
    fireEvent.paste(dialField(), { clipboardData: { getData: () => "tel +44 20 7946 0000" } });
    expect(dialField().value).toBe("+442079460000");
    expect(submit().disabled).toBe(false);
    fireEvent.click(submit());
    expect(onSubmit).toHaveBeenCalledWith({ kind: "dial_number", number: "+442079460000" });
  });

  it("DIAL-3 US, E.164 and IDD numbers are recognised and shown as dialled", async () => {
    await renderDialog();
    tab("Dial number");
    fireEvent.change(dialField(), { target: { value: "+12025550123" } });
    expect(screen.getByText("Dials +12025550123.")).toBeTruthy();
    fireEvent.change(dialField(), { target: { value: "01161412345678" } });
    expect(screen.getByText("Dials +61412345678.")).toBeTruthy();
    fireEvent.change(dialField(), { target: { value: "+999123" } });
    expect(screen.getByText(/Not a valid number/)).toBeTruthy();
    expect(submit().disabled).toBe(true);
  });

  it("DIAL-4 the address book is offered and filtered as the agent types; picking fills the number", async () => {
    const { onSubmit } = await renderDialog();
    tab("Dial number");
    const book = () => within(screen.getByRole("list", { name: "Address book" }));
    expect(book().getAllByRole("button")).toHaveLength(2);
    fireEvent.change(dialField(), { target: { value: "lind" } });
    expect(
      book()
        .getAllByRole("button")
        .map((b) => b.textContent),
    ).toEqual(["Anna Lindqvist +46 8 123 456 78"]);
    expect(submit().disabled).toBe(true); // letters are a search, never dialled
    fireEvent.click(book().getByRole("button", { name: /Anna Lindqvist/ }));
    expect(dialField().value).toBe("+46812345678");
    fireEvent.click(submit());
    expect(onSubmit).toHaveBeenCalledWith({ kind: "dial_number", number: "+46812345678" });
  });

  it("CNS-13 a consult offers the organization directory: experts with role, department, phone and presence, searched by the server; reload reads presence again", async () => {
    const maja = {
      id: "x-maja",
      name: "Maja Lindgren",
      role: "Fraud analyst",
      department: "Security",
      workPhone: "+46 8 555 020 73",
      presence: "away" as const,
    };
    const load = vi.fn(async (_purpose: string, search?: string) =>
      search ? { ...TARGETS, directory: search === "fraud" ? [maja] : [] } : TARGETS,
    );
    const { onSubmit } = await renderDialog({ load });
    tab("Directory");
    const henrik = screen.getByRole("radio", { name: /Henrik Dahl/ }).closest("label") as HTMLElement;
    expect(henrik.textContent).toContain("Network engineer, Network operations");
    expect(henrik.textContent).toContain("+46 8 555 020 42");
    expect(within(henrik).getByRole("img", { name: "Busy" }).className).toContain("expert-presence-busy");
    const oskar = screen.getByRole("radio", { name: /Oskar Wallin/ }).closest("label") as HTMLElement;
    expect(within(oskar).getByRole("img", { name: "Presence unknown" })).toBeTruthy();

    // The directory may be large: what the agent types is searched by the server, not filtered here.
    const box = screen.getByRole("searchbox", { name: "Search experts by name, role, department or number" });
    fireEvent.change(box, { target: { value: "fraud" } });
    const found = await screen.findByRole("radio", { name: /Maja Lindgren/ });
    expect(load).toHaveBeenLastCalledWith("consult", "fraud");
    expect(screen.queryByRole("radio", { name: /Henrik/ })).toBeNull();
    expect(within(found.closest("label") as HTMLElement).getByRole("img", { name: "Away" })).toBeTruthy();

    // Presence may lag: Reload asks again and shows what the tool reports now.
    load.mockImplementation(async (_purpose, search) =>
      search
        ? { ...TARGETS, directory: search === "fraud" ? [{ ...maja, presence: "available" }] : [] }
        : TARGETS,
    );
    const reads = load.mock.calls.length;
    await act(async () => fireEvent.click(screen.getByRole("button", { name: "Reload" })));
    expect(load.mock.calls.slice(reads)).toEqual(expect.arrayContaining([["consult"], ["consult", "fraud"]]));
    expect(await screen.findByRole("img", { name: "Available" })).toBeTruthy();

    fireEvent.click(screen.getByRole("radio", { name: /Maja Lindgren/ }));
    fireEvent.click(submit());
    expect(onSubmit).toHaveBeenCalledWith({ kind: "directory", expertId: "x-maja" });

    fireEvent.change(box, { target: { value: "nobody" } });
    expect(await screen.findByText("Nothing matches your search.")).toBeTruthy();
    expect(submit().disabled).toBe(true);
  });

  it("CNS-13 XFR-1 a transfer has no directory tab: an expert is only consulted", async () => {
    await renderDialog({ purpose: "transfer" });
    expect(screen.getAllByRole("tab").map((t) => t.textContent)).toEqual([
      "Agent",
      "Queue",
      "Entry point",
      "Dial number",
    ]);
  });

  it("tells when the targets cannot be read, and Escape cancels", async () => {
    const { onCancel } = await renderDialog({
      load: vi.fn(async () => Promise.reject(new Error("offline"))),
    });
    expect((await screen.findByRole("alert")).textContent).toContain("offline");
    fireEvent.keyDown(screen.getByRole("tab", { name: "Agent" }), { key: "Escape" });
    expect(onCancel).toHaveBeenCalled();
  });
});
