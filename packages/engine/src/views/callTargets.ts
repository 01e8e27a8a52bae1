import type { AgentId, EntryPointId, QueueId, TaskId, TeamId } from "../shared/ids.ts";
import { engagementOf } from "../tasks/state.ts";
import type { TenantState } from "../tenant/state.ts";
import { type AddressBookEntry, filterAddressBook } from "../voice/addressBook.ts";

export interface AgentTarget {
  readonly agentId: AgentId;
  readonly name: string;
  readonly teamId: TeamId;
  /** Drives the coloured state icon. */
  readonly state: "available" | "idle";
}

export interface CallTargets {
  readonly agents: readonly AgentTarget[];
  readonly queues: readonly { readonly id: QueueId; readonly name: string }[];
  readonly entryPoints: readonly {
    readonly id: EntryPointId;
    readonly name: string;
    readonly dialNumber?: string;
  }[];
  readonly addressBook: readonly AddressBookEntry[];
}

/**
 * Who an agent can consult or transfer a call to, filtered by what the agent typed. Consults
 * list Available and Idle agents (CNS-2); transfers only Available agents with a free voice line,
 * so nobody in wrap-up (XFR-2). Reloading is asking again. Implements CNS-2, XFR-2, DIAL-4.
 */
export function callTargets(
  s: TenantState,
  purpose: "consult" | "transfer",
  ask: { readonly agentId: AgentId; readonly taskId?: TaskId; readonly search?: string },
): CallTargets {
  const config = s.config;
  if (!config) return { agents: [], queues: [], entryPoints: [], addressBook: [] };
  const query = (ask.search ?? "").trim().toLocaleLowerCase();
  const matches = (name: string) => query === "" || name.toLocaleLowerCase().includes(query);
  const task = ask.taskId === undefined ? undefined : s.tasks.get(ask.taskId);
  const agents: AgentTarget[] = [];
  for (const agent of s.agents.values()) {
    if (agent.id === ask.agentId || (task && engagementOf(task, agent.id))) continue;
    const name = config.users.get(agent.id)?.name ?? agent.id;
    if (!matches(name)) continue;
    const capacity = config.profiles.get(agent.profileId)?.capacity.voice ?? 0;
    const free = agent.load.voice < capacity;
    const state = agent.presence.type;
    if (state === "rona" || !free) continue;
    if (purpose === "transfer" && (state !== "available" || agent.pending?.type === "logged_out")) continue;
    agents.push({ agentId: agent.id, name, teamId: agent.station.teamId, state });
  }
  agents.sort((a, b) => a.name.localeCompare(b.name));
  return {
    agents,
    queues: config.config.queues
      .filter((q) => q.channel === "voice" && matches(q.name))
      .map(({ id, name }) => ({ id, name })),
    entryPoints: config.config.entryPoints
      .filter((e) => e.channel === "voice" && e.kind === "inbound" && e.active && matches(e.name))
      .map(({ id, name, dialNumber }) => (dialNumber ? { id, name, dialNumber } : { id, name })),
    addressBook: filterAddressBook(config.config.addressBook ?? [], ask.search ?? ""),
  };
}
