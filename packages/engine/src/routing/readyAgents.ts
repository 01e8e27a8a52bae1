import { OrderedSet } from "js-sdsl";
import type { AgentState } from "../agents/state.ts";
import { CHANNELS, type Channel, type PerChannel } from "../shared/channels.ts";
import type { AgentId, TeamId } from "../shared/ids.ts";
import type { Instant } from "../shared/time.ts";

/** An agent's place in line for one channel: the longest ready comes first. */
export interface ReadyKey {
  readonly at: Instant;
  readonly id: AgentId;
}

const compare = (a: ReadyKey, b: ReadyKey): number => a.at - b.at || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
const emptyLines = (): Record<Channel, OrderedSet<ReadyKey>> => ({
  voice: new OrderedSet<ReadyKey>([], compare),
  chat: new OrderedSet<ReadyKey>([], compare),
  email: new OrderedSet<ReadyKey>([], compare),
  social: new OrderedSet<ReadyKey>([], compare),
});

/**
 * Available agents with free capacity, per team and channel, longest ready first (RTE-1).
 * Kept in step with agent state by evolve, so a routing decision reads the head of an ordered
 * set instead of scanning every agent.
 */
export class ReadyAgents {
  /** Per team, one line per channel: no key is built on the hot path. */
  private readonly lines = new Map<TeamId, Record<Channel, OrderedSet<ReadyKey>>>();
  private readonly placed = new Map<AgentId, { teamId: TeamId; keys: Partial<Record<Channel, ReadyKey>> }>();

  /** Re-files the agent after any change to its presence, load or capacity. */
  update(agent: AgentState, capacity: PerChannel<number>): void {
    let entry = this.placed.get(agent.id);
    if (!entry) {
      entry = { teamId: agent.station.teamId, keys: {} };
      this.placed.set(agent.id, entry);
    }
    for (const channel of CHANNELS) {
      const want =
        agent.presence.type === "available" &&
        agent.pending?.type !== "logged_out" &&
        agent.load[channel] < capacity[channel];
      const old = entry.keys[channel];
      const at = Math.max(agent.presence.since, agent.lastWorkAt[channel]);
      if (old && (!want || old.at !== at)) {
        this.line(entry.teamId, channel).eraseElementByKey(old);
        // Not `delete`: that would turn `keys` into a slow dictionary object for good.
        entry.keys[channel] = undefined;
      }
      if (want && !entry.keys[channel]) {
        const key = { at, id: agent.id };
        this.line(entry.teamId, channel).insert(key);
        entry.keys[channel] = key;
      }
    }
  }

  remove(agentId: AgentId): void {
    const entry = this.placed.get(agentId);
    if (!entry) return;
    for (const channel of CHANNELS) {
      const key = entry.keys[channel];
      if (key) this.line(entry.teamId, channel).eraseElementByKey(key);
    }
    this.placed.delete(agentId);
  }

  isReady(agentId: AgentId, channel: Channel): boolean {
    return this.placed.get(agentId)?.keys[channel] !== undefined;
  }

  /**
   * The longest-ready agent of a team on a channel that `skip` does not rule out. `skip` takes a
   * context rather than closing over one, so the routing hot path allocates no function per call.
   */
  first<C>(
    teamId: TeamId,
    channel: Channel,
    skip?: (id: AgentId, context: C) => boolean,
    context?: C,
  ): ReadyKey | undefined {
    const line = this.lines.get(teamId)?.[channel];
    if (!line) return undefined;
    if (!skip) return line.front();
    // Walks the tree: iterating the OrderedSet itself would copy the whole line first.
    for (const it = line.begin(), end = line.end(); !it.equals(end); it.next())
      if (!skip(it.pointer.id, context as C)) return it.pointer;
    return undefined;
  }

  /** Every line in order, for snapshots and invariant checks. */
  dump(): Record<string, AgentId[]> {
    const out: Record<string, AgentId[]> = {};
    const names = [...this.lines].flatMap(([teamId, lines]) =>
      CHANNELS.map((channel) => [`${teamId}/${channel}`, lines[channel]] as const),
    );
    for (const [name, line] of names.sort(([a], [b]) => (a < b ? -1 : 1))) {
      if (line.size() > 0) out[name] = [...line].map((k) => k.id);
    }
    return out;
  }

  private line(teamId: TeamId, channel: Channel): OrderedSet<ReadyKey> {
    let lines = this.lines.get(teamId);
    if (!lines) {
      lines = emptyLines();
      this.lines.set(teamId, lines);
    }
    return lines[channel];
  }
}

export const compareReady = compare;
