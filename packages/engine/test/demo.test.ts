import { beforeAll, describe, expect, it } from "vitest";
import { demoTenant } from "../demo/demoTenant.ts";
import { ScriptError, Stage } from "../demo/stage.ts";
import { runDemo } from "../demo/timeline.ts";

const timeline = (): string[] => {
  const lines: string[] = [];
  runDemo((line) => lines.push(line));
  return lines;
};

describe("demo timeline (npm run demo)", () => {
  let lines: string[] = [];
  let events: string[] = [];
  beforeAll(() => {
    // Throws a ScriptError on any rejection the script did not ask for.
    lines = timeline();
    events = lines.filter((l) => /^\d\d:\d\d:\d\d {2}/.test(l));
  });

  /** The lines from the first one starting with `first`, so that a sequence can be checked in order. */
  const from = (first: string, count: number): string[] => {
    const start = lines.findIndex((l) => l.startsWith(first));
    expect(start, `no line starts with ${first}`).toBeGreaterThanOrEqual(0);
    return lines.slice(start, start + count);
  };

  it("runs the whole script without an unexpected rejection, up to the summary", () => {
    expect(lines.some((l) => l.startsWith("Summary at 09:30:00"))).toBe(true);
    expect(events.length).toBeGreaterThan(60);
  });

  it("stays a readable length", () => {
    expect(lines.length).toBeGreaterThanOrEqual(150);
    expect(lines.length).toBeLessThanOrEqual(230);
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

  it("shows the consult toggled, conferenced, and control passing when the owner leaves the conference", () => {
    expect(lines).toContain(
      "          ↳ Marcus Berg's call panel: Call on hold | Consult requested   [Resume] [End consult]",
    );
    expect(lines).toContain(
      "          ↳ Marcus Berg's call panel: Connected | Consult on hold   [Resume consult] [End consult] [Transfer] [Conference]",
    );
    expect(from("08:20:30", 3)).toEqual([
      "08:20:30  c-1006: Marcus Berg left the conference",
      "08:20:30  c-1006 now belongs to Elif Kaya (left conference by Marcus Berg, who wraps up)",
      "          ↳ Elif Kaya's call panel: Connected   [Hold] [Consult] [Transfer] [Pause recording] [End]",
    ]);
    expect(events).toContain("08:20:40  Supervisor Karin Holm monitors Elif Kaya on c-1006");
  });

  it("masks the secure card number the agent saved while the recording was paused", () => {
    expect(events).toContain("08:17:20  Marcus Berg paused the recording of c-1006 until 08:17:50");
    expect(lines.find((l) => l.includes("Marcus Berg's call data"))).toContain(
      "Case CS-20931 ✎ · Language sv · Card ******",
    );
    expect(lines.join("\n")).not.toContain("4571");
    expect(events).toContain("08:17:50  Recording of c-1006 resumed (pause time over)");
  });

  it("never offers a call transferred to a queue back to the agent who transferred it", () => {
    const transferred = events.indexOf("08:23:10  Marcus Berg transferred c-1007 to queue Sales voice");
    expect(transferred).toBeGreaterThanOrEqual(0);
    const offers = events.slice(transferred).filter((l) => l.includes("c-1007 offered to"));
    expect(offers).toEqual(["08:27:35  c-1007 offered to Priya Raman (connecting; RONA at 08:27:53)"]);
    expect(lines.some((l) => l.includes("why c-1007 waits (ALL_EXCLUDED"))).toBe(true);
  });

  it("shows the sentiment alert, and a persistent chat closed and re-opened with its history", () => {
    expect(events).toContain("08:26:30  ch-2004: sentiment level -0.80 ⚠ alert: at or below the threshold");
    expect(events).toContain("08:28:30  Anna Lindqvist joined ch-2004");
    expect(events).toContain(
      "08:33:00  Sofia Nguyen closed ch-2004; it waits for the customer until 2026-11-30",
    );
    expect(from("09:24:00  ch-2004 re-opened", 2)).toEqual([
      "09:24:00  ch-2004 re-opened: the customer wrote again",
      "09:24:00  ch-2004 offered to Elif Kaya (connecting; RONA at 09:24:30)",
    ]);
    expect(lines.at(lines.indexOf("09:24:05  Elif Kaya accepted ch-2004") + 1)).toMatch(
      /↳ Elif Kaya's ch-2004 session: active, 6 messages/,
    );
  });

  it("offers the personal callback to its assignee when its window opens, and dials the customer", () => {
    expect(events).toContain(
      "08:32:00  Callback cb-6001 to +46705551234 (personal for Elif Kaya) due 09:15:00",
    );
    expect(events.filter((l) => l.includes("cb-6001") && l < "09:15:00")).toHaveLength(1);
    expect(from("09:15:00", 2)).toEqual([
      "09:15:00  Callback cb-6001 is due: it queues now",
      "09:15:00  cb-6001 offered to Elif Kaya (connecting; RONA at 09:15:18)",
    ]);
    expect(events).toContain("09:15:04  cb-6001: the customer joins the call (alerting)");
    expect(events).toContain("09:15:11  cb-6001: the customer is connected");
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
