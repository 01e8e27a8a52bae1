import { act, fireEvent, render, screen, within } from "@testing-library/react";
import { describe, expect, it, vi } from "vitest";
import type { SaveOutcome, Variable } from "./drafts.ts";
import { VariablesPanel, type VariablesPanelProps } from "./VariablesPanel.tsx";

const variable = (over: Partial<Variable> & Pick<Variable, "name" | "label">): Variable => ({
  type: "STRING",
  value: null,
  secure: false,
  masked: null,
  revealable: false,
  editable: true,
  version: 0,
  ...over,
});

const VARIABLES: Variable[] = [
  variable({ name: "caseNumber", label: "Case number", value: "CASE-1", version: 3 }),
  variable({ name: "callBackAt", label: "Call back at", type: "DATETIME" }),
  variable({
    name: "cardNumber",
    label: "Card number",
    value: "******",
    secure: true,
    masked: "secure",
    revealable: true,
    editable: false,
    version: 1,
  }),
  variable({ name: "segment", label: "Segment", value: "gold", editable: false }),
];

function renderPanel(over: Partial<VariablesPanelProps> = {}) {
  const props = {
    variables: VARIABLES,
    consulted: false,
    onSave: vi.fn(async (): Promise<SaveOutcome> => ({ ok: true, conflicts: [] })),
    onReveal: vi.fn(async () => VARIABLES),
    onRefresh: vi.fn(),
    ...over,
  };
  const view = render(<VariablesPanel {...props} />);
  return {
    props,
    rerender: (p: Partial<VariablesPanelProps>) => view.rerender(<VariablesPanel {...props} {...p} />),
  };
}

const field = (name: string) => screen.getByRole<HTMLInputElement>("textbox", { name });
const button = (name: string) => screen.getByRole<HTMLButtonElement>("button", { name });

describe("call-associated data", () => {
  it("CALL-6 editable fields are edited and saved with the version they were typed over", async () => {
    const { props } = renderPanel();
    expect(button("Save").disabled).toBe(true);
    expect(screen.queryByRole("textbox", { name: "Segment" })).toBeNull(); // read-only field
    expect(screen.getByText("gold")).toBeTruthy();
    fireEvent.change(field("Case number"), { target: { value: "CASE-2" } });
    fireEvent.change(field("Call back at"), { target: { value: "2026-05-04T14:30:00+02:00" } });
    await act(async () => fireEvent.click(button("Save")));
    expect(props.onSave).toHaveBeenCalledWith([
      { name: "caseNumber", value: "CASE-2", baseVersion: 3 },
      { name: "callBackAt", value: "2026-05-04T14:30:00+02:00", baseVersion: 0 },
    ]);
    expect(screen.getByText("Saved.")).toBeTruthy();
  });

  it("CALL-6 at most 256 characters; date and time in ISO 8601 is hinted; emptying a field clears it", async () => {
    const { props } = renderPanel();
    expect(field("Case number").maxLength).toBe(256);
    fireEvent.change(field("Case number"), { target: { value: "x".repeat(300) } });
    expect(field("Case number").value).toHaveLength(256);
    expect(field("Call back at").getAttribute("aria-describedby")).toBeTruthy();
    expect(screen.getByText(/ISO 8601/)).toBeTruthy();
    fireEvent.change(field("Case number"), { target: { value: "" } });
    await act(async () => fireEvent.click(button("Save")));
    expect(props.onSave).toHaveBeenCalledWith([{ name: "caseNumber", value: null, baseVersion: 3 }]);
  });

  it("CALL-6 Revert goes back to the last saved values", () => {
    const { props } = renderPanel();
    fireEvent.change(field("Case number"), { target: { value: "typo" } });
    fireEvent.click(button("Revert"));
    expect(field("Case number").value).toBe("CASE-1");
    expect(button("Save").disabled).toBe(true);
    expect(props.onSave).not.toHaveBeenCalled();
  });

  it("CALL-6 a refused save says why and keeps what the agent typed", async () => {
    renderPanel({
      onSave: vi.fn(async () => ({ ok: false as const, message: "1 value(s) cannot be saved" })),
    });
    fireEvent.change(field("Call back at"), { target: { value: "tomorrow" } });
    await act(async () => fireEvent.click(button("Save")));
    expect(screen.getByRole("alert").textContent).toContain("1 value(s) cannot be saved");
    expect(field("Call back at").value).toBe("tomorrow");
  });

  it("CALL-7 a secure value shows a lock and stays masked until fetched again with click to retry", async () => {
    const revealed = VARIABLES.map((v) =>
      v.name === "cardNumber"
        ? { ...v, value: "4111111111111111", masked: null, revealable: false, editable: true }
        : v,
    );
    const { props } = renderPanel({ onReveal: vi.fn(async () => revealed) });
    const row = screen.getByText("Card number").closest("div") as HTMLElement;
    expect(within(row).getByRole("img", { name: "Secure value" })).toBeTruthy();
    expect(within(row).getByText("******")).toBeTruthy();
    expect(screen.getAllByRole("img", { name: "Secure value" })).toHaveLength(1);
    await act(async () => fireEvent.click(button("Click to retry: show Card number")));
    expect(props.onReveal).toHaveBeenCalled();
    expect(field("Card number").value).toBe("4111111111111111");
    expect(screen.queryByRole("button", { name: /Click to retry/ })).toBeNull();
  });

  it("CALL-7 a revealed value is masked again once someone saves a newer version", async () => {
    const revealed = VARIABLES.map((v) =>
      v.name === "cardNumber" ? { ...v, value: "4111111111111111", masked: null, revealable: false } : v,
    );
    const { rerender } = renderPanel({ onReveal: vi.fn(async () => revealed) });
    await act(async () => fireEvent.click(button("Click to retry: show Card number")));
    expect(screen.getByText("4111111111111111")).toBeTruthy();
    rerender({ variables: VARIABLES.map((v) => (v.name === "cardNumber" ? { ...v, version: 2 } : v)) });
    expect(screen.getByText("******")).toBeTruthy();
  });

  it("CALL-8 the first save wins: the agent's value is replaced by the saved one and the agent is told", async () => {
    const onSave = vi.fn(
      async (): Promise<SaveOutcome> => ({
        ok: true,
        conflicts: [{ name: "caseNumber", yourValue: "CASE-9", currentValue: "CASE-7", currentVersion: 4 }],
      }),
    );
    const { rerender } = renderPanel({ onSave });
    fireEvent.change(field("Case number"), { target: { value: "CASE-9" } });
    // Another agent saves meanwhile: the read shows their value, the draft keeps its base version.
    rerender({
      variables: VARIABLES.map((v) => (v.name === "caseNumber" ? { ...v, value: "CASE-7", version: 4 } : v)),
    });
    expect(field("Case number").value).toBe("CASE-9");
    await act(async () => fireEvent.click(button("Save")));
    expect(onSave).toHaveBeenCalledWith([{ name: "caseNumber", value: "CASE-9", baseVersion: 3 }]);
    expect(screen.getByRole("status").textContent).toBe(
      "Case number was saved by another agent first: your value “CASE-9” was replaced by “CASE-7”.",
    );
    expect(field("Case number").value).toBe("CASE-7");
  });

  it("CALL-9 a consulted agent reads only; Refresh reads the values again", () => {
    const { props } = renderPanel({ consulted: true });
    expect(screen.getByText(/consulted agent cannot edit/)).toBeTruthy();
    expect(screen.queryAllByRole("textbox")).toHaveLength(0);
    expect(screen.queryByRole("button", { name: "Save" })).toBeNull();
    expect(screen.getByText("CASE-1")).toBeTruthy();
    fireEvent.click(button("Refresh"));
    expect(props.onRefresh).toHaveBeenCalled();
  });
});
