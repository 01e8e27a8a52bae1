import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { SYSTEM_REASON } from "../src/config/systemCodes.ts";
import type { AgentId, Plain } from "../src/shared/ids.ts";
import type { Instant } from "../src/shared/time.ts";
import { Engine } from "../src/tenant/engine.ts";
import { evolve } from "../src/tenant/evolve.ts";
import type { Command, TenantEvent } from "../src/tenant/messages.ts";
import { snapshot } from "../src/tenant/snapshot.ts";
import { initialState, type TenantState } from "../src/tenant/state.ts";
import { type Context, dueTarget, type Step, step, toCommand } from "./arbitraries.ts";
import {
  type Barred,
  checkBarred,
  checkEvents,
  checkNothingOverdue,
  checkParked,
  checkState,
} from "./invariants.ts";
import { PROPERTY_TENANT } from "./propertyTenant.ts";
import { minimize, Violation } from "./reproduction.ts";
import { Scenario, T0 } from "./scenario.ts";

/**
 * Random command sequences against the fixture tenant — made to have a persistent chat entry
 * point, sentiment alerts, presence federation and disconnect policies (propertyTenant.ts) — with every
 * invariant checked after every step. Besides logins, states, contacts, offers, wrap-ups and clock
 * advances, the steps send chat messages, conferences and Close; schedule, change, delete, request
 * and cancel callbacks and answer or fail the customer's leg; report external presences; and report
 * desktops and phones gone or back, about the current login or an older one. The clock moves in
 * seconds, now and then hours at once, and to the next due time or a millisecond either side of it.
 *
 * Defaults: 50 runs of 360–400 steps, about nine in ten of them commands and the rest clock
 * advances — over 15,000 commands per CI run. For a soak:
 * `PARLEY_PROPERTY_RUNS=2000 npx vitest run packages/engine/test/invariants.property.test.ts`;
 * to replay a failure, set `PARLEY_PROPERTY_SEED` and `PARLEY_PROPERTY_PATH` to what it printed;
 * `PARLEY_PROPERTY_STATS=1` prints what the runs reached.
 */
const RUNS = Number(process.env.PARLEY_PROPERTY_RUNS ?? 50);
const SEED = process.env.PARLEY_PROPERTY_SEED;
const PATH = process.env.PARLEY_PROPERTY_PATH;
const STEPS = { minLength: 360, maxLength: 400 };
const SHRINK_MS = 30_000;

const json = (s: TenantState) => JSON.stringify(snapshot(s));
const FORCED = SYSTEM_REASON.FORCED_LOGOUT;

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

/** What an event counts as; the state is the one before its step. */
function eventKey(e: TenantEvent, before: TenantState): string {
  if (e.type === "task.wrapup" && e.auto) return "task.wrapup (auto)";
  if (e.type === "agent.logged_out" || e.type === "agent.state.changed") return `${e.type} (${e.cause})`;
  if (e.type === "agent.connection.grace_expired") return `${e.type} (${e.outcome})`;
  const callback = "taskId" in e ? before.tasks.get(e.taskId)?.callback : undefined;
  if (e.type === "offer.created" && callback?.assignee) return `${e.type} (personal)`;
  if (e.type === "task.assigned" && callback) return `${e.type} (callback)`;
  if (e.type === "conversation.expired") {
    const task = before.tasks.get(e.taskId);
    return task?.status === "parked" && task.expiresAt === e.at ? `${e.type} (on time)` : e.type;
  }
  return e.type;
}

/** A fixture tenant that checks every invariant after each action it plays. */
class Checked {
  private readonly s = new Scenario(PROPERTY_TENANT);
  private readonly mirror = initialState();
  private readonly barred: Barred = new Map();
  /** Every login's generation, by agent, from the `agent.logged_in` events so far. */
  private readonly generations = new Map<string, number[]>();
  /** Logins whose phone was reported lost (CON-6): they end, at once or after the last interaction. */
  readonly phoneLost = new Set<number>();
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

  get context(): Context {
    return { now: this.s.now, generations: this.generations };
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
      // CON-5: a fact about an older login, or about an agent logged out since, is late; so is
      // the logout of an agent who is logged out already.
      const late =
        ("generation" in cmd && (agent === undefined || (cmd.generation as number) < agent.generation)) ||
        (cmd.type === "LogoutAgent" && agent === undefined);
      if (tally && "generation" in cmd) bump(tally, `${cmd.type} (${late ? "late" : "current"})`);
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
      if (late && (!d.ok || d.events.length > 0 || json(s.state) !== before))
        problems.push(
          `${cmd.type} of ${cmd.agentId} came late (logged out, or an older login) but was not ignored`,
        );
      if (cmd.type === "DeviceLost" && !late && d.ok) this.phoneLost.add(cmd.generation as number);
      problems.push(...checkParked(s.state, action.at, false));
    }
    if (tally) for (const e of events) bump(tally, eventKey(e, this.mirror));
    for (const e of events) {
      if (e.type === "agent.logged_in")
        this.generations.set(e.agentId, [...(this.generations.get(e.agentId) ?? []), e.generation]);
      // CON-6: the logout a lost phone causes is the system's, with code 255, however it comes.
      if (e.type !== "agent.logged_out") continue;
      const lost = this.mirror.agents.get(e.agentId)?.generation;
      if (
        lost !== undefined &&
        this.phoneLost.has(lost) &&
        (e.reasonCode !== FORCED || e.actor.kind !== "system")
      )
        problems.push(`${e.agentId} lost the phone of login ${lost} but was logged out by ${e.actor.kind}`);
    }
    // CON-6: a lost phone logs its agent out, at once or when the last interaction ends (checkState:
    // nothing stays pending with nothing in hand); nothing but a new login (generation) cancels it.
    for (const a of s.state.agents.values())
      if (
        this.phoneLost.has(a.generation) &&
        (a.pending?.type !== "logged_out" || a.pending.reasonCode !== FORCED)
      )
        problems.push(`${a.id} lost the phone of login ${a.generation} but is not logging out with code 255`);
    problems.push(
      ...checkEvents(this.mirror, events, this.barred, cmd),
      ...checkState(s.state),
      ...checkBarred(s.state, this.barred),
    );
    if (json(this.mirror) !== json(s.state))
      problems.push("the fold of the events so far differs from the live state");
    if (changed || problems.length > 0) {
      this.effective.push(action);
      this.lines.push(line);
    }
    if (problems.length > 0) throw new Violation<Action>(problems, this.effective);
  }

  /** The log alone rebuilds the state: indexes, timers and clock included. */
  finish(): void {
    if (json(Engine.replay(this.s.log).state) !== json(this.s.state))
      throw new Violation<Action>(["Engine.replay(log) differs from the live state"], this.effective);
  }
}

/** Resolves the random steps against the live state as it goes, and plays them. */
function play(steps: readonly Step[], tally?: Tally): void {
  const run = new Checked(tally);
  for (const st of steps) {
    const cmd = toCommand(run.state, st, run.context);
    const at =
      st.kind === "advance"
        ? run.now + st.seconds * 1000
        : st.kind === "toDue"
          ? dueTarget(run.state, st, run.now)
          : run.now;
    run.play({ at, cmd });
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

/** What a CI run must reach, or the invariants were checked on too little. */
const REACHED = [
  "offer.created",
  "offer.delivered",
  "offer.declined",
  "offer.timed_out",
  "offer.failed",
  "task.assigned",
  "task.picked",
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
  "offer.created (personal)",
  "task.assigned (callback)",
  "callback.due",
  "callback.retry",
  "participant.leg_changed",
  "✗ ScheduleCallback CALLBACK_INVALID",
  "✗ UpdateCallback CALLBACK_STARTED",
  "conversation.sentiment_changed",
  "conversation.conference_requested",
  "conversation.closed",
  "conversation.reopened",
  "conversation.expired (on time)",
  "agent.state.changed (presence_federation)",
  "presence.external_requested",
  "agent.connection.grace_expired (not_ready)",
  "agent.connection.grace_expired (logged_out)",
  "agent.logged_out (device_lost)",
  "DesktopClosed (late)",
  "HeartbeatsMissed (late)",
  "DesktopReconnected (late)",
  "DeviceLost (late)",
];

describe("engine invariants", () => {
  it(
    "RTE-1 AGT-4 RTE-2 RTE-3 RTE-4 RTE-5 RTE-7 AGT-5 AGT-8 WRP-3 CB-2 CB-4 CB-5 CB-6 DIG-1 DIG-3 SES-11 FED-1 FED-2 FED-3 CON-1 CON-3 CON-5 CON-6 invariants hold over random command sequences",
    () => {
      const tally: Tally = { commands: 0, advances: 0, rejected: 0, seen: new Map() };
      // Shrinking a few hundred steps can take many minutes: after SHRINK_MS every further candidate
      // passes at once, so fast-check ends with the smallest failure it has by then.
      let failedAt: number | null = null;
      const property = (steps: Step[]) => {
        if (failedAt !== null && Date.now() - failedAt > SHRINK_MS) return;
        try {
          play(steps, tally);
        } catch (e) {
          failedAt ??= Date.now();
          throw e;
        }
      };
      const covering = RUNS >= 50 && !SEED;
      const unreached = () => REACHED.filter((key) => !tally.seen.get(key));
      // A rare situation missed by one batch of random runs is looked for in a few more, so the
      // coverage check below speaks of the invariants and not of luck.
      let run: fc.RunDetails<[Step[]]>;
      let batches = 0;
      do {
        run = fc.check(fc.property(fc.array(step, STEPS), property), {
          numRuns: RUNS,
          ...(SEED ? { seed: Number(SEED) } : {}),
          ...(PATH ? { path: PATH } : {}),
        });
        batches++;
      } while (!run.failed && covering && unreached().length > 0 && batches < 4);
      if (run.failed) {
        const error = run.errorInstance;
        if (!(error instanceof Violation)) throw error;
        const minimal = violationOf(minimize(error.actions, (c) => violationOf(c) !== null, 30_000)) ??
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
        expect(tally.commands).toBeGreaterThanOrEqual(10_000);
        expect(unreached()).toEqual([]);
      }
    },
    480_000 + RUNS * 2000,
  );
});
