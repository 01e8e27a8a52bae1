import {
  type AgentId,
  type Command,
  Engine,
  type ErrorCode,
  fromPlain,
  type Instant,
  type Plain,
  type TaskId,
  type TenantConfig,
  type TenantEvent,
} from "@parley/engine";
import type { SwitchCommand, TelephonyPort } from "../src/index.ts";
import { voiceTenant } from "./fixtures.ts";

export const T0: Instant = Date.UTC(2026, 10, 2, 8, 0, 0);

/**
 * The host loop a server or simulator runs, on a virtual clock: every engine event goes to the
 * switch, and the switch's far-end reports go back to the engine at the instants they fall due,
 * with the engine's own timers fired in between.
 */
export class Host {
  readonly engine = new Engine();
  /** Every event the engine produced, in order. */
  readonly log: TenantEvent[] = [];
  /** What the switch reported, and when. */
  readonly reported: { at: Instant; command: SwitchCommand }[] = [];
  /** Switch reports the engine refused: none in a well-behaved run. */
  readonly rejected: { at: Instant; command: SwitchCommand; code: ErrorCode }[] = [];
  now: Instant = T0;

  constructor(readonly port: TelephonyPort) {
    this.send({ type: "ConfigureTenant", config: voiceTenant() as unknown as Plain<TenantConfig> });
  }

  /** A command from a desktop (or the test) at the current time; it must be accepted. */
  send(cmd: Plain<Command>): TenantEvent[] {
    this.settle();
    const d = this.engine.execute(fromPlain<Command>(cmd), this.now);
    if (!d.ok) throw new Error(`${cmd.type} was rejected: ${d.code} ${d.message}`);
    this.feed(d.events);
    this.settle();
    return d.events;
  }

  /** Moves the virtual clock forward, stopping at every instant the engine or the switch is due. */
  advance(ms: number): void {
    const until = this.now + ms;
    for (let next = this.nextDueAt(); next !== null && next <= until; next = this.nextDueAt()) {
      this.now = Math.max(this.now, next);
      this.settle();
    }
    this.now = until;
    this.settle();
  }

  login(agentId: string, device: "BROWSER" | "EXTENSION" | "DIAL_NUMBER", address?: string): void {
    this.send({
      type: "LoginAgent",
      agentId,
      station: { teamId: "support", device, address: address ?? null },
    });
  }

  available(agentId: string): void {
    this.send({
      type: "ChangeAgentState",
      agentId,
      to: { type: "available" },
      by: { kind: "agent", id: agentId },
    });
  }

  presence(agentId: string): string {
    return this.engine.state.agents.get(agentId as AgentId)?.presence.type ?? "logged_out";
  }

  task(taskId: string) {
    return this.engine.state.tasks.get(taskId as TaskId);
  }

  /** The engine's leg status of a party, or "absent". */
  leg(taskId: string, partyId: string): string {
    return this.task(taskId)?.call?.parties.find((p) => p.id === partyId)?.leg.status ?? "absent";
  }

  /** Event types of one task since log position `from`, for the story of a call. */
  story(taskId: string, from = 0): string[] {
    return this.log
      .slice(from)
      .filter((e) => "taskId" in e && e.taskId === taskId)
      .map((e) => {
        if (e.type === "participant.joined") return `${e.type} ${e.party.id}`;
        return e.type.startsWith("participant.") && "partyId" in e ? `${e.type} ${e.partyId}` : e.type;
      });
  }

  private nextDueAt(): Instant | null {
    const a = this.engine.nextDueAt();
    const b = this.port.nextDueAt();
    return a === null ? b : b === null ? a : Math.min(a, b);
  }

  /** Until quiet at `now`: fire engine timers, hand events to the switch, feed its reports back. */
  private settle(): void {
    for (;;) {
      const fired = this.engine.tick(this.now);
      this.feed(fired);
      const reports = this.port.due(this.now);
      if (fired.length === 0 && reports.length === 0) return;
      for (const command of reports) {
        this.reported.push({ at: this.now, command });
        const d = this.engine.execute(command, this.now);
        if (d.ok) this.feed(d.events);
        else this.rejected.push({ at: this.now, command, code: d.code });
      }
    }
  }

  private feed(events: readonly TenantEvent[]): void {
    for (const e of events) {
      this.log.push(e);
      this.port.handle(e, this.now);
    }
  }
}
