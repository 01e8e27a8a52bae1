import fc from "fast-check";
import { describe, expect, it } from "vitest";
import type { Plain } from "../src/shared/ids.ts";
import type { Instant } from "../src/shared/time.ts";
import { Engine } from "../src/tenant/engine.ts";
import { evolve } from "../src/tenant/evolve.ts";
import type { Command, TenantEvent } from "../src/tenant/messages.ts";
import { snapshot } from "../src/tenant/snapshot.ts";
import { initialState, type TenantState } from "../src/tenant/state.ts";
import { CALL_ACTIONS } from "../src/voice/rules.ts";
import { upParties } from "../src/voice/state.ts";
import { type CallStep, callSteps, prelude, preludeCommands, toCallCommand } from "./callArbitraries.ts";
import { callActionOf, checkAgreement, checkCallEvents, checkCalls } from "./callInvariants.ts";
import {
  type Barred,
  checkBarred,
  checkCapacity,
  checkDevices,
  checkEvents,
  checkNothingOverdue,
  checkOwnership,
  checkReadyIndex,
  checkSettled,
  checkTimers,
  checkWaitingIndex,
} from "./invariants.ts";
import { minimize, Violation } from "./reproduction.ts";
import { Scenario, T0 } from "./scenario.ts";

/**
 * Random call-control sequences — logins, calls arriving and answered, hold and resume, consults
 * to agents and numbers, transfers, conferences, recording, monitoring, CAD edits, wrap-up — with
 * random far-end outcomes (answered, failed, hung up) and clock advances that fire offer and
 * consult timeouts, auto wrap-up and recording auto-resume. After every step the call invariants
 * (callInvariants.ts) and the Engine-I invariants (invariants.ts) are checked; at the end the log
 * replays to the same state.
 *
 * Defaults: 50 runs of 230–270 steps, over 10,000 steps per CI run. For a soak:
 * `PARLEY_PROPERTY_RUNS=2000 npx vitest run packages/engine/test/callControl.property.test.ts`;
 * to replay a failure, set `PARLEY_PROPERTY_SEED` and `PARLEY_PROPERTY_PATH` to what it printed;
 * `PARLEY_PROPERTY_STATS=1` prints what the runs reached.
 */
const RUNS = Number(process.env.PARLEY_PROPERTY_RUNS ?? 50);
const SEED = process.env.PARLEY_PROPERTY_SEED;
const PATH = process.env.PARLEY_PROPERTY_PATH;
const STEPS = { minLength: 230, maxLength: 270 };

const json = (s: TenantState) => JSON.stringify(snapshot(s));

/** One concrete step: a command at a time, or a clock tick (no command) at a time. */
interface Action {
  readonly at: Instant;
  readonly cmd: Plain<Command> | null;
}

interface Tally {
  steps: number;
  rejected: number;
  /** The most participants up on one call. */
  largest: number;
  /** Events by type (and what they say), rejections by command and code, and rule agreements. */
  seen: Map<string, number>;
}

const bump = (tally: Tally | undefined, key: string) => tally?.seen.set(key, (tally.seen.get(key) ?? 0) + 1);

const eventKey = (e: TenantEvent): string => {
  switch (e.type) {
    case "task.wrapup":
      return e.auto ? "task.wrapup (auto)" : e.type;
    case "consult.ended":
      return `consult.ended (${e.outcome})`;
    case "participant.left":
      return `participant.left (${e.leg.status} ${e.leg.cause})`;
    case "task.owner_changed":
      return `task.owner_changed (${e.reason})`;
    case "task.transferred":
      return `task.transferred (${e.to.kind})`;
    case "recording.resumed":
      return e.agentId === null ? "recording.resumed (auto)" : e.type;
    case "agent.state.changed":
      return `${e.type} (${e.cause})`;
    default:
      return e.type;
  }
};

/**
 * `checkTimers` knows the timers of Engine-I (offer timeouts, auto wrap-ups) and would count the
 * voice timers as strays; `checkCalls` checks those. It is given the state without them in view.
 */
const withoutVoiceTimers = (s: TenantState): TenantState =>
  ({
    ...s,
    timers: {
      list: () =>
        s.timers.list().filter((t) => t.kind !== "consult_timeout" && t.kind !== "recording_resume"),
    },
  }) as unknown as TenantState;

/** The Engine-I checks of a state at rest (`checkState` of invariants.ts, timers as above). */
const engineChecks = (s: TenantState): string[] => [
  ...checkCapacity(s),
  ...checkOwnership(s),
  ...checkSettled(s),
  ...checkReadyIndex(s),
  ...checkWaitingIndex(s),
  ...checkTimers(withoutVoiceTimers(s)),
  ...checkDevices(s),
];

/** A fixture tenant that checks every invariant after each action it plays. */
class Checked {
  private readonly s = new Scenario();
  /** Folded by `checkEvents` (Engine-I) and by `checkCallEvents`: each its own. */
  private readonly mirror = initialState();
  private readonly callMirror = initialState();
  /** Who may never get each task: the commands' exclusions, declines, and who transferred it to a queue. */
  private readonly barred: Barred = new Map();
  readonly effective: Action[] = [];
  readonly lines: string[] = [];

  constructor(private readonly tally?: Tally) {
    for (const e of this.s.log) {
      evolve(this.mirror, e);
      evolve(this.callMirror, e);
    }
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
    if (tally) tally.steps++;
    if (cmd === null) {
      events = this.guard(action, () => s.engine.tick(action.at));
      s.log.push(...events);
      line = `${at} tick → ${events.map((e) => e.type).join(", ") || "nothing"}`;
      changed = events.length > 0;
      problems.push(...checkNothingOverdue(s.state, action.at));
    } else {
      const before = json(s.state);
      const callAction = callActionOf(cmd, s.state);
      const taskBefore = "taskId" in cmd ? s.state.tasks.get(cmd.taskId as never) : undefined;
      const d = this.guard(action, () => s.run(cmd));
      line = `${at} ${JSON.stringify(cmd)} → ${d.ok ? d.events.map((e) => e.type).join(", ") || "no events" : d.code}`;
      changed = d.ok && d.events.length > 0;
      if (callAction) {
        const disagreement = checkAgreement(cmd, callAction, taskBefore, d);
        problems.push(...disagreement);
        bump(tally, `${callAction} ${d.ok ? "accepted" : "refused"}`);
      }
      if (!d.ok) {
        if (tally) tally.rejected++;
        bump(tally, `✗ ${cmd.type} ${d.code}`);
        if (json(s.state) !== before)
          problems.push(`${cmd.type} was rejected (${d.code}) but changed the state`);
      } else {
        events = d.events;
        if (cmd.type === "ReceiveTask" || cmd.type === "PlaceOutdial")
          this.barred.set(cmd.taskId, new Set(cmd.type === "ReceiveTask" ? (cmd.excludeAgents ?? []) : []));
        if (events.length === 0 && json(s.state) !== before)
          problems.push(`${cmd.type} was accepted with no events but changed the state`);
      }
    }
    for (const e of events) {
      bump(tally, eventKey(e));
      // RTE-7, XFR-6: who transfers a call to a queue is never offered it again.
      if (e.type === "task.transferred" && e.to.kind === "queue") this.barredOf(e.taskId).add(e.agentId);
    }
    // checkEvents forgets a task's bars at any wrap-up, though a transferred task lives on: it gets a copy.
    const copy: Barred = new Map([...this.barred].map(([id, set]) => [id, new Set(set)]));
    problems.push(...checkEvents(this.mirror, events, copy));
    for (const e of events) if (e.type === "offer.declined") this.barredOf(e.taskId).add(e.agentId);
    for (const id of [...this.barred.keys()]) if (!s.state.tasks.has(id as never)) this.barred.delete(id);
    problems.push(
      ...checkCallEvents(this.callMirror, events),
      ...engineChecks(s.state),
      ...checkBarred(s.state, this.barred),
      ...checkCalls(s.state),
    );
    if (json(this.mirror) !== json(s.state))
      problems.push("the fold of the events so far differs from the live state");
    if (tally)
      for (const task of s.state.tasks.values())
        if (task.call) tally.largest = Math.max(tally.largest, upParties(task.call).length);
    if (changed || problems.length > 0) {
      this.effective.push(action);
      this.lines.push(line);
    }
    if (problems.length > 0) throw new Violation<Action>(problems, this.effective);
  }

  /** Runs the engine; an exception it throws is a violation too, reported with the steps before it. */
  private guard<T>(action: Action, run: () => T): T {
    try {
      return run();
    } catch (e) {
      this.effective.push(action);
      this.lines.push(`+${(action.at - T0) / 1000}s ${JSON.stringify(action.cmd ?? "tick")} → threw`);
      throw new Violation<Action>(
        [`the engine threw: ${e instanceof Error ? e.message : String(e)}`],
        this.effective,
      );
    }
  }

  private barredOf(taskId: string): Set<string> {
    const set = this.barred.get(taskId) ?? new Set<string>();
    this.barred.set(taskId, set);
    return set;
  }

  /** The log alone rebuilds the state: indexes, timers and clock included. */
  finish(): void {
    if (json(Engine.replay(this.s.log).state) !== json(this.s.state))
      throw new Violation<Action>(["Engine.replay(log) differs from the live state"], this.effective);
  }
}

/** Resolves the random steps against the live state as it goes, and plays them. */
function play(
  agents: readonly { agentId: string; available: boolean }[],
  steps: readonly CallStep[],
  tally?: Tally,
): void {
  const run = new Checked(tally);
  for (const agent of agents) for (const cmd of preludeCommands(agent)) run.play({ at: run.now, cmd });
  for (const st of steps) {
    const cmd = toCallCommand(run.state, st);
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

/** A violation with its ids and numbers left out: what stays the same as a reproduction shrinks. */
const kindOf = (problem: string) => problem.replace(/\b(c\d+|a\d|sup1)\b/g, "#").replace(/\d+/g, "N");

/**
 * Cuts a failing sequence down as long as the same kind of violation still happens (not another
 * one: without the steps the generator chose around known bugs, a shorter sequence may trip one).
 */
function minimized(actions: readonly Action[], problem: string): Action[] {
  const kind = kindOf(problem);
  const same = (candidate: Action[]) =>
    violationOf(candidate)?.problems.some((p) => kindOf(p) === kind) ?? false;
  return minimize(actions, same, 10_000);
}

/**
 * What a CI run (50 runs or more) must reach, or the invariants were checked on too little. Every
 * call action is tried and refused; those below are also accepted on every run — the others (Hold
 * consult, Resume consult, Consult transfer, Leave conference, Resume recording) on most runs.
 */
const REACHED = [
  ...CALL_ACTIONS.map((a) => `${a} refused`),
  ...(
    [
      "hold",
      "resume",
      "consult",
      "accept_consult",
      "end_consult",
      "consult_conference",
      "transfer",
      "pause_recording",
      "end",
      "wrap_up",
    ] as const
  ).map((a) => `${a} accepted`),
  "consult.ended (conferenced)",
  "consult.ended (failed)",
  "consult.ended (ended)",
  "task.transferred (dial_number)",
  "monitoring.changed",
  "agent.state.changed (ring_no_answer)",
  "participant.left (failed no_answer)",
  "✗ HoldCall WOULD_HOLD_BOTH_LEGS",
  "✗ ConsultConference CONSULT_NOT_ANSWERED",
  "✗ ConsultTransfer CONSULT_NOT_ANSWERED",
  "✗ StartConsult CONSULT_TARGET_UNAVAILABLE",
  "✗ StartConsult CONSULT_UNSUPPORTED_DESTINATION",
  "✗ WrapUpTask NOT_TASK_OWNER",
  "✗ EditVariables VARIABLE_VALUE_INVALID",
];

describe("call-control invariants", () => {
  it(
    "CALL-3 CALL-4 CNF-1 CNF-5 CNF-6 CNS-4 CNS-8 invariants hold over random call-control sequences",
    () => {
      const tally: Tally = { steps: 0, rejected: 0, largest: 0, seen: new Map() };
      // No shrinking by fast-check (its chained arrays shrink slowly): `minimize` cuts the failing run.
      const covering = RUNS >= 50 && !SEED;
      const unreached = () => [
        ...(tally.largest === 8 ? [] : ["eight participants"]),
        ...REACHED.filter((key) => !tally.seen.get(key)),
      ];
      // A rare situation missed by one batch of random runs is looked for in a few more, so the
      // coverage check below speaks of the invariants and not of luck.
      let run: fc.RunDetails<[{ agentId: string; available: boolean }[], CallStep[]]>;
      let batches = 0;
      do {
        run = fc.check(
          fc.property(prelude, callSteps(STEPS), (agents, steps) => play(agents, steps, tally)),
          {
            numRuns: RUNS,
            endOnFailure: true,
            ...(SEED ? { seed: Number(SEED) } : {}),
            ...(PATH ? { path: PATH } : {}),
          },
        );
        batches++;
      } while (!run.failed && covering && unreached().length > 0 && batches < 4);
      if (run.failed) {
        const error = run.errorInstance;
        if (!(error instanceof Violation)) throw error;
        const minimal = violationOf(minimized(error.actions, error.problems[0] ?? "")) ??
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
      if (covering) {
        expect(tally.steps).toBeGreaterThanOrEqual(10_000);
        // CNF-1 was judged on full calls: some reached eight participants.
        expect(unreached()).toEqual([]);
      }
    },
    240_000 + RUNS * 4000,
  );
});
