import type { AgentState } from "../agents/state.ts";
import type { Channel } from "../shared/channels.ts";
import type { AgentId, AuxCodeId, QueueId, TaskId } from "../shared/ids.ts";
import type { Instant } from "../shared/time.ts";
import type { TenantState } from "../tenant/state.ts";
import type { Customer, Engagement, Task } from "./state.ts";

/** SES-15: how many closed work items an agent's list shows. */
export const CLOSED_WORK_LIMIT = 50;

/**
 * One agent's part in a task that is over for them: wrapped up, or left as consulted or conferee.
 * Each links to the agent's close before it: a close is one new object on the agent's record and
 * reads nothing older — a ring of older items, cold in memory by the next wrap-up, cost a visible
 * share of routing time.
 */
export interface ClosedWork {
  readonly taskId: TaskId;
  readonly channel: Channel;
  /** The task's queue when the part closed. */
  readonly queueId: QueueId;
  /** As the task had it: the title Home shows (SES-10). Shared with the task, never copied. */
  readonly customer: Customer;
  readonly role: Engagement["role"];
  /** When the agent's part began: accepted, picked, consulted or joined. */
  readonly startedAt: Instant;
  readonly closedAt: Instant;
  /** The wrap-up code the owner chose; null for a consulted agent or conferee, who do not wrap up. */
  readonly wrapUpCodeId: AuxCodeId | null;
  /** The agent's close before this one; null for the oldest kept. */
  prev: ClosedWork | null;
}

/**
 * How many closes the chain from `newest` holds after trimming: once it holds twice the limit it
 * is cut back to the limit, so the walk to the cut is paid once per `CLOSED_WORK_LIMIT` closes.
 */
function trimmed(newest: ClosedWork, kept: number): number {
  if (kept < 2 * CLOSED_WORK_LIMIT) return kept;
  let last = newest;
  for (let i = 1; i < CLOSED_WORK_LIMIT; i++) last = last.prev as ClosedWork;
  last.prev = null;
  return CLOSED_WORK_LIMIT;
}

/** The closes a chain holds. */
export function closesIn(newest: ClosedWork | null): number {
  let n = 0;
  for (let x = newest; x !== null; x = x.prev) n++;
  return n;
}

/**
 * Records that the agent's part in the task closed (SES-15): on the agent's record, or — for an
 * agent no longer logged in — in `closedWork` until they log in again.
 */
export function recordClosed(
  state: TenantState,
  agent: AgentState | undefined,
  task: Task,
  part: Engagement,
  at: Instant,
  wrapUpCodeId: AuxCodeId | null,
): void {
  const prev = agent ? agent.closedWork : (state.closedWork.get(part.agentId) ?? null);
  // One literal shape for every item, as for tasks (see `moved`).
  const item: ClosedWork = {
    taskId: task.id,
    channel: task.channel,
    queueId: task.queueId,
    customer: task.customer,
    role: part.role,
    startedAt: part.since,
    closedAt: at,
    wrapUpCodeId,
    prev,
  };
  if (agent) {
    agent.closedWork = item;
    agent.closedKept = trimmed(item, agent.closedKept + 1);
  } else {
    trimmed(item, closesIn(item));
    state.closedWork.set(part.agentId, item);
  }
}

/**
 * The agent's kept closes, newest first. A task closed more than once — a persistent chat that
 * came back to the same agent — is there each time; readers keep the newest.
 */
export function* closesOf(state: TenantState, agentId: AgentId): Generator<ClosedWork> {
  const agent = state.agents.get(agentId);
  let x = agent ? agent.closedWork : (state.closedWork.get(agentId) ?? null);
  for (; x !== null; x = x.prev) yield x;
}
