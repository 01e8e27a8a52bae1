import { SYSTEM } from "../shared/actor.ts";
import type { TaskId } from "../shared/ids.ts";
import type { Instant } from "../shared/time.ts";
import type { AgentEvent } from "./events.ts";
import { type AgentState, presenceValue, samePresence } from "./state.ts";

/**
 * When the task that ends is the agent's last, the pending state chosen while engaged applies.
 * Returns the events to add after the task's own. A pending logout keeps new offers away
 * (see ReadyAgents), so none can be open when it applies.
 */
export function applyPendingAfter(agent: AgentState, endingTask: TaskId | null, now: Instant): AgentEvent[] {
  const pending = agent.pending;
  if (!pending || agent.tasks.some((t) => t !== endingTask)) return [];
  // A logout waits for open offers too (a pending logout keeps new ones away).
  if (pending.type === "logged_out" && agent.offers.length > 0) return [];
  const from = presenceValue(agent.presence);
  // The agent chose it earlier; the system only carries it out.
  const actor = { kind: "agent", id: agent.id } as const;
  if (pending.type === "logged_out") {
    return [
      {
        type: "agent.logged_out",
        at: now,
        agentId: agent.id,
        from,
        cause: "pending_applied",
        // A logout the system deferred (CON-1, CON-6) stays the system's, with its reason code.
        reasonCode: pending.reasonCode ?? null,
        actor: pending.reasonCode === undefined ? actor : SYSTEM,
      },
    ];
  }
  if (samePresence(from, pending))
    return [{ type: "agent.pending_state.set", at: now, agentId: agent.id, pending: null }];
  return [
    {
      type: "agent.state.changed",
      at: now,
      agentId: agent.id,
      from,
      to: pending,
      cause: "pending_applied",
      reasonCode: null,
      actor,
    },
  ];
}
