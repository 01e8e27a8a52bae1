/**
 * Routing benchmark: routing decisions (offer.created events) per second in a steady state, at
 * 1,000 and 10,000 agents, 100 queues (70 voice, 10 chat, 10 email, 10 social) and 50 teams.
 *
 * The tenant is split in two halves that share one engine:
 *  - hot: 25 teams serve 50 queues that always have a backlog (BACKLOG tasks per queue) and every
 *    agent slot is busy. Wrapping up a task frees a slot, and the agent picks the most urgent
 *    waiting task of its queues (agent → task).
 *  - cold: 25 teams serve the other 50 queues, which are empty, and the agents have free slots. A
 *    task that arrives goes to the longest-available agent (task → agent). TRANSFER_SHARE of them
 *    come back from a transfer and must not go to one agent of the queue's team (RTE-7).
 * A round times WRAPUPS_PER_ROUND hot wrap-ups and one arrival per cold queue (so each finds a free
 * agent): the routing figures count the offers those commands make over their time only. The rest
 * of the round puts the state back, untimed for routing but timed for `engine.commands_per_s`:
 * every offer is delivered, accepted and ended; each task taken from a hot queue is replaced by a
 * new arrival; cold tasks are wrapped up at once so their agents are free again.
 */

import { uniformFloat64 } from "pure-rand/distribution/uniformFloat64";
import { xoroshiro128plus } from "pure-rand/generator/xoroshiro128plus";
import {
  type AgentId,
  type AuxCodeId,
  type Channel,
  type Command,
  DEFAULT_AUTO_WRAP_UP,
  DEFAULT_DISCONNECT_POLICY,
  DEFAULT_OFFER_TIMEOUT_SEC,
  Engine,
  type EntryPointId,
  fromPlain,
  type Plain,
  type QueueId,
  type TaskId,
  type TeamId,
  type TenantConfig,
  type TenantEvent,
} from "../src/index.ts";

const QUEUES = 100;
const TEAMS = 50;
const AGENT_COUNTS = [1_000, 10_000] as const;
/** Tasks waiting in each hot queue at the start of every round. */
const BACKLOG = 10;
const WRAPUPS_PER_ROUND = 50;
/** Share of cold arrivals that exclude an agent, as a transfer to a queue does. */
const TRANSFER_SHARE = 0.05;
const ROUNDS_PER_REP = 100;
const WARMUP_REPS = 2;
const REPS = 7;
const CAPACITY = { voice: 1, chat: 3, email: 2, social: 2 };
const WRAP_UP_CODE = "resolved";

/** Seeded: the same tenant and the same traffic on every run. */
function random(seed: number): () => number {
  const rng = xoroshiro128plus(seed);
  return () => uniformFloat64(rng);
}

const channelOf = (q: number): Channel => (q < 70 ? "voice" : q < 80 ? "chat" : q < 90 ? "email" : "social");
/** Even queues and teams are hot, odd ones cold: each half has 35 voice and 5 of each digital queue. */
const isHot = (i: number) => i % 2 === 0;
const queueId = (q: number) => `q${q}`;
const teamId = (t: number) => `team${t}`;
const agentId = (i: number) => `a${i}`;

interface Tenant {
  readonly config: TenantConfig;
  readonly agents: number;
  /** The first team serving each queue. */
  readonly firstTeam: number[];
  readonly hotQueues: number[];
  readonly coldQueues: number[];
}

/** 100 queues, 50 teams, each queue served by 1–3 teams of its half; agent i is in team i % 50. */
function buildTenant(agents: number, seed = 42): Tenant {
  const rand = random(seed);
  const queues = Array.from({ length: QUEUES }, (_, q) => {
    const half = q % 2;
    const teamsOfHalf = Array.from({ length: TEAMS / 2 }, (_, k) => 2 * k + half);
    // Every team is primary for two queues, so each team serves at least one queue.
    const teams = new Set([teamsOfHalf[Math.floor(q / 2) % teamsOfHalf.length] as number]);
    const want = 1 + Math.floor(rand() * 3);
    while (teams.size < want) teams.add(teamsOfHalf[Math.floor(rand() * teamsOfHalf.length)] as number);
    return {
      id: queueId(q),
      name: `Queue ${q}`,
      channel: channelOf(q),
      teamIds: [...teams].map(teamId),
      distribution: "longest_available" as const,
      serviceLevelSec: 20,
    };
  });
  const plain: Plain<TenantConfig> = {
    tenantId: "bench",
    name: "Routing bench",
    auxCodes: [
      { id: "not-ready", name: "Not ready", kind: "IDLE", isDefault: true },
      { id: WRAP_UP_CODE, name: "Resolved", kind: "WRAP_UP", isDefault: true },
    ],
    profiles: [
      {
        id: "standard",
        name: "Standard",
        idleCodeIds: ["not-ready"],
        wrapUpCodeIds: [WRAP_UP_CODE],
        capacity: CAPACITY,
        offerTimeoutSec: DEFAULT_OFFER_TIMEOUT_SEC,
        autoWrapUp: DEFAULT_AUTO_WRAP_UP,
        availableAfterOutdial: false,
        recordingPauseSec: 30,
        disconnect: DEFAULT_DISCONNECT_POLICY,
      },
    ],
    teams: Array.from({ length: TEAMS }, (_, t) => ({ id: teamId(t), name: `Team ${t}` })),
    users: Array.from({ length: agents }, (_, i) => ({
      id: agentId(i),
      name: `Agent ${i}`,
      roles: ["agent" as const],
      teamIds: [teamId(i % TEAMS)],
      profileId: "standard",
    })),
    queues,
    entryPoints: queues.map((q) => ({
      id: `ep-${q.id}`,
      name: q.name,
      channel: q.channel,
      kind: "inbound" as const,
      queueId: q.id,
      active: true,
    })),
    sharedLines: [],
  };
  const all = Array.from({ length: QUEUES }, (_, q) => q);
  return {
    config: fromPlain<TenantConfig>(plain),
    agents,
    firstTeam: queues.map((q) => Number((q.teamIds[0] as string).slice("team".length))),
    hotQueues: all.filter(isHot),
    coldQueues: all.filter((q) => !isHot(q)),
  };
}

interface Measure {
  /** Offers made by the routing-timed commands, and their time in ms. */
  wrapUpOffers: number;
  wrapUpMs: number;
  arrivalOffers: number;
  arrivalMs: number;
  /** Every command of the rounds, and their time in ms. */
  commands: number;
  commandMs: number;
}

const zero = (): Measure => ({
  wrapUpOffers: 0,
  wrapUpMs: 0,
  arrivalOffers: 0,
  arrivalMs: 0,
  commands: 0,
  commandMs: 0,
});

/** One tenant engine on a virtual clock, driven through the steady-state rounds. */
class Bench {
  readonly engine = new Engine();
  private now = Date.UTC(2026, 0, 5, 8, 0, 0);
  private taskCount = 0;
  private readonly queueOfTask = new Map<TaskId, number>();
  /** Hot tasks in wrap-up, in the order they are wrapped up (mixed at setup, then oldest first). */
  private hotWrapping: [TaskId, AgentId][] = [];
  private hotHead = 0;
  /** Offers made and not yet taken through accept and end. */
  private pending: { taskId: TaskId; agentId: AgentId }[] = [];
  private readonly rand = random(7);

  constructor(readonly tenant: Tenant) {}

  /** Runs commands one after another; returns their time in ms and the offers they made. */
  private batch(commands: Command[], m: Measure): { ms: number; offers: number; made: TaskId[][] } {
    const results: TenantEvent[][] = new Array(commands.length);
    let now = this.now;
    const start = performance.now();
    for (let i = 0; i < commands.length; i++) {
      const d = this.engine.execute(commands[i] as Command, ++now);
      if (!d.ok) throw new Error(`${(commands[i] as Command).type} rejected: ${d.code} ${d.message}`);
      results[i] = d.events;
    }
    const ms = performance.now() - start;
    this.now = now;
    m.commands += commands.length;
    m.commandMs += ms;
    let offers = 0;
    const made = results.map((events) => {
      const tasks: TaskId[] = [];
      for (const e of events) {
        if (e.type !== "offer.created") continue;
        offers++;
        tasks.push(e.taskId);
        this.pending.push({ taskId: e.taskId, agentId: e.agentId });
      }
      return tasks;
    });
    return { ms, offers, made };
  }

  private receive(q: number, transferShare = 0): Command {
    const taskId = fromPlain<TaskId>(`t${++this.taskCount}`);
    this.queueOfTask.set(taskId, q);
    // A few urgent contacts, so the waiting order is not only arrival order.
    const priority = this.rand() < 0.1 ? 1 : 0;
    const entryPointId = fromPlain<EntryPointId>(`ep-q${q}`);
    if (this.rand() >= transferShare) return { type: "ReceiveTask", taskId, entryPointId, priority };
    // Agent i is in team i % TEAMS: any agent of the queue's first team, busy or not.
    const perTeam = Math.floor(this.tenant.agents / TEAMS);
    const excluded = (this.tenant.firstTeam[q] as number) + TEAMS * Math.floor(this.rand() * perTeam);
    const excludeAgents = [fromPlain<AgentId>(agentId(excluded))];
    return { type: "ReceiveTask", taskId, entryPointId, priority, excludeAgents };
  }

  private wrapUp(taskId: TaskId, agentId: AgentId): Command {
    return { type: "WrapUpTask", taskId, agentId, codeId: fromPlain<AuxCodeId>(WRAP_UP_CODE) };
  }

  /** Delivers, accepts and ends every pending offer; wraps up cold tasks at once. */
  private settle(m: Measure): void {
    while (this.pending.length > 0) {
      const offers = this.pending;
      this.pending = [];
      this.batch(
        offers.map(({ taskId, agentId }) => ({ type: "ConfirmOfferDelivered", taskId, agentId })),
        m,
      );
      this.batch(
        offers.map(({ taskId, agentId }) => ({ type: "AcceptTask", taskId, agentId })),
        m,
      );
      this.batch(
        offers.map(({ taskId, agentId }) => ({ type: "EndTask", taskId, agentId })),
        m,
      );
      const cold: Command[] = [];
      for (const { taskId, agentId } of offers) {
        const q = this.queueOfTask.get(taskId) as number;
        if (isHot(q)) this.hotWrapping.push([taskId, agentId]);
        else {
          cold.push(this.wrapUp(taskId, agentId));
          this.queueOfTask.delete(taskId);
        }
      }
      // Cold queues are empty, so these free their agents without new offers.
      if (cold.length > 0) this.batch(cold, m);
    }
  }

  /** Logs everyone in and Available, fills every hot slot, and leaves BACKLOG tasks per hot queue. */
  setup(): void {
    const m = zero();
    this.batch([{ type: "ConfigureTenant", config: this.tenant.config }], m);
    const users = this.tenant.config.users;
    this.batch(
      users.map((u) => ({
        type: "LoginAgent",
        agentId: u.id,
        station: { teamId: u.teamIds[0] as TeamId, device: "BROWSER" },
      })),
      m,
    );
    this.batch(
      users.map((u) => ({
        type: "ChangeAgentState",
        agentId: u.id,
        to: { type: "available" },
        by: { kind: "agent", id: u.id },
      })),
      m,
    );
    for (const q of this.tenant.hotQueues) {
      // Arrivals are offered until the queue's teams are full on its channel; the first to wait stays.
      for (;;) {
        const { offers } = this.batch([this.receive(q)], m);
        if (offers === 0) break;
        this.settle(m);
      }
    }
    for (const q of this.tenant.hotQueues) {
      const more = this.engine.state.waiting.count(fromPlain<QueueId>(queueId(q)));
      this.batch(
        Array.from({ length: BACKLOG - more }, () => this.receive(q)),
        m,
      );
    }
    // Oldest first would wrap up one queue's tasks after another: mix them, as live traffic would be.
    this.hotWrapping = shuffle(this.hotWrapping, this.rand);
    if (this.pending.length > 0) throw new Error("setup: a backlog task was offered; hot slots are not full");
  }

  /** One steady-state round; adds to `m`. */
  round(m: Measure): void {
    const wrapUps: Command[] = [];
    const wrappedQueues: number[] = [];
    for (let i = 0; i < WRAPUPS_PER_ROUND; i++) {
      const next = this.hotWrapping[this.hotHead++];
      if (!next) throw new Error("no hot task in wrap-up");
      wrappedQueues.push(this.queueOfTask.get(next[0]) as number);
      this.queueOfTask.delete(next[0]);
      wrapUps.push(this.wrapUp(next[0], next[1]));
    }
    if (this.hotHead > 4096) {
      this.hotWrapping = this.hotWrapping.slice(this.hotHead);
      this.hotHead = 0;
    }
    const pull = this.batch(wrapUps, m);
    m.wrapUpOffers += pull.offers;
    m.wrapUpMs += pull.ms;
    // One arrival per wrap-up: into the queue the offer took a task from, so every hot queue is
    // back at BACKLOG; after a wrap-up that found nothing, into its task's queue to refill the slot.
    const refill = pull.made.map((tasks, i) => {
      const taken = tasks[0];
      return taken === undefined ? (wrappedQueues[i] as number) : (this.queueOfTask.get(taken) as number);
    });

    const arrivals = shuffle(this.tenant.coldQueues, this.rand).map((q) => this.receive(q, TRANSFER_SHARE));
    const push = this.batch(arrivals, m);
    m.arrivalOffers += push.offers;
    m.arrivalMs += push.ms;

    this.batch(
      refill.map((q) => this.receive(q)),
      m,
    );
    this.settle(m);
    // The bench never calls `tick`: every offer is accepted long before it could time out.
    const due = this.engine.nextDueAt();
    if (due !== null && due <= this.now) throw new Error("a timer fell due; the bench does not tick");
  }
}

function shuffle<T>(items: readonly T[], rand: () => number): T[] {
  const out = [...items];
  for (let i = out.length - 1; i > 0; i--) {
    const j = Math.floor(rand() * (i + 1));
    [out[i], out[j]] = [out[j] as T, out[i] as T];
  }
  return out;
}

const median = (xs: number[]): number => {
  const s = [...xs].sort((a, b) => a - b);
  const mid = s.length >> 1;
  return s.length % 2 ? (s[mid] as number) : ((s[mid - 1] as number) + (s[mid] as number)) / 2;
};

interface Result {
  readonly decisionsPerS: number;
  readonly wrapUpPerS: number;
  readonly arrivalPerS: number;
  readonly commandsPerS: number;
  readonly decisionsPerRep: number;
}

function measure(agents: number): Result {
  const bench = new Bench(buildTenant(agents));
  bench.setup();
  const reps: Measure[] = [];
  for (let r = 0; r < WARMUP_REPS + REPS; r++) {
    const m = zero();
    for (let i = 0; i < ROUNDS_PER_REP; i++) bench.round(m);
    if (r >= WARMUP_REPS) reps.push(m);
  }
  const perS = (n: number, ms: number) => (n * 1000) / ms;
  return {
    decisionsPerS: median(reps.map((m) => perS(m.wrapUpOffers + m.arrivalOffers, m.wrapUpMs + m.arrivalMs))),
    wrapUpPerS: median(reps.map((m) => perS(m.wrapUpOffers, m.wrapUpMs))),
    arrivalPerS: median(reps.map((m) => perS(m.arrivalOffers, m.arrivalMs))),
    commandsPerS: median(reps.map((m) => perS(m.commands, m.commandMs))),
    decisionsPerRep: median(reps.map((m) => m.wrapUpOffers + m.arrivalOffers)),
  };
}

const line = (name: string, value: string, unit: string, keys: Record<string, string | number>) =>
  console.log(["BENCH", name, value, unit, ...Object.entries(keys).map(([k, v]) => `${k}=${v}`)].join(" "));

export default async function routingBench(): Promise<void> {
  const results = new Map<number, Result>();
  for (const agents of AGENT_COUNTS) {
    const r = measure(agents);
    results.set(agents, r);
    const keys = { agents, queues: QUEUES, teams: TEAMS, backlog: BACKLOG, reps: REPS };
    line("routing.decisions_per_s", r.decisionsPerS.toFixed(0), "1/s", {
      ...keys,
      decisions: r.decisionsPerRep,
    });
    line("routing.wrapup_decisions_per_s", r.wrapUpPerS.toFixed(0), "1/s", keys);
    line("routing.arrival_decisions_per_s", r.arrivalPerS.toFixed(0), "1/s", keys);
    line("engine.commands_per_s", r.commandsPerS.toFixed(0), "1/s", keys);
  }
  const small = results.get(1_000);
  const large = results.get(10_000);
  if (small && large)
    // Time per decision at 10k over time per decision at 1k.
    line("routing.cost_growth_1k_to_10k", (small.decisionsPerS / large.decisionsPerS).toFixed(2), "x", {
      queues: QUEUES,
    });
}
