import { expect } from "vitest";
import type { TenantConfig } from "../src/config/types.ts";
import type { Decision } from "../src/shared/decision.ts";
import { fromPlain, type Plain } from "../src/shared/ids.ts";
import type { Instant } from "../src/shared/time.ts";
import { Engine } from "../src/tenant/engine.ts";
import type { Command, TenantEvent } from "../src/tenant/messages.ts";
import { toStored } from "../src/tenant/restore.ts";
import { snapshot } from "../src/tenant/snapshot.ts";
import type { TenantState } from "../src/tenant/state.ts";

/** The state in full: its snapshot, and the maps' insertion order, which routing and views iterate in. */
export const fullState = (s: TenantState) => ({
  ...snapshot(s),
  order: {
    agents: [...s.agents.keys()],
    devices: [...s.devices.keys()],
    tasks: [...s.tasks.keys()],
    queueStats: [...s.queueStats.keys()],
    closedWork: [...s.closedWork.keys()],
  },
});

/** What one step gave: a decision, a tick's events, or the message the engine threw. */
export type Outcome = Decision<TenantEvent> | TenantEvent[] | { readonly threw: string };

function run(engine: Engine, at: Instant, cmd: Plain<Command> | null): Outcome {
  try {
    return cmd === null ? engine.tick(at) : engine.execute(fromPlain<Command>(cmd), at);
  } catch (e) {
    return { threw: e instanceof Error ? e.message : String(e) };
  }
}

/**
 * An engine and, from the first cut on, a twin restored from a stored copy (through JSON) of it,
 * fed the same commands and ticks. Each cut stores the twin again, so restoring a restored engine
 * is tested too. Every step's outcome, and the state at each cut and at the end, must be the same.
 */
export class Twins {
  readonly original = new Engine();
  private twin: Engine | null = null;
  now: Instant;
  /** Generations from `agent.logged_in` events, oldest first, by agent: arbitraries.ts's Context. */
  readonly generations = new Map<string, number[]>();

  constructor(config: TenantConfig, now: Instant) {
    this.now = now;
    this.play(now, { type: "ConfigureTenant", config: config as unknown as Plain<TenantConfig> });
  }

  get state(): TenantState {
    return this.original.state;
  }

  cut(): void {
    const stored = JSON.parse(JSON.stringify(toStored((this.twin ?? this.original).state)));
    this.twin = Engine.restore(stored);
    expect(fullState(this.twin.state)).toStrictEqual(fullState(this.original.state));
  }

  /** Plays a step on both; false once the engine threw, after which the run stops. */
  play(at: Instant, cmd: Plain<Command> | null): boolean {
    this.now = at;
    const out = run(this.original, at, cmd);
    if (this.twin) expect(run(this.twin, at, cmd)).toStrictEqual(out);
    if ("threw" in out) return false;
    for (const e of Array.isArray(out) ? out : out.ok ? out.events : [])
      if (e.type === "agent.logged_in")
        this.generations.set(e.agentId, [...(this.generations.get(e.agentId) ?? []), e.generation]);
    return true;
  }

  finish(): void {
    if (this.twin) expect(fullState(this.twin.state)).toStrictEqual(fullState(this.original.state));
  }
}

/**
 * The property, with shrinking cut short: once `ms` have passed since its first failure, every
 * candidate passes at once, and fast-check reports the smallest failure it has by then.
 */
export function shrinkingFor<A extends unknown[]>(ms: number, property: (...args: A) => void) {
  let failedAt: number | null = null;
  return (...args: A): void => {
    if (failedAt !== null && Date.now() - failedAt > ms) return;
    try {
      property(...args);
    } catch (e) {
      failedAt ??= Date.now();
      throw e;
    }
  };
}
