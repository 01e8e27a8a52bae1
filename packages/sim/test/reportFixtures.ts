import {
  type Command,
  DEFAULT_AUTO_WRAP_UP,
  DEFAULT_DISCONNECT_POLICY,
  DEFAULT_OFFER_TIMEOUT_SEC,
  Engine,
  fromPlain,
  type Plain,
  type TaskId,
  type TenantConfig,
  type TenantEvent,
} from "@parley/engine";

/** Monday 2 November 2026, midnight UTC. */
export const DAY = Date.UTC(2026, 10, 2);
/** `"08:03:45"` on {@link DAY}. */
export const at = (clock: string): number => {
  const [h, m, s] = clock.split(":").map(Number);
  return DAY + ((h ?? 0) * 3600 + (m ?? 0) * 60 + (s ?? 0)) * 1000;
};

/** Support voice (service level 20 s) served by a1 and a2; sales voice (30 s) served by a3. */
export const CONFIG: Plain<TenantConfig> = {
  tenantId: "acme",
  name: "Acme & Co <test>",
  auxCodes: [
    { id: "not-ready", name: "Not ready", kind: "IDLE", isDefault: true },
    { id: "lunch", name: "Lunch", kind: "IDLE", isDefault: false },
    { id: "resolved", name: "Resolved", kind: "WRAP_UP", isDefault: true },
  ],
  profiles: [
    {
      id: "standard",
      name: "Standard",
      idleCodeIds: ["not-ready", "lunch"],
      wrapUpCodeIds: ["resolved"],
      capacity: { voice: 1, chat: 0, email: 0, social: 0 },
      offerTimeoutSec: DEFAULT_OFFER_TIMEOUT_SEC,
      autoWrapUp: DEFAULT_AUTO_WRAP_UP,
      availableAfterOutdial: false,
      recordingPauseSec: 30,
      disconnect: DEFAULT_DISCONNECT_POLICY,
    },
  ],
  teams: [
    { id: "support", name: "Support" },
    { id: "sales", name: "Sales" },
  ],
  users: ["a1", "a2", "a3"].map((id) => ({
    id,
    name: `Agent ${id}`,
    roles: ["agent" as const],
    teamIds: [id === "a3" ? "sales" : "support"],
    profileId: "standard",
  })),
  queues: [
    {
      id: "q-support",
      name: "Support voice",
      channel: "voice",
      teamIds: ["support"],
      distribution: "longest_available",
      serviceLevelSec: 20,
    },
    {
      id: "q-sales",
      name: "Sales voice",
      channel: "voice",
      teamIds: ["sales"],
      distribution: "longest_available",
      serviceLevelSec: 30,
    },
  ],
  entryPoints: [
    {
      id: "ep-support",
      name: "Support line",
      channel: "voice",
      kind: "inbound",
      queueId: "q-support",
      active: true,
    },
    {
      id: "ep-sales",
      name: "Sales line",
      channel: "voice",
      kind: "inbound",
      queueId: "q-sales",
      active: true,
    },
  ],
  sharedLines: [],
};

/** Drives the engine as a host does (tick, then execute) and keeps every event. */
export class ScriptedDay {
  readonly engine = new Engine();
  readonly events: Plain<TenantEvent>[] = [];

  run(clock: string, command: Plain<Command>): this {
    const now = at(clock);
    this.events.push(...(this.engine.tick(now) as Plain<TenantEvent>[]));
    const decision = this.engine.execute(fromPlain<Command>(command), now);
    if (!decision.ok) throw new Error(`${command.type} at ${clock}: ${decision.code} ${decision.message}`);
    this.events.push(...(decision.events as Plain<TenantEvent>[]));
    return this;
  }

  /** Logs the agent in (Idle) and makes it Available at `availableClock`, by default at once. */
  login(clock: string, agentId: string, teamId: string, availableClock = clock): this {
    this.run(clock, { type: "LoginAgent", agentId, station: { teamId, device: "BROWSER" } });
    return this.state(availableClock, agentId, { type: "available" });
  }

  state(clock: string, agentId: string, to: { type: "available" } | { type: "idle"; codeId: string }): this {
    return this.run(clock, { type: "ChangeAgentState", agentId, to, by: { kind: "agent", id: agentId } });
  }

  logout(clock: string, agentId: string): this {
    return this.run(clock, { type: "LogoutAgent", agentId, by: { kind: "agent", id: agentId } });
  }

  arrive(clock: string, taskId: string, entryPointId: string): this {
    return this.run(clock, { type: "ReceiveTask", taskId, entryPointId });
  }

  /** The agent the task rings for sees it and takes it. */
  answer(clock: string, taskId: string): string {
    this.events.push(...(this.engine.tick(at(clock)) as Plain<TenantEvent>[]));
    const task = this.engine.state.tasks.get(fromPlain<TaskId>(taskId));
    if (task?.status !== "offered")
      throw new Error(`${taskId} is ${task?.status ?? "gone"} at ${clock}, not offered`);
    const agentId: string = task.offer.agentId;
    this.run(clock, { type: "ConfirmOfferDelivered", taskId, agentId });
    this.run(clock, { type: "AcceptTask", taskId, agentId });
    return agentId;
  }

  end(clock: string, taskId: string, agentId: string): this {
    return this.run(clock, { type: "EndTask", taskId, agentId });
  }

  wrapUp(clock: string, taskId: string, agentId: string): this {
    return this.run(clock, { type: "WrapUpTask", taskId, agentId, codeId: "resolved" });
  }

  leave(clock: string, taskId: string): this {
    return this.run(clock, { type: "CustomerLeft", taskId });
  }
}

/**
 * 08:00–09:00 with known outcomes (waits from arrival to accept; handle = talk + wrap-up):
 *
 * | contact | queue   | arrives  | outcome                     | wait  | handle |
 * |---------|---------|----------|-----------------------------|-------|--------|
 * | c1      | support | 08:00:10 | answered 08:00:15           | 5 s   | 210 s  |
 * | c2      | support | 08:00:20 | answered 08:00:30           | 10 s  | 270 s  |
 * | c3      | support | 08:01:00 | abandoned 08:03:20          | 140 s | —      |
 * | c4      | support | 08:03:00 | answered 08:03:50           | 50 s  | 190 s  |
 * | c5      | support | 08:04:50 | answered 08:05:05           | 15 s  | 130 s  |
 * | c6      | support | 08:06:00 | abandoned 08:06:10 (short)  | 10 s  | —      |
 * | c7      | support | 08:29:50 | answered 08:30:05           | 15 s  | 150 s  |
 * | s1      | sales   | 08:40:00 | answered 08:40:25           | 25 s  | 330 s  |
 *
 * a1 and a2 (support) are logged in and Available 08:00–09:00, but a2 takes Lunch 08:40–08:50;
 * a3 (sales) is logged in from 08:35 to 09:00, Available from 08:40:10. c3 and c4 both wait
 * 08:03:00–08:03:20; s1 waits in its queue 08:40:00–08:40:10.
 */
export function scriptedDay(): ScriptedDay {
  const d = new ScriptedDay();
  d.run("07:59:00", { type: "ConfigureTenant", config: CONFIG });
  d.login("08:00:00", "a1", "support").login("08:00:00", "a2", "support");
  d.arrive("08:00:10", "c1", "ep-support");
  const c1 = d.answer("08:00:15", "c1");
  d.arrive("08:00:20", "c2", "ep-support");
  const c2 = d.answer("08:00:30", "c2");
  d.arrive("08:01:00", "c3", "ep-support");
  d.arrive("08:03:00", "c4", "ep-support");
  d.end("08:03:15", "c1", c1);
  d.leave("08:03:20", "c3");
  d.wrapUp("08:03:45", "c1", c1);
  const c4 = d.answer("08:03:50", "c4");
  d.end("08:04:30", "c2", c2);
  d.arrive("08:04:50", "c5", "ep-support");
  d.wrapUp("08:05:00", "c2", c2);
  const c5 = d.answer("08:05:05", "c5");
  d.arrive("08:06:00", "c6", "ep-support");
  d.leave("08:06:10", "c6");
  d.end("08:06:50", "c4", c4).wrapUp("08:07:00", "c4", c4);
  d.end("08:07:05", "c5", c5).wrapUp("08:07:15", "c5", c5);
  d.arrive("08:29:50", "c7", "ep-support");
  const c7 = d.answer("08:30:05", "c7");
  d.end("08:32:05", "c7", c7).wrapUp("08:32:35", "c7", c7);
  d.run("08:35:00", { type: "LoginAgent", agentId: "a3", station: { teamId: "sales", device: "BROWSER" } });
  d.state("08:40:00", "a2", { type: "idle", codeId: "lunch" });
  d.arrive("08:40:00", "s1", "ep-sales");
  d.state("08:40:10", "a3", { type: "available" });
  const s1 = d.answer("08:40:25", "s1");
  d.end("08:45:25", "s1", s1).wrapUp("08:45:55", "s1", s1);
  d.state("08:50:00", "a2", { type: "available" });
  d.logout("09:00:00", "a1").logout("09:00:00", "a2").logout("09:00:00", "a3");
  return d;
}
