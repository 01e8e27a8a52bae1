import {
  CLOSE,
  type ClientMessage,
  type EventEnvelope,
  KEEPALIVE_MS,
  type Me,
  ServerMessage,
  SILENCE_LIMIT_MS,
} from "@parley/protocol";
import { backoffDelay } from "./backoff.ts";

/** The WebSocket of the platform: the browser's, or `ws` on Node 20. */
export interface WebSocketLike {
  readonly readyState: number;
  send(data: string): void;
  close(code?: number, reason?: string): void;
  onopen: ((ev: unknown) => void) | null;
  onmessage: ((ev: { data: unknown }) => void) | null;
  onclose: ((ev: { code: number; reason?: string }) => void) | null;
  onerror: ((ev: unknown) => void) | null;
}
export type WebSocketConstructor = new (url: string) => WebSocketLike;

export type SocketStatus = "connecting" | "open" | "reconnecting" | "replaced" | "unauthenticated" | "closed";

export interface EventSocketOptions {
  /** `ws://host:port` or `http://host:port` of the server. */
  readonly baseUrl: string;
  readonly token: string;
  readonly WebSocket?: WebSocketConstructor;
  /** Resume from here (a seq the client already has). */
  readonly lastSeq?: number;
  readonly onWelcome?: (snapshot: Me | null, seq: number, resumed: boolean) => void;
  readonly onEvent?: (event: EventEnvelope) => void;
  /** The tenant's configuration changed (readers other than administrators get this, not the event). */
  readonly onConfigured?: (seq: number) => void;
  readonly onStatus?: (status: SocketStatus) => void;
  /**
   * A reconnect is scheduled; `failed` counts the attempts that failed since the socket was last
   * open (0 for the first drop). CON-4: a desktop alerts after several.
   */
  readonly onRetry?: (failed: number) => void;
}

const OPEN = 1;

/**
 * The event socket: hello with the token, a ping every 4 s, and on a drop a reconnect with backoff
 * that resumes from the last seq seen. A desktop replaced by a newer one of the same user, or a
 * refused token, stops for good: reconnecting would only flap.
 */
export class EventSocket {
  private socket: WebSocketLike | null = null;
  private keepalive: ReturnType<typeof setInterval> | null = null;
  private retry: ReturnType<typeof setTimeout> | null = null;
  private attempt = 0;
  private stopped = false;
  private heard = 0;
  /** The last seq received: what a reconnect resumes from. */
  lastSeq: number | null;
  status: SocketStatus = "connecting";

  constructor(private readonly options: EventSocketOptions) {
    this.lastSeq = options.lastSeq ?? null;
    this.connect();
  }

  private connect(): void {
    const Impl =
      this.options.WebSocket ?? (globalThis as unknown as { WebSocket: WebSocketConstructor }).WebSocket;
    const url = `${this.options.baseUrl.replace(/^http/, "ws").replace(/\/$/, "")}/v1/events`;
    const socket = new Impl(url);
    this.socket = socket;
    socket.onopen = () => {
      this.heard = Date.now();
      this.send({
        type: "hello",
        token: this.options.token,
        ...(this.lastSeq !== null ? { lastSeq: this.lastSeq } : {}),
      });
      this.keepalive = setInterval(() => this.ping(), KEEPALIVE_MS);
    };
    socket.onmessage = (ev) => this.receive(String(ev.data));
    socket.onerror = () => {};
    socket.onclose = (ev) => this.closed(socket, ev.code);
  }

  private ping(): void {
    // A server silent for as long as it allows us is gone, whatever TCP believes.
    if (Date.now() - this.heard > SILENCE_LIMIT_MS) this.socket?.close(4408, "server silent");
    else this.send({ type: "ping" });
  }

  private receive(raw: string): void {
    this.heard = Date.now();
    const parsed = ServerMessage.safeParse(JSON.parse(raw));
    if (!parsed.success) return;
    const m = parsed.data;
    switch (m.type) {
      case "welcome":
        this.attempt = 0;
        this.setStatus("open");
        if (!m.resumed) this.lastSeq = m.seq;
        this.options.onWelcome?.(m.snapshot, m.seq, m.resumed);
        return;
      case "event":
        if (this.lastSeq !== null && m.event.seq <= this.lastSeq) return;
        this.lastSeq = m.event.seq;
        this.options.onEvent?.(m.event);
        return;
      case "configured":
        if (this.lastSeq !== null && m.seq <= this.lastSeq) return;
        this.lastSeq = m.seq;
        this.options.onConfigured?.(m.seq);
        return;
      case "replaced":
        this.stop("replaced");
        return;
      case "error":
        if (m.code === "UNAUTHENTICATED") this.stop("unauthenticated");
        return;
      case "pong":
        return;
    }
  }

  private closed(socket: WebSocketLike, code: number): void {
    if (socket !== this.socket) return;
    this.clearKeepalive();
    if (this.stopped) return;
    if (code === CLOSE.replaced || code === CLOSE.unauthenticated) {
      this.stop(code === CLOSE.replaced ? "replaced" : "unauthenticated");
      return;
    }
    this.setStatus("reconnecting");
    this.options.onRetry?.(this.attempt);
    this.retry = setTimeout(() => this.connect(), backoffDelay(this.attempt++));
  }

  private send(m: ClientMessage): void {
    if (this.socket?.readyState === OPEN) this.socket.send(JSON.stringify(m));
  }

  private setStatus(s: SocketStatus): void {
    if (this.status === s) return;
    this.status = s;
    this.options.onStatus?.(s);
  }

  private clearKeepalive(): void {
    if (this.keepalive) clearInterval(this.keepalive);
    this.keepalive = null;
  }

  private stop(status: SocketStatus): void {
    this.stopped = true;
    this.clearKeepalive();
    if (this.retry) clearTimeout(this.retry);
    this.setStatus(status);
    if (this.socket && this.socket.readyState === OPEN) this.socket.close(1000);
  }

  /** The desktop is closing on purpose (CON-1): say so, then close. */
  closeDesktop(): void {
    this.send({ type: "closing" });
    this.stop("closed");
  }

  /** Close without telling the server it is on purpose: as a crash or a lost network would. */
  drop(): void {
    this.stop("closed");
  }
}
