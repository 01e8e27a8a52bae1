import { beforeAll, describe, expect, it } from "vitest";
import { demoTenant } from "../demo/demoTenant.ts";
import { ScriptError, Stage } from "../demo/stage.ts";
import { runDemo } from "../demo/timeline.ts";

const timeline = (): string[] => {
  const lines: string[] = [];
  runDemo((line) => lines.push(line));
  return lines;
};

describe("demo timeline (npm start)", () => {
  let lines: string[] = [];
  let events: string[] = [];
  beforeAll(() => {
    // Throws a ScriptError on any rejection the script did not ask for.
    lines = timeline();
    events = lines.filter((l) => /^\d\d:\d\d:\d\d {2}/.test(l));
  });

  it("runs the whole script without an unexpected rejection, up to the summary", () => {
    expect(lines.some((l) => l.startsWith("Summary at 08:35:00"))).toBe(true);
    expect(events.length).toBeGreaterThan(60);
  });

  it("shows a missed offer going RONA and the call moving on to the next agent", () => {
    expect(events).toContain(
      "08:02:08  RONA: Marcus Berg did not answer c-1002 in time → back to the head of its queue",
    );
    expect(events).toContain("08:02:08  Marcus Berg → RONA (ring no answer, reason code 32767)");
    expect(events).toContain("08:02:08  c-1002 offered to Anna Lindqvist (connecting; RONA at 08:02:26)");
  });

  it("shows the auto wrap-up and the pending logout it sets off", () => {
    const auto = events.findIndex((l) =>
      l.startsWith("08:07:40  c-1005 auto wrap-up for Jonas Eriksson: Resolved"),
    );
    const logout = events.indexOf(
      "08:07:40  Jonas Eriksson logged out (pending logout applied after the last interaction)",
    );
    expect(auto).toBeGreaterThanOrEqual(0);
    expect(logout).toBe(auto + 1);
  });

  it("shows exactly one rejection, the deliberate OFFER_PENDING one", () => {
    const rejections = lines.filter((l) => l.includes("rejected"));
    expect(rejections).toHaveLength(1);
    expect(rejections[0]).toMatch(/^08:05:33 {2}✗ Jonas Eriksson tries to log out .* rejected OFFER_PENDING/);
  });

  it("prints events in time order and the same timeline on every run", () => {
    const times = events.map((l) => l.slice(0, 8));
    expect(times).toEqual([...times].sort());
    expect(timeline()).toEqual(lines);
  });

  it("stops the script when the engine rejects a step it expected to succeed", () => {
    const stage = new Stage(demoTenant(), Date.UTC(2026, 10, 2), () => {});
    stage.at("08:00:00").configure();
    expect(() => stage.accept("c-404", "anna")).toThrow(ScriptError);
  });
});
