import type { TenantState } from "./state.ts";

const byKey = <T>(entries: Iterable<[string, T]>) =>
  Object.fromEntries([...entries].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));

/**
 * The state as plain, ordered data — indexes included — so two states can be compared,
 * printed or stored. Equal snapshots mean equal states.
 */
export function snapshot(s: TenantState) {
  return {
    config: s.config?.config ?? null,
    lastAt: s.lastAt,
    taskCount: s.taskCount,
    loginCount: s.loginCount,
    agents: byKey(s.agents),
    devices: byKey(s.devices),
    tasks: byKey(s.tasks),
    ready: s.ready.dump(),
    waiting: s.waiting.dump(),
    timers: s.timers.list(),
    queueStats: byKey(s.queueStats),
    closedWork: byKey(s.closedWork),
  };
}
