import { refile } from "../agents/refile.ts";
import type { AgentState } from "../agents/state.ts";
import { lookupConfig } from "../config/lookup.ts";
import type { TenantConfig } from "../config/types.ts";
import type { AgentId, QueueId } from "../shared/ids.ts";
import type { Instant } from "../shared/time.ts";
import type { ClosedWork } from "../tasks/closedWork.ts";
import type { Task } from "../tasks/state.ts";
import type { DueTimer } from "../timers/timers.ts";
import type { QueueStats } from "../views/queueStats.ts";
import { fromJsonSafe, type Json, toJsonSafe } from "./jsonSafe.ts";
import { initialState, type TenantState } from "./state.ts";

export const STORED_STATE_FORMAT = "parley.tenant-state";
/**
 * Goes up with any change to what the records hold (AgentState, Task and what they contain) or to
 * how they are stored: a host then gets UnsupportedSnapshotError and replays the log instead.
 */
export const STORED_STATE_VERSION = 2;

/** A tenant's state as data for a host to keep (as JSON) and give back to `Engine.restore`. */
export interface StoredState {
  readonly format: typeof STORED_STATE_FORMAT;
  readonly version: number;
  /** The records, encoded by jsonSafe.ts: opaque to the host. */
  readonly body: Json;
}

/**
 * The records of the state, each map in its insertion order (iteration order reaches routing and
 * views). The routing indexes and the config lookups are derived from them on restore; timers are
 * kept as they are, since each kind is set by a different module's evolve.
 */
interface Body {
  readonly config: TenantConfig | null;
  readonly lastAt: Instant;
  readonly taskCount: number;
  readonly loginCount: number;
  readonly agents: readonly AgentState[];
  readonly devices: readonly (readonly [string, AgentId])[];
  readonly tasks: readonly Task[];
  readonly queueStats: readonly (readonly [QueueId, QueueStats])[];
  readonly timers: readonly DueTimer[];
  readonly closedWork: readonly (readonly [AgentId, ClosedWork])[];
}

/** A stored state of another format or version: the host replays the event log from the start instead. */
export class UnsupportedSnapshotError extends Error {
  constructor(
    message: string,
    readonly version: unknown,
  ) {
    super(message);
    this.name = "UnsupportedSnapshotError";
  }
}

/** A deep copy of the state that survives `JSON.parse(JSON.stringify(…))` exactly. */
export function toStored(s: TenantState): StoredState {
  const body: Body = {
    config: s.config?.config ?? null,
    lastAt: s.lastAt,
    taskCount: s.taskCount,
    loginCount: s.loginCount,
    agents: [...s.agents.values()],
    devices: [...s.devices],
    tasks: [...s.tasks.values()],
    queueStats: [...s.queueStats],
    timers: s.timers.list(),
    closedWork: [...s.closedWork],
  };
  return { format: STORED_STATE_FORMAT, version: STORED_STATE_VERSION, body: toJsonSafe(body) };
}

/** The state `toStored` was given, indexes and timers included; shares nothing with `stored`. */
export function fromStored(stored: StoredState): TenantState {
  check(stored);
  const body = fromJsonSafe(stored.body) as Body;
  const s = initialState();
  s.config = body.config === null ? null : lookupConfig(body.config);
  s.lastAt = body.lastAt;
  s.taskCount = body.taskCount;
  s.loginCount = body.loginCount;
  for (const agent of body.agents) s.agents.set(agent.id, agent);
  for (const [key, agentId] of body.devices) s.devices.set(key, agentId);
  for (const task of body.tasks) s.tasks.set(task.id, task);
  for (const [queueId, stats] of body.queueStats) s.queueStats.set(queueId, stats);
  for (const [agentId, newest] of body.closedWork) s.closedWork.set(agentId, newest);
  // The indexes follow from the records, as the invariants check (checkReadyIndex, checkWaitingIndex).
  for (const agent of s.agents.values()) refile(s, agent);
  for (const task of s.tasks.values()) if (task.status === "queued") s.waiting.add(task);
  for (const t of body.timers)
    if (t.taskId === null) s.timers.setForAgent(t.kind, t.agentId, t.at);
    else s.timers.set(t.kind, t.taskId, t.at, t.agentId);
  return s;
}

function check(stored: unknown): asserts stored is StoredState {
  const { format, version } = (
    typeof stored === "object" && stored !== null ? stored : {}
  ) as Partial<StoredState>;
  if (format !== STORED_STATE_FORMAT)
    throw new UnsupportedSnapshotError(
      `not a stored tenant state: format ${JSON.stringify(format)}, expected "${STORED_STATE_FORMAT}"`,
      version,
    );
  if (version !== STORED_STATE_VERSION)
    throw new UnsupportedSnapshotError(
      `stored tenant state is version ${JSON.stringify(version)}; this engine reads version ${STORED_STATE_VERSION} only — replay the event log instead`,
      version,
    );
}
