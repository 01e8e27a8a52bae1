import { type Command, Engine, evolve, fromPlain, type Plain, type TenantEvent } from "@parley/engine";
import type { ErrorCode } from "@parley/protocol";
import type { IdempotencyRecord, Store, StoredEvent } from "../store/store.ts";

export type Clock = () => number;

export type Outcome =
  | { readonly ok: true; readonly seq: number; readonly events: readonly StoredEvent[] }
  | {
      readonly ok: false;
      readonly code: ErrorCode;
      readonly message: string;
      readonly details?: Readonly<Record<string, unknown>>;
    };

/** What a request asks of the host besides the command. */
export interface Submission {
  readonly requestId: string;
  /** Written in the same transaction as the events; made by the caller from the outcome. */
  readonly remember?: (outcome: Outcome) => IdempotencyRecord;
}

interface Pending {
  readonly events: StoredEvent[];
  readonly outcome: Outcome;
  readonly record: IdempotencyRecord | null;
  readonly resolve: (o: Outcome) => void;
}

export interface HostOptions {
  readonly store: Store;
  readonly clock: Clock;
  /** A snapshot is stored after this many events. */
  readonly snapshotEvery: number;
  /** The store failed: the in-memory state is ahead of the log, so the host stops serving. */
  readonly onFatal: (error: unknown) => void;
  readonly toStored?: (engine: Engine) => unknown;
  /** An engine bug: logged; the tenant rebuilds its state from the log and goes on. */
  readonly onEngineError?: (error: unknown) => void;
}

type Listener = (events: readonly StoredEvent[]) => void;

/** The longest a host sleeps before checking its timers again (setTimeout's limit is ~24 days). */
const MAX_SLEEP_MS = 6 * 60 * 60 * 1000;

/**
 * One tenant's single writer. A command is decided and applied at once, in arrival order; its
 * events wait in the current batch, and the batch is appended to the store in one transaction
 * (group commit). Only then are the events published and the command answered: nothing is
 * acknowledged or pushed that a crash could lose. Timers wake the engine at its next due time.
 */
export class TenantHost {
  private seq: number;
  /** The last seq stored and published: what a resuming socket may read from the store. */
  private published: number;
  private batch: Pending[] = [];
  private flushing = false;
  private failed: unknown = null;
  private timer: NodeJS.Timeout | null = null;
  private readonly listeners = new Set<Listener>();
  private lastSnapshotSeq: number;
  private closed = false;
  /** The engine threw mid-command: its state is rebuilt from the log before anything else runs. */
  private recovering: Promise<void> | null = null;

  constructor(
    readonly tenantId: string,
    private current: Engine,
    lastSeq: number,
    private readonly options: HostOptions & { readonly fromStored?: (data: unknown) => Engine },
  ) {
    this.seq = lastSeq;
    this.published = lastSeq;
    this.lastSnapshotSeq = lastSeq;
  }

  /** Rebuilds a tenant from its latest snapshot and the events after it. */
  static async load(
    tenantId: string,
    options: HostOptions & { readonly fromStored?: (data: unknown) => Engine },
  ): Promise<TenantHost> {
    const { engine, seq, snapshotSeq } = await rebuild(tenantId, options);
    const host = new TenantHost(tenantId, engine, seq, options);
    host.lastSnapshotSeq = snapshotSeq;
    // What fell due while the server was down fires now, in order.
    host.wake();
    return host;
  }

  /** The last seq given out: the in-memory state includes it, the store may not yet. */
  get lastSeq(): number {
    return this.seq;
  }

  get publishedSeq(): number {
    return this.published;
  }

  get engine(): Engine {
    return this.current;
  }

  get healthy(): boolean {
    return this.failed === null && !this.closed;
  }

  subscribe(listener: Listener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** Decides and applies the command now; resolves once its events are stored. */
  submit(command: Plain<Command>, submission: Submission): Promise<Outcome> {
    if (!this.healthy || this.recovering) return Promise.resolve(unavailable());
    const now = this.options.clock();
    let decision: ReturnType<Engine["execute"]>;
    try {
      this.fire(now);
      decision = this.current.execute(fromPlain<Command>(command), now);
    } catch (error) {
      this.recover(error);
      return Promise.resolve({
        ok: false,
        code: "INTERNAL",
        message: "The command could not be processed; nothing was changed",
      });
    }
    const events = decision.ok ? this.stamp(decision.events, submission.requestId) : [];
    const outcome: Outcome = decision.ok
      ? { ok: true, seq: this.seq, events }
      : {
          ok: false,
          code: decision.code,
          message: decision.message,
          ...(decision.details ? { details: decision.details } : {}),
        };
    return new Promise((resolve) => {
      this.batch.push({ events, outcome, record: submission.remember?.(outcome) ?? null, resolve });
      this.scheduleFlush();
    });
  }

  /** Fires what is due (the host's own wake-up, and before every command). */
  private fire(now: number): void {
    const events = this.engine.tick(now);
    if (events.length === 0) return;
    const stamped = this.stamp(events, null);
    this.batch.push({
      events: stamped,
      outcome: { ok: true, seq: this.seq, events: stamped },
      record: null,
      resolve: noop,
    });
    this.scheduleFlush();
  }

  private stamp(events: readonly TenantEvent[], requestId: string | null): StoredEvent[] {
    return events.map((event) => ({ seq: ++this.seq, requestId, event: event as Plain<TenantEvent> }));
  }

  private scheduleFlush(): void {
    if (this.flushing) return;
    this.flushing = true;
    // Everything submitted in this turn of the event loop goes into one transaction.
    setImmediate(() => void this.flush());
  }

  private async flush(): Promise<void> {
    let batch: Pending[] = [];
    try {
      while (this.batch.length > 0) {
        batch = this.batch;
        this.batch = [];
        await this.options.store.append({
          tenantId: this.tenantId,
          events: batch.flatMap((p) => p.events),
          idempotency: batch.flatMap((p) => (p.record ? [p.record] : [])),
        });
        for (const p of batch) {
          const last = p.events.at(-1);
          if (last) this.published = last.seq;
          if (p.events.length > 0) for (const l of this.listeners) l(p.events);
          p.resolve(p.outcome);
        }
        batch = [];
        await this.maybeSnapshot();
      }
    } catch (error) {
      this.fail(error, batch);
    } finally {
      this.flushing = false;
    }
    this.arm();
  }

  private async maybeSnapshot(): Promise<void> {
    const { toStored, snapshotEvery, store } = this.options;
    if (!toStored || this.seq - this.lastSnapshotSeq < snapshotEvery || this.batch.length > 0) return;
    this.lastSnapshotSeq = this.seq;
    await store.saveSnapshot(this.tenantId, this.seq, toStored(this.engine));
  }

  private fail(error: unknown, inFlight: readonly Pending[]): void {
    this.failed = error;
    for (const p of [...inFlight, ...this.batch.splice(0)]) p.resolve(unavailable());
    this.options.onFatal(error);
  }

  /** Sets the wake-up for the engine's next due timer. */
  private arm(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    if (!this.healthy) return;
    const due = this.engine.nextDueAt();
    if (due === null) return;
    const wait = Math.min(Math.max(due - this.options.clock(), 0), MAX_SLEEP_MS);
    this.timer = setTimeout(() => this.wake(), wait);
    this.timer.unref();
  }

  private wake(): void {
    this.timer = null;
    if (!this.healthy || this.recovering) return;
    try {
      this.fire(this.options.clock());
    } catch (error) {
      this.recover(error);
      return;
    }
    if (!this.flushing) this.arm();
  }

  /**
   * An engine bug threw halfway through a command or timer: what it changed in memory is not in
   * the log, so the state is rebuilt from the log once what was stamped before is stored.
   */
  private recover(error: unknown): void {
    (this.options.onEngineError ?? console.error)(error);
    if (this.recovering) return;
    this.recovering = (async () => {
      while (this.flushing || this.batch.length > 0) await new Promise((r) => setImmediate(r));
      if (!this.healthy) return;
      const { engine, seq } = await rebuild(this.tenantId, this.options);
      if (seq !== this.seq) throw new Error(`${this.tenantId}: log ends at ${seq}, memory at ${this.seq}`);
      this.current = engine;
    })()
      .catch((e) => this.fail(e, []))
      .finally(() => {
        this.recovering = null;
        this.wake();
      });
  }

  /** Stops the timers; what is in flight still lands. */
  async close(): Promise<void> {
    this.closed = true;
    if (this.timer) clearTimeout(this.timer);
    while (this.flushing) await new Promise((r) => setImmediate(r));
  }
}

/** A tenant's engine from its latest snapshot and the events after it. */
async function rebuild(
  tenantId: string,
  options: HostOptions & { readonly fromStored?: (data: unknown) => Engine },
): Promise<{ engine: Engine; seq: number; snapshotSeq: number }> {
  const { store } = options;
  const snap = options.fromStored ? await store.latestSnapshot(tenantId) : null;
  const engine = snap && options.fromStored ? options.fromStored(snap.data) : new Engine();
  let seq = snap?.seq ?? 0;
  for (;;) {
    const page = await store.events(tenantId, seq, 5000);
    for (const e of page) evolve(engine.state, fromPlain<TenantEvent>(e.event));
    if (page.length === 0) break;
    seq = page[page.length - 1]?.seq ?? seq;
  }
  return { engine, seq, snapshotSeq: snap?.seq ?? 0 };
}

const noop = () => {};
const unavailable = (): Outcome => ({
  ok: false,
  code: "UNAVAILABLE",
  message: "This tenant is not serving: its event store failed. Retry shortly.",
});
