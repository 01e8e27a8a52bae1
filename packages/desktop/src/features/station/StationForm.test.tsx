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
});
