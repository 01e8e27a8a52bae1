import { applyPendingAfter } from "../agents/afterLastInteraction.ts";
import { callsBefore, presenceRequests } from "../agents/federation/onCall.ts";
import { route } from "../routing/route.ts";
import type { Decision } from "../shared/decision.ts";
import type { AgentId, TaskId } from "../shared/ids.ts";
import type { Instant } from "../shared/time.ts";
import type { OfferCreated } from "../tasks/events.ts";
import type { DueTimer } from "../timers/timers.ts";
import { decide, decideTimer } from "./decide.ts";
import { evolve } from "./evolve.ts";
import type { Command, TenantEvent } from "./messages.ts";
import { fromStored, type StoredState } from "./restore.ts";
import { initialState, type TenantState } from "./state.ts";

/**
 * One tenant's engine: the single writer of its state. `execute` decides a command, applies its
 * events and the routing they make possible, and returns all of them — the host appends exactly
 * these to the log. Replaying the log through `evolve` rebuilds the same state.
 *
 * A host calls `tick(now)` before `execute(command, now)`, so that what fell due happens first.
 */
export class Engine {
  constructor(readonly state: TenantState = initialState()) {}

  static replay(events: Iterable<TenantEvent>): Engine {
    const engine = new Engine();
    for (const e of events) evolve(engine.state, e);
    return engine;
  }

  /** The engine `toStored(state)` was taken of: a host restores it, then replays the log after it. */
  static restore(stored: StoredState): Engine {
    return new Engine(fromStored(stored));
  }

  execute(command: Command, now: Instant): Decision<TenantEvent> {
    const at = this.clock(now);
    const decision = decide(this.state, command, at);
    if (!decision.ok) return decision;
    return { ok: true, events: this.commit(decision.events, at) };
  }

  /** Fires every timer due at `now`, oldest first, and returns what they caused. */
  tick(now: Instant): TenantEvent[] {
    const at = this.clock(now);
    const out: TenantEvent[] = [];
    for (let timer = this.state.timers.next(); timer && timer.at <= at; timer = this.state.timers.next()) {
      const decision = decideTimer(this.state, timer, at);
      const events = decision.ok ? decision.events : [];
      out.push(...this.commit(events, at));
      if (this.state.timers.next() === timer)
        throw new Error(`timer ${timer.kind} of ${timer.taskId ?? timer.agentId} did not clear`);
    }
    return out;
  }

  /** When the host must call `tick` next; null when nothing is due. */
  nextDueAt(): Instant | null {
    return this.state.timers.next()?.at ?? null;
  }

  dueTimers(): DueTimer[] {
    return this.state.timers.list();
  }

  private commit(events: TenantEvent[], at: Instant): TenantEvent[] {
    const out = events.slice();
    const onCall = callsBefore(this.state, events);
    // A command touches a handful of agents and tasks: small arrays beat sets here.
    const agents: AgentId[] = [];
    const tasks: TaskId[] = [];
    let everything = false;
    for (const e of events) {
      // Everyone on a task an event changes may have gained room: an owner's End frees its conferees.
      const before = "taskId" in e && e.taskId !== null ? this.state.tasks.get(e.taskId) : undefined;
      if (before)
        for (const part of before.agents) if (!agents.includes(part.agentId)) agents.push(part.agentId);
      evolve(this.state, e);
      if (e.type === "tenant.configured") everything = true;
      if ("agentId" in e && e.agentId !== null && !agents.includes(e.agentId)) agents.push(e.agentId);
      if ("taskId" in e && e.taskId !== null && !tasks.includes(e.taskId)) tasks.push(e.taskId);
    }
    // A pending state applies once the agent's last task is gone, however it went — wrap-up, a
    // callback nobody answered, leaving a conference, being dropped by the owner's End.
    for (const id of agents) {
      const agent = this.state.agents.get(id);
      if (!agent?.pending || agent.tasks.length > 0) continue;
      for (const e of applyPendingAfter(agent, null, at)) {
        evolve(this.state, e);
        out.push(e);
      }
    }
    // FED-3: a call becoming active is a fact about the batch, whichever decider (accept, far-end
    // answer, transfer, conference, a timer) produced it, so it is derived here once, like routing,
    // rather than in each of them. The request is a logged event, so replay needs no rerun of this.
    for (const request of presenceRequests(this.state, onCall, at)) {
      evolve(this.state, request);
      out.push(request);
    }
    this.routed = out;
    route(this.state, { agents, tasks, everything }, at, this.applyOffer);
    return out;
  }

  private routed: TenantEvent[] = [];
  private readonly applyOffer = (offer: OfferCreated): void => {
    evolve(this.state, offer);
    this.routed.push(offer);
  };

  /** The tenant's clock never runs backwards, whatever the host's clock does. */
  private clock(now: Instant): Instant {
    return Math.max(now, this.state.lastAt);
  }
}
