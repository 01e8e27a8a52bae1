import { fireEvent, render, screen } from "@testing-library/react";
import { describe, expect, it, vi } from "vitest";
import { SignInForm } from "./SignInForm.tsx";

describe("the sign-in form", () => {
  it("sends tenant, user and password and shows a refusal", async () => {
    const onSubmit = vi.fn(async () => ({
      ok: false as const,
      code: "INVALID_CREDENTIALS",
      message: "The tenant, user or password is wrong",
    }));
    render(<SignInForm reason="new" defaultTenant="lumen" onSubmit={onSubmit} />);
    fireEvent.change(screen.getByLabelText("User"), { target: { value: "anna" } });
    fireEvent.change(screen.getByLabelText("Password"), { target: { value: "nope" } });
    fireEvent.click(screen.getByRole("button", { name: "Sign in" }));
    expect((await screen.findByRole("alert")).textContent).toBe("The tenant, user or password is wrong");
    expect(onSubmit).toHaveBeenCalledWith("lumen", "anna", "nope");
  });

  it("says why after the session ended", () => {
    render(<SignInForm reason="session_ended" onSubmit={vi.fn()} />);
    expect(screen.getByRole("alert").textContent).toMatch(/session has ended/);
  });
});
