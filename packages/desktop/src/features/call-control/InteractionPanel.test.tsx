import { fireEvent, render, screen, within } from "@testing-library/react";
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

  it("CNS-1 Consult asks for a target, then sends it", () => {
    const { onTarget } = renderPanel({
      task: taskView({ call: callView(["hold", "consult", "transfer", "end"]) }),
    });
    fireEvent.click(screen.getByRole("button", { name: "Consult" }));
    fireEvent.change(screen.getByLabelText("Target type"), { target: { value: "queue" } });
    fireEvent.change(screen.getByLabelText("Queue ID"), { target: { value: "q-sales-voice" } });
    fireEvent.click(screen.getByRole("button", { name: "Start consult" }));
    expect(onTarget).toHaveBeenCalledWith("consult", "t1", { kind: "queue", queueId: "q-sales-voice" });
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

  it("CALL-4 a call without wrap_up in its actions shows no wrap-up", () => {
    renderPanel({ task: taskView({ role: "consulted", call: callView(["end_consult"], "consulting") }) });
    expect(screen.queryByRole("button", { name: "Submit wrap-up" })).toBeNull();
    expect(controls()).toEqual(["End consult"]);
  });

  it("asks for a contact when none is open", () => {
    renderPanel({});
    expect(screen.getByText(/Select an active contact/)).toBeTruthy();
  });
});
