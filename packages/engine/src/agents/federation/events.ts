import type { AgentId, TaskId } from "../../shared/ids.ts";
import type { Duration, Instant } from "../../shared/time.ts";
import type { ExternalPresence, PresenceRequest, PresenceSource } from "./state.ts";

/**
 * An external presence taken in (FED-4). A state change it causes (FED-1) is its own
 * `agent.state.changed` with cause `presence_federation`, right after it.
 */
export interface ExternalPresenceObserved {
  readonly type: "presence.external_observed";
  readonly at: Instant;
  readonly agentId: AgentId;
  readonly presence: ExternalPresence;
  readonly source: PresenceSource;
  readonly observedAt: Instant;
  /** `at − observedAt`, never negative. */
  readonly lag: Duration;
  /** What this report does to Parley's pending request (FED-3), if there is one it settles. */
  readonly request: Exclude<PresenceRequest["outcome"], "pending"> | null;
}

/**
 * FED-3: Parley asks the host to set the agent's external presence, because a call became active.
 * The only direction in which Parley changes external presence.
 */
export interface ExternalPresenceRequested {
  readonly type: "presence.external_requested";
  readonly at: Instant;
  readonly agentId: AgentId;
  readonly status: ExternalPresence;
  /** The call that became active. */
  readonly taskId: TaskId;
}

export type FederationEvent = ExternalPresenceObserved | ExternalPresenceRequested;

const FEDERATION_EVENT_TYPES: ReadonlySet<string> = new Set<FederationEvent["type"]>([
  "presence.external_observed",
  "presence.external_requested",
]);

export const isFederationEvent = (e: { readonly type: string }): e is FederationEvent =>
  FEDERATION_EVENT_TYPES.has(e.type);
