/**
 * Restore benchmark: how long a host takes to get a tenant's engine back on startup, from a stored
 * state (`Engine.restore`) or from the whole log (`Engine.replay`), at 10,000 agents logged in.
 *
 * The log: the configuration, 10,000 logins, 9,000 agents Available (the back office stays Idle),
 * then 3,000 calls and 3,000 chats, every offer delivered, two in three accepted and half of those
 * ended (wrap-up), and 500 calls waiting in the back-office queue — first alone, then after 20,000
 * past contacts (arrival to wrap-up): replay grows with the log, restore with the state only. JSON
 * parsing is timed apart (`engine.restore_parse_ms`), as a host parses the log's events too.
 */

import {
  type Command,
  DEFAULT_AUTO_WRAP_UP,
  DEFAULT_DISCONNECT_POLICY,
  DEFAULT_OFFER_TIMEOUT_SEC,
  Engine,
  fromPlain,
  type Plain,
  snapshot,
  type TenantConfig,
  type TenantEvent,
  toStored,
} from "../src/index.ts";

const AGENTS = 10_000;
const TEAMS = 20;
/** The last team is the back office: Idle, so its queue's calls wait. */
const BACK_OFFICE = TEAMS - 1;
const CALLS = 3_000;
const CHATS = 3_000;
const WAITING = 500;
/** Contacts handled before the state is taken: the log grows with them, the state does not. */
const HISTORIES = [0, 20_000] as const;
const WARMUP_REPS = 2;
const REPS = 7;

function config(): TenantConfig {
  const teams = Array.from({ length: TEAMS }, (_, t) => `team${t}`);
  const front = teams.slice(0, BACK_OFFICE);
  const queues = [
    { id: "voice", channel: "voice" as const, teamIds: front },
    { id: "chat", channel: "chat" as const, teamIds: front },
    { id: "back", channel: "voice" as const, teamIds: [`team${BACK_OFFICE}`] },
  ].map((q) => ({ ...q, name: q.id, distribution: "longest_available" as const, serviceLevelSec: 20 }));
  const plain: Plain<TenantConfig> = {
    tenantId: "bench",
    name: "Restore bench",
    auxCodes: [
      { id: "not-ready", name: "Not ready", kind: "IDLE", isDefault: true },
      { id: "resolved", name: "Resolved", kind: "WRAP_UP", isDefault: true },
    ],
    profiles: [
      {
        id: "standard",
        name: "Standard",
        idleCodeIds: ["not-ready"],
        wrapUpCodeIds: ["resolved"],
        capacity: { voice: 1, chat: 3, email: 2, social: 2 },
        offerTimeoutSec: DEFAULT_OFFER_TIMEOUT_SEC,
        autoWrapUp: DEFAULT_AUTO_WRAP_UP,
        availableAfterOutdial: false,
        recordingPauseSec: 30,
        disconnect: DEFAULT_DISCONNECT_POLICY,
      },
    ],
    teams: teams.map((id) => ({ id, name: id })),
    users: Array.from({ length: AGENTS }, (_, i) => ({
      id: `a${i}`,
      name: `Agent ${i}`,
      roles: ["agent" as const],
      teamIds: [`team${i % TEAMS}`],
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
  return fromPlain<TenantConfig>(plain);
}

/** Runs the scenario above, after `history` contacts taken from arrival to wrap-up; returns the engine and its log. */
function build(history: number): { engine: Engine; log: TenantEvent[] } {
  const engine = new Engine();
  const log: TenantEvent[] = [];
  let now = Date.UTC(2026, 0, 5, 8, 0, 0);
  const run = (cmd: Plain<Command>) => {
    const d = engine.execute(fromPlain<Command>(cmd), ++now);
    if (!d.ok) throw new Error(`${cmd.type} rejected: ${d.code} ${d.message}`);
    log.push(...d.events);
    return d.events;
  };
  run({ type: "ConfigureTenant", config: config() as unknown as Plain<TenantConfig> });
  for (let i = 0; i < AGENTS; i++)
    run({ type: "LoginAgent", agentId: `a${i}`, station: { teamId: `team${i % TEAMS}`, device: "BROWSER" } });
  for (let i = 0; i < AGENTS; i++)
    if (i % TEAMS !== BACK_OFFICE)
      run({
        type: "ChangeAgentState",
        agentId: `a${i}`,
        to: { type: "available" },
        by: { kind: "agent", id: `a${i}` },
      });
  for (let i = 0; i < history; i++) {
    const offer = run({ type: "ReceiveTask", taskId: `old${i}`, entryPointId: "ep-voice" }).find(
      (e) => e.type === "offer.created",
    );
    if (!offer) throw new Error("a past contact found no agent");
    const o = { taskId: offer.taskId, agentId: offer.agentId };
    run({ type: "ConfirmOfferDelivered", ...o });
    run({ type: "AcceptTask", ...o });
    run({ type: "EndTask", ...o });
    run({ type: "WrapUpTask", ...o, codeId: "resolved" });
  }
  const offers: { taskId: string; agentId: string }[] = [];
  const receive = (taskId: string, entryPointId: string) => {
    for (const e of run({ type: "ReceiveTask", taskId, entryPointId }))
      if (e.type === "offer.created") offers.push({ taskId: e.taskId, agentId: e.agentId });
  };
  for (let i = 0; i < CALLS; i++) receive(`call${i}`, "ep-voice");
  for (let i = 0; i < CHATS; i++) receive(`chat${i}`, "ep-chat");
  for (let i = 0; i < WAITING; i++) receive(`back${i}`, "ep-back");
  for (const [i, o] of offers.entries()) {
    run({ type: "ConfirmOfferDelivered", ...o });
    if (i % 3 === 0) continue;
    run({ type: "AcceptTask", ...o });
    if (i % 2 === 0) run({ type: "EndTask", ...o });
  }
  return { engine, log };
}

const median = (xs: number[]): number => {
  const s = [...xs].sort((a, b) => a - b);
  const mid = s.length >> 1;
  return s.length % 2 ? (s[mid] as number) : ((s[mid - 1] as number) + (s[mid] as number)) / 2;
};

/** Median time of `fn` in ms over REPS runs, after WARMUP_REPS untimed ones. */
function time(fn: () => unknown): number {
  const ms: number[] = [];
  for (let r = 0; r < WARMUP_REPS + REPS; r++) {
    const start = performance.now();
    fn();
    if (r >= WARMUP_REPS) ms.push(performance.now() - start);
  }
  return median(ms);
}

const line = (name: string, value: string, unit: string, keys: Record<string, string | number>) =>
  console.log(["BENCH", name, value, unit, ...Object.entries(keys).map(([k, v]) => `${k}=${v}`)].join(" "));

export default async function restoreBench(): Promise<void> {
  for (const history of HISTORIES) {
    const { engine, log } = build(history);
    const text = JSON.stringify(toStored(engine.state));
    const parsed = JSON.parse(text);
    // A figure for a restore that is wrong would mean nothing.
    if (JSON.stringify(snapshot(Engine.restore(parsed).state)) !== JSON.stringify(snapshot(engine.state)))
      throw new Error("the restored state differs from the original");
    const keys = { agents: AGENTS, tasks: engine.state.tasks.size, history, events: log.length, reps: REPS };
    line("engine.replay_ms", time(() => Engine.replay(log)).toFixed(1), "ms", keys);
    line("engine.restore_ms", time(() => Engine.restore(parsed)).toFixed(1), "ms", keys);
    line("engine.restore_parse_ms", time(() => JSON.parse(text)).toFixed(1), "ms", keys);
    line("engine.store_ms", time(() => JSON.stringify(toStored(engine.state))).toFixed(1), "ms", keys);
    line("engine.stored_bytes", String(text.length), "B", keys);
  }
}
