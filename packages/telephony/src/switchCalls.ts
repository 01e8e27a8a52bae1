import type { AgentId, TaskId, TenantEvent } from "@parley/engine";

type Joined = Extract<TenantEvent, { type: "participant.joined" }>;
export type Party = Joined["party"];
export type PartyId = Party["id"];

/** One leg as the switch sees it: a line that rings, talks or is held. Gone legs are removed. */
export interface SwitchLeg {
  readonly partyId: PartyId;
  readonly kind: Party["kind"];
  readonly agentId: AgentId | null;
  readonly number: string | null;
  readonly bridge: Party["bridge"];
  readonly status: "alerting" | "connected" | "held";
}

interface SwitchCall {
  /** The agent whose device rings for the offered call; null once the offer is over. */
  offeredTo: AgentId | null;
  readonly legs: Map<PartyId, SwitchLeg>;
}

/**
 * The switch-side view of every voice call it knows: who is being offered it and which legs are
 * up. Built only from the engine's events; the switch's own reports change it only once the
 * engine has turned them into events.
 */
export class SwitchCalls {
  private readonly calls = new Map<TaskId, SwitchCall>();

  open(taskId: TaskId): void {
    if (!this.calls.has(taskId)) this.calls.set(taskId, { offeredTo: null, legs: new Map() });
  }

  close(taskId: TaskId): void {
    this.calls.delete(taskId);
  }

  isVoice(taskId: TaskId): boolean {
    return this.calls.has(taskId);
  }

  offer(taskId: TaskId, agentId: AgentId | null): void {
    const call = this.calls.get(taskId);
    if (call) call.offeredTo = agentId;
  }

  offeredTo(taskId: TaskId): AgentId | null {
    return this.calls.get(taskId)?.offeredTo ?? null;
  }

  join(taskId: TaskId, party: Party): SwitchLeg | null {
    const call = this.calls.get(taskId);
    if (!call || (party.leg.status !== "alerting" && party.leg.status !== "connected" && party.leg.status !== "held"))
      return null;
    const leg: SwitchLeg = {
      partyId: party.id,
      kind: party.kind,
      agentId: party.agentId,
      number: party.number,
      bridge: party.bridge,
      status: party.leg.status,
    };
    call.legs.set(party.id, leg);
    return leg;
  }

  /** Moves a leg to a new state (and bridge); returns it before and after, or null if unknown. */
  change(
    taskId: TaskId,
    partyId: PartyId,
    status: SwitchLeg["status"],
    bridge: Party["bridge"] | null,
  ): { before: SwitchLeg; after: SwitchLeg } | null {
    const legs = this.calls.get(taskId)?.legs;
    const before = legs?.get(partyId);
    if (!legs || !before) return null;
    const after: SwitchLeg = { ...before, status, bridge: bridge ?? before.bridge };
    legs.set(partyId, after);
    return { before, after };
  }

  hangUp(taskId: TaskId, partyId: PartyId): void {
    this.calls.get(taskId)?.legs.delete(partyId);
  }

  legs(taskId: TaskId): SwitchLeg[] {
    return [...(this.calls.get(taskId)?.legs.values() ?? [])];
  }
}
