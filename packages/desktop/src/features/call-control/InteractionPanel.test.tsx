import { act, cleanup, fireEvent, render, screen, within } from "@testing-library/react";
import { describe, expect, it, vi } from "vitest";
import { callView, me, NOW, taskView } from "../../../test/fixtures.ts";
import { InteractionPanel, type InteractionPanelProps } from "./InteractionPanel.tsx";

function renderPanel(over: Partial<InteractionPanelProps>) {
  const props = {
    task: null,
    wrapUpCodes: me().wrapUpCodes,
    clockOffset: NOW - Date.now(),
    pending: [],
    onCommand: vi.fn(),
    onTarget: vi.fn(),
    onWrapUp: vi.fn(),
    ...over,
  };
  render(<InteractionPanel {...props} />);
  return props;
}

const controls = () =>
  within(screen.getByRole("group", { name: "Call controls" }))
    .getAllByRole("button")
    .map((b) => b.textContent);

describe("the interaction panel", () => {
  it("CALL-1 CALL-2 shows the call state and exactly the buttons the server allows", () => {
    const { onCommand } = renderPanel({ task: taskView({ call: callView(["hold", "end"]) }) });
    expect(screen.getByText("Connected")).toBeTruthy();
    expect(controls()).toEqual(["Hold", "End"]);
    fireEvent.click(screen.getByRole("button", { name: "Hold" }));
    expect(onCommand).toHaveBeenCalledWith("holdCall", "t1");
    fireEvent.click(screen.getByRole("button", { name: "End" }));
    expect(onCommand).toHaveBeenCalledWith("endTask", "t1");
  });

  it("CALL-2 with the customer on hold there is Resume and no End", () => {
    renderPanel({ task: taskView({ call: callView(["resume", "consult"], "call_on_hold") }) });
    expect(screen.getByText("Call on hold")).toBeTruthy();
    expect(controls()).toEqual(["Resume", "Consult"]);
  });

  it("TMR-3 times the current call state", () => {
    renderPanel({ task: taskView({ call: callView(["hold", "end"]) }) });
    expect(screen.getByRole("timer", { name: "Time in call state" }).textContent).toBe("00:05");
  });

  it("CNS-1 Consult opens the target dialog with the call's targets, then sends the one chosen", async () => {
    const loadTargets = vi.fn(async () => ({
      agents: [],
      queues: [{ id: "q-sales-voice", name: "Sales" }],
      entryPoints: [],
      addressBook: [],
    }));
    const { onTarget } = renderPanel({
      task: taskView({ call: callView(["hold", "consult", "transfer", "end"]) }),
      loadTargets,
    });
    fireEvent.click(screen.getByRole("button", { name: "Consult" }));
    // The dialog is loaded when first opened, then reads the targets.
    fireEvent.click(await screen.findByRole("tab", { name: "Queue" }, { timeout: 5_000 }));
    expect(loadTargets).toHaveBeenCalledWith("t1", "consult");
    fireEvent.click(await screen.findByRole("radio", { name: "Sales" }));
    fireEvent.click(screen.getByRole("button", { name: "Start consult" }));
    expect(onTarget).toHaveBeenCalledWith("consult", "t1", { kind: "queue", queueId: "q-sales-voice" });
    expect(screen.queryByRole("button", { name: "Start consult" })).toBeNull();
  });

  it("CNS-6 TMR-3 during a consult the customer and the consulted party have a panel each, with timer and controls", () => {
    const call = {
      ...callView(
        ["resume", "hold_consult", "end_consult", "consult_transfer", "consult_conference"],
        "call_on_hold",
      ),
      consult: { state: "consulting" as const, since: NOW - 2_000 },
      participants: [
        {
          id: "p2",
          kind: "agent" as const,
          agentId: "marcus",
          number: null,
          bridge: "consult" as const,
          leg: { status: "connected" as const, since: NOW - 2_000 },
          joinedAt: NOW - 2_000,
        },
      ],
    };
    const { onCommand } = renderPanel({ task: taskView({ call }) });
    const customer = within(screen.getByRole("region", { name: "Customer" }));
    const consulted = within(screen.getByRole("region", { name: "Consulted party" }));
    expect(customer.getByText("Call on hold")).toBeTruthy();
    expect(customer.getByRole("timer", { name: "Time in call state" }).textContent).toBe("00:05");
    expect(customer.getAllByRole("button").map((b) => b.textContent)).toEqual(["Resume"]);
    expect(consulted.getByText("Consulted party (marcus): Consulting")).toBeTruthy();
    expect(consulted.getByRole("timer", { name: "Time in consult state" }).textContent).toBe("00:02");
    expect(consulted.getAllByRole("button").map((b) => b.textContent)).toEqual([
      "Hold consult",
      "End consult",
      "Transfer",
      "Conference",
    ]);
    fireEvent.click(consulted.getByRole("button", { name: "Hold consult" }));
    expect(onCommand).toHaveBeenCalledWith("holdConsult", "t1");
  });

  it("CALL-6 CALL-9 the call data is editable for the owner and read only for a consulted agent", () => {
    const variables = [
      {
        name: "caseNumber",
        label: "Case number",
        type: "STRING" as const,
        value: "CASE-1",
        secure: false,
        masked: null,
        revealable: false,
        editable: true,
        version: 1,
      },
    ];
    const onSaveVariables = vi.fn();
    renderPanel({ task: taskView({ call: callView(["hold"]), variables }), onSaveVariables });
    expect(screen.getByRole("textbox", { name: "Case number" })).toBeTruthy();
    cleanup();
    renderPanel({
      task: taskView({ role: "consulted", call: callView(["end_consult"], "consulting"), variables }),
      onSaveVariables,
    });
    expect(screen.queryByRole("textbox", { name: "Case number" })).toBeNull();
    expect(screen.getByText("CASE-1")).toBeTruthy();
  });

  it("leaves out actions it has no control for, and disables the controls while a command is on its way", () => {
    renderPanel({
      task: taskView({ call: callView(["hold", "some_future_action", "end"]) }),
      pending: ["holdCall:t1"],
    });
    expect(controls()).toEqual(["Hold", "End"]);
    expect(screen.getByRole<HTMLButtonElement>("button", { name: "Hold" }).disabled).toBe(true);
  });

  it("a chat has End", () => {
    const { onCommand } = renderPanel({ task: taskView({ channel: "chat", call: null }) });
    fireEvent.click(
      within(screen.getByRole("group", { name: "Call controls" })).getByRole("button", { name: "End" }),
    );
    expect(onCommand).toHaveBeenCalledWith("endTask", "t1");
  });

  it("CALL-4 WRP-1 a wrapping call shows the wrap-up reasons and submits the chosen one", () => {
    const { onWrapUp } = renderPanel({
      task: taskView({ status: "wrapping", wrapping: true, call: callView(["wrap_up"], "wrap_up") }),
    });
    expect(
      screen.queryByRole("group", { name: "Call controls" })?.querySelectorAll("button").length ?? 0,
    ).toBe(0);
    const submit = screen.getByRole<HTMLButtonElement>("button", { name: "Submit wrap-up" });
    expect(submit.disabled).toBe(true);
    fireEvent.change(screen.getByRole("searchbox", { name: "Search wrap-up reasons" }), {
      target: { value: "foll" },
    });
    expect(screen.queryByRole("radio", { name: "Resolved" })).toBeNull();
    fireEvent.click(screen.getByRole("radio", { name: "Follow-up" }));
    fireEvent.click(submit);
    expect(onWrapUp).toHaveBeenCalledWith("t1", "follow-up");
  });

  it("WRP-3 with auto wrap-up the form counts down to when the server submits it itself", () => {
    vi.useFakeTimers({ now: 1_000_000 });
    try {
      renderPanel({
        clockOffset: NOW - 1_000_000,
        task: taskView({
          status: "wrapping",
          wrapping: true,
          autoWrapUpAt: NOW + 30_000,
          call: callView(["wrap_up"], "wrap_up"),
        }),
      });
      const timer = screen.getByRole("timer", { name: "Time left to wrap up" });
      expect(timer.textContent).toBe("00:30");
      act(() => vi.advanceTimersByTime(10_000));
      expect(timer.textContent).toBe("00:20");
    } finally {
      vi.useRealTimers();
    }
  });

  it("WRP-1 without auto wrap-up there is no countdown", () => {
    renderPanel({
      task: taskView({ status: "wrapping", wrapping: true, call: callView(["wrap_up"], "wrap_up") }),
    });
    expect(screen.queryByRole("timer", { name: "Time left to wrap up" })).toBeNull();
  });

  it("CALL-4 a call without wrap_up in its actions shows no wrap-up", () => {
    renderPanel({ task: taskView({ role: "consulted", call: callView(["end_consult"], "consulting") }) });
    expect(screen.queryByRole("button", { name: "Submit wrap-up" })).toBeNull();
    expect(controls()).toEqual(["End consult"]);
  });

  it("CB-4 an active contact schedules a callback for its customer from its own panel", () => {
    const onScheduleCallback = vi.fn();
    const task = taskView({ call: callView(["hold", "end"]) });
    renderPanel({ task, onScheduleCallback });
    fireEvent.click(screen.getByRole("button", { name: "Schedule a callback for this customer" }));
    expect(onScheduleCallback).toHaveBeenCalledWith(task);
    cleanup();
    // A consulted agent's panel is not the customer's contact: no callback from there.
    renderPanel({
      task: taskView({ role: "consulted", call: callView(["end_consult"]) }),
      onScheduleCallback,
    });
    expect(screen.queryByRole("button", { name: "Schedule a callback for this customer" })).toBeNull();
  });

  it("asks for a contact when none is open", () => {
    renderPanel({});
    expect(screen.getByText(/Select an active contact/)).toBeTruthy();
  });
});
