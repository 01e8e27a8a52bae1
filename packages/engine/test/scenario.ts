import { expect } from "vitest";
import type { Actor } from "../src/shared/actor.ts";
import type { Decision } from "../src/shared/decision.ts";
import type { ErrorCode } from "../src/shared/errors.ts";
import { type AgentId, fromPlain, type Plain, type TaskId } from "../src/shared/ids.ts";
import type { Instant } from "../src/shared/time.ts";
import { Engine } from "../src/tenant/engine.ts";
import type { Command, TenantEvent } from "../src/tenant/messages.ts";
import { snapshot } from "../src/tenant/snapshot.ts";
import { tenant } from "./fixtures.ts";

export const T0: Instant = Date.UTC(2026, 10, 2, 8, 0, 0);

type Cmd = Plain<Command>;

/**
 * A tenant engine on a virtual clock, with the log of every event it produced. Steps written with
 * it read as given / when / then.
 */
export class Scenario {
  readonly engine: Engine;
  readonly log: TenantEvent[] = [];
  now: Instant = T0;

  constructor(config = tenant()) {
    this.engine = new Engine();
    this.ok({ type: "ConfigureTenant", config: config as unknown as Plain<typeof config> });
  }

  get state() {
    return this.engine.state;
  }

  /** Runs a command at the current time; events go to the log. */
  run(cmd: Cmd): Decision<TenantEvent> {
    const d = this.engine.execute(fromPlain<Command>(cmd), this.now);
    if (d.ok) this.log.push(...d.events);
    return d;
  }

  /** Runs a command that must succeed and returns its events. */
  ok(cmd: Cmd): TenantEvent[] {
    const d = this.run(cmd);
    if (!d.ok) throw new Error(`${cmd.type} was rejected: ${d.code} ${d.message}`);
    return d.events;
  }

  rejects(cmd: Cmd, code: ErrorCode): void {
    const before = JSON.stringify(snapshot(this.state));
    const d = this.run(cmd);
    expect(d.ok ? "accepted" : d.code).toBe(code);
    // A rejection never changes anything.
    expect(JSON.stringify(snapshot(this.state))).toBe(before);
  }

  /** Moves the clock forward and fires what fell due. */
  advance(seconds: number): TenantEvent[] {
    this.now += seconds * 1000;
    const events = this.engine.tick(this.now);
    this.log.push(...events);
    return events;
  }

  since(mark: number): TenantEvent[] {
    return this.log.slice(mark);
  }

  // Shorthands for the common steps.
  login(
    agentId: string,
    teamId = "support",
    station: Partial<Plain<Command & { type: "LoginAgent" }>["station"]> = {},
  ) {
    return this.ok({ type: "LoginAgent", agentId, station: { teamId, device: "BROWSER", ...station } });
  }
  available(agentId: string, by?: Plain<Actor>) {
    return this.ok({
      type: "ChangeAgentState",
      agentId,
      to: { type: "available" },
      by: by ?? { kind: "agent", id: agentId },
    });
  }
  idle(agentId: string, codeId?: string) {
    const to = codeId ? { type: "idle" as const, codeId } : { type: "idle" as const };
    return this.ok({ type: "ChangeAgentState", agentId, to, by: { kind: "agent", id: agentId } });
  }
  receive(
    taskId: string,
    entryPointId = "ep-voice",
    extra: { priority?: number; excludeAgents?: string[] } = {},
  ) {
    return this.ok({
      type: "ReceiveTask",
      taskId,
      entryPointId,
      customer: { address: "+4670123456" },
      ...extra,
    });
  }
  deliver(taskId: string, agentId: string) {
    return this.ok({ type: "ConfirmOfferDelivered", taskId, agentId });
  }
  accept(taskId: string, agentId: string) {
    this.deliver(taskId, agentId);
    return this.ok({ type: "AcceptTask", taskId, agentId });
  }
  end(taskId: string, agentId: string) {
    return this.ok({ type: "EndTask", taskId, agentId });
  }
  wrapUp(taskId: string, agentId: string, codeId = "resolved") {
    return this.ok({ type: "WrapUpTask", taskId, agentId, codeId });
  }

  /** Who the task is offered to right now, if anyone. */
  offeredTo(taskId: string): string | null {
    const task = this.state.tasks.get(taskId as TaskId);
    return task?.status === "offered" ? task.offer.agentId : null;
  }
  presence(agentId: string) {
    return this.state.agents.get(agentId as AgentId)?.presence ?? { type: "logged_out" as const };
  }
  task(taskId: string) {
    return this.state.tasks.get(taskId as TaskId);
  }
}

export type Step = (s: Scenario) => unknown;

/** `given(steps).when(step).then…` — the shape every behaviour test takes. */
export function given(...steps: Step[]) {
  const s = new Scenario();
  for (const step of steps) step(s);
  return {
    scenario: s,
    when(cmd: Cmd | Step) {
      const mark = s.log.length;
      const before = JSON.stringify(snapshot(s.state));
      const result = typeof cmd === "function" ? cmd(s) : s.run(cmd);
      const decision = typeof cmd === "function" ? undefined : (result as Decision<TenantEvent>);
      return {
        thenRejects(code: ErrorCode) {
          expect(decision?.ok === false ? decision.code : "accepted").toBe(code);
          expect(JSON.stringify(snapshot(s.state))).toBe(before);
        },
        /** The event types produced, in order. */
        thenEmits(...types: TenantEvent["type"][]) {
          if (decision && !decision.ok) throw new Error(`rejected: ${decision.code} ${decision.message}`);
          expect(s.since(mark).map((e) => e.type)).toEqual(types);
          return s;
        },
        thenCheck(check: (s: Scenario, events: TenantEvent[]) => void) {
          if (decision && !decision.ok) throw new Error(`rejected: ${decision.code} ${decision.message}`);
          check(s, s.since(mark));
        },
      };
    },
  };
}

/** Event types without the leg events: for tests about tasks and agents rather than call legs. */
export const kinds = (events: readonly TenantEvent[]): string[] =>
  events.filter((e) => !e.type.startsWith("participant.")).map((e) => e.type);
