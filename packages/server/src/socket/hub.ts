import type { AgentId, Plain, TenantConfig } from "@parley/engine";
import {
  CLIENT_MESSAGE_LIMIT,
  CLOSE,
  ClientMessage,
  type EventEnvelope,
  type ServerMessage,
  SILENCE_LIMIT_MS,
} from "@parley/protocol";
import type { WebSocket } from "ws";
import type { Principal } from "../auth/principal.ts";
import type { Sessions } from "../auth/sessions.ts";
import { configOf, userOf } from "../http/access.ts";
import { meView } from "../http/views.ts";
import type { Metrics } from "../metrics.ts";
import type { Store, StoredEvent } from "../store/store.ts";
import type { TenantHost } from "../tenancy/host.ts";
import type { Tenants } from "../tenancy/tenants.ts";
import { Audience } from "./audience.ts";
import { type Masking, maskEvent, maskingFor } from "./mask.ts";

interface Client {
  readonly socket: WebSocket;
  readonly principal: Principal;
  readonly host: TenantHost;
  lastHeard: number;
  /** Events up to here are in what the client already has. */
  from: number;
  /** While a resume reads the store, live events wait here. */
  buffer: StoredEvent[] | null;
  closing: boolean;
  replaced: boolean;
}

interface TenantClients {
  readonly audience: Audience;
  readonly users: Map<string, Client>;
  readonly watchers: Set<Client>;
  /** Agents whose desktop went silent: the heartbeat window before HeartbeatsMissed (CON-2). */
  readonly missing: Map<string, NodeJS.Timeout>;
  masking: { config: unknown; secure: Masking; admin: Masking };
}

/** The most missed events a resuming socket is sent; beyond that it gets a fresh snapshot. */
const RESUME_LIMIT = 20_000;

/**
 * The event sockets: one active desktop per user, events only to those they concern, masked for
 * each reader; resume by seq; keepalive; and the desktop facts the disconnect policy needs.
 */
export class Hub {
  private readonly tenants = new Map<string, TenantClients>();
  private readonly sweep: NodeJS.Timeout;

  constructor(
    private readonly deps: {
      readonly store: Store;
      readonly tenants: Tenants;
      readonly sessions: Sessions;
      readonly metrics: Metrics;
      readonly clock: () => number;
    },
  ) {
    deps.tenants.onHost((host) => {
      this.tenants.set(host.tenantId, {
        audience: new Audience(),
        users: new Map(),
        watchers: new Set(),
        missing: new Map(),
        masking: { config: null, secure: maskingFor(null, false), admin: maskingFor(null, true) },
      });
      host.subscribe((events) => this.publish(host, events));
    });
    this.sweep = setInterval(() => this.dropSilent(), SILENCE_LIMIT_MS / 4);
    this.sweep.unref();
  }

  /** A socket opened: it must say hello with a token first. */
  accept(socket: WebSocket): void {
    let client: Client | null = null;
    let greeting = false;
    socket.on("message", (raw, isBinary) => {
      if (isBinary || (raw as Buffer).length > CLIENT_MESSAGE_LIMIT)
        return refuse(socket, "BAD_REQUEST", "Messages are small JSON text frames", CLOSE.badMessage);
      let message: ClientMessage;
      try {
        message = ClientMessage.parse(JSON.parse(String(raw)));
      } catch {
        return refuse(socket, "BAD_REQUEST", "Not a client message of the event socket", CLOSE.badMessage);
      }
      if (client) {
        client.lastHeard = this.deps.clock();
        if (message.type === "ping") return send(socket, { type: "pong" });
        if (message.type === "closing") client.closing = true;
        return;
      }
      if (greeting) return;
      if (message.type !== "hello")
        return refuse(socket, "UNAUTHENTICATED", "Say hello with a token first", CLOSE.unauthenticated);
      greeting = true;
      void this.hello(socket, message).then((c) => {
        client = c;
        if (c && socket.readyState !== socket.OPEN) this.detach(c);
      });
    });
    socket.on("close", () => {
      if (client) this.detach(client);
    });
    socket.on("error", () => socket.terminate());
  }

  private async hello(
    socket: WebSocket,
    hello: Extract<ClientMessage, { type: "hello" }>,
  ): Promise<Client | null> {
    const session = await this.deps.sessions.resolve(hello.token);
    const host = session ? this.deps.tenants.get(session.tenantId) : undefined;
    const user = session && host ? userOf(host, session.userId) : undefined;
    if (!session || !host || !user) {
      refuse(
        socket,
        "UNAUTHENTICATED",
        "The token is unknown or has expired; sign in again",
        CLOSE.unauthenticated,
      );
      return null;
    }
    const principal: Principal = { ...session, roles: [...user.roles], teamIds: [...user.teamIds] };
    const t = this.tenantOf(host);
    const client: Client = {
      socket,
      principal,
      host,
      lastHeard: this.deps.clock(),
      from: 0,
      buffer: [],
      closing: false,
      replaced: false,
    };
    // One active desktop per user: the newer one takes over and the older is told so.
    const previous = t.users.get(principal.userId);
    if (previous) {
      previous.replaced = true;
      send(previous.socket, { type: "replaced" });
      previous.socket.close(CLOSE.replaced, "replaced by another desktop");
    }
    t.users.set(principal.userId, client);
    if (principal.roles.includes("supervisor") || principal.roles.includes("admin")) t.watchers.add(client);
    this.deps.metrics.sockets.inc();
    await this.welcome(client, hello.lastSeq);
    this.reconnected(client);
    return client;
  }

  private async welcome(client: Client, lastSeq: number | undefined): Promise<void> {
    const { host, socket } = client;
    const upTo = host.publishedSeq;
    if (lastSeq !== undefined && lastSeq <= upTo && upTo - lastSeq <= RESUME_LIMIT) {
      const missed: StoredEvent[] = [];
      for (let after = lastSeq; after < upTo; ) {
        const page = await this.deps.store.events(host.tenantId, after, 2000);
        if (page.length === 0) break;
        missed.push(...page.filter((e) => e.seq <= upTo));
        after = page.at(-1)?.seq ?? upTo;
      }
      send(socket, { type: "welcome", seq: upTo, resumed: true, snapshot: null });
      client.from = lastSeq;
      this.deliver(client, missed);
    } else {
      client.from = host.lastSeq;
      send(socket, {
        type: "welcome",
        seq: host.lastSeq,
        resumed: false,
        snapshot: meView(host, client.principal, this.deps.clock()),
      });
    }
    const buffered = client.buffer ?? [];
    client.buffer = null;
    this.deliver(client, buffered);
  }

  /** Sends the events of a list that concern the client, in order, skipping what it has. */
  private deliver(client: Client, events: readonly StoredEvent[]): void {
    const t = this.tenantOf(client.host);
    for (const e of events) {
      if (e.seq <= client.from) continue;
      const audience = t.audience.agentsOf(e.event, client.host.engine.state);
      if (this.concerns(client, audience, e)) this.sendEvent(client, e);
      client.from = e.seq;
    }
  }

  private publish(host: TenantHost, events: readonly StoredEvent[]): void {
    const t = this.tenantOf(host);
    if (t.masking.config !== host.engine.state.config) this.refreshMasking(host);
    this.deps.metrics.events.inc(events.length);
    for (const e of events) {
      const audience = t.audience.agentsOf(e.event, host.engine.state);
      const targets = new Set<Client>();
      if (audience === "everyone") for (const c of t.users.values()) targets.add(c);
      else {
        for (const id of audience) {
          const c = t.users.get(id);
          if (c) targets.add(c);
        }
        for (const w of t.watchers) if (this.concerns(w, audience, e)) targets.add(w);
      }
      for (const c of targets) {
        if (c.buffer) {
          c.buffer.push(e);
          continue;
        }
        if (e.seq <= c.from) continue;
        c.from = e.seq;
        this.sendEvent(c, e);
      }
      if (e.event.type === "offer.created")
        this.deps.metrics.offerSeconds.observe(Math.max(0, this.deps.clock() - e.event.at) / 1000);
    }
  }

  /**
   * One event to one client, masked for its reader as the configuration is now (a change of POP-7
   * protection counts at once). The configuration itself — every user, the directory, the address
   * book — goes to administrators only; everyone else hears that it changed and re-reads.
   */
  private sendEvent(c: Client, e: StoredEvent): void {
    if (e.event.type === "tenant.configured" && !c.principal.roles.includes("admin"))
      send(c.socket, { type: "configured", seq: e.seq });
    else send(c.socket, { type: "event", event: this.envelope(e, this.readerMasking(c.host, c.principal)) });
  }

  /** Whether a client hears of an event: its own, and for supervisors their teams' agents and queues. */
  private concerns(c: Client, audience: ReadonlySet<string> | "everyone", e: StoredEvent): boolean {
    if (audience === "everyone" || c.principal.roles.includes("admin")) return true;
    if (audience.has(c.principal.userId)) return true;
    if (!c.principal.roles.includes("supervisor")) return false;
    const mine = (teamIds: readonly string[] | undefined) =>
      teamIds?.some((team) => c.principal.teamIds.includes(team)) ?? false;
    for (const id of audience) if (mine(userOf(c.host, id)?.teamIds)) return true;
    const queueId = "queueId" in e.event ? e.event.queueId : null;
    return typeof queueId === "string" && mine(c.host.engine.state.config?.queues.get(queueId)?.teamIds);
  }

  /** A stored event as a reader receives it, on the socket or in a command's answer. */
  envelope(e: StoredEvent, masking: Masking): EventEnvelope {
    return {
      seq: e.seq,
      type: e.event.type,
      time: new Date(e.event.at).toISOString(),
      requestId: e.requestId,
      data: maskEvent(e.event, masking) as EventEnvelope["data"],
    };
  }

  /** What a reader of the tenant sees of variable values and caller numbers. */
  readerMasking(host: TenantHost, p: Principal): Masking {
    const t = this.tenantOf(host);
    if (t.masking.config !== host.engine.state.config) this.refreshMasking(host);
    return p.roles.includes("admin") ? t.masking.admin : t.masking.secure;
  }

  private refreshMasking(host: TenantHost): void {
    const t = this.tenantOf(host);
    const config = configOf(host) as Plain<TenantConfig> | null;
    t.masking = {
      config: host.engine.state.config,
      secure: maskingFor(config, false),
      admin: maskingFor(config, true),
    };
  }

  private tenantOf(host: TenantHost): TenantClients {
    const t = this.tenants.get(host.tenantId);
    if (!t) throw new Error(`tenant ${host.tenantId} has no hub`);
    return t;
  }

  /** CON-4: a desktop of a login whose desktop was gone is back. */
  private reconnected(client: Client): void {
    const t = this.tenantOf(client.host);
    const id = client.principal.userId;
    const timer = t.missing.get(id);
    if (timer) clearTimeout(timer);
    t.missing.delete(id);
    const agent = client.host.engine.state.agents.get(id as AgentId);
    if (agent && agent.connection.status !== "connected")
      void client.host.submit(
        { type: "DesktopReconnected", agentId: id, generation: agent.generation },
        { requestId: "socket" },
      );
  }

  /** CON-1, CON-2: a desktop that said it closes starts the grace now; a silent one after the heartbeat window. */
  private detach(client: Client): void {
    this.deps.metrics.sockets.dec();
    const t = this.tenantOf(client.host);
    const id = client.principal.userId;
    t.watchers.delete(client);
    if (t.users.get(id) === client) t.users.delete(id);
    if (client.replaced) return;
    const agent = client.host.engine.state.agents.get(id as AgentId);
    if (!agent) return;
    const { generation } = agent;
    if (client.closing) {
      void client.host.submit({ type: "DesktopClosed", agentId: id, generation }, { requestId: "socket" });
      return;
    }
    const profile = configOf(client.host)?.profiles.find((p) => p.id === agent.profileId);
    const windowMs = Math.max((profile?.disconnect.heartbeatTimeoutSec ?? 120) * 1000 - SILENCE_LIMIT_MS, 0);
    const timer = setTimeout(() => {
      t.missing.delete(id);
      if (t.users.has(id)) return;
      void client.host.submit({ type: "HeartbeatsMissed", agentId: id, generation }, { requestId: "socket" });
    }, windowMs);
    timer.unref();
    t.missing.set(id, timer);
  }

  private dropSilent(): void {
    const now = this.deps.clock();
    // A silent peer will not answer a closing handshake either.
    for (const t of this.tenants.values())
      for (const c of t.users.values()) if (now - c.lastHeard > SILENCE_LIMIT_MS) c.socket.terminate();
  }

  close(): void {
    clearInterval(this.sweep);
    for (const t of this.tenants.values()) {
      for (const timer of t.missing.values()) clearTimeout(timer);
      for (const c of t.users.values()) c.socket.close(CLOSE.shutdown, "server shutting down");
    }
  }
}

function send(socket: WebSocket, message: ServerMessage): void {
  if (socket.readyState === socket.OPEN) socket.send(JSON.stringify(message));
}

function refuse(
  socket: WebSocket,
  code: "BAD_REQUEST" | "UNAUTHENTICATED",
  message: string,
  close: number,
): void {
  send(socket, { type: "error", code, message });
  socket.close(close, message.slice(0, 120));
}
