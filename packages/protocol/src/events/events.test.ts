import { isDeepStrictEqual } from "node:util";
import type { Command, Plain, TenantEvent } from "@parley/engine";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { z } from "zod";
import { dueTarget, type Step, step, toCommand } from "../../../engine/test/arbitraries.ts";
import {
  type CallStep,
  callSteps,
  prelude,
  preludeCommands,
  toCallCommand,
} from "../../../engine/test/callArbitraries.ts";
import { PROPERTY_TENANT } from "../../../engine/test/propertyTenant.ts";
import { Scenario } from "../../../engine/test/scenario.ts";
import { EVENT_SCHEMA_BY_TYPE, EVENT_SCHEMAS, EVENT_TYPES, TenantEventSchema } from "./index.ts";

/**
 * The real engine, driven through random command sequences — the steps of the engine's property
 * tests (test/arbitraries.ts: agents, contacts, offers, chats, callbacks, presence federation,
 * desktop connections; test/callArbitraries.ts: call control, consults, transfers, conferences,
 * recording, monitoring, CAD edits) — and every event it emits parsed, after a JSON round trip,
 * with TenantEventSchema. Runs go on in batches until every event type has been seen, so the test
 * cannot pass on too little.
 *
 * `PARLEY_PROPERTY_RUNS` sets the runs per batch and generator (default 50), `PARLEY_PROPERTY_SEED`
 * replays a seed; `PARLEY_PROPERTY_STATS=1` prints what the runs reached.
 */
const RUNS = Number(process.env.PARLEY_PROPERTY_RUNS ?? 50);
const SEED = process.env.PARLEY_PROPERTY_SEED;
const MAX_BATCHES = 8;

type Cmd = Plain<Command>;

/**
 * The branches of the unions inside events that the runs must reach too, not only the event types.
 * Two branches the types allow are left out because the engine never emits them: a leg changing
 * to `alerting` (legs start alerting in `participant.joined`), and a consult with a `directory`
 * target (the engine records an expert's consult as a `dial_number` to the work phone).
 */
const VARIANTS = [
  "agent.state.changed to available",
  "agent.state.changed to idle",
  "agent.state.changed to rona",
  "agent.state.changed by agent",
  "agent.state.changed by supervisor",
  "agent.state.changed by system",
  "agent.pending_state.set available",
  "agent.pending_state.set idle",
  "agent.pending_state.set logged_out",
  "agent.pending_state.set null",
  "participant.leg_changed connected",
  "participant.leg_changed held",
  "participant.left dropped",
  "participant.left failed",
  "consult.created agent",
  "consult.created queue",
  "consult.created entry_point",
  "consult.created dial_number",
  "task.transferred agent",
  "task.transferred queue",
  "task.transferred dial_number",
  "callback.created window",
  "callback.created at once",
];

function variantsOf(e: TenantEvent): string[] {
  switch (e.type) {
    case "agent.state.changed":
      return [`${e.type} to ${e.to.type}`, `${e.type} by ${e.actor.kind}`];
    case "agent.pending_state.set":
      return [`${e.type} ${e.pending?.type ?? "null"}`];
    case "participant.leg_changed":
    case "participant.left":
      return [`${e.type} ${e.leg.status}`];
    case "consult.created":
      return [`${e.type} ${e.consult.target.kind}`];
    case "task.transferred":
      return [`${e.type} ${e.to.kind}`];
    case "callback.created":
      return [`${e.type} ${e.callback.window ? "window" : "at once"}`];
    default:
      return [];
  }
}

/** Where a value would not survive JSON unchanged: non-finite numbers, -0, undefined, non-plain objects. */
function jsonHazards(value: unknown, path = ""): string[] {
  if (value === undefined) return [`${path}: undefined`];
  if (typeof value === "number")
    return Number.isFinite(value) && !Object.is(value, -0) ? [] : [`${path}: ${String(value)}`];
  if (typeof value === "function" || typeof value === "bigint" || typeof value === "symbol")
    return [`${path}: a ${typeof value}`];
  if (typeof value !== "object" || value === null) return [];
  if (Array.isArray(value)) return value.flatMap((item, i) => jsonHazards(item, `${path}[${i}]`));
  if (Object.getPrototypeOf(value) !== Object.prototype) return [`${path}: a ${value.constructor?.name}`];
  return Object.entries(value).flatMap(([k, v]) => jsonHazards(v, `${path}.${k}`));
}

interface Tally {
  runs: number;
  steps: number;
  events: number;
  /** Events by type. */
  seen: Map<string, number>;
  /** Events by the branches of the unions inside them (VARIANTS). */
  variants: Map<string, number>;
  /** Events the schema refused: the first few, with why. */
  refused: string[];
  /** Values that do not survive JSON, by event type and path (indexes left out). */
  hazards: Map<string, number>;
  /** Runs cut short because the engine threw: an engine bug, not a protocol one. */
  engineErrors: string[];
}

const newTally = (): Tally => ({
  runs: 0,
  steps: 0,
  events: 0,
  seen: new Map(),
  variants: new Map(),
  refused: [],
  hazards: new Map(),
  engineErrors: [],
});

function check(tally: Tally, events: readonly TenantEvent[]): void {
  for (const event of events) {
    tally.events++;
    tally.seen.set(event.type, (tally.seen.get(event.type) ?? 0) + 1);
    for (const variant of variantsOf(event))
      tally.variants.set(variant, (tally.variants.get(variant) ?? 0) + 1);
    for (const hazard of jsonHazards(event)) {
      const key = `${event.type} ${hazard.replace(/\[\d+\]/g, "[]")}`;
      tally.hazards.set(key, (tally.hazards.get(key) ?? 0) + 1);
    }
    const wire: unknown = JSON.parse(JSON.stringify(event));
    const parsed = TenantEventSchema.safeParse(wire);
    if (!parsed.success) {
      if (tally.refused.length < 10)
        tally.refused.push(`${event.type}: ${z.prettifyError(parsed.error)}\n  ${JSON.stringify(wire)}`);
    } else if (!isDeepStrictEqual(parsed.data, wire)) {
      // The schema neither strips nor fills in anything: what parses is what was sent.
      if (tally.refused.length < 10) tally.refused.push(`${event.type}: parsing changed the event`);
    }
  }
}

/** Runs the engine; an exception ends the run (and is counted) rather than failing the protocol test. */
function guarded(tally: Tally, run: () => void): void {
  try {
    run();
  } catch (e) {
    tally.engineErrors.push(e instanceof Error ? e.message : String(e));
  }
}

/** The engine invariant tests' steps, played as a host would: tick to the step's time, then the command. */
function playSteps(steps: readonly Step[], tally: Tally): void {
  tally.runs++;
  const s = new Scenario(PROPERTY_TENANT);
  check(tally, s.log);
  const generations = new Map<string, number[]>();
  const emitted = (events: readonly TenantEvent[]) => {
    check(tally, events);
    for (const e of events)
      if (e.type === "agent.logged_in")
        generations.set(e.agentId, [...(generations.get(e.agentId) ?? []), e.generation]);
  };
  guarded(tally, () => {
    for (const st of steps) {
      tally.steps++;
      const cmd: Cmd | null = toCommand(s.state, st, { now: s.now, generations });
      const at =
        st.kind === "advance"
          ? s.now + st.seconds * 1000
          : st.kind === "toDue"
            ? dueTarget(s.state, st, s.now)
            : s.now;
      s.now = at;
      emitted(s.advance(0));
      if (cmd === null) continue;
      const d = s.run(cmd);
      if (d.ok) emitted(d.events);
    }
  });
}

/** The call-control tests' steps: agents logged in first, then calls, consults, transfers, conferences. */
function playCalls(
  agents: readonly { agentId: string; available: boolean }[],
  steps: readonly CallStep[],
  tally: Tally,
): void {
  tally.runs++;
  const s = new Scenario();
  check(tally, s.log);
  guarded(tally, () => {
    for (const agent of agents)
      for (const cmd of preludeCommands(agent)) {
        const d = s.run(cmd);
        if (d.ok) check(tally, d.events);
      }
    for (const st of steps) {
      tally.steps++;
      const cmd = toCallCommand(s.state, st);
      if (cmd === null) {
        if (st.kind === "advance") check(tally, s.advance(st.seconds));
        continue;
      }
      const d = s.run(cmd);
      if (d.ok) check(tally, d.events);
    }
  });
}

describe("engine events on the wire", () => {
  it("every event the engine emits over random command sequences parses after a JSON round trip, and every event type is reached", () => {
    const seed = SEED === undefined ? Date.now() ^ (Math.random() * 0x100000000) : Number(SEED);
    const tally = newTally();
    const unseen = () => [
      ...EVENT_TYPES.filter((t) => !tally.seen.has(t)),
      ...VARIANTS.filter((v) => !tally.variants.has(v)),
    ];
    const engineSteps = fc.array(step, { minLength: 360, maxLength: 400 });
    const callRuns = fc.tuple(prelude, callSteps({ minLength: 230, maxLength: 270 }));
    let batches = 0;
    do {
      const batchSeed = seed + batches;
      for (const steps of fc.sample(engineSteps, { numRuns: RUNS, seed: batchSeed })) playSteps(steps, tally);
      for (const [agents, steps] of fc.sample(callRuns, { numRuns: RUNS, seed: batchSeed }))
        playCalls(agents, steps, tally);
      batches++;
    } while (tally.refused.length === 0 && unseen().length > 0 && batches < MAX_BATCHES);

    if (process.env.PARLEY_PROPERTY_STATS)
      console.log({
        seed,
        batches,
        runs: tally.runs,
        steps: tally.steps,
        events: tally.events,
        types: tally.seen.size,
        seen: Object.fromEntries([...tally.seen].sort()),
        variants: Object.fromEntries([...tally.variants].sort()),
        hazards: Object.fromEntries(tally.hazards),
        engineErrors: tally.engineErrors,
      });
    const context = `(seed ${seed}: PARLEY_PROPERTY_SEED=${seed} replays it)`;
    expect(tally.refused, `events the schema refused ${context}`).toEqual([]);
    expect(unseen(), `event types (and variants) never emitted ${context}`).toEqual([]);
    // Events are plain JSON data: nothing that JSON would drop, turn into null, or flatten.
    expect(Object.fromEntries(tally.hazards), `values that do not survive JSON ${context}`).toEqual({});
    if (RUNS >= 50) expect(tally.events).toBeGreaterThan(10_000);
  }, 600_000);

  it("lists every event type once, each with its schema and a description", () => {
    expect(new Set(EVENT_TYPES).size).toBe(EVENT_TYPES.length);
    expect(EVENT_TYPES.length).toBe(EVENT_SCHEMAS.length);
    expect(Object.keys(EVENT_SCHEMA_BY_TYPE).sort()).toEqual([...EVENT_TYPES].sort());
    for (const type of EVENT_TYPES) {
      const schema = EVENT_SCHEMA_BY_TYPE[type];
      expect(schema.shape.type.value).toBe(type);
      expect(schema.meta()?.description, type).toMatch(/^[A-Z].{20,}\.$/);
      expect(schema.meta()?.id, type).toMatch(/^[A-Z][A-Za-z]+$/);
    }
  });

  it("refuses unknown fields, unknown types and wrong values", () => {
    const ok = {
      type: "offer.created",
      at: 1,
      taskId: "t1",
      agentId: "a1",
      expiresAt: 18_001,
      flashAt: null,
    };
    expect(TenantEventSchema.safeParse(ok).success).toBe(true);
    const refused = [
      { ...ok, extra: 1 },
      { ...ok, type: "offer.made" },
      { ...ok, flashAt: undefined },
      { ...ok, expiresAt: "18001" },
      { ...ok, agentId: null },
      {
        type: "agent.state.changed",
        at: 1,
        agentId: "a1",
        from: { type: "available" },
        to: { type: "busy" },
        cause: "chosen",
        reasonCode: null,
        actor: { kind: "system" },
      },
      {
        type: "agent.state.changed",
        at: 1,
        agentId: "a1",
        from: { type: "available" },
        to: { type: "rona", since: 1 },
        cause: "chosen",
        reasonCode: null,
        actor: { kind: "system" },
      },
      {
        type: "participant.left",
        at: 1,
        taskId: "t1",
        partyId: "customer",
        leg: { status: "held", since: 1 },
        agentId: null,
      },
      {
        type: "task.variables_changed",
        at: 1,
        taskId: "t1",
        agentId: "a1",
        values: [{ name: "x", value: "1", version: 1.5 }],
        conflicts: [],
      },
    ];
    for (const event of refused)
      expect(TenantEventSchema.safeParse(event).success, JSON.stringify(event)).toBe(false);
  });

  it("gives a JSON Schema (draft 2020-12) with each event under its name", () => {
    interface Def {
      description?: string;
      additionalProperties?: unknown;
      properties?: Record<string, unknown>;
      oneOf?: { $ref: string }[];
    }
    const schema = z.toJSONSchema(TenantEventSchema, { target: "draft-2020-12" }) as {
      $schema: string;
      $ref: string;
      $defs: Record<string, Def>;
    };
    expect(schema.$schema).toBe("https://json-schema.org/draft/2020-12/schema");
    expect(schema.$ref).toBe("#/$defs/TenantEvent");
    const union = schema.$defs.TenantEvent?.oneOf ?? [];
    expect(union).toHaveLength(EVENT_TYPES.length);
    for (const type of EVENT_TYPES) {
      const id = EVENT_SCHEMA_BY_TYPE[type].meta()?.id as string;
      expect(union).toContainEqual({ $ref: `#/$defs/${id}` });
      const def = schema.$defs[id];
      expect(def?.description, id).toBeTruthy();
      expect(def?.additionalProperties, id).toBe(false);
      expect(def?.properties?.type, id).toEqual({ type: "string", const: type });
    }
    expect(schema.$defs.TenantConfig).toBeDefined();
    // Plain JSON: it survives a round trip.
    expect(JSON.parse(JSON.stringify(schema))).toEqual(schema);
  });
});
