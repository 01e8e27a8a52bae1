import type { AgentId, TenantEvent } from "@parley/engine";
import type { SwitchCommand, TelephonyPort } from "../port.ts";
import { SimulatedSwitch } from "../simulatedSwitch.ts";
import type { SimulatedSwitchOptions } from "../switchOptions.ts";
import {
  type ActorClock,
  type ChannelRequest,
  type ChannelSend,
  type DeliveredEvent,
  SendQueue,
  SYSTEM_CLOCK,
  Timers,
} from "./channel.ts";

export interface SwitchActorOptions {
  readonly send: ChannelSend;
  /** The switch behind the adapter; a `SimulatedSwitch` with `simulated` options unless given. */
  readonly port?: TelephonyPort;
  readonly simulated?: SimulatedSwitchOptions;
  readonly clock?: ActorClock;
  /** A report the server refused (the leg was already gone, …): nothing to do but know. */
  readonly onRefused?: (request: ChannelRequest, error: unknown) => void;
}

export interface SwitchActorStats {
  /** Reports sent, by operation. */
  readonly sent: Readonly<Record<string, number>>;
  readonly refused: number;
}

/**
 * A switch adapter at run time: it hears the engine's events on an administrator's event socket,
 * hands them to a telephony port (the simulated switch: ring devices, dial numbers with answer
 * delays, busy, no answer, unreachable, far-end hang-ups) and, on the wall clock, sends what the
 * far end did back through the channel API — `legAnswered`, `legFailed`, `legHungUp`,
 * `offerFailed`, `customerLeft` — exactly the calls a real SIP or PBX adapter makes.
 *
 * Two of the port's reports are not the adapter's to make over the API: `ConfirmOfferDelivered`
 * and `AcceptTask` are the desktop's (a browser softphone rings in the desktop, which confirms and
 * answers itself). And the switch knows agents' devices only from the logins it saw: for an agent
 * who logged in before the adapter started it reports no device failure, as a browser softphone
 * it cannot see would not fail either.
 *
 * @example
 * const sw = new SwitchActor({ send, simulated: { numbers: { "+46 8 555 0100": { outcome: "busy" } } } });
 * new EventSocket({ baseUrl, token: adminToken, onEvent: (e) => sw.handle(e) });
 */
export class SwitchActor {
  private readonly port: TelephonyPort;
  private readonly clock: ActorClock;
  private readonly timers: Timers;
  private readonly queue: SendQueue;
  private readonly stations = new Set<AgentId>();
  /** taskId → partyId → agent, for the agent legs of calls. */
  private readonly agentLegs = new Map<string, Map<string, string>>();
  private wake: unknown = null;
  private stopped = false;
  private readonly sent: Record<string, number> = {};
  private refused = 0;

  constructor(options: SwitchActorOptions) {
    this.port = options.port ?? new SimulatedSwitch(options.simulated ?? {});
    this.clock = options.clock ?? SYSTEM_CLOCK;
    this.timers = new Timers(this.clock);
    this.queue = new SendQueue(options.send, (request, error) => {
      this.refused++;
      options.onRefused?.(request, error);
    });
  }

  /** One event from the socket, in order. */
  handle(delivered: DeliveredEvent): void {
    if (this.stopped) return;
    const event = delivered.data as TenantEvent;
    this.learn(event);
    const now = this.clock.now();
    this.port.handle(event, now);
    this.schedule();
  }

  stats(): SwitchActorStats {
    return { sent: { ...this.sent }, refused: this.refused };
  }

  /** Stops reporting; resolves once the reports already sent have been answered. */
  async stop(): Promise<void> {
    this.stopped = true;
    this.timers.clear();
    await this.queue.drained();
  }

  private learn(event: TenantEvent): void {
    switch (event.type) {
      case "agent.logged_in":
        this.stations.add(event.agentId);
        return;
      case "agent.logged_out":
        this.stations.delete(event.agentId);
        return;
      case "participant.joined":
        if (event.party.agentId !== null) {
          const legs = this.agentLegs.get(event.taskId) ?? new Map<string, string>();
          legs.set(event.party.id, event.party.agentId);
          this.agentLegs.set(event.taskId, legs);
        }
        return;
      case "task.ended":
      case "task.canceled":
        this.agentLegs.delete(event.taskId);
        return;
      default:
        return;
    }
  }

  /** Comes back when the port next has something to report. */
  private schedule(): void {
    this.timers.cancel(this.wake);
    this.wake = null;
    const at = this.port.nextDueAt();
    if (at === null || this.stopped) return;
    this.wake = this.timers.after(at - this.clock.now(), () => {
      this.wake = null;
      this.report();
    });
  }

  private report(): void {
    if (this.stopped) return;
    for (const command of this.port.due(this.clock.now())) {
      const request = this.requestOf(command);
      if (!request) continue;
      this.sent[request.op] = (this.sent[request.op] ?? 0) + 1;
      void this.queue.push(request);
    }
    this.schedule();
  }

  /** The channel API call for a far-end fact, or null when it is not the adapter's to report. */
  private requestOf(c: SwitchCommand): ChannelRequest | null {
    switch (c.type) {
      case "ConfirmOfferDelivered":
      case "AcceptTask":
        return null;
      case "ReportOfferFailed":
        if (c.cause === "INVALID_ADDRESS" && !this.stations.has(c.agentId)) return null;
        return {
          op: "offerFailed",
          params: { taskId: c.taskId },
          body: { agentId: c.agentId, cause: c.cause },
        };
      case "LegAnswered":
        return { op: "legAnswered", params: { taskId: c.taskId, partyId: c.partyId }, body: {} };
      case "LegFailed": {
        const agent = this.agentLegs.get(c.taskId)?.get(c.partyId);
        if (c.cause === "unreachable" && agent !== undefined && !this.stations.has(agent as AgentId))
          return null;
        return {
          op: "legFailed",
          params: { taskId: c.taskId, partyId: c.partyId },
          body: { cause: c.cause },
        };
      }
      case "LegHungUp":
        return { op: "legHungUp", params: { taskId: c.taskId, partyId: c.partyId }, body: {} };
      case "CustomerLeft":
        return { op: "customerLeft", params: { taskId: c.taskId }, body: {} };
    }
  }
}
