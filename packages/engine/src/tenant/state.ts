import type { AgentState } from "../agents/state.ts";
import type { ConfigLookup } from "../config/lookup.ts";
import { ReadyAgents } from "../routing/readyAgents.ts";
import { WaitingTasks } from "../routing/waitingTasks.ts";
import type { AgentId, QueueId, TaskId } from "../shared/ids.ts";
import type { Instant } from "../shared/time.ts";
import type { ClosedWork } from "../tasks/closedWork.ts";
import type { Task } from "../tasks/state.ts";
import { Timers } from "../timers/timers.ts";
import type { QueueStats } from "../views/queueStats.ts";

/**
 * One tenant's state: the fold of its events. Evolve updates it in place — a tenant has a single
 * writer, and copying indexes of ten thousand agents per event would cost more than the decision.
 * Deciders and queries only read it.
 */
export interface TenantState {
  config: ConfigLookup | null;
  readonly agents: Map<AgentId, AgentState>;
  /** Devices in use, `DEVICE:address#line` → agent, so two agents never share one. */
  readonly devices: Map<string, AgentId>;
  readonly tasks: Map<TaskId, Task>;
  readonly ready: ReadyAgents;
  readonly waiting: WaitingTasks;
  readonly timers: Timers;
  /** Time of the last event: commands never move the tenant's clock backwards. */
  lastAt: Instant;
  /** Tasks received so far: each task's arrival order. */
  taskCount: number;
  /** Logins so far: each login's generation. */
  loginCount: number;
  /** Per-queue counts since the tenant's log began (SUP-1); interval reports are projections of the log. */
  readonly queueStats: Map<QueueId, QueueStats>;
  /**
   * SES-15: the newest closed work item of each agent who is logged out, linked to those before;
   * a logged-in agent's are on their record (`AgentState.closedWork`) and go back to it at login.
   */
  readonly closedWork: Map<AgentId, ClosedWork>;
}

export const initialState = (): TenantState => ({
  config: null,
  agents: new Map(),
  devices: new Map(),
  tasks: new Map(),
  ready: new ReadyAgents(),
  waiting: new WaitingTasks(),
  timers: new Timers(),
  lastAt: 0,
  taskCount: 0,
  loginCount: 0,
  queueStats: new Map(),
  closedWork: new Map(),
});
