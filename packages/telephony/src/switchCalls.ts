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

/**
 * The switch-side view of every voice call it knows: which legs are up, and in what state. Built only from the engine's events; the switch's own reports change it only once the
 * engine has turned them into events.
 */
export class SwitchCalls {
  private readonly calls = new Map<TaskId, Map<PartyId, SwitchLeg>>();

  open(taskId: TaskId): void {
    if (!this.calls.has(taskId)) this.calls.set(taskId, new Map());
  }

  close(taskId: TaskId): void {
    this.calls.delete(taskId);
  }

  /** A voice call the switch follows (an inbound call or an outdial). */
  knows(taskId: TaskId): boolean {
    return this.calls.has(taskId);
  }

  join(taskId: TaskId, party: Party): SwitchLeg | null {
    const legs = this.calls.get(taskId);
    if (
      !legs ||
      (party.leg.status !== "alerting" && party.leg.status !== "connected" && party.leg.status !== "held")
    )
      return null;
    const leg: SwitchLeg = {
      partyId: party.id,
      kind: party.kind,
      agentId: party.agentId,
      number: party.number,
      bridge: party.bridge,
      status: party.leg.status,
    };
    legs.set(party.id, leg);
    return leg;
  }

  /** Moves a leg to a new state (and bridge); returns it before and after, or null if unknown. */
  change(
    taskId: TaskId,
    partyId: PartyId,
    status: SwitchLeg["status"],
    bridge: Party["bridge"] | null,
  ): { before: SwitchLeg; after: SwitchLeg } | null {
    const legs = this.calls.get(taskId);
    const before = legs?.get(partyId);
    if (!legs || !before) return null;
    const after: SwitchLeg = { ...before, status, bridge: bridge ?? before.bridge };
    legs.set(partyId, after);
    return { before, after };
  }

  hangUp(taskId: TaskId, partyId: PartyId): void {
    this.calls.get(taskId)?.delete(partyId);
  }

  legs(taskId: TaskId): SwitchLeg[] {
    return [...(this.calls.get(taskId)?.values() ?? [])];
  }
}
