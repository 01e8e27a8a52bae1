import type { CustomerScript } from "@parley/telephony";
import type { Random } from "../traffic/random.ts";
import type { LiveContactKind, LiveProfile } from "./profile.ts";
import {
  CHAT_THREADS,
  EMAILS,
  FIRST_NAMES,
  LAST_NAMES,
  phoneNumber,
  SOCIAL_THREADS,
  type Thread,
} from "./texts.ts";

/**
 * Makes the customers of the live traffic: each one a script (who, through which entry point,
 * how patient, what they write) drawn from the seeded stream, so a seed gives the same crowd.
 */
export class CustomerFactory {
  private n = 0;

  constructor(
    private readonly rng: Random,
    private readonly profile: LiveProfile,
    /** Entry point of each kind of contact the tenant has. */
    private readonly entryPoints: Readonly<Partial<Record<LiveContactKind, string>>>,
    /** Makes task ids unique across runs on the same store. */
    private readonly runTag: string,
  ) {}

  /** The kinds this factory can make (those with an entry point and a weight). */
  kinds(): LiveContactKind[] {
    return (Object.keys(this.profile.mix) as LiveContactKind[]).filter(
      (k) => (this.profile.mix[k] ?? 0) > 0 && this.entryPoints[k] !== undefined,
    );
  }

  next(kind?: LiveContactKind): CustomerScript | null {
    const kinds = this.kinds();
    if (kinds.length === 0) return null;
    const weights: Partial<Record<LiveContactKind, number>> = {};
    for (const x of kinds) weights[x] = this.profile.mix[x] ?? 0;
    const k: LiveContactKind = kind ?? this.rng.weighted(weights);
    const entryPointId = this.entryPoints[k];
    if (entryPointId === undefined) return null;
    const n = ++this.n;
    const taskId = `live-${this.runTag}-${n}`;
    const first = this.rng.pick(FIRST_NAMES);
    const name = `${first} ${this.rng.pick(LAST_NAMES)}`;
    const number = phoneNumber(Math.floor(this.rng.next() * 9_000_000));
    const p = this.profile;
    switch (k) {
      case "supportCall":
      case "salesCall":
        return {
          kind: "caller",
          taskId,
          entryPointId,
          name,
          number,
          patienceMs: this.rng.between(p.callerPatienceMs),
          talkMs: this.rng.between(p.callerTalkMs),
          ...(k === "supportCall"
            ? { variables: { customerId: String(100_000 + n), language: this.rng.pick(["sv", "en"]) } }
            : {}),
        };
      case "webCallback":
        return {
          kind: "callback",
          taskId,
          entryPointId,
          name,
          number,
          talkMs: this.rng.between(p.callerTalkMs),
        };
      case "webChat":
      case "social":
        return {
          kind: "conversation",
          taskId,
          entryPointId,
          name,
          address: k === "social" ? `@${first.toLowerCase()}${n}` : `${first.toLowerCase()}@example.com`,
          patienceMs: this.rng.between(p.chatPatienceMs),
          lines: this.lines(this.rng.pick<Thread>(k === "social" ? SOCIAL_THREADS : CHAT_THREADS)),
          replyMs: this.rng.between(p.chatReplyMs),
          leaveAfterMs: this.rng.between(p.chatLeaveMs),
        };
      case "email": {
        const mail = this.rng.pick(EMAILS);
        return {
          kind: "email",
          taskId,
          entryPointId,
          name,
          address: `${first.toLowerCase()}@example.com`,
          subject: mail.subject,
          body: mail.body,
        };
      }
    }
  }

  private lines(thread: Thread) {
    return thread.map((text, i) => ({
      text,
      afterMs: i === 0 ? 0 : this.rng.between(this.profile.chatLineMs),
    }));
  }
}
