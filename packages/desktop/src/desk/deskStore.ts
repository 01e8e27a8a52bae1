import type { EventEnvelope, Me, OperationId, ResponseOf, Routes } from "@parley/protocol";
import {
  EventSocket,
  type EventSocketOptions,
  type Input,
  ParleyClient,
  ParleyError,
  type SocketStatus,
} from "@parley/sdk";

/** What a command came to: done, or refused with the server's code and message. */
export type Outcome =
  | {
      readonly ok: true /** The server's answer, e.g. the events a command caused. */;
      readonly result?: unknown;
    }
  | {
      readonly ok: false;
      readonly code: string;
      readonly message: string;
      /** What the server added, e.g. the fields a CALLBACK_INVALID names (CB-4). */
      readonly details?: Readonly<Record<string, unknown>>;
    };

/** Why the desktop shows the sign-in form. */
export type SignedOutReason = "new" | "session_ended";

export type DeskState =
  | { readonly phase: "signed_out"; readonly reason: SignedOutReason }
  | {
      readonly phase: "connecting";
      /** AGT-7: a reload picking up its session: the header shows Idle until the server answers. */
      readonly resumed: boolean;
    }
  | {
      readonly phase: "ready";
      /** The server's state for this user: the only state the desktop draws from. */
      readonly me: Me;
      /** The local clock when `me` was read: timers tick on from here. */
      readonly syncedAt: number;
      readonly connection: SocketStatus;
      /** CON-4: reconnect attempts that failed since the socket was last open. */
      readonly failedReconnects: number;
      /** Commands sent and not yet answered, by key (`holdCall:t1`). */
      readonly pending: readonly string[];
      /** The last refusal or failure, until dismissed. */
      readonly notice: string | null;
    }
  | { readonly phase: "replaced" };

type Ready = DeskState & { phase: "ready" };

/** The part of the SDK client the desk uses; tests give a fake. */
export interface DeskClient {
  token: string | null;
  signIn(tenantId: string, userId: string, password: string): Promise<unknown>;
  call<K extends OperationId>(id: K, input: Input<K>): Promise<unknown>;
}

export interface DeskSocket {
  closeDesktop(): void;
}

export interface DeskOptions {
  /** The server's origin, e.g. `http://127.0.0.1:8080`. */
  readonly baseUrl: string;
  readonly client?: DeskClient;
  readonly openSocket?: (options: EventSocketOptions) => DeskSocket;
  /** Where the token is kept across a reload (AGT-7); null keeps nothing. */
  readonly storage?: Pick<Storage, "getItem" | "setItem" | "removeItem"> | null;
  /** How long a burst of events is gathered before the state is read again. */
  readonly refreshDelayMs?: number;
  readonly clock?: () => number;
}

const TOKEN_KEY = "parley.token";
/** A supervisor's choice to supervise without an agent login, kept with the token across a reload. */
const SUPERVISE_ONLY_KEY = "parley.superviseOnly";

/** CON-4: after this many failed reconnect attempts the desktop raises an alert. */
export const RECONNECT_ALERT_AFTER = 3;

/** The page events the desk listens to (CON-1); `window` in the browser. */
export interface PageEvents {
  addEventListener(type: "pagehide" | "pageshow", listener: (e: { persisted?: boolean }) => void): void;
  removeEventListener(type: "pagehide" | "pageshow", listener: (e: { persisted?: boolean }) => void): void;
}

const outcomeOf = (e: unknown): Outcome & { ok: false } =>
  e instanceof ParleyError
    ? { ok: false, code: e.code, message: e.message, ...(e.details ? { details: e.details } : {}) }
    : { ok: false, code: "INTERNAL", message: (e as Error).message ?? String(e) };

/**
 * The desktop's link to the server. It signs in, opens the event socket, takes the welcome
 * snapshot as the state, and reads the state again (`getMe`) after each burst of events. It never
 * works out a state of its own: what the screen shows is what the server last said.
 */
export class DeskStore {
  private state: DeskState = { phase: "signed_out", reason: "new" };
  private readonly listeners = new Set<() => void>();
  private readonly eventListeners = new Set<(event: EventEnvelope | null) => void>();
  private readonly client: DeskClient;
  private socket: DeskSocket | null = null;
  private refreshTimer: ReturnType<typeof setTimeout> | null = null;
  private refreshing = false;
  private refreshAgain = false;
  /** Offers already reported as delivered (RTE-2), so each is reported once. */
  private readonly delivered = new Set<string>();
  private readonly clock: () => number;
  /**
   * AGT-7: after a reload, the presence the agent had when this page first read the state and
   * the local time of that read: while the agent stays Available in it, the timer counts from the
   * reload.
   */
  private resumed: { at: number; since: number | null } | null = null;

  constructor(private readonly options: DeskOptions) {
    this.client = options.client ?? new ParleyClient({ baseUrl: options.baseUrl });
    this.clock = options.clock ?? Date.now;
  }

  subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  getState = (): DeskState => this.state;

  /**
   * Hears every event pushed on the socket, and null when the tenant's configuration changed: for
   * views that read a resource of their own.
   */
  subscribeEvents = (listener: (event: EventEnvelope | null) => void): (() => void) => {
    this.eventListeners.add(listener);
    return () => this.eventListeners.delete(listener);
  };

  /** A read with this desk's session, for what `me` does not hold (e.g. the supervisor's view). */
  async read<K extends OperationId>(id: K, input: Input<K>): Promise<ResponseOf<Routes[K]>> {
    return (await this.client.call(id, input)) as ResponseOf<Routes[K]>;
  }

  private set(next: DeskState): void {
    this.state = next;
    for (const l of this.listeners) l();
  }

  private patch(change: Partial<Omit<Ready, "phase">>): void {
    if (this.state.phase === "ready") this.set({ ...this.state, ...change });
  }

  /** Picks up the session of an earlier page load, if its token was kept (AGT-7). */
  resume(): void {
    const token = this.options.storage?.getItem(TOKEN_KEY);
    if (!token) return;
    this.client.token = token;
    this.resumed = { at: this.clock(), since: null };
    this.connect(token, true);
  }

  /**
   * CON-1: the page is going away (closed, reloaded, navigated from): tell the server, so its
   * disconnect grace starts now. The token stays, so a reload picks the session up again (AGT-7);
   * a page restored from the back-forward cache reconnects.
   */
  pageClosing(): void {
    if (!this.socket) return;
    this.socket.closeDesktop();
    this.socket = null;
    if (this.refreshTimer) clearTimeout(this.refreshTimer);
    this.refreshTimer = null;
  }

  /** Listens for the page closing (CON-1) and coming back from the back-forward cache; returns the undo. */
  watchPage(page: PageEvents): () => void {
    const hide = () => this.pageClosing();
    const show = (e: { persisted?: boolean }) => {
      if (e.persisted && !this.socket) this.resume();
    };
    page.addEventListener("pagehide", hide);
    page.addEventListener("pageshow", show);
    return () => {
      page.removeEventListener("pagehide", hide);
      page.removeEventListener("pageshow", show);
    };
  }

  async signIn(tenantId: string, userId: string, password: string): Promise<Outcome> {
    try {
      await this.client.signIn(tenantId, userId, password);
    } catch (e) {
      return outcomeOf(e);
    }
    const token = this.client.token as string;
    this.options.storage?.setItem(TOKEN_KEY, token);
    this.connect(token);
    return { ok: true };
  }

  private connect(token: string, resumed = false): void {
    this.set({ phase: "connecting", resumed });
    const open = this.options.openSocket ?? ((o: EventSocketOptions) => new EventSocket(o));
    this.socket = open({
      baseUrl: this.options.baseUrl,
      token,
      onWelcome: (snapshot) => (snapshot ? this.show(snapshot) : this.scheduleRefresh()),
      onEvent: (event: EventEnvelope) => {
        this.scheduleRefresh();
        for (const l of this.eventListeners) l(event);
      },
      onConfigured: () => {
        this.scheduleRefresh();
        for (const l of this.eventListeners) l(null);
      },
      onStatus: (status) => this.connectionChanged(status),
      onRetry: (failed) => this.patch({ failedReconnects: failed }),
    });
  }

  private connectionChanged(status: SocketStatus): void {
    if (status === "replaced") {
      this.forget();
      this.set({ phase: "replaced" });
    } else if (status === "unauthenticated") {
      this.forget();
      this.set({ phase: "signed_out", reason: "session_ended" });
    } else {
      this.patch({ connection: status, ...(status === "open" ? { failedReconnects: 0 } : {}) });
    }
  }

  private show(read: Me): void {
    const prev = this.state.phase === "ready" ? this.state : null;
    const me = this.timerAfterReload(read);
    this.set({
      phase: "ready",
      me,
      syncedAt: this.clock(),
      connection: prev?.connection ?? "open",
      failedReconnects: prev?.failedReconnects ?? 0,
      pending: prev?.pending ?? [],
      notice: prev?.notice ?? null,
    });
    this.confirmDeliveries(me);
  }

  /**
   * AGT-7: reloading while Available shows Available again with the state timer reset to 00:00
   * — counted from when this page first read the state, for as long as the agent stays in that
   * Available. Any other state, or a change of state, shows the server's timer.
   */
  private timerAfterReload(me: Me): Me {
    const r = this.resumed;
    const agent = me.agent;
    if (!r || !agent || agent.presence.type !== "available") {
      if (r && r.since === null) this.resumed = null;
      return me;
    }
    if (r.since === null) {
      this.resumed = { at: this.clock(), since: agent.presence.since };
      return { ...me, agent: { ...agent, inState: 0 } };
    }
    if (agent.presence.since !== r.since) {
      this.resumed = null;
      return me;
    }
    return { ...me, agent: { ...agent, inState: Math.max(0, this.clock() - r.at) } };
  }

  /** RTE-2: the offer reached this desktop, so the connecting popover becomes a request. */
  private confirmDeliveries(me: Me): void {
    for (const task of me.tasks) {
      if (task.offer?.phase !== "connecting" || this.delivered.has(task.id)) continue;
      this.delivered.add(task.id);
      this.client.call("confirmDelivered", { params: { taskId: task.id } }).catch(() => {
        // A request that expired or was taken meanwhile simply goes; the next read shows it.
      });
    }
  }

  private scheduleRefresh(): void {
    if (this.refreshTimer) return;
    this.refreshTimer = setTimeout(() => {
      this.refreshTimer = null;
      void this.refresh();
    }, this.options.refreshDelayMs ?? 25);
  }

  /** Reads the state again; one read at a time, and one more if events came in meanwhile. */
  async refresh(): Promise<void> {
    if (this.refreshing) {
      this.refreshAgain = true;
      return;
    }
    this.refreshing = true;
    try {
      const me = (await this.client.call("getMe", {})) as Me;
      if (this.socket) this.show(me);
    } catch (e) {
      this.patch({ notice: outcomeOf(e).message });
    } finally {
      this.refreshing = false;
      if (this.refreshAgain) {
        this.refreshAgain = false;
        this.scheduleRefresh();
      }
    }
  }

  /**
   * Sends a command. The answer changes nothing on screen by itself: the state is read again, so
   * the screen shows what the server confirmed. A refusal becomes the notice unless `quiet`.
   */
  async command<K extends OperationId>(
    id: K,
    input: Input<K>,
    options: { quiet?: boolean } = {},
  ): Promise<Outcome> {
    const key = commandKey(id, input);
    if (this.state.phase === "ready") this.patch({ pending: [...this.state.pending, key], notice: null });
    try {
      return { ok: true, result: await this.client.call(id, input) };
    } catch (e) {
      const outcome = outcomeOf(e);
      if (!options.quiet) this.patch({ notice: outcome.message });
      return outcome;
    } finally {
      if (this.state.phase === "ready") this.patch({ pending: this.state.pending.filter((k) => k !== key) });
      await this.refresh();
    }
  }

  dismissNotice(): void {
    this.patch({ notice: null });
  }

  /** Signs the agent out of the station, then ends the session. */
  async signOut(): Promise<Outcome> {
    if (this.state.phase === "ready" && this.state.me.agent) {
      const out = await this.command("logoutAgent", { params: { agentId: "me" } });
      if (!out.ok) return out;
    }
    try {
      await this.client.call("signOut", { body: {} });
    } catch {
      // The session is dropped here either way; an expired token needs no sign-out.
    }
    this.forget();
    this.set({ phase: "signed_out", reason: "new" });
    return { ok: true };
  }

  /** Whether this signed-in supervisor chose to supervise only; a reload keeps the choice. */
  get superviseOnly(): boolean {
    return this.options.storage?.getItem(SUPERVISE_ONLY_KEY) === "1";
  }

  set superviseOnly(on: boolean) {
    if (on) this.options.storage?.setItem(SUPERVISE_ONLY_KEY, "1");
    else this.options.storage?.removeItem(SUPERVISE_ONLY_KEY);
  }

  /** Leaves the replaced screen for the sign-in form. */
  restart(): void {
    this.set({ phase: "signed_out", reason: "new" });
  }

  private forget(): void {
    this.socket?.closeDesktop();
    this.socket = null;
    if (this.refreshTimer) clearTimeout(this.refreshTimer);
    this.refreshTimer = null;
    this.client.token = null;
    this.delivered.clear();
    this.resumed = null;
    this.options.storage?.removeItem(TOKEN_KEY);
    this.options.storage?.removeItem(SUPERVISE_ONLY_KEY);
  }
}

/** The key a command is pending under: its operation and the task or agent it is about. */
export function commandKey(id: OperationId, input: { params?: unknown }): string {
  const params = (input.params ?? {}) as Record<string, string>;
  return `${id}:${params.taskId ?? params.agentId ?? ""}`;
}
