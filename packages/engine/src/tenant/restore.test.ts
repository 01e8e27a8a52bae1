import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { dueTarget, step, toCommand } from "../../test/arbitraries.ts";
import { callSteps, prelude, preludeCommands, toCallCommand } from "../../test/callArbitraries.ts";
import { tenant } from "../../test/fixtures.ts";
import { PROPERTY_TENANT } from "../../test/propertyTenant.ts";
import { given, type Scenario, T0 } from "../../test/scenario.ts";
import { fullState, shrinkingFor, Twins } from "../../test/twins.ts";
import { type AgentId, fromPlain } from "../shared/ids.ts";
import { Engine } from "./engine.ts";
import { fromJsonSafe, type Json, NotStorableError, toJsonSafe } from "./jsonSafe.ts";
import type { Command } from "./messages.ts";
import { STORED_STATE_VERSION, toStored, UnsupportedSnapshotError } from "./restore.ts";
import { initialState } from "./state.ts";

const RUNS = Number(process.env.PARLEY_PROPERTY_RUNS ?? 50);
const SHRINK_MS = 20_000;
const throughJson = <T>(x: T): T => JSON.parse(JSON.stringify(x));

/** A tenant with agents in every kind of state, contacts waiting, offered and in wrap-up. */
function busy(): Scenario {
  const { scenario: s } = given(
    (s) => s.login("a1"),
    (s) => s.login("a2"),
    (s) => s.login("a5", "sales"),
    (s) => s.available("a1"),
    (s) => s.available("a2"),
    (s) => s.receive("c1"),
    (s) => s.accept("c1", "a1"),
    (s) => s.end("c1", "a1"),
    (s) => s.receive("c2"),
    (s) => s.receive("c3", "ep-chat"),
    (s) => s.receive("c4", "ep-voice", { priority: 5 }),
  );
  return s;
}

describe("stored tenant state", () => {
  it("restores a state equal to the original, indexes and timers included", () => {
    const s = busy();
    expect(s.state.waiting.dump()).not.toEqual({});
    expect(s.state.timers.list().length).toBeGreaterThan(0);
    const restored = Engine.restore(throughJson(toStored(s.state)));
    expect(fullState(restored.state)).toStrictEqual(fullState(s.state));
    expect(fullState(Engine.restore(toStored(initialState())).state)).toStrictEqual(
      fullState(initialState()),
    );
  });

  it("shares nothing with what it was restored from, nor with the original", () => {
    const s = busy();
    const stored = toStored(s.state);
    const storedBefore = JSON.stringify(stored);
    const was = structuredClone(fullState(s.state));
    const one = Engine.restore(stored);
    const other = Engine.restore(stored);
    const logout = { type: "LogoutAgent", agentId: "a5", by: { kind: "agent", id: "a5" } } as const;
    expect(one.execute(fromPlain<Command>(logout), s.now).ok).toBe(true);
    const a2 = one.state.agents.get(fromPlain<AgentId>("a2"));
    if (a2) a2.load.voice = 7;
    expect(JSON.stringify(stored)).toBe(storedBefore);
    expect(fullState(s.state)).toStrictEqual(was);
    expect(fullState(other.state)).toStrictEqual(was);
  });

  it("refuses a stored state of an unknown version, or not a stored state at all", () => {
    const stored = { ...toStored(busy().state), version: STORED_STATE_VERSION + 1 };
    expect(() => Engine.restore(stored)).toThrow(UnsupportedSnapshotError);
    expect(() => Engine.restore(stored)).toThrow(
      `stored tenant state is version ${STORED_STATE_VERSION + 1}; this engine reads version ${STORED_STATE_VERSION} only`,
    );
    expect(() => Engine.restore({ lastAt: 0 } as never)).toThrow(/not a stored tenant state/);
  });
});

describe("JSON-safe copies", () => {
  it("keep what JSON loses: undefined members, -0, NaN, ±Infinity, and key order", () => {
    const value = {
      a: undefined,
      b: -0,
      c: Number.NaN,
      d: [Number.POSITIVE_INFINITY, Number.NEGATIVE_INFINITY, undefined, 0],
      e: "\u0000undefined",
      f: "\u0000",
      g: "",
      ["__proto__"]: { h: 1 },
    };
    const back = fromJsonSafe(throughJson(toJsonSafe(value))) as typeof value;
    expect(back).toStrictEqual(value);
    expect(Object.keys(back)).toEqual(Object.keys(value));
    expect(Object.hasOwn(back, "a")).toBe(true);
    expect(Object.is(back.b, -0)).toBe(true);
    expect(Object.getPrototypeOf(back)).toBe(Object.prototype);
  });

  it("refuse what is not plain data, naming where it is", () => {
    expect(() => toJsonSafe({ agents: [{ id: "a1", seen: new Map() }] })).toThrow(
      new NotStorableError(["agents", "0", "seen"], "a Map"),
    );
    expect(() => toJsonSafe({ at: new Date(0) })).toThrow("cannot store at: it is a Date, not plain data");
    expect(() => fromJsonSafe("\u0000bogus" as Json)).toThrow(/unknown escaped value/);
  });
});

/** Where a run stores and restores: per mille of its length, so that cuts spread over all of it. */
const cuts = fc.uniqueArray(fc.nat({ max: 999 }), { minLength: 1, maxLength: 6 });
const cutsIn = (perMille: readonly number[], steps: number) =>
  perMille.map((p) => Math.floor((p * steps) / 1000));

describe("restore in the middle of a run", () => {
  it("continues exactly as the original over random command sequences (arbitraries.ts)", () => {
    const STEPS = { minLength: 150, maxLength: 350 };
    fc.assert(
      fc.property(
        fc.array(step, STEPS),
        cuts,
        shrinkingFor(SHRINK_MS, (steps, perMille) => {
          const at = cutsIn(perMille, steps.length);
          const t = new Twins(PROPERTY_TENANT, T0);
          for (const [i, st] of steps.entries()) {
            if (at.includes(i)) t.cut();
            const cmd = toCommand(t.state, st, { now: t.now, generations: t.generations });
            const when =
              st.kind === "advance"
                ? t.now + st.seconds * 1000
                : st.kind === "toDue"
                  ? dueTarget(t.state, st, t.now)
                  : t.now;
            if (!t.play(when, cmd)) break;
          }
          t.finish();
        }),
      ),
      { numRuns: RUNS },
    );
  }, 120_000);

  it("continues exactly as the original over random call-control sequences (callArbitraries.ts)", () => {
    const STEPS = { minLength: 120, maxLength: 270 };
    fc.assert(
      fc.property(
        prelude,
        callSteps(STEPS),
        cuts,
        shrinkingFor(SHRINK_MS, (agents, steps, perMille) => {
          const at = cutsIn(perMille, steps.length);
          const t = new Twins(tenant(), T0);
          for (const agent of agents) for (const cmd of preludeCommands(agent)) t.play(t.now, cmd);
          for (const [i, st] of steps.entries()) {
            if (at.includes(i)) t.cut();
            const cmd = toCallCommand(t.state, st);
            if (!t.play(st.kind === "advance" ? t.now + st.seconds * 1000 : t.now, cmd)) break;
          }
          t.finish();
        }),
      ),
      { numRuns: RUNS },
    );
  }, 120_000);
});
