import type { EventEnvelope, ResponseOf, Routes } from "@parley/protocol";

export type SupervisorView = ResponseOf<Routes["getSupervisorView"]>;
export type SupervisedAgent = SupervisorView["agents"][number];
export type QueueRow = SupervisorView["queues"][number];

/** SUP-2: a monitoring under way is running or paused; a stopped one is no longer listed. */
export type MonitorStatus = "monitoring" | "paused";

/** One active contact of an agent, as the supervisor's view lists it. */
export interface Contact {
  readonly taskId: string;
  readonly channel: string;
  readonly status: string;
}

/** The agent's contacts, read from the view's loosely typed list. */
export function contactsOf(agent: SupervisedAgent): Contact[] {
  return agent.contacts.flatMap((c) =>
    typeof c.taskId === "string"
      ? [{ taskId: c.taskId, channel: String(c.channel ?? ""), status: String(c.status ?? "") }]
      : [],
  );
}

export interface SupervisorState {
  /** The server's view as last read; null before the first read. */
  readonly view: SupervisorView | null;
  /** The local clock when `view` was read: timers tick on from here. */
  readonly syncedAt: number;
  /** This supervisor's monitorings by task, as the server's `monitoring.changed` events said. */
  readonly monitors: ReadonlyMap<string, MonitorStatus>;
  /** Why the last read failed, until one succeeds. */
  readonly error: string | null;
}

export interface SupervisorFeedOptions {
  readonly supervisorId: string;
  readonly read: () => Promise<SupervisorView>;
  /** How long a burst of events is gathered before the view is read again. */
  readonly delayMs?: number;
  readonly clock?: () => number;
}

/**
 * The supervisor's view kept fresh: it reads `getSupervisorView`, and reads it again once a burst
 * of events has passed (one read at a time). The monitorings come from the view (SUP-2), and
 * between reads from this supervisor's `monitoring.changed` events. Implements SUP-1, SUP-2.
 */
export class SupervisorFeed {
  private state: SupervisorState = { view: null, syncedAt: 0, monitors: new Map(), error: null };
  private readonly listeners = new Set<() => void>();
  private timer: ReturnType<typeof setTimeout> | null = null;
  private reading = false;
  private readAgain = false;
  private stopped = false;
  private readonly clock: () => number;

  constructor(private readonly options: SupervisorFeedOptions) {
    this.clock = options.clock ?? Date.now;
  }

  subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  getState = (): SupervisorState => this.state;

  private set(change: Partial<SupervisorState>): void {
    this.state = { ...this.state, ...change };
    for (const l of this.listeners) l();
  }

  /** Takes one pushed event: notes a monitoring change, and schedules a read. */
  /** An event pushed on the socket, or null when the tenant's configuration changed. */
  hear(event: EventEnvelope | null): void {
    const data = event?.data;
    if (data?.type === "monitoring.changed" && data.supervisorId === this.options.supervisorId) {
      const monitors = new Map(this.state.monitors);
      if (data.status === "stopped") monitors.delete(data.taskId);
      else monitors.set(data.taskId, data.status);
      this.set({ monitors });
    }
    this.schedule();
  }

  private schedule(): void {
    if (this.timer || this.stopped) return;
    this.timer = setTimeout(() => {
      this.timer = null;
      void this.refresh();
    }, this.options.delayMs ?? 250);
  }

  /** Reads the view now; if a read is under way, once more after it. */
  async refresh(): Promise<void> {
    if (this.reading) {
      this.readAgain = true;
      return;
    }
    this.reading = true;
    try {
      const view = await this.options.read();
      if (this.stopped) return;
      // SUP-2: the server's word on this supervisor's monitorings, so a reload shows them too.
      const monitors = new Map<string, MonitorStatus>(
        view.monitoring
          .filter((m) => m.supervisorId === this.options.supervisorId)
          .map((m) => [m.taskId, m.status]),
      );
      this.set({ view, syncedAt: this.clock(), monitors, error: null });
    } catch (e) {
      if (!this.stopped) this.set({ error: (e as Error).message ?? String(e) });
    } finally {
      this.reading = false;
      if (this.readAgain) {
        this.readAgain = false;
        this.schedule();
      }
    }
  }

  /** Takes events again after `stop`. */
  start(): void {
    this.stopped = false;
  }

  /** Stops reading: for when the view leaves the screen. */
  stop(): void {
    this.stopped = true;
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
  }
}
