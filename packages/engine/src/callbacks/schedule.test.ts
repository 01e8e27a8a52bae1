import { describe, expect, it } from "vitest";
import { checkSchedule } from "./schedule.ts";

const NOW = Date.UTC(2026, 10, 21, 9, 0); // 10:00 in Stockholm
const request = (over: Record<string, string> = {}) => ({
  customerNumber: "+46 70-1234567",
  customerName: "Åsa Öberg",
  date: "2026-11-23",
  from: "14:00",
  to: "16:30",
  timeZone: "Europe/Stockholm",
  reason: "Invoice question",
  ...over,
});
const problems = (over: Record<string, string>, now = NOW) => {
  const r = checkSchedule(request(over), now);
  return r.ok ? [] : r.problems.map((p) => p.problem);
};

describe("scheduling a callback", () => {
  it("CB-4 a valid request becomes a window in the customer's time zone", () => {
    const r = checkSchedule(request(), NOW);
    expect(r).toMatchObject({
      ok: true,
      window: { start: Date.UTC(2026, 10, 23, 13, 0), end: Date.UTC(2026, 10, 23, 15, 30) },
    });
  });

  it("CB-4 the number has 7 to 15 characters: digits with the country code, spaces - , . allowed", () => {
    expect(problems({ customerNumber: "+46 70,123.45" })).toEqual([]);
    expect(problems({ customerNumber: "12345" })).toEqual(["NUMBER_INVALID"]);
    expect(problems({ customerNumber: "+46 70 123 45 67 89" })).toEqual(["NUMBER_INVALID"]);
    expect(problems({ customerNumber: "+46 70 CALL ME" })).toEqual(["NUMBER_INVALID"]);
  });

  it("CB-4 the name has 3 to 250 Unicode characters", () => {
    expect(problems({ customerName: "Bo" })).toEqual(["NAME_LENGTH"]);
    expect(problems({ customerName: "李小龙" })).toEqual([]);
    expect(problems({ customerName: "é".repeat(251) })).toEqual(["NAME_LENGTH"]);
  });

  it("CB-4 the start is at least 30 minutes after now and at most 31 days ahead", () => {
    expect(problems({ date: "2026-11-21", from: "10:29", to: "11:00" })).toEqual(["TOO_SOON"]);
    expect(problems({ date: "2026-11-21", from: "10:30", to: "11:00" })).toEqual([]);
    expect(problems({ date: "2026-12-23" })).toEqual(["TOO_FAR"]);
  });

  it("CB-4 a real date, valid times, an end after the start, a valid IANA zone, a reason up to 250 characters", () => {
    expect(problems({ date: "2026-02-30" })).toEqual(["DATE_INVALID"]);
    expect(problems({ from: "25:00" })).toEqual(["TIME_INVALID"]);
    expect(problems({ from: "16:00", to: "15:00" })).toEqual(["WINDOW_EMPTY"]);
    expect(problems({ timeZone: "Mars/Olympus" })).toEqual(["ZONE_INVALID"]);
    expect(problems({ reason: "x".repeat(251) })).toEqual(["REASON_LENGTH"]);
  });

  it("CB-4 daylight saving is the zone's: the same local time maps to the right instant", () => {
    const summer = checkSchedule(
      request({ date: "2026-06-01", from: "09:00", to: "10:00" }),
      Date.UTC(2026, 4, 25),
    );
    expect(summer.ok && summer.window.start).toBe(Date.UTC(2026, 5, 1, 7, 0));
  });
});
