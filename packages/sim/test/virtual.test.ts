import {
  Engine,
  fromPlain,
  type Plain,
  type TenantConfig,
  type TenantEvent,
  validateConfig,
} from "@parley/engine";
import { describe, expect, it } from "vitest";
import {
  type BotBehaviour,
  centerScenario,
  constant,
  demoDayScenario,
  INSTANT_BOT,
  type Scenario,
  simulate,
  singleQueueScenario,
} from "../src/index.ts";

const HOUR = 3_600;
const base = (over: Partial<Parameters<typeof singleQueueScenario>[0]> = {}) =>
  singleQueueScenario({ erlangs: 2, agents: 3, ahtSec: 120, durationSec: 4 * HOUR, ...over });

function withProfile(s: Scenario, over: Partial<Plain<TenantConfig>["profiles"][number]>): Scenario {
  return { ...s, config: { ...s.config, profiles: s.config.profiles.map((p) => ({ ...p, ...over })) } };
}

function withBots(s: Scenario, bots: Partial<Scenario["bots"]>): Scenario {
  return { ...s, bots: { ...s.bots, ...bots } };
}

const ofType = <T extends Plain<TenantEvent>["type"]>(events: readonly Plain<TenantEvent>[], type: T) =>
  events.filter((e): e is Extract<Plain<TenantEvent>, { type: T }> => e.type === type);

describe("simulate: the virtual-time runner", () => {
  it("is deterministic: the same seed gives the same events, another seed other ones", () => {
    const s = base();
    const a = simulate(s, { seed: 5 });
    const b = simulate(s, { seed: 5 });
    const c = simulate(s, { seed: 6 });
    expect(JSON.stringify(b.events)).toBe(JSON.stringify(a.events));
    expect(JSON.stringify(c.events)).not.toBe(JSON.stringify(a.events));
    expect(a.stats).toEqual(b.stats);
  });

  it("returns a log the engine can replay, in time order within the run, and counts it", () => {
    const r = simulate(base(), { seed: 1 });
    expect(r.events[0]?.type).toBe("tenant.configured");
    let last = r.startAt;
    for (const e of r.events) {
      expect(e.at).toBeGreaterThanOrEqual(last);
      last = e.at;
    }
    expect(last).toBeLessThanOrEqual(r.endAt);
    expect(r.endAt - r.startAt).toBe(4 * HOUR * 1000);
    expect(r.stats.events).toBe(r.events.length);
    expect(r.stats.rejected).toEqual({});
    expect(() => Engine.replay(r.events.map((e) => fromPlain<TenantEvent>(e)))).not.toThrow();
  });

  it("streams the events instead of keeping them, and reports progress up to 1", () => {
    const streamed: string[] = [];
    const progress: number[] = [];
    const r = simulate(base(), {
      seed: 1,
      keepEvents: false,
      onEvent: (e) => streamed.push(e.type),
      onProgress: (f) => progress.push(f),
    });
    expect(r.events).toEqual([]);
    expect(streamed.length).toBe(r.stats.events);
    expect(progress.at(-1)).toBe(1);
    expect([...progress].sort((x, y) => x - y)).toEqual(progress);
  });

  it("instant bots: every offer is delivered and accepted the millisecond it is made", () => {
    const r = simulate(base(), { seed: 2 });
    const offered = new Map(ofType(r.events, "offer.created").map((e) => [e.taskId, e.at]));
    const assigned = ofType(r.events, "task.assigned");
    expect(assigned.length).toBeGreaterThan(100);
    for (const e of assigned) expect(e.at).toBe(offered.get(e.taskId));
  });

  it("measures the wait up to accept: ring time counts as waiting", () => {
    const behaviour: BotBehaviour = { deliverDelay: constant(0.5), acceptDelay: constant(2) };
    const r = simulate(withBots(base({ erlangs: 0.5 }), { behaviour }), { seed: 3 });
    const q = r.stats.queues[0];
    if (!q) throw new Error("no queue");
    expect(q.answered).toBeGreaterThan(20);
    // Hardly anyone queues at 0.5 E on 3 agents, yet every answer takes at least 2.5 s.
    expect(q.answeredAfterWait).toBe(q.answered);
    expect(q.answeredWaitMs).toBeGreaterThanOrEqual(2_500 * q.answered);
  });

  it("customers hang up when their patience runs out while waiting, and only then", () => {
    // One agent, far too much traffic, patience exactly 30 s.
    const s = base({ erlangs: 5, agents: 1 });
    const traffic = {
      ...s.traffic,
      entryPoints: s.traffic.entryPoints.map((t) => ({ ...t, patience: constant(30) })),
    };
    const r = simulate({ ...s, traffic }, { seed: 4 });
    const received = new Map(ofType(r.events, "task.received").map((e) => [e.taskId, e.at]));
    const canceled = ofType(r.events, "task.canceled");
    expect(canceled.length).toBeGreaterThan(100);
    for (const e of canceled) {
      expect(e.reason).toBe("abandoned");
      expect(e.at - (received.get(e.taskId) ?? 0)).toBe(30_000);
    }
    const answered = new Set(ofType(r.events, "task.assigned").map((e) => e.taskId));
    for (const e of canceled) expect(answered.has(e.taskId)).toBe(false);
    expect(r.stats.rejected).toEqual({});
    expect(r.stats.queues[0]?.abandoned).toBe(canceled.length);
  });

  it("breaks: Idle with the code at the break, no new offers during it, Available after", () => {
    const s = withBots(base({ erlangs: 1, agents: 1 }), {
      shifts: [
        {
          agentId: "a1",
          teamId: "team",
          startSec: 0,
          endSec: Number.POSITIVE_INFINITY,
          breaks: [{ startSec: HOUR, durationSec: 900, codeId: "not-ready" }],
        },
      ],
    });
    const r = simulate(s, { seed: 5 });
    const changes = ofType(r.events, "agent.state.changed").filter((e) => e.agentId === "a1");
    const start = r.startAt + HOUR * 1000;
    const end = start + 900_000;
    expect(changes.find((e) => e.at === start)?.to).toEqual({ type: "idle", codeId: "not-ready" });
    expect(changes.find((e) => e.at === end)?.to).toEqual({ type: "available" });
    const offers = ofType(r.events, "offer.created").filter((e) => e.at > start && e.at < end);
    expect(offers).toEqual([]);
  });

  it("a shift's end: Idle at once, the contact in hand finished, then logged out; no offers after", () => {
    const s = withBots(base({ erlangs: 0.9, agents: 1, ahtSec: 600 }), {
      shifts: [{ agentId: "a1", teamId: "team", startSec: 0, endSec: 2 * HOUR }],
    });
    const r = simulate(s, { seed: 6 });
    const end = r.startAt + 2 * HOUR * 1000;
    const out = ofType(r.events, "agent.logged_out");
    expect(out).toHaveLength(1);
    expect(out[0]?.at).toBeGreaterThanOrEqual(end);
    expect(ofType(r.events, "offer.created").filter((e) => e.at > end)).toEqual([]);
    const wrapped = ofType(r.events, "task.wrapup");
    expect(wrapped.at(-1)?.at).toBeLessThanOrEqual(out[0]?.at ?? 0);
    expect(r.stats.rejected).toEqual({});
  });

  it("missed offers ring out to RONA; the bot goes Available again and the contact is offered again", () => {
    const behaviour: BotBehaviour = { ...INSTANT_BOT, missRate: 1, ronaRecovery: constant(5) };
    const s = withBots(base({ erlangs: 0.5, agents: 1, durationSec: HOUR }), { behaviour });
    const r = simulate(s, { seed: 7 });
    const timedOut = ofType(r.events, "offer.timed_out");
    expect(timedOut.length).toBeGreaterThan(5);
    const rona = ofType(r.events, "agent.state.changed").filter((e) => e.to.type === "rona");
    const back = ofType(r.events, "agent.state.changed").filter((e) => e.from.type === "rona");
    expect(rona.length).toBe(timedOut.length);
    for (const e of back) expect(e.to).toEqual({ type: "available" });
    expect(back[0] && rona[0] && back[0].at - rona[0].at).toBe(5_000);
    const first = timedOut[0]?.taskId;
    expect(ofType(r.events, "offer.created").filter((e) => e.taskId === first).length).toBeGreaterThan(1);
  });

  it("an auto wrap-up before the bot's own: the bot sends none (nothing refused)", () => {
    let s = withProfile(base(), { autoWrapUp: { enabled: true, afterSec: 10 } });
    s = {
      ...s,
      traffic: {
        ...s.traffic,
        entryPoints: s.traffic.entryPoints.map((t) => ({ ...t, wrapUp: constant(20) })),
      },
    };
    const r = simulate(s, { seed: 8 });
    const wraps = ofType(r.events, "task.wrapup");
    expect(wraps.length).toBeGreaterThan(50);
    for (const w of wraps) expect(w.auto).toBe(true);
    expect(r.stats.rejected).toEqual({});
  });

  it("leaves the warm-up out of the stats", () => {
    const all = simulate(base(), { seed: 9 });
    const warm = simulate({ ...base(), warmupSec: 2 * HOUR }, { seed: 9 });
    const received = ofType(warm.events, "task.received");
    const after = received.filter((e) => e.at >= warm.startAt + 2 * HOUR * 1000).length;
    expect(warm.stats.queues[0]?.received).toBe(after);
    expect(all.stats.queues[0]?.received).toBe(received.length);
  });

  it("refuses a scenario whose bots or traffic do not fit the tenant", () => {
    const s = base();
    const shift = { agentId: "a1", teamId: "team", startSec: 0, endSec: HOUR };
    const bad = (over: Partial<Scenario>) => () => simulate({ ...s, ...over }, { seed: 1 });
    expect(bad({ bots: { ...s.bots, shifts: [{ ...shift, agentId: "nobody" }] } })).toThrow(/not an agent/);
    expect(bad({ bots: { ...s.bots, shifts: [{ ...shift, teamId: "elsewhere" }] } })).toThrow(/not in team/);
    expect(bad({ bots: { ...s.bots, shifts: [shift, shift] } })).toThrow(/more than one shift/);
    expect(
      bad({
        bots: { ...s.bots, shifts: [{ ...shift, breaks: [{ startSec: 1, durationSec: 1, codeId: "nap" }] }] },
      }),
    ).toThrow(/break code nap/);
    const traffic = {
      ...s.traffic,
      entryPoints: s.traffic.entryPoints.map((t) => ({ ...t, entryPointId: "x" })),
    };
    expect(bad({ traffic })).toThrow(/not an active inbound entry point/);
  });
});

describe("presets", () => {
  it("the 500-agent center: a valid tenant, 500 bots on 8-hour shifts with breaks, its morning runs clean", () => {
    const s = centerScenario();
    expect(validateConfig(fromPlain<TenantConfig>(s.config))).toEqual([]);
    expect(s.bots.shifts).toHaveLength(500);
    expect(new Set(s.bots.shifts.map((b) => b.agentId)).size).toBe(500);
    for (const b of s.bots.shifts) {
      expect(b.endSec - b.startSec).toBe(8 * HOUR);
      expect(b.breaks).toHaveLength(3);
    }
    // 00:00 to 09:00: the night shift hands over to the morning, breaks and lunches included.
    const r = simulate({ ...s, durationSec: 9 * HOUR }, { seed: 1, keepEvents: false });
    expect(r.stats.rejected).toEqual({});
    expect(r.stats.contacts).toBeGreaterThan(5_000);
    for (const q of r.stats.queues) if (q.received > 0) expect(q.answered).toBeGreaterThan(0.9 * q.received);
  });

  it("the demo day: the demo tenant's people work an office day with nothing refused", () => {
    const r = simulate(demoDayScenario(), { seed: 42 });
    expect(r.stats.rejected).toEqual({});
    const logins = new Set(ofType(r.events, "agent.logged_in").map((e) => e.agentId));
    const logouts = new Set(ofType(r.events, "agent.logged_out").map((e) => e.agentId));
    expect(logins.size).toBe(7);
    expect(logouts).toEqual(logins);
    expect(r.stats.contacts).toBeGreaterThan(200);
  });
});
