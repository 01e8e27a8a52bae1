import { isConnectionEvent } from "../agents/connection/events.ts";
import { evolveConnection } from "../agents/connection/evolve.ts";
import type { AgentEvent } from "../agents/events.ts";
import { evolveAgent } from "../agents/evolve.ts";
import { isFederationEvent } from "../agents/federation/events.ts";
import { evolveFederation } from "../agents/federation/evolve.ts";
import { refile } from "../agents/refile.ts";
import { isCallbackEvent } from "../callbacks/events.ts";
import { evolveCallback } from "../callbacks/evolve.ts";
import { lookupConfig } from "../config/lookup.ts";
import { isDigitalEvent } from "../digital/events.ts";
import { evolveDigital } from "../digital/evolve.ts";
import { evolveTask } from "../tasks/evolve.ts";
import { isVoiceEvent } from "../voice/events.ts";
import { evolveVoice } from "../voice/evolve.ts";
import type { TenantEvent } from "./messages.ts";
import type { TenantState } from "./state.ts";

/** Applies one event to the state, in place. Total: an event never fails to apply. */
export function evolve(state: TenantState, e: TenantEvent): TenantState {
  state.lastAt = Math.max(state.lastAt, e.at);
  if (e.type === "tenant.configured") {
    state.config = lookupConfig(e.config);
    // Capacities may have changed: every agent's place in line is recomputed.
    for (const agent of state.agents.values()) refile(state, agent);
  } else if (isConnectionEvent(e)) {
    evolveConnection(state, e);
  } else if (isAgentEvent(e)) {
    evolveAgent(state, e);
  } else if (isFederationEvent(e)) {
    evolveFederation(state, e);
  } else if (isCallbackEvent(e)) {
    evolveCallback(state, e);
  } else if (isDigitalEvent(e)) {
    evolveDigital(state, e);
  } else if (isVoiceEvent(e)) {
    evolveVoice(state, e);
  } else {
    evolveTask(state, e);
  }
  return state;
}

const isAgentEvent = (e: TenantEvent): e is AgentEvent => e.type.startsWith("agent.");
