import { describe, expect, it } from "vitest";
import { formatDuration } from "./duration.ts";

describe("formatDuration", () => {
  it("TMR-1 shows minutes and seconds, starting at 00:00", () => {
    expect(formatDuration(0)).toBe("00:00");
    expect(formatDuration(999)).toBe("00:00");
    expect(formatDuration(75_000)).toBe("01:15");
    expect(formatDuration(30 * 60_000)).toBe("30:00");
  });

  it("shows hours from one hour on, and never a negative time", () => {
    expect(formatDuration(3_600_000 + 61_000)).toBe("1:01:01");
    expect(formatDuration(-5_000)).toBe("00:00");
  });
});
