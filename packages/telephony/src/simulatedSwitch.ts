import type { AgentId, Instant, Station, TaskId, TenantEvent } from "@parley/engine";
import type { SwitchCommand, TelephonyPort } from "./port.ts";
import { type PartyId, SwitchCalls, type SwitchLeg } from "./switchCalls.ts";
import { type SimulatedSwitchOptions, SwitchBehaviour } from "./switchOptions.ts";
import { Timeline } from "./timeline.ts";

const OFFER_OUTCOMES: ReadonlySet<SwitchCommand["type"]> = new Set([
  "ConfirmOfferDelivered",
  "AcceptTask",
  "ReportOfferFailed",
]);
const SETUP_OUTCOMES: ReadonlySet<SwitchCommand["type"]> = new Set(["LegAnswered", "LegFailed"]);

const aboutLeg = (c: SwitchCommand, taskId: TaskId, partyId: PartyId): boolean =>
  c.taskId === taskId && "partyId" in c && c.partyId === partyId;

/**
 * A switch for the demo, tests and benchmarks: pure and deterministic. It rings agents' devices
 * and dials numbers when the engine asks, and reports the far end's answer, failure or hang-up
 * after delays set in its options — outcomes come from configuration, never from chance, and
 * time only from the `now` it is given. Callers hanging up are the simulator's business, not its.
 *
 * @example
 * const sw = new SimulatedSwitch({ agentAnswer: { afterMs: 2000 }, numbers: { "5550100": { outcome: "busy" } } });
 * for (const e of engine.execute(cmd, now).events) sw.handle(e, now);
 * for (const c of sw.due(later)) engine.execute(c, later);
 */
export class SimulatedSwitch implements TelephonyPort {
  private readonly behaviour: SwitchBehaviour;
  private readonly stations = new Map<AgentId, Station>();
  private readonly calls = new SwitchCalls();
  private readonly timeline = new Timeline();

  constructor(options: SimulatedSwitchOptions = {}) {
    this.behaviour = new SwitchBehaviour(options);
  }

  handle(event: TenantEvent, now: Instant): void {
    switch (event.type) {
      case "agent.logged_in":
        this.stations.set(event.agentId, event.station);
        return;
      case "agent.logged_out":
        this.stations.delete(event.agentId);
        return;
      case "task.received":
        if (event.channel === "voice") this.calls.open(event.taskId);
        return;
      case "task.outdial_placed":
      // A callback is a call whose customer the switch dials once an agent takes it (CB-3).
      case "callback.created":
        this.calls.open(event.taskId);
        return;
      case "offer.created":
        if (this.calls.knows(event.taskId)) this.ringForOffer(event.taskId, event.agentId, now);
        return;
      case "offer.delivered":
        this.timeline.drop((c) => c.taskId === event.taskId && c.type === "ConfirmOfferDelivered");
        return;
      case "offer.timed_out":
      case "offer.failed":
      case "offer.declined":
      case "task.assigned":
        this.timeline.drop((c) => c.taskId === event.taskId && OFFER_OUTCOMES.has(c.type));
        return;
      case "participant.joined": {
        const leg = this.calls.join(event.taskId, event.party);
        if (leg?.status === "alerting") this.ring(event.taskId, leg, now);
        return;
      }
      case "participant.leg_changed":
        this.legChanged(event, now);
        return;
      case "participant.left":
        this.calls.hangUp(event.taskId, event.partyId);
        this.timeline.drop((c) => aboutLeg(c, event.taskId, event.partyId));
        return;
      case "task.transferred":
        // A blind transfer to an agent is an offer the switch rings like any other (XFR-1).
        if (event.to.kind === "agent") this.ringForOffer(event.taskId, event.to.agentId, now);
        // To a number the call leaves the contact center: the switch puts the customer through to
        // it and forgets the call; the customer's `participant.left` (transferred) after this is a record.
        if (event.to.kind === "dial_number") this.forget(event.taskId);
        return;
      case "task.ended":
      case "task.canceled":
        this.forget(event.taskId);
        return;
      default:
        return;
    }
  }

  due(now: Instant): SwitchCommand[] {
    return this.timeline.takeDue(now);
  }

  nextDueAt(): Instant | null {
    return this.timeline.nextAt();
  }

  /** The legs the switch holds up for a call, for hosts and tests to look at. */
  legs(taskId: TaskId): SwitchLeg[] {
    return this.calls.legs(taskId);
  }

  /** The contact center is done with the call: nothing the far end does matters to it now. */
  private forget(taskId: TaskId): void {
    this.calls.close(taskId);
    this.timeline.drop((c) => c.taskId === taskId);
  }

  /** The offered call rings the agent's device; it rings, fails, or is picked up by the device. */
  private ringForOffer(taskId: TaskId, agentId: AgentId, now: Instant): void {
    const at = now + this.behaviour.ringDelayMs;
    const station = this.stations.get(agentId);
    if (this.behaviour.isUnreachable(agentId) || !station) {
      const cause = station ? "DEVICE_UNREACHABLE" : "INVALID_ADDRESS";
      this.timeline.add(at, { type: "ReportOfferFailed", taskId, agentId, cause });
      return;
    }
    this.timeline.add(at, { type: "ConfirmOfferDelivered", taskId, agentId });
    const pickUp = this.behaviour.pickUpAfter(station);
    if (pickUp !== null) this.timeline.add(at + pickUp, { type: "AcceptTask", taskId, agentId });
  }

  /** An alerting leg: ring the agent's device or dial the number, and schedule what the far end does. */
  private ring(taskId: TaskId, leg: SwitchLeg, now: Instant): void {
    const partyId = leg.partyId;
    if (leg.kind === "agent" && leg.agentId !== null) {
      const at = now + this.behaviour.ringDelayMs;
      const station = this.stations.get(leg.agentId);
      if (this.behaviour.isUnreachable(leg.agentId) || !station) {
        const cause = station ? "device_fault" : "unreachable";
        this.timeline.add(at, { type: "LegFailed", taskId, partyId, cause });
        return;
      }
      const pickUp = this.behaviour.pickUpAfter(station);
      if (pickUp !== null) this.timeline.add(at + pickUp, { type: "LegAnswered", taskId, partyId });
      return;
    }
    if (leg.number === null) {
      this.timeline.add(now, { type: "LegFailed", taskId, partyId, cause: "invalid_number" });
      return;
    }
    const dialled = this.behaviour.dial(leg.number);
    const at = now + dialled.afterMs;
    if (dialled.outcome !== "answer") {
      this.timeline.add(at, { type: "LegFailed", taskId, partyId, cause: dialled.outcome });
      return;
    }
    this.timeline.add(at, { type: "LegAnswered", taskId, partyId });
    if (dialled.hangUpAfterMs !== undefined)
      this.timeline.add(at + dialled.hangUpAfterMs, { type: "LegHungUp", taskId, partyId });
  }

  private legChanged(event: Extract<TenantEvent, { type: "participant.leg_changed" }>, now: Instant): void {
    const { taskId, partyId, leg } = event;
    if (leg.status === "dropped" || leg.status === "failed") {
      this.calls.hangUp(taskId, partyId);
      this.timeline.drop((c) => aboutLeg(c, taskId, partyId));
      return;
    }
    const moved = this.calls.change(taskId, partyId, leg.status, event.bridge);
    if (!moved || moved.before.status === moved.after.status) return;
    // Answered from the desktop (or by us): a pending answer or failure is moot; a hang-up is not.
    if (moved.before.status === "alerting")
      this.timeline.drop((c) => aboutLeg(c, taskId, partyId) && SETUP_OUTCOMES.has(c.type));
    if (moved.after.status === "alerting") this.ring(taskId, moved.after, now);
  }
}
