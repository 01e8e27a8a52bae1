import { render, screen } from "@testing-library/react";
import { describe, expect, it } from "vitest";
import { RECONNECT_ALERT_AFTER } from "../../desk/deskStore.ts";
import { ConnectionBanner } from "./Workspace.tsx";

describe("the connection banner", () => {
  it("CON-4 says it reconnects, and after several failed attempts raises an alert", () => {
    const { rerender } = render(<ConnectionBanner failed={RECONNECT_ALERT_AFTER - 1} />);
    expect(screen.getByRole("status").textContent).toBe("Connection lost. Reconnecting…");
    expect(screen.queryByRole("alert")).toBeNull();
    rerender(<ConnectionBanner failed={RECONNECT_ALERT_AFTER} />);
    expect(screen.getByRole("alert").textContent).toContain(
      `Cannot reach the server after ${RECONNECT_ALERT_AFTER} attempts`,
    );
  });
});
