import {
  type AgentId,
  type AgentState,
  type Command,
  Engine,
  fromPlain,
  type Plain,
  type TenantConfig,
  type TenantEvent,
} from "@parley/engine";
import { type Bot, botsFor } from "../bots/bot.ts";
import { type BotHost, shiftAct } from "../bots/shiftActs.ts";
import { Random } from "../traffic/random.ts";
import { Act, ms } from "./acts.ts";
import { Agenda } from "./agenda.ts";
import { Contacts, Status } from "./contacts.ts";
import type { Scenario } from "./scenario.ts";
import { emptyTotals, type QueueTotals, type SimulationStats } from "./stats.ts";
import { type Stream, streamsFor } from "./streams.ts";

export interface SimulationOptions {
  readonly seed: number;
  /** Called as virtual time passes, with the share of the run done (at most every 1 %, and 1 at the end). */
  readonly onProgress?: (fraction: number) => void;
  /** Each event as the engine returns it, in log order: to stream a run instead of keeping it. */
  readonly onEvent?: (event: Plain<TenantEvent>) => void;
  /** Keep the events in the result (default true); a bench that only counts turns it off. */
  readonly keepEvents?: boolean;
}

export interface SimulationResult {
  /** The tenant as configured at `startAt` (also the first event, `tenant.configured`). */
  readonly config: Plain<TenantConfig>;
  /** Every event of the run in log order, as a host would append them; each carries its `at`. */
  readonly events: readonly Plain<TenantEvent>[];
  readonly startAt: number;
  readonly endAt: number;
  readonly stats: SimulationStats;
}

/**
 * Runs a scenario on the engine in virtual time: no server, no sockets, no clock. A discrete-event
 * loop takes the earliest of the agenda (arrivals, patience running out, the bots' acts, shifts
 * and breaks) and the engine's own timers (`nextDueAt`, fired first on a tie, as a host does),
 * until the scenario's end. Seeded: the same scenario and seed give the same events.
 */
export function simulate(scenario: Scenario, options: SimulationOptions): SimulationResult {
  return new VirtualRun(scenario, options).run();
}

class VirtualRun implements BotHost {
  private readonly engine = new Engine();
  private readonly agenda = new Agenda();
  private readonly contacts = new Contacts();
  private readonly events: Plain<TenantEvent>[] = [];
  private readonly keep: boolean;
  private readonly onEvent: ((e: Plain<TenantEvent>) => void) | undefined;
  private readonly startAt: number;
  private readonly endAt: number;
  private readonly countFrom: number;
  private readonly totals: QueueTotals[];
  private readonly streams: Stream[];
  private readonly bots: Bot[];
  private readonly botOf = new Map<string, number>();
  /** The bots' delays and misses. */
  private readonly botRandom: Random;
  private commands = 0;
  private eventCount = 0;
  private readonly rejected: Record<string, number> = {};

  constructor(
    private readonly scenario: Scenario,
    private readonly options: SimulationOptions,
  ) {
    this.keep = options.keepEvents ?? true;
    this.onEvent = options.onEvent;
    this.startAt = scenario.startAt;
    this.endAt = scenario.startAt + ms(scenario.durationSec);
    this.countFrom = scenario.startAt + ms(scenario.warmupSec ?? 0);
    const root = Random.seeded(options.seed);
    this.botRandom = root.fork();
    this.totals = scenario.config.queues.map((q) => emptyTotals(q.id, q.serviceLevelSec));
    this.streams = streamsFor(scenario, root, this.totals);
    this.bots = botsFor(scenario.config, scenario.bots.shifts, scenario.bots.behaviour);
    this.bots.forEach((bot, i) => {
      this.botOf.set(bot.agentId, i);
    });
  }

  run(): SimulationResult {
    const { engine, agenda, startAt, endAt } = this;
    const configured = engine.execute(
      { type: "ConfigureTenant", config: fromPlain<TenantConfig>(this.scenario.config) },
      startAt,
    );
    if (!configured.ok)
      throw new Error(`the scenario's tenant is refused: ${configured.code} ${configured.message}`);
    this.record(configured.events);
    this.planDay();

    const progress = this.options.onProgress;
    const span = Math.max(endAt - startAt, 1);
    let reported = 0;
    let steps = 0;
    for (;;) {
      const due = engine.nextDueAt() ?? Number.POSITIVE_INFINITY;
      const next = agenda.peekTime();
      const now = Math.min(due, next);
      if (now > endAt) break;
      if (progress && (++steps & 1023) === 0 && (now - startAt) / span >= reported + 0.01) {
        reported = Math.floor(((now - startAt) / span) * 100) / 100;
        progress(reported);
      }
      // Timers first: a host ticks before it executes.
      if (due <= next) this.handle(engine.tick(due));
      else {
        agenda.pop();
        this.act(agenda.kind, agenda.a, agenda.b, agenda.time);
      }
    }
    progress?.(1);
    return { config: this.scenario.config, events: this.events, startAt, endAt, stats: this.stats() };
  }

  exec(command: Command, now: number): boolean {
    this.commands++;
    const d = this.engine.execute(command, now);
    if (d.ok) {
      this.handle(d.events);
      return true;
    }
    const key = `${command.type}:${d.code}`;
    this.rejected[key] = (this.rejected[key] ?? 0) + 1;
    return false;
  }

  plan(at: number, act: Act, a: number, b = 0): void {
    this.agenda.push(at, act, a, b);
  }

  agent(bot: Bot): AgentState | undefined {
    return this.engine.state.agents.get(bot.agentId);
  }

  /** The first arrival of each entry point and every shift's start, breaks and end. */
  private planDay(): void {
    this.streams.forEach((s, i) => {
      this.planArrival(i, s);
    });
    this.bots.forEach((bot, i) => {
      const { startSec, endSec, breaks = [] } = bot.shift;
      this.plan(this.startAt + ms(Math.max(startSec, 0)), Act.Login, i);
      breaks.forEach((b, k) => {
        this.plan(this.startAt + ms(b.startSec), Act.BreakStart, i, k);
      });
      if (Number.isFinite(endSec)) this.plan(this.startAt + ms(endSec), Act.ShiftEnd, i);
    });
  }

  private planArrival(i: number, s: Stream): void {
    s.last = s.arrivals.next(s.last, s.arrivalRandom);
    const at = this.startAt + ms(s.last);
    if (at <= this.endAt) this.plan(at, Act.Arrive, i);
  }

  private act(act: number, a: number, b: number, now: number): void {
    const { status, offerNo } = this.contacts;
    switch (act) {
      case Act.Arrive:
        this.arrive(a, now);
        return;
      case Act.Abandon:
        if (status[a] === Status.Queued || status[a] === Status.Offered)
          this.exec({ type: "CustomerLeft", taskId: this.contacts.taskId(a) }, now);
        return;
      case Act.Deliver:
        this.deliver(a, b, now);
        return;
      case Act.Accept:
        if (status[a] === Status.Offered && offerNo[a] === b)
          this.exec(
            { type: "AcceptTask", taskId: this.contacts.taskId(a), agentId: this.owner(a).agentId },
            now,
          );
        return;
      case Act.End:
        if (status[a] === Status.Assigned)
          this.exec(
            { type: "EndTask", taskId: this.contacts.taskId(a), agentId: this.owner(a).agentId },
            now,
          );
        return;
      case Act.WrapUp: {
        // An auto wrap-up may have come first.
        if (status[a] !== Status.Wrapping) return;
        const { agentId, wrapUpCode: codeId } = this.owner(a);
        this.exec({ type: "WrapUpTask", taskId: this.contacts.taskId(a), agentId, codeId }, now);
        return;
      }
      default:
        shiftAct(this, this.bots[a] as Bot, a, act, b, now);
    }
  }

  private arrive(i: number, now: number): void {
    const s = this.streams[i] as Stream;
    // The customer brings the handle and wrap-up times, so two staffings see the same contacts.
    const r = s.contactRandom;
    const c = this.contacts.add(i, now, ms(s.handle(r)), ms(s.wrapUp(r)));
    const patience = s.patience ? ms(s.patience(r)) : -1;
    if (now >= this.countFrom) s.totals.received++;
    this.planArrival(i, s);
    if (patience >= 0) this.plan(now + patience, Act.Abandon, c);
    this.exec(
      { type: "ReceiveTask", taskId: this.contacts.taskId(c), entryPointId: s.id, priority: s.priority },
      now,
    );
  }

  /** The offer reaches the desktop; the bot accepts after its delay, or lets it ring out. */
  private deliver(c: number, offer: number, now: number): void {
    if (this.contacts.status[c] !== Status.Offered || this.contacts.offerNo[c] !== offer) return;
    const bot = this.owner(c);
    if (
      !this.exec(
        { type: "ConfirmOfferDelivered", taskId: this.contacts.taskId(c), agentId: bot.agentId },
        now,
      )
    )
      return;
    // A missed offer rings out: the engine's offer timer makes it RONA.
    if (bot.missRate > 0 && this.botRandom.next() < bot.missRate) return;
    this.plan(now + ms(bot.acceptDelay(this.botRandom)), Act.Accept, c, offer);
  }

  private owner(c: number): Bot {
    return this.bots[this.contacts.ownerOf[c] as number] as Bot;
  }

  private record(events: readonly TenantEvent[]): void {
    for (const e of events) {
      this.eventCount++;
      // The same object: Plain only drops the id brands and the readonly marks.
      const plain = e as unknown as Plain<TenantEvent>;
      if (this.keep) this.events.push(plain);
      this.onEvent?.(plain);
    }
  }

  /**
   * Follows what the engine did. It never executes a command here — that would put its events
   * in the log before the rest of this batch — it plans one on the agenda instead.
   */
  private handle(events: readonly TenantEvent[]): void {
    this.record(events);
    const contacts = this.contacts;
    for (const e of events) {
      switch (e.type) {
        case "offer.created": {
          const c = contacts.indexOf(e.taskId);
          const b = this.botOf.get(e.agentId);
          if (c === undefined || b === undefined) break;
          contacts.status[c] = Status.Offered;
          contacts.ownerOf[c] = b;
          const offer = (contacts.offerNo[c] as number) + 1;
          contacts.offerNo[c] = offer;
          this.plan(e.at + ms((this.bots[b] as Bot).deliverDelay(this.botRandom)), Act.Deliver, c, offer);
          break;
        }
        case "offer.timed_out":
        case "offer.failed":
        case "offer.declined": {
          const c = contacts.indexOf(e.taskId);
          if (c !== undefined) contacts.status[c] = Status.Queued;
          this.released(e.agentId, e.at);
          break;
        }
        case "task.assigned": {
          const c = contacts.indexOf(e.taskId);
          if (c === undefined) break;
          contacts.status[c] = Status.Assigned;
          this.countAnswered(c, e.at);
          this.plan(e.at + (contacts.handleMs[c] as number), Act.End, c);
          break;
        }
        case "task.ended": {
          const c = contacts.indexOf(e.taskId);
          if (c === undefined) break;
          contacts.status[c] = Status.Wrapping;
          this.plan(e.at + (contacts.wrapMs[c] as number), Act.WrapUp, c);
          break;
        }
        case "task.wrapup": {
          const c = contacts.indexOf(e.taskId);
          if (c !== undefined) contacts.close(c, Status.Done);
          this.released(e.agentId, e.at);
          break;
        }
        case "task.canceled": {
          const c = contacts.indexOf(e.taskId);
          if (c === undefined) break;
          contacts.close(c, Status.Abandoned);
          this.countAbandoned(c, e.at);
          if (e.agentId !== null) this.released(e.agentId, e.at);
          break;
        }
        case "agent.state.changed": {
          const b = e.to.type === "rona" ? this.botOf.get(e.agentId) : undefined;
          if (b !== undefined)
            this.plan(e.at + ms((this.bots[b] as Bot).ronaRecovery(this.botRandom)), Act.Recover, b);
          break;
        }
      }
    }
  }

  /** A bot let go of an offer or a contact: if its shift is over it may now log out. */
  private released(agentId: AgentId, at: number): void {
    const b = this.botOf.get(agentId);
    if (b !== undefined && (this.bots[b] as Bot).leaving) this.plan(at, Act.TryLogout, b);
  }

  /** The totals of a counted contact's queue; null for one that arrived in the warm-up. */
  private totalsOf(c: number): QueueTotals | null {
    if ((this.contacts.arrivedAt[c] as number) < this.countFrom) return null;
    return (this.streams[this.contacts.streamOf[c] as number] as Stream).totals;
  }

  private countAnswered(c: number, at: number): void {
    const t = this.totalsOf(c);
    if (!t) return;
    const wait = at - (this.contacts.arrivedAt[c] as number);
    t.answered++;
    t.answeredWaitMs += wait;
    if (wait > 0) t.answeredAfterWait++;
    if (wait <= t.serviceLevelSec * 1000) t.answeredInTime++;
  }

  private countAbandoned(c: number, at: number): void {
    const t = this.totalsOf(c);
    if (!t) return;
    t.abandoned++;
    t.abandonedWaitMs += at - (this.contacts.arrivedAt[c] as number);
  }

  private stats(): SimulationStats {
    for (let c = 0; c < this.contacts.count; c++) {
      const st = this.contacts.status[c];
      const t = this.totalsOf(c);
      if (t && st !== Status.Done && st !== Status.Abandoned) t.open++;
    }
    return {
      contacts: this.contacts.count,
      commands: this.commands,
      events: this.eventCount,
      rejected: { ...this.rejected },
      queues: this.totals,
    };
  }
}
