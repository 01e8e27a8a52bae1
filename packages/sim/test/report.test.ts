import { Engine, fromPlain, queueViews, type TenantEvent } from "@parley/engine";
import { describe, expect, it } from "vitest";
import { ALL_QUEUES, buildReport, type Report, type ReportRow } from "../src/report/index.ts";
import { singleQueueScenario } from "../src/traffic/presets/singleQueue.ts";
import { simulate } from "../src/virtual/runner.ts";
import { at, CONFIG, scriptedDay } from "./reportFixtures.ts";

const day = scriptedDay();
const input = { config: CONFIG, events: day.events, startAt: at("08:00:00"), endAt: at("09:00:00") };
const report = buildReport(input);

const rowOf = (r: Report, queueId: string, label: string): ReportRow => {
  const found = [...r.rows, ...r.totals].find((row) => row.queueId === queueId && row.label === label);
  if (!found) throw new Error(`no row ${queueId} ${label}`);
  return found;
};

/** The counts and figures of a row, without its range. */
const figures = (r: ReportRow) => {
  const { queueId: _q, queueName: _n, start: _s, end: _e, label: _l, ...rest } = r;
  return rest;
};

describe("interval report of a scripted day", () => {
  it("covers the range in 30-minute intervals per queue, then all queues", () => {
    expect(report.rangeStart).toBe(at("08:00:00"));
    expect(report.rangeEnd).toBe(at("09:00:00"));
    expect(report.rows.map((r) => `${r.queueId} ${r.label}`)).toEqual([
      "q-support 08:00",
      "q-support 08:30",
      "q-sales 08:00",
      "q-sales 08:30",
      "* 08:00",
      "* 08:30",
    ]);
    expect(report.totals.map((r) => r.queueId)).toEqual(["q-support", "q-sales", ALL_QUEUES]);
  });

  it("counts support's first interval exactly: 4 of 6 in service level, a short abandon left out", () => {
    // c1 5 s, c2 10 s, c5 15 s, c7 15 s within 20 s; c4 50 s after; c3 abandoned after 140 s; c6 after 10 s.
    expect(figures(rowOf(report, "q-support", "08:00"))).toEqual({
      offered: 7,
      answered: 5,
      answeredInSL: 4,
      abandoned: 2,
      abandonedAfterSL: 1,
      serviceLevel: 4 / 6,
      asaSec: (5 + 10 + 50 + 15 + 15) / 5,
      ahtSec: (210 + 270 + 190 + 130 + 150) / 5,
      occupancy: 800 / 3600,
      agents: 2,
      maxWaiting: 2,
    });
  });

  it("counts c7, answered at 08:30:05, in the interval it arrived in", () => {
    expect(figures(rowOf(report, "q-support", "08:30"))).toEqual({
      offered: 0,
      answered: 0,
      answeredInSL: 0,
      abandoned: 0,
      abandonedAfterSL: 0,
      serviceLevel: null,
      asaSec: null,
      ahtSec: null,
      // c7's 150 s busy; a2's 600 s of Lunch count on neither side.
      occupancy: 150 / (3600 - 600),
      agents: 2,
      maxWaiting: 0,
    });
  });

  it("attributes agent time by the team the agent logged in to", () => {
    expect(figures(rowOf(report, "q-sales", "08:00"))).toMatchObject({
      offered: 0,
      occupancy: null,
      agents: 0,
    });
    // a3: logged in 08:35, Idle until 08:40:10, busy 08:40:25–08:45:55.
    expect(figures(rowOf(report, "q-sales", "08:30"))).toEqual({
      offered: 1,
      answered: 1,
      answeredInSL: 1,
      abandoned: 0,
      abandonedAfterSL: 0,
      serviceLevel: 1,
      asaSec: 25,
      ahtSec: 330,
      occupancy: 330 / (1500 - 310),
      agents: 1500 / 1800,
      maxWaiting: 1,
    });
    expect(rowOf(report, ALL_QUEUES, "08:30")).toMatchObject({
      offered: 1,
      occupancy: (150 + 330) / (3000 + 1190),
      agents: (3600 + 1500) / 1800,
      maxWaiting: 1,
    });
  });

  it("totals the day per queue and for all queues from the sums, not from the interval figures", () => {
    expect(figures(rowOf(report, "q-support", "total"))).toEqual({
      offered: 7,
      answered: 5,
      answeredInSL: 4,
      abandoned: 2,
      abandonedAfterSL: 1,
      serviceLevel: 4 / 6,
      asaSec: 19,
      ahtSec: 190,
      occupancy: 950 / (3600 + 3000),
      agents: 2,
      maxWaiting: 2,
    });
    expect(figures(rowOf(report, ALL_QUEUES, "total"))).toEqual({
      offered: 8,
      answered: 6,
      answeredInSL: 5,
      abandoned: 2,
      abandonedAfterSL: 1,
      serviceLevel: 5 / 7,
      asaSec: (95 + 25) / 6,
      ahtSec: (950 + 330) / 6,
      occupancy: 1280 / (3600 + 3000 + 1190),
      agents: (7200 + 1500) / 3600,
      maxWaiting: 2,
    });
  });

  it("agrees with the engine's own queue counters", () => {
    const engine = Engine.replay(day.events.map((e) => fromPlain<TenantEvent>(e)));
    for (const view of queueViews(engine.state, at("09:00:00"))) {
      const total = rowOf(report, view.queueId, "total");
      expect([total.offered, total.answered, total.answeredInSL, total.abandoned]).toEqual([
        view.stats.received,
        view.stats.answered,
        view.stats.answeredInTime,
        view.stats.abandoned,
      ]);
    }
  });

  it("keeps the most contacts queued per minute, ignoring contacts offered the instant they arrive", () => {
    // c3 08:01:00–08:03:20, c4 08:03:00–08:03:45, c5 08:04:50–08:05:00, c6 08:06:00–08:06:10.
    expect(report.waitingPerMinute["q-support"]?.slice(0, 8)).toEqual([0, 1, 1, 2, 1, 0, 1, 0]);
    expect(report.waitingPerMinute["q-support"]).toHaveLength(60);
    expect(report.waitingPerMinute["q-sales"]?.[40]).toBe(1);
    expect(report.waitingPerMinute[ALL_QUEUES]?.slice(0, 8)).toEqual([0, 1, 1, 2, 1, 0, 1, 0]);
  });

  it("counts in 15-minute intervals by arrival: c7 in 08:15 though answered at 08:30:05", () => {
    const quarter = buildReport(input, { intervalMin: 15 });
    expect(quarter.rows.filter((r) => r.queueId === "q-support").map((r) => r.label)).toEqual([
      "08:00",
      "08:15",
      "08:30",
      "08:45",
    ]);
    expect(rowOf(quarter, "q-support", "08:00")).toMatchObject({
      offered: 6,
      answered: 4,
      answeredInSL: 3,
      abandonedAfterSL: 1,
      serviceLevel: 3 / 5,
      asaSec: 20,
    });
    expect(rowOf(quarter, "q-support", "08:15")).toMatchObject({ offered: 1, answered: 1, asaSec: 15 });
    expect(rowOf(quarter, "q-support", "08:30")).toMatchObject({ offered: 0, answered: 0 });
    expect(figures(rowOf(quarter, "q-support", "total"))).toEqual(
      figures(rowOf(report, "q-support", "total")),
    );
  });

  it("labels and aligns intervals on the wall clock of the time zone asked for", () => {
    const stockholm = buildReport(input, { timeZone: "Europe/Stockholm" });
    expect(stockholm.rows.filter((r) => r.queueId === "q-support").map((r) => r.label)).toEqual([
      "09:00",
      "09:30",
    ]);
    const kolkata = buildReport(
      { ...input, startAt: at("08:00:00") },
      { timeZone: "Asia/Kolkata", intervalMin: 60 },
    );
    // 08:00 UTC is 13:30 in Kolkata: the intervals start on the hour there, at 13:00.
    expect(kolkata.rangeStart).toBe(at("07:30:00"));
    expect(kolkata.rows[0]?.label).toBe("13:00");
  });

  it("works without a tenant.configured event, from the config given", () => {
    const withoutConfig = day.events.filter((e) => e.type !== "tenant.configured");
    const again = buildReport({ ...input, events: withoutConfig });
    expect(again.totals).toEqual(report.totals);
  });

  it("refuses options it cannot honour", () => {
    expect(() => buildReport(input, { intervalMin: 7 })).toThrow(/interval must be one of/);
    expect(() => buildReport(input, { serviceLevelTarget: 80 })).toThrow(/target/);
    expect(() => buildReport(input, { timeZone: "Mars/Olympus" })).toThrow(/unknown time zone/);
    expect(() => buildReport({ ...input, endAt: input.startAt })).toThrow(/ends before/);
  });
});

describe("interval report of a simulated day", () => {
  it("adds up to the runner's own counts, with every contact in the interval it arrived in", () => {
    const scenario = singleQueueScenario({
      erlangs: 9,
      agents: 10,
      ahtSec: 240,
      patienceSec: 90,
      durationSec: 4 * 3600,
    });
    const result = simulate(scenario, { seed: 11 });
    const r = buildReport(result, { intervalMin: 15 });
    const [runner] = result.stats.queues;
    const total = rowOf(r, "queue", "total");
    expect(total.offered).toBe(runner?.received);
    expect(total.answered).toBe(runner?.answered);
    expect(total.answeredInSL).toBe(runner?.answeredInTime);
    expect(total.abandoned).toBe(runner?.abandoned);
    expect(total.asaSec).toBeCloseTo((runner?.answeredWaitMs ?? 0) / (runner?.answered ?? 1) / 1000, 9);
    // 16 quarter hours; each interval's contacts are the arrivals in it.
    const rows = r.rows.filter((row) => row.queueId === "queue");
    expect(rows).toHaveLength(16);
    expect(rows.reduce((n, row) => n + row.offered, 0)).toBe(total.offered);
    const arrivals = result.events.filter((e) => e.type === "task.received");
    for (const row of rows)
      expect(row.offered).toBe(arrivals.filter((e) => e.at >= row.start && e.at < row.end).length);
    // Ten agents on shift the whole run, none idle: all of them serve the queue all the time.
    for (const row of rows) expect(row.agents).toBeCloseTo(10, 9);
    expect(total.occupancy).toBeGreaterThan(0.75);
    expect(total.occupancy).toBeLessThan(1);
  });
});
