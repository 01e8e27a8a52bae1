import { fireEvent, render, screen } from "@testing-library/react";
import { describe, expect, it, vi } from "vitest";
import { StationForm } from "./StationForm.tsx";

describe("the station form", () => {
  it("AGT-10 signs in with a browser, no address asked", async () => {
    const onSubmit = vi.fn(async () => ({ ok: true as const }));
    render(
      <StationForm userName="Anna" teamIds={["support", "sales"]} onSubmit={onSubmit} onSignOut={() => {}} />,
    );
    expect(screen.queryByLabelText("Phone number")).toBeNull();
    fireEvent.change(screen.getByLabelText("Team"), { target: { value: "sales" } });
    fireEvent.click(screen.getByRole("button", { name: "Start" }));
    await vi.waitFor(() => expect(onSubmit).toHaveBeenCalledWith({ teamId: "sales", device: "BROWSER" }));
  });

  it("AGT-10 a dial number is sent with its address, and the server's refusal is shown by the field", async () => {
    const onSubmit = vi.fn(async () => ({
      ok: false as const,
      code: "INVALID_ADDRESS",
      message: "A dial number has 3 to 18 digits",
    }));
    render(<StationForm userName="Anna" teamIds={["support"]} onSubmit={onSubmit} onSignOut={() => {}} />);
    fireEvent.click(screen.getByRole("radio", { name: "Dial number" }));
    const field = screen.getByLabelText("Phone number");
    fireEvent.change(field, { target: { value: "12" } });
    fireEvent.click(screen.getByRole("button", { name: "Start" }));
    expect((await screen.findByRole("alert")).textContent).toBe("A dial number has 3 to 18 digits");
    expect(onSubmit).toHaveBeenCalledWith({ teamId: "support", device: "DIAL_NUMBER", address: "12" });
    expect(field.getAttribute("aria-invalid")).toBe("true");
  });

  it("AGT-10 a shared line: the server names its lines, the agent picks one and starts on it", async () => {
    const onSubmit = vi.fn(async (station: { line?: string }) =>
      station.line
        ? { ok: true as const }
        : {
            ok: false as const,
            code: "LINE_REQUIRED",
            message: "4100 is a shared line: choose one of 1, 2",
            details: { lines: ["1", "2"] },
          },
    );
    render(<StationForm userName="Anna" teamIds={["support"]} onSubmit={onSubmit} onSignOut={() => {}} />);
    fireEvent.click(screen.getByRole("radio", { name: "Extension" }));
    fireEvent.change(screen.getByLabelText("Extension number"), { target: { value: "4100" } });
    fireEvent.click(screen.getByRole("button", { name: "Start" }));
    const line = await screen.findByRole("combobox", { name: "Line" });
    expect(screen.getByText("This number is a shared line: choose the line you work on.")).toBeTruthy();
    expect(screen.queryByRole("alert")).toBeNull();
    fireEvent.change(line, { target: { value: "2" } });
    fireEvent.click(screen.getByRole("button", { name: "Start" }));
    await vi.waitFor(() =>
      expect(onSubmit).toHaveBeenLastCalledWith({
        teamId: "support",
        device: "EXTENSION",
        address: "4100",
        line: "2",
      }),
    );
    // Another address is not that shared line any more.
    fireEvent.change(screen.getByLabelText("Extension number"), { target: { value: "4200" } });
    expect(screen.queryByRole("combobox", { name: "Line" })).toBeNull();
  });
});
