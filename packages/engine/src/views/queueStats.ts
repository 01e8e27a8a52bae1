import type { QueueId } from "../shared/ids.ts";
import type { Instant } from "../shared/time.ts";
import type { TenantState } from "../tenant/state.ts";

/** What a queue has seen since the tenant's log began. */
export interface QueueStats {
  received: number;
  answered: number;
  /** Answered within the queue's service-level threshold. */
  answeredInTime: number;
  abandoned: number;
}

const zero = (): QueueStats => ({ received: 0, answered: 0, answeredInTime: 0, abandoned: 0 });

/** The counters of a queue, created on first use. Only evolve calls it. */
export function statsOf(s: TenantState, queueId: QueueId): QueueStats {
  let stats = s.queueStats.get(queueId);
  if (!stats) {
    stats = zero();
    s.queueStats.set(queueId, stats);
  }
  return stats;
}

export interface QueueView {
  readonly queueId: QueueId;
  readonly name: string;
  readonly waiting: number;
  /** How long the oldest waiting contact has waited, in ms; 0 when none waits. */
  readonly longestWait: number;
  /** Share answered within the threshold, of those answered or abandoned; null before any. */
  readonly serviceLevel: number | null;
  readonly stats: QueueStats;
}

/** Every queue with its waiting contacts, longest wait and service level (SUP-1). */
export function queueViews(s: TenantState, now: Instant): QueueView[] {
  const config = s.config;
  if (!config) return [];
  return config.config.queues.map((queue) => {
    let waiting = 0;
    let oldest = now;
    for (const key of s.waiting.inOrder(queue.id)) {
      waiting++;
      const task = s.tasks.get(key.id);
      if (task) oldest = Math.min(oldest, task.enteredQueueAt);
    }
    const stats = { ...(s.queueStats.get(queue.id) ?? zero()) };
    const handled = stats.answered + stats.abandoned;
    return {
      queueId: queue.id,
      name: queue.name,
      waiting,
      longestWait: now - oldest,
      serviceLevel: handled === 0 ? null : stats.answeredInTime / handled,
      stats,
    };
  });
}
