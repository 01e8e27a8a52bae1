import type { AgentId } from "../../shared/ids.ts";
import type { Instant } from "../../shared/time.ts";
import type { ExternalPresence, PresenceSource } from "./state.ts";

/** The host's feed: the agent's presence changed in the CRM or collaboration tool (FED-1, FED-2). */
export interface ExternalPresenceChanged {
  readonly type: "ExternalPresenceChanged";
  readonly agentId: AgentId;
  readonly presence: ExternalPresence;
  readonly source: PresenceSource;
  /** When the tool saw the change; the feed may deliver it seconds later (FED-4). */
  readonly observedAt: Instant;
}

export type FederationCommand = ExternalPresenceChanged;
