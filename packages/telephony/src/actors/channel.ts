import type { BodyOf, ParamsOf, Routes } from "@parley/protocol";

/**
 * The operations a channel adapter calls (as an administrator of the tenant): what a real switch,
 * chat widget or mail gateway reports. The actors here use only these, like a real adapter.
 */
export type ChannelOperation =
  | "receiveContact"
  | "customerMessage"
  | "customerLeft"
  | "offerFailed"
  | "legAnswered"
  | "legFailed"
  | "legHungUp"
  | "requestWebCallback";

type RequestOf<K extends ChannelOperation> = {
  readonly op: K;
  readonly params: ParamsOf<Routes[K]>;
  readonly body: BodyOf<Routes[K]>;
};

/** One call of the channel API, checked against the route table. */
export type ChannelRequest = { [K in ChannelOperation]: RequestOf<K> }[ChannelOperation];

/**
 * Sends one request and resolves when the server answered. The host supplies it, e.g. over the
 * SDK: `(r) => client.call(r.op, { params: r.params, body: r.body })`. A refusal (the call was
 * already gone, the customer already left) rejects; actors count it and carry on.
 */
export type ChannelSend = (request: ChannelRequest) => Promise<unknown>;

/** An event as the socket delivers it: only its data (the engine event) matters to the actors. */
export interface DeliveredEvent {
  readonly data: { readonly type: string };
}

/** Wall-clock timers the actors run on; a test may pass its own. */
export interface ActorClock {
  now(): number;
  setTimeout(run: () => void, ms: number): unknown;
  clearTimeout(handle: unknown): void;
}

export const SYSTEM_CLOCK: ActorClock = {
  now: () => Date.now(),
  setTimeout: (run, ms) => setTimeout(run, ms),
  clearTimeout: (handle) => clearTimeout(handle as ReturnType<typeof setTimeout>),
};

/** The timers of one actor, so that stopping it clears every one still pending. */
export class Timers {
  private readonly pending = new Set<unknown>();

  constructor(private readonly clock: ActorClock) {}

  after(ms: number, run: () => void): unknown {
    const handle = this.clock.setTimeout(
      () => {
        this.pending.delete(handle);
        run();
      },
      Math.max(0, ms),
    );
    this.pending.add(handle);
    return handle;
  }

  cancel(handle: unknown): void {
    if (handle === undefined || handle === null) return;
    this.pending.delete(handle);
    this.clock.clearTimeout(handle);
  }

  clear(): void {
    for (const h of this.pending) this.clock.clearTimeout(h);
    this.pending.clear();
  }

  get size(): number {
    return this.pending.size;
  }
}

/** Requests sent one after the other, in the order they were made: a hang-up never overtakes the answer before it. */
export class SendQueue {
  private tail: Promise<unknown> = Promise.resolve();
  private inFlight = 0;

  constructor(
    private readonly send: ChannelSend,
    private readonly onRefused: (request: ChannelRequest, error: unknown) => void,
  ) {}

  push(request: ChannelRequest): Promise<boolean> {
    this.inFlight++;
    const done = this.tail.then(() =>
      this.send(request).then(
        () => true,
        (e: unknown) => {
          this.onRefused(request, e);
          return false;
        },
      ),
    );
    this.tail = done.finally(() => {
      this.inFlight--;
    });
    return done;
  }

  /** Resolves once everything pushed so far has been answered. */
  async drained(): Promise<void> {
    while (this.inFlight > 0) await this.tail;
  }
}
