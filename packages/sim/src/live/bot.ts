import type { EventEnvelope, Me, TaskView } from "@parley/protocol";
import { EventSocket, type ParleyClient, type WebSocketConstructor } from "@parley/sdk";
import type { Random, Range } from "../traffic/random.ts";
import { BOT_REPLIES } from "./texts.ts";

type Channel = TaskView["channel"];

/** How a bot agent works: wall-clock times in milliseconds. */
export interface LiveBotBehaviour {
  /** From an offer (or a consult request) to accepting it. */
  readonly acceptMs: Range;
  /** From accepting to ending the interaction, per channel (the customer may leave first). */
  readonly handleMs: Readonly<Record<Channel, Range>>;
  /** From the end of an interaction to its wrap-up. */
  readonly wrapMs: Range;
  /** From a customer's message to the bot's reply. */
  readonly replyMs: Range;
  /** After a wrap-up with nothing else in hand, the chance of a break. */
  readonly breakChance: number;
  readonly breakMs: Range;
}

export interface LiveBotStats {
  readonly agentId: string;
  readonly offers: number;
  readonly accepted: number;
  readonly wrapped: number;
  readonly breaks: number;
  readonly replies: number;
  /** Commands the server refused: races with customers who left, offers that timed out. */
  readonly refused: number;
}

export interface LiveBotOptions {
  /** Signed in as the bot's user: an agent of the tenant. */
  readonly client: ParleyClient;
  readonly baseUrl: string;
  readonly WebSocket?: WebSocketConstructor;
  readonly teamId: string;
  readonly rng: Random;
  readonly behaviour: LiveBotBehaviour;
  readonly log?: (line: string) => void;
}

type Phase = "offered" | "active" | "consulted" | "wrapping";

interface Work {
  phase: Phase;
  channel: Channel | null;
  replying: boolean;
  replies: number;
  readonly timers: Set<ReturnType<typeof setTimeout>>;
}

const dataOf = (e: EventEnvelope) => e.data as unknown as Record<string, unknown> & { type: string };

/**
 * A bot agent on the real server, as a person at a desktop would be: its own user, its own event
 * socket, and only the agent's commands. It signs in at a browser station and goes Available;
 * accepts what it is offered after a moment, talks or chats for a while (replying to customers'
 * messages), ends, wraps up, and now and then takes a break. It accepts consult requests and
 * leaves the call after a while; a call transferred to it is its own to finish.
 *
 * @example
 * const bot = new LiveBot({ client, baseUrl, WebSocket, teamId: "support", rng, behaviour });
 * await bot.start();
 * // …
 * await bot.stop();
 */
export class LiveBot {
  private socket: EventSocket | null = null;
  private readonly work = new Map<string, Work>();
  private readonly timers = new Set<ReturnType<typeof setTimeout>>();
  private stopping = false;
  private onBreak = false;
  private wrapCodes: string[] = [];
  private breakCode: string | null = null;
  private agentId = "";
  private counts = { offers: 0, accepted: 0, wrapped: 0, breaks: 0, replies: 0, refused: 0 };

  constructor(private readonly o: LiveBotOptions) {}

  get id(): string {
    return this.agentId;
  }

  /** Opens the socket, signs in at a browser station (unless still signed in), picks up work left from before and goes Available. */
  async start(): Promise<void> {
    const token = this.o.client.token;
    if (!token) throw new Error("the bot's client is not signed in");
    const me = await new Promise<Me | null>((resolve, reject) => {
      const failed = setTimeout(() => reject(new Error("the bot's socket did not open")), 10_000);
      this.socket = new EventSocket({
        baseUrl: this.o.baseUrl,
        token,
        ...(this.o.WebSocket ? { WebSocket: this.o.WebSocket } : {}),
        onWelcome: (snapshot) => {
          clearTimeout(failed);
          resolve(snapshot);
        },
        onEvent: (e) => this.event(e),
      });
    });
    const snapshot = me ?? (await this.o.client.call("getMe", {}));
    this.agentId = snapshot.user.id;
    this.wrapCodes = snapshot.wrapUpCodes.map((c) => c.id);
    this.breakCode =
      snapshot.idleCodes.find((c) => c.id === "break")?.id ?? snapshot.idleCodes[0]?.id ?? null;
    if (!snapshot.agent) await this.login();
    for (const task of snapshot.tasks) this.adopt(task);
    await this.available();
  }

  stats(): LiveBotStats {
    return { agentId: this.agentId, ...this.counts };
  }

  /** Finishes what it has in hand at once (declines offers, ends, wraps up), signs out and closes its socket. */
  async stop(): Promise<void> {
    this.stopping = true;
    for (const t of this.timers) clearTimeout(t);
    this.timers.clear();
    for (const w of this.work.values()) for (const t of w.timers) clearTimeout(t);
    const params = { agentId: "me" };
    await this.quietly(() =>
      this.o.client.call("changeAgentState", { params, body: { state: { type: "idle" } } }),
    );
    for (const [taskId, w] of [...this.work]) {
      const p = { params: { taskId } };
      if (w.phase === "offered") await this.quietly(() => this.o.client.call("declineTask", p));
      if (w.phase === "consulted") await this.quietly(() => this.o.client.call("endConsult", p));
      if (w.phase === "active") await this.quietly(() => this.o.client.call("endTask", p));
      if (w.phase === "active" || w.phase === "wrapping")
        await this.quietly(() =>
          this.o.client.call("wrapUpTask", { ...p, body: { codeId: this.wrapCode() } }),
        );
    }
    this.work.clear();
    await this.quietly(() => this.o.client.call("logoutAgent", { params }));
    this.socket?.closeDesktop();
    this.socket = null;
  }

  private async login(): Promise<void> {
    await this.o.client.call("loginAgent", {
      params: { agentId: "me" },
      body: { station: { teamId: this.o.teamId, device: "BROWSER" } },
    });
  }

  private async available(): Promise<void> {
    if (this.stopping) return;
    this.onBreak = false;
    await this.quietly(() =>
      this.o.client.call("changeAgentState", {
        params: { agentId: "me" },
        body: { state: { type: "available" } },
      }),
    );
  }

  private event(e: EventEnvelope): void {
    if (this.stopping) return;
    const d = dataOf(e);
    const me = this.agentId;
    const taskId = typeof d.taskId === "string" ? d.taskId : null;
    switch (d.type) {
      case "offer.created":
        if (d.agentId === me && taskId) this.offered(taskId);
        return;
      case "task.transferred": {
        const to = d.to as { kind: string; agentId?: string };
        if (to.kind === "agent" && to.agentId === me && taskId) this.offered(taskId);
        return;
      }
      case "task.owner_changed":
        if (d.agentId === me && taskId) void this.activate(taskId);
        return;
      case "consult.created": {
        const consult = d.consult as { consulted: string | null };
        if (consult.consulted === me && taskId) this.consulted(taskId);
        return;
      }
      case "task.ended":
        if (d.agentId === me && taskId) this.ended(taskId);
        return;
      case "task.wrapup":
        if (d.agentId === me && taskId) this.wrapped(taskId);
        return;
      case "offer.timed_out":
      case "offer.failed":
      case "offer.declined":
      case "task.agent_left":
        if (d.agentId === me && taskId) this.forget(taskId);
        return;
      case "task.canceled":
        if (taskId) this.forget(taskId);
        return;
      case "conversation.message_added": {
        const message = d.message as { from: string };
        if (message.from === "customer" && taskId) this.reply(taskId);
        return;
      }
      case "agent.state.changed": {
        const to = d.to as { type: string };
        // Missed an offer (RONA): back to work after a moment.
        if (d.agentId === me && to.type === "rona") this.later(2000, () => void this.available());
        return;
      }
      case "agent.logged_out":
        // The desktop's grace ran out while the socket was down: sign in again. A supervisor's logout stands.
        if (d.agentId === me && (d.cause === "disconnected" || d.cause === "device_lost"))
          this.later(1000, () => void this.quietly(() => this.login()).then(() => this.available()));
        return;
      default:
        return;
    }
  }

  /** Work found at start-up (left from an earlier run): carry it on. */
  private adopt(task: TaskView): void {
    if (task.offer) this.offered(task.id);
    else if (task.wrapping) this.ended(task.id);
    else if (task.role === "owner") void this.activate(task.id);
    else if (task.role === "consulted" || task.role === "conferee") this.consulted(task.id, true);
  }

  private offered(taskId: string): void {
    if (this.work.has(taskId)) return;
    const w = this.track(taskId, "offered");
    this.counts.offers++;
    this.after(w, this.o.rng.between(this.o.behaviour.acceptMs), async () => {
      const params = { taskId };
      await this.quietly(() => this.o.client.call("confirmDelivered", { params }), false);
      const ok = await this.quietly(() => this.o.client.call("acceptTask", { params }));
      if (!ok) {
        this.forget(taskId);
        return;
      }
      this.counts.accepted++;
      await this.activate(taskId);
    });
  }

  /** The bot owns the interaction: it works on it for a while and then ends it. */
  private async activate(taskId: string): Promise<void> {
    const w = this.work.get(taskId) ?? this.track(taskId, "active");
    if (w.phase === "active" && w.channel !== null) return;
    w.phase = "active";
    const view = await this.view(taskId);
    if (!view || this.stopping || this.work.get(taskId) !== w || w.phase !== "active") return;
    w.channel = view.channel;
    if (w.channel !== "voice") this.reply(taskId);
    this.after(w, this.o.rng.between(this.o.behaviour.handleMs[w.channel]), async () => {
      if (w.phase !== "active") return;
      await this.quietly(() => this.o.client.call("endTask", { params: { taskId } }));
    });
  }

  private consulted(taskId: string, accepted = false): void {
    if (this.work.has(taskId)) return;
    const w = this.track(taskId, "consulted");
    const stay = this.o.rng.between(this.o.behaviour.handleMs.voice) / 2;
    const leave = () =>
      this.after(w, stay, async () => {
        const actions = (await this.view(taskId))?.call?.actions ?? [];
        const params = { taskId };
        if (actions.includes("leave_conference"))
          await this.quietly(() => this.o.client.call("leaveConference", { params }));
        else if (actions.includes("end_consult"))
          await this.quietly(() => this.o.client.call("endConsult", { params }));
      });
    if (accepted) {
      leave();
      return;
    }
    this.after(w, this.o.rng.between(this.o.behaviour.acceptMs), async () => {
      const ok = await this.quietly(() => this.o.client.call("acceptConsult", { params: { taskId } }));
      if (ok) leave();
      else this.forget(taskId);
    });
  }

  /** The interaction ended (by the bot or the customer): wrap up after a moment. */
  private ended(taskId: string): void {
    const w = this.work.get(taskId) ?? this.track(taskId, "wrapping");
    if (w.phase === "wrapping" && w.timers.size > 0) return;
    this.clearTimers(w);
    w.phase = "wrapping";
    this.after(w, this.o.rng.between(this.o.behaviour.wrapMs), async () => {
      const ok = await this.quietly(() =>
        this.o.client.call("wrapUpTask", { params: { taskId }, body: { codeId: this.wrapCode() } }),
      );
      // Wrapped up already (by the system's auto wrap-up): nothing left to do.
      if (!ok) this.wrapped(taskId);
    });
  }

  private wrapped(taskId: string): void {
    if (!this.work.has(taskId)) return;
    this.counts.wrapped++;
    this.forget(taskId);
    if (this.work.size > 0 || this.onBreak || this.stopping) return;
    if (!this.o.rng.chance(this.o.behaviour.breakChance) || this.breakCode === null) return;
    this.onBreak = true;
    this.counts.breaks++;
    const codeId = this.breakCode;
    void this.quietly(() =>
      this.o.client.call("changeAgentState", {
        params: { agentId: "me" },
        body: { state: { type: "idle", codeId } },
      }),
    );
    this.later(this.o.rng.between(this.o.behaviour.breakMs), () => void this.available());
  }

  /** A customer wrote (or a conversation began): answer after a moment, one reply at a time. */
  private reply(taskId: string): void {
    const w = this.work.get(taskId);
    if (w?.phase !== "active" || w.channel === "voice" || w.channel === null || w.replying) return;
    w.replying = true;
    this.after(w, this.o.rng.between(this.o.behaviour.replyMs), async () => {
      const text = BOT_REPLIES[Math.min(w.replies, BOT_REPLIES.length - 1)] ?? BOT_REPLIES[0];
      w.replies++;
      const ok = await this.quietly(() =>
        this.o.client.call("sendMessage", { params: { taskId }, body: { text } }),
      );
      if (ok) this.counts.replies++;
      w.replying = false;
    });
  }

  private async view(taskId: string): Promise<TaskView | null> {
    try {
      return await this.o.client.call("getTask", { params: { taskId } });
    } catch {
      return null;
    }
  }

  private wrapCode(): string {
    return this.wrapCodes.length > 0 ? this.o.rng.pick(this.wrapCodes) : "resolved";
  }

  private track(taskId: string, phase: Phase): Work {
    const w: Work = { phase, channel: null, replying: false, replies: 0, timers: new Set() };
    this.work.set(taskId, w);
    return w;
  }

  private forget(taskId: string): void {
    const w = this.work.get(taskId);
    if (!w) return;
    this.clearTimers(w);
    this.work.delete(taskId);
  }

  private clearTimers(w: Work): void {
    for (const t of w.timers) clearTimeout(t);
    w.timers.clear();
  }

  /** A step of one piece of work; it dies with the work. */
  private after(w: Work, ms: number, run: () => Promise<void>): void {
    const t = setTimeout(() => {
      w.timers.delete(t);
      if (!this.stopping) void run();
    }, ms);
    w.timers.add(t);
  }

  private later(ms: number, run: () => void): void {
    const t = setTimeout(() => {
      this.timers.delete(t);
      if (!this.stopping) run();
    }, ms);
    this.timers.add(t);
  }

  /** Runs a command; a refusal (a race the bot lost) is counted, not thrown. */
  private async quietly(run: () => Promise<unknown>, count = true): Promise<boolean> {
    try {
      await run();
      return true;
    } catch (e) {
      if (count) this.counts.refused++;
      this.o.log?.(`${this.agentId}: ${(e as Error).message}`);
      return false;
    }
  }
}
