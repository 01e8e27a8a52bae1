import type { Expert } from "../config/types.ts";
import type { AgentId, EntryPointId, QueueId, TaskId, TeamId } from "../shared/ids.ts";
import { engagementOf } from "../tasks/state.ts";
import type { TenantState } from "../tenant/state.ts";
import { type AddressBookEntry, filterAddressBook } from "../voice/addressBook.ts";
import { searchDirectory } from "../voice/directory.ts";

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
  /** CNS-13: the organization directory's callable experts; for a consult only. */
  readonly directory?: readonly DirectoryTarget[];
}

/** An expert a consult can dial: the directory entry without the e-mail address. */
export interface DirectoryTarget {
  readonly id: string;
  readonly name: string;
  readonly role?: string;
  readonly department?: string;
  readonly workPhone: string;
  /** As the collaboration tool last reported it; it may lag, asking again reads it again. */
  readonly presence?: "available" | "busy" | "away" | "offline" | "unknown";
}

/**
 * Who an agent can consult or transfer a call to, filtered by what the agent typed. Consults
 * list Available and Idle agents (CNS-2) and the organization directory's experts with a work
 * phone, searched by name, role, department or full number (CNS-13); transfers only Available
 * agents with a free voice line, so nobody in wrap-up (XFR-2), and never the directory. Reloading
 * is asking again. Implements CNS-2, CNS-13, XFR-2, DIAL-4.
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
    ...(purpose === "consult"
      ? { directory: searchDirectory(config.config.directory ?? [], ask.search ?? "").map(directoryTarget) }
      : {}),
  };
}

const directoryTarget = ({ id, name, role, department, workPhone, presence }: Expert): DirectoryTarget => ({
  id,
  name,
  ...(role ? { role } : {}),
  ...(department ? { department } : {}),
  workPhone: workPhone ?? "",
  ...(presence ? { presence } : {}),
});
