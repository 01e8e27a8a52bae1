import type { TenantEvent } from "@parley/engine";
import {
  type ActorClock,
  type ChannelRequest,
  type ChannelSend,
  type DeliveredEvent,
  SendQueue,
  SYSTEM_CLOCK,
  Timers,
} from "./channel.ts";

/** A caller on an inbound line: waits `patienceMs` for an agent, then talks `talkMs` and hangs up. */
export interface CallerScript {
  readonly kind: "caller";
  readonly taskId: string;
  readonly entryPointId: string;
  readonly name: string;
  readonly number: string;
  /** How long they wait in the queue before hanging up (an abandon). */
  readonly patienceMs: number;
  /** From the agent answering to the caller hanging up, if the agent has not ended the call first. */
  readonly talkMs: number;
  readonly variables?: Readonly<Record<string, string | null>>;
}

/**
 * A website visitor who asks to be called back: the request queues, an agent takes it and the
 * switch dials the number; once the customer's leg is connected they talk `talkMs` and hang up.
 */
export interface CallbackScript {
  readonly kind: "callback";
  readonly taskId: string;
  readonly entryPointId: string;
  readonly name: string;
  readonly number: string;
  readonly talkMs: number;
}

/** One line a chat or social customer writes, `afterMs` after their previous one (or the agent's reply). */
export interface Line {
  readonly text: string;
  readonly afterMs: number;
}

/**
 * A chat or social customer: writes the first line at once, waits `patienceMs` for an agent, then
 * writes the rest — the next line comes `replyMs` after an agent's reply or the line's own
 * `afterMs`, whichever is first — and leaves `leaveAfterMs` after the last.
 */
export interface ConversationScript {
  readonly kind: "conversation";
  readonly taskId: string;
  readonly entryPointId: string;
  readonly name: string;
  readonly address: string;
  readonly patienceMs: number;
  readonly lines: readonly Line[];
  readonly replyMs: number;
  readonly leaveAfterMs: number;
}

/** An e-mail: it arrives with its text and waits for an agent however long it takes. */
export interface EmailScript {
  readonly kind: "email";
  readonly taskId: string;
  readonly entryPointId: string;
  readonly name: string;
  readonly address: string;
  readonly subject: string;
  readonly body: string;
}

export type CustomerScript = CallerScript | CallbackScript | ConversationScript | EmailScript;

/** How a customer's contact ended, for the runner's counts. */
export type Outcome = "abandoned" | "hung_up" | "left" | "ended_by_agent" | "refused";

export interface CrowdStats {
  readonly arrived: Readonly<Record<CustomerScript["kind"], number>>;
  readonly outcomes: Readonly<Record<Outcome, number>>;
  readonly answered: number;
  readonly messages: number;
  /** Customers whose contact is still open. */
  readonly present: number;
  /** Requests the server refused (a race with an agent, a call already gone). */
  readonly refused: number;
}

export interface CustomerCrowdOptions {
  readonly send: ChannelSend;
  /**
   * The sentiment score (−1…1) of a customer's text, passed with every message: the analyser is
   * the host's, outside the engine. Without one, messages go unscored.
   */
  readonly score?: (text: string) => number | undefined;
  readonly clock?: ActorClock;
  readonly onRefused?: (request: ChannelRequest, error: unknown) => void;
  /** Called when a customer's contact is over. */
  readonly onOutcome?: (script: CustomerScript, outcome: Outcome) => void;
}

type Phase = "arriving" | "waiting" | "served" | "gone";

interface Present {
  readonly script: CustomerScript;
  readonly timers: Timers;
  readonly queue: SendQueue;
  phase: Phase;
  /** Conversations: the next line to write. */
  next: number;
  pendingLine: unknown;
  /** Calls: whether the customer's leg is up and talking. */
  talking: boolean;
}

/**
 * Simulated customers at run time: callers with patience who abandon when they wait too long and
 * hang up after talking, callback requesters, chat and social customers who write (with a
 * sentiment score for every message) and leave, and e-mail senders. Each arrives through
 * `receiveContact` (or `requestWebCallback`) and follows its script, reacting to the engine's
 * events from an administrator's socket — the same channel API a chat widget, a mail gateway or a
 * switch uses.
 *
 * The scripts decide everything (times, texts); the crowd adds no randomness, so a seeded
 * generator upstream makes a run repeatable.
 */
export class CustomerCrowd {
  private readonly present = new Map<string, Present>();
  private readonly clock: ActorClock;
  private readonly arrived: Record<CustomerScript["kind"], number> = {
    caller: 0,
    callback: 0,
    conversation: 0,
    email: 0,
  };
  private readonly outcomes: Record<Outcome, number> = {
    abandoned: 0,
    hung_up: 0,
    left: 0,
    ended_by_agent: 0,
    refused: 0,
  };
  private answered = 0;
  private messages = 0;
  private refused = 0;
  private stopped = false;

  constructor(private readonly options: CustomerCrowdOptions) {
    this.clock = options.clock ?? SYSTEM_CLOCK;
  }

  /** A customer makes contact; resolves once the server took (or refused) the contact. */
  async arrive(script: CustomerScript): Promise<boolean> {
    if (this.stopped || this.present.has(script.taskId)) return false;
    const p: Present = {
      script,
      timers: new Timers(this.clock),
      queue: new SendQueue(this.options.send, (request, error) => {
        this.refused++;
        this.options.onRefused?.(request, error);
      }),
      phase: "arriving",
      next: 0,
      pendingLine: null,
      talking: false,
    };
    this.present.set(script.taskId, p);
    this.arrived[script.kind]++;
    const ok = await p.queue.push(this.contactOf(script));
    if (!ok) {
      this.finish(p, "refused");
      return false;
    }
    if (script.kind === "email") this.write(p, `${script.subject}\n\n${script.body}`);
    // An agent may have been quicker than the answer: then the customer is served already.
    if (p.phase !== "arriving") return true;
    p.phase = "waiting";
    if (script.kind === "caller" || script.kind === "conversation")
      p.timers.after(script.patienceMs, () => this.abandon(p));
    if (script.kind === "conversation") this.writeNext(p);
    return true;
  }

  /** One event from the administrator's socket, in order. */
  handle(delivered: DeliveredEvent): void {
    const e = delivered.data as TenantEvent;
    if (!("taskId" in e)) return;
    const p = this.present.get(e.taskId);
    if (!p || p.phase === "gone") return;
    switch (e.type) {
      case "task.assigned":
        this.served(p);
        return;
      case "participant.leg_changed":
      case "participant.joined": {
        const partyId = e.type === "participant.joined" ? e.party.id : e.partyId;
        const status = e.type === "participant.joined" ? e.party.leg.status : e.leg.status;
        if (partyId === "customer" && status === "connected") this.talk(p);
        return;
      }
      case "participant.left":
        // A callback the customer did not pick up goes back to its queue (CB-2): they are still there.
        if (e.partyId !== "customer" || (p.script.kind === "callback" && e.leg.status === "failed")) return;
        this.finish(p, "ended_by_agent");
        return;
      case "conversation.message_added":
        if (e.message.from === "agent") this.replied(p);
        return;
      case "task.ended":
        this.finish(p, e.by === "customer" ? "left" : "ended_by_agent");
        return;
      case "conversation.closed":
        this.finish(p, "ended_by_agent");
        return;
      case "task.canceled":
        this.finish(p, e.reason === "abandoned" ? "abandoned" : "ended_by_agent");
        return;
      default:
        return;
    }
  }

  stats(): CrowdStats {
    return {
      arrived: { ...this.arrived },
      outcomes: { ...this.outcomes },
      answered: this.answered,
      messages: this.messages,
      present: this.present.size,
      refused: this.refused,
    };
  }

  /** The contacts still open, by task id. */
  openTasks(): string[] {
    return [...this.present.keys()];
  }

  /**
   * Everyone still there goes: waiting callers and chatters leave, callers on a call hang up,
   * e-mails stay (they are mail). Resolves when the server has heard it all.
   */
  async stop(): Promise<void> {
    this.stopped = true;
    const goodbyes: Promise<unknown>[] = [];
    for (const p of [...this.present.values()]) {
      p.timers.clear();
      const s = p.script;
      if (s.kind === "email" || p.phase === "gone") {
        this.present.delete(s.taskId);
        continue;
      }
      const request: ChannelRequest =
        p.talking && s.kind !== "conversation"
          ? { op: "legHungUp", params: { taskId: s.taskId, partyId: "customer" }, body: {} }
          : { op: "customerLeft", params: { taskId: s.taskId }, body: {} };
      goodbyes.push(p.queue.push(request).then(() => p.queue.drained()));
      p.phase = "gone";
      this.present.delete(s.taskId);
    }
    await Promise.all(goodbyes);
  }

  private contactOf(s: CustomerScript): ChannelRequest {
    switch (s.kind) {
      case "caller":
        return {
          op: "receiveContact",
          params: {},
          body: {
            taskId: s.taskId,
            entryPointId: s.entryPointId,
            customer: { name: s.name, address: s.number },
            ...(s.variables ? { variables: { ...s.variables } } : {}),
          },
        };
      case "callback":
        return {
          op: "requestWebCallback",
          params: {},
          body: { taskId: s.taskId, entryPointId: s.entryPointId, name: s.name, number: s.number },
        };
      case "conversation":
      case "email":
        return {
          op: "receiveContact",
          params: {},
          body: {
            taskId: s.taskId,
            entryPointId: s.entryPointId,
            customer: { name: s.name, address: s.address },
          },
        };
    }
  }

  private served(p: Present): void {
    if (p.phase === "served") return;
    p.phase = "served";
    this.answered++;
    p.timers.clear();
    const s = p.script;
    if (s.kind === "caller") this.talk(p);
    if (s.kind === "conversation") this.writeNext(p);
  }

  /** The customer's line is connected: a caller talks for a while, then hangs up. */
  private talk(p: Present): void {
    const s = p.script;
    if (p.talking || (s.kind !== "caller" && s.kind !== "callback")) return;
    p.talking = true;
    p.timers.after(s.talkMs, () => {
      if (p.phase === "gone") return;
      void p.queue.push({ op: "legHungUp", params: { taskId: s.taskId, partyId: "customer" }, body: {} });
      this.finish(p, "hung_up");
    });
  }

  private abandon(p: Present): void {
    if (p.phase !== "waiting") return;
    void p.queue.push({ op: "customerLeft", params: { taskId: p.script.taskId }, body: {} });
    this.finish(p, "abandoned");
  }

  /** An agent wrote: the customer answers sooner than they would have by themselves. */
  private replied(p: Present): void {
    const s = p.script;
    if (s.kind !== "conversation" || p.phase !== "served" || p.next >= s.lines.length) return;
    const line = s.lines[p.next];
    if (line && line.afterMs > s.replyMs) this.scheduleLine(p, s.replyMs);
  }

  /** Writes the next line now if it is the first, else after its delay; after the last, leaves. */
  private writeNext(p: Present): void {
    const s = p.script;
    if (s.kind !== "conversation") return;
    if (p.next === 0) {
      this.writeLine(p);
      return;
    }
    if (p.phase !== "served") return;
    if (p.next >= s.lines.length) {
      this.scheduleLeave(p);
      return;
    }
    this.scheduleLine(p, s.lines[p.next]?.afterMs ?? 0);
  }

  private scheduleLine(p: Present, ms: number): void {
    p.timers.cancel(p.pendingLine);
    p.pendingLine = p.timers.after(ms, () => {
      p.pendingLine = null;
      this.writeLine(p);
    });
  }

  private writeLine(p: Present): void {
    const s = p.script;
    if (s.kind !== "conversation" || p.phase === "gone") return;
    const line = s.lines[p.next];
    if (!line) return;
    p.next++;
    this.write(p, line.text);
    this.writeNext(p);
  }

  private scheduleLeave(p: Present): void {
    const s = p.script;
    if (s.kind !== "conversation") return;
    p.timers.cancel(p.pendingLine);
    p.pendingLine = p.timers.after(s.leaveAfterMs, () => {
      if (p.phase === "gone") return;
      void p.queue.push({ op: "customerLeft", params: { taskId: s.taskId }, body: {} });
      this.finish(p, "left");
    });
  }

  private write(p: Present, text: string): void {
    const sentiment = this.options.score?.(text);
    this.messages++;
    void p.queue.push({
      op: "customerMessage",
      params: { taskId: p.script.taskId },
      body: sentiment === undefined ? { text } : { text, sentiment },
    });
  }

  private finish(p: Present, outcome: Outcome): void {
    if (p.phase === "gone") return;
    p.phase = "gone";
    p.timers.clear();
    this.present.delete(p.script.taskId);
    this.outcomes[outcome]++;
    this.options.onOutcome?.(p.script, outcome);
  }
}
