import {
  type Command,
  Engine,
  fromPlain,
  type Plain,
  type TenantConfig,
  type TenantEvent,
} from "@parley/engine";
import type { ActorClock, ChannelRequest, ChannelSend, DeliveredEvent } from "./channel.ts";

/** A wall clock for tests: timers fire only when the test advances it. */
export class ManualClock implements ActorClock {
  private t: number;
  private seq = 0;
  private readonly timers = new Map<number, { at: number; run: () => void }>();

  constructor(start: number) {
    this.t = start;
  }

  now(): number {
    return this.t;
  }

  setTimeout(run: () => void, ms: number): unknown {
    const id = ++this.seq;
    this.timers.set(id, { at: this.t + Math.max(0, ms), run });
    return id;
  }

  clearTimeout(handle: unknown): void {
    this.timers.delete(handle as number);
  }

  /** Moves time forward, firing each timer at its instant (in order) and letting replies settle. */
  async advance(ms: number): Promise<void> {
    const until = this.t + ms;
    for (;;) {
      await settle();
      const next = [...this.timers.entries()].sort((a, b) => a[1].at - b[1].at || a[0] - b[0])[0];
      if (!next || next[1].at > until) break;
      this.timers.delete(next[0]);
      this.t = next[1].at;
      next[1].run();
    }
    this.t = until;
    await settle();
  }

  get pending(): number {
    return this.timers.size;
  }
}

/** Lets chained promises (requests and their answers) run to the end. */
export async function settle(): Promise<void> {
  for (let i = 0; i < 20; i++) await new Promise<void>((r) => setImmediate(r));
}

/** The engine command a channel request stands for, as the server's handlers make it. */
function commandOf(r: ChannelRequest): Plain<Command> {
  switch (r.op) {
    case "receiveContact":
      return { type: "ReceiveTask", ...r.body, taskId: r.body.taskId ?? "t?" } as Plain<Command>;
    case "customerMessage":
      return { type: "CustomerMessage", taskId: r.params.taskId, ...r.body } as Plain<Command>;
    case "customerLeft":
      return { type: "CustomerLeft", taskId: r.params.taskId } as Plain<Command>;
    case "offerFailed":
      return { type: "ReportOfferFailed", taskId: r.params.taskId, ...r.body } as Plain<Command>;
    case "legAnswered":
      return { type: "LegAnswered", ...r.params } as Plain<Command>;
    case "legFailed":
      return { type: "LegFailed", ...r.params, ...r.body } as Plain<Command>;
    case "legHungUp":
      return { type: "LegHungUp", ...r.params } as Plain<Command>;
    case "requestWebCallback":
      return { type: "RequestWebCallback", ...r.body, taskId: r.body.taskId ?? "t?" } as Plain<Command>;
  }
}

/**
 * The server in miniature for actor tests: an engine that executes what actors send over the
 * channel API (and what the test does as a desktop), and hands every event to the actors, as an
 * administrator's socket would.
 */
export class TestLoop {
  readonly engine = new Engine();
  readonly log: TenantEvent[] = [];
  readonly sent: ChannelRequest[] = [];
  readonly refused: { request: ChannelRequest; code: string }[] = [];
  private readonly listeners: ((e: DeliveredEvent) => void)[] = [];

  constructor(
    readonly clock: ManualClock,
    config: TenantConfig,
  ) {
    this.desk({ type: "ConfigureTenant", config: config as unknown as Plain<TenantConfig> });
  }

  listen(handle: (e: DeliveredEvent) => void): void {
    this.listeners.push(handle);
  }

  readonly send: ChannelSend = async (request) => {
    this.sent.push(request);
    const d = this.engine.execute(fromPlain<Command>(commandOf(request)), this.clock.now());
    if (!d.ok) {
      this.refused.push({ request, code: d.code });
      throw new Error(`${request.op}: ${d.code}`);
    }
    this.deliver(d.events);
  };

  /** A command from a desktop; it must be accepted. */
  desk(cmd: Plain<Command>): TenantEvent[] {
    const d = this.engine.execute(fromPlain<Command>(cmd), this.clock.now());
    if (!d.ok) throw new Error(`${cmd.type} was rejected: ${d.code} ${d.message}`);
    this.deliver(d.events);
    return d.events;
  }

  /** Event types of one task, for the story of a contact. */
  story(taskId: string): string[] {
    return this.log
      .filter((e) => "taskId" in e && e.taskId === taskId)
      .map((e) => {
        if (e.type === "participant.joined") return `${e.type} ${e.party.id}`;
        if ("partyId" in e) return `${e.type} ${e.partyId} ${"leg" in e ? e.leg.status : ""}`.trim();
        return e.type;
      });
  }

  private deliver(events: readonly TenantEvent[]): void {
    for (const e of events) {
      this.log.push(e);
      for (const l of this.listeners) l({ data: e });
    }
  }
}
