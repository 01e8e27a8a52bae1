import fc from "fast-check";
import { describe, expect, it } from "vitest";
import type { AgentId, Plain } from "../src/shared/ids.ts";
import type { Instant } from "../src/shared/time.ts";
import { Engine } from "../src/tenant/engine.ts";
import { evolve } from "../src/tenant/evolve.ts";
import type { Command, TenantEvent } from "../src/tenant/messages.ts";
import { snapshot } from "../src/tenant/snapshot.ts";
import { initialState, type TenantState } from "../src/tenant/state.ts";
import { type Step, step, toCommand } from "./arbitraries.ts";
import { type Barred, checkBarred, checkEvents, checkNothingOverdue, checkState } from "./invariants.ts";
import { Scenario, T0 } from "./scenario.ts";

/**
 * Random command sequences against the fixture tenant, with every invariant checked after every
 * step. Defaults: 50 runs of 240–280 steps, about nine in ten of them commands and the rest
 * clock advances — over 10,000 commands per CI run. For a soak:
 * `PARLEY_PROPERTY_RUNS=2000 npx vitest run packages/engine/test/invariants.property.test.ts`;
 * to replay a failure, set `PARLEY_PROPERTY_SEED` and `PARLEY_PROPERTY_PATH` to what it printed.
 */
const RUNS = Number(process.env.PARLEY_PROPERTY_RUNS ?? 50);
const SEED = process.env.PARLEY_PROPERTY_SEED;
const PATH = process.env.PARLEY_PROPERTY_PATH;
const STEPS = { minLength: 240, maxLength: 280 };

const json = (s: TenantState) => JSON.stringify(snapshot(s));

/** One concrete step: a command at a time, or a clock tick (no command) at a time. */
interface Action {
  readonly at: Instant;
  readonly cmd: Plain<Command> | null;
}

interface Tally {
  commands: number;
  advances: number;
  rejected: number;
  /** Events by type (and cause), and rejections by command and code: what the runs reached. */
  seen: Map<string, number>;
}

const bump = (tally: Tally, key: string) => tally.seen.set(key, (tally.seen.get(key) ?? 0) + 1);

const eventKey = (e: TenantEvent): string =>
  e.type === "task.wrapup" && e.auto
    ? "task.wrapup (auto)"
    : e.type === "agent.logged_out" || e.type === "agent.state.changed"
      ? `${e.type} (${e.cause})`
      : e.type;

/** A failed invariant, with the actions that led to it: the ones that changed something, then the last. */
class Violation extends Error {
  constructor(
    readonly problems: string[],
    readonly actions: Action[],
  ) {
    super(problems.join("\n"));
  }
}

/** A fixture tenant that checks every invariant after each action it plays. */
class Checked {
  private readonly s = new Scenario();
  private readonly mirror = initialState();
  private readonly barred: Barred = new Map();
  /** What changed the state so far. Rejections and empty ticks are checked to change nothing. */
  readonly effective: Action[] = [];
  readonly lines: string[] = [];

  constructor(private readonly tally?: Tally) {
    for (const e of this.s.log) evolve(this.mirror, e);
  }

  get state(): TenantState {
    return this.s.state;
  }

  get now(): Instant {
    return this.s.now;
  }

  /** Plays one action; throws a Violation if any invariant fails after it. */
  play(action: Action): void {
    const { s, tally } = this;
    const { cmd } = action;
    s.now = action.at;
    const at = `+${(action.at - T0) / 1000}s`;
    const problems: string[] = [];
    let events: TenantEvent[] = [];
    let line: string;
    let changed: boolean;
    if (cmd === null) {
      if (tally) tally.advances++;
      events = s.engine.tick(action.at);
      s.log.push(...events);
      line = `${at} tick → ${events.map((e) => e.type).join(", ") || "nothing"}`;
      changed = events.length > 0;
      problems.push(...checkNothingOverdue(s.state, action.at));
    } else {
      if (tally) tally.commands++;
      const before = json(s.state);
      const agent = "agentId" in cmd ? s.state.agents.get(cmd.agentId as AgentId) : undefined;
      const offersBefore = agent?.offers.length ?? 0;
      const d = s.run(cmd);
      line = `${at} ${JSON.stringify(cmd)} → ${d.ok ? d.events.map((e) => e.type).join(", ") || "no events" : d.code}`;
      changed = d.ok && d.events.length > 0;
      if (!d.ok) {
        if (tally) tally.rejected++;
        if (tally) bump(tally, `✗ ${cmd.type} ${d.code}`);
        if (json(s.state) !== before)
          problems.push(`${cmd.type} was rejected (${d.code}) but changed the state`);
      } else {
        events = d.events;
        if (cmd.type === "ReceiveTask") this.barred.set(cmd.taskId, new Set(cmd.excludeAgents ?? []));
        if (events.length === 0 && json(s.state) !== before)
          problems.push(`${cmd.type} was accepted with no events but changed the state`);
        if (cmd.type === "ChangeAgentState" && cmd.to.type === "rona")
          problems.push(`RONA was chosen by ${cmd.by.kind} and accepted`);
        const pendingLogout = cmd.type === "SetPendingAgentState" && cmd.pending?.type === "logged_out";
        if ((cmd.type === "LogoutAgent" || pendingLogout) && offersBefore > 0)
          problems.push(`${cmd.type} of ${cmd.agentId} was accepted with ${offersBefore} offers pending`);
      }
    }
    if (tally) for (const e of events) bump(tally, eventKey(e));
    problems.push(
      ...checkEvents(this.mirror, events, this.barred),
      ...checkState(s.state),
      ...checkBarred(s.state, this.barred),
    );
    if (json(this.mirror) !== json(s.state))
      problems.push("the fold of the events so far differs from the live state");
    if (changed || problems.length > 0) {
      this.effective.push(action);
      this.lines.push(line);
    }
    if (problems.length > 0) throw new Violation(problems, this.effective);
  }

  /** The log alone rebuilds the state: indexes, timers and clock included. */
  finish(): void {
    if (json(Engine.replay(this.s.log).state) !== json(this.s.state))
      throw new Violation(["Engine.replay(log) differs from the live state"], this.effective);
  }
}

/** Resolves the random steps against the live state as it goes, and plays them. */
function play(steps: readonly Step[], tally?: Tally): void {
  const run = new Checked(tally);
  for (const st of steps) {
    const cmd = toCommand(run.state, st);
    run.play({ at: st.kind === "advance" ? run.now + st.seconds * 1000 : run.now, cmd });
  }
  run.finish();
}

/** Replays concrete actions; the violation they lead to, if any. */
function violationOf(actions: readonly Action[]): { problems: string[]; lines: string[] } | null {
  const run = new Checked();
  try {
    for (const a of actions) run.play(a);
    run.finish();
    return null;
  } catch (e) {
    if (e instanceof Violation) return { problems: e.problems, lines: run.lines };
    throw e;
  }
}

/**
 * Cuts a failing sequence down: drops chunks of actions, then single ones, as long as some
 * invariant still fails. Runs once, on the counterexample fast-check has shrunk, for at most
 * `budgetMs`; what it has cut by then is still a reproduction.
 */
function minimize(actions: readonly Action[], budgetMs = 30_000): Action[] {
  const deadline = Date.now() + budgetMs;
  let current = [...actions];
  for (let chunk = Math.ceil(current.length / 2); chunk >= 1 && Date.now() < deadline; ) {
    let removed = false;
    for (let i = 0; i < current.length && Date.now() < deadline; ) {
      const candidate = [...current.slice(0, i), ...current.slice(i + chunk)];
      if (candidate.length > 0 && violationOf(candidate)) {
        current = candidate;
        removed = true;
      } else i += chunk;
    }
    if (!removed) chunk = Math.floor(chunk / 2);
  }
  return current;
}

describe("engine invariants", () => {
  it(
    "RTE-1 AGT-4 RTE-2 RTE-3 RTE-4 RTE-5 RTE-7 AGT-5 AGT-8 WRP-3 invariants hold over random command sequences",
    () => {
      const tally: Tally = { commands: 0, advances: 0, rejected: 0, seen: new Map() };
      const run = fc.check(
        fc.property(fc.array(step, STEPS), (steps) => play(steps, tally)),
        { numRuns: RUNS, ...(SEED ? { seed: Number(SEED) } : {}), ...(PATH ? { path: PATH } : {}) },
      );
      if (run.failed) {
        const error = run.errorInstance;
        if (!(error instanceof Violation)) throw error;
        const minimal = violationOf(minimize(error.actions)) ??
          violationOf(error.actions) ?? { problems: error.problems, lines: ["(the failure did not replay)"] };
        throw new Error(
          `${minimal.problems.join("\n")}\n\n` +
            `Reproduction (time since T0, then the command and the events it caused; each command runs at ` +
            `its time and each tick calls engine.tick at its time):\n${minimal.lines.join("\n")}\n\n` +
            `(seed ${run.seed}, path ${run.counterexamplePath})`,
        );
      }
      if (process.env.PARLEY_PROPERTY_STATS)
        console.log({ ...tally, seen: Object.fromEntries([...tally.seen].sort()) });
      // Not vacuous: the runs reached every situation the invariants speak of.
      if (RUNS >= 50 && !SEED) {
        expect(tally.commands).toBeGreaterThanOrEqual(10_000);
        for (const key of [
          "offer.created",
          "offer.delivered",
          "offer.declined",
          "offer.timed_out",
          "offer.failed",
          "task.assigned",
          "task.ended",
          "task.canceled",
          "task.wrapup",
          "task.wrapup (auto)",
          "agent.state.changed (ring_no_answer)",
          "agent.state.changed (device_unreachable)",
          "agent.state.changed (pending_applied)",
          "agent.logged_out (chosen)",
          "agent.logged_out (pending_applied)",
          "✗ ChangeAgentState STATE_NOT_SELECTABLE",
          "✗ LogoutAgent OFFER_PENDING",
          "✗ AcceptTask OFFER_NOT_DELIVERED",
        ])
          expect(tally.seen.get(key) ?? 0, key).toBeGreaterThan(0);
      }
    },
    120_000 + RUNS * 500,
  );
});
