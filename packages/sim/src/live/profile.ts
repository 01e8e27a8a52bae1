import type { SimulatedSwitchOptions } from "@parley/telephony";
import type { Range } from "../traffic/random.ts";
import type { LiveBotBehaviour } from "./bot.ts";

/** The kinds of contact the live traffic makes, each through an entry point of the demo tenant. */
export type LiveContactKind = "supportCall" | "salesCall" | "webChat" | "social" | "email" | "webCallback";

/** Where each kind of contact comes in. */
export const DEMO_ENTRY_POINTS: Readonly<Record<LiveContactKind, string>> = {
  supportCall: "ep-support-line",
  salesCall: "ep-sales-line",
  webChat: "ep-web-chat",
  social: "ep-social-dm",
  email: "ep-support-mail",
  webCallback: "ep-callbacks",
};

/** A live traffic profile: how often contacts come, what they are, and how customers and bots behave. */
export interface LiveProfile {
  /** Between one contact and the next (uniform). */
  readonly interarrivalMs: Range;
  /** Relative weights of the kinds of contact; kinds without an entry point in the tenant are left out. */
  readonly mix: Readonly<Partial<Record<LiveContactKind, number>>>;
  /** How long a caller waits in the queue before hanging up (abandoning). */
  readonly callerPatienceMs: Range;
  /** How long a caller talks before hanging up, unless the agent ends the call first. */
  readonly callerTalkMs: Range;
  readonly chatPatienceMs: Range;
  /** Between a chat customer's lines, when the agent has not written. */
  readonly chatLineMs: Range;
  /** From an agent's message to the customer's answer. */
  readonly chatReplyMs: Range;
  /** From the customer's last line to their leaving. */
  readonly chatLeaveMs: Range;
  readonly bot: LiveBotBehaviour;
  /** The switch's answers to dialled numbers (outdials, consults to numbers, callbacks). */
  readonly numbers: SimulatedSwitchOptions;
}

/**
 * Numbers with a fixed behaviour, for trying outdials and consults in the demo; every other number
 * answers after 3 s.
 */
export const DEMO_NUMBERS: SimulatedSwitchOptions = {
  ringDelayMs: 1000,
  defaultNumber: { outcome: "answer", afterMs: 3000 },
  numbers: {
    "+46 8 555 0100": { outcome: "busy", afterMs: 2000 },
    "+46 8 555 0101": { outcome: "no_answer", afterMs: 20_000 },
    "+46 8 555 0102": { outcome: "unreachable", afterMs: 1000 },
    "+46 8 555 0103": { outcome: "answer", afterMs: 2000, hangUpAfterMs: 20_000 },
  },
};

/**
 * The demo's gentle traffic: a call, chat, DM, e-mail or callback request every 3–6 s, handled by
 * a few bots that work 20–60 s on each and wrap up in a few seconds — more than the bots can take
 * on their own, so a person who goes Available gets offers at once, and a supervisor sees queues,
 * service levels and the odd abandon.
 */
export const GENTLE_PROFILE: LiveProfile = {
  interarrivalMs: [3000, 6000],
  mix: { supportCall: 34, salesCall: 10, webChat: 30, social: 8, email: 10, webCallback: 8 },
  callerPatienceMs: [45_000, 150_000],
  callerTalkMs: [40_000, 150_000],
  chatPatienceMs: [60_000, 240_000],
  chatLineMs: [8000, 20_000],
  chatReplyMs: [3000, 8000],
  chatLeaveMs: [5000, 15_000],
  bot: {
    acceptMs: [1500, 4000],
    handleMs: {
      voice: [20_000, 60_000],
      chat: [20_000, 60_000],
      social: [20_000, 50_000],
      email: [15_000, 40_000],
    },
    wrapMs: [3000, 8000],
    replyMs: [3000, 8000],
    breakChance: 0.1,
    breakMs: [20_000, 60_000],
  },
  numbers: DEMO_NUMBERS,
};

/**
 * Everything a hundred times faster or so, for tests: a contact every few hundred ms, bots that
 * take a second or two. `over` replaces parts.
 */
export function fastLiveProfile(over: Partial<LiveProfile> = {}): LiveProfile {
  return {
    interarrivalMs: [250, 500],
    mix: GENTLE_PROFILE.mix,
    callerPatienceMs: [8000, 12_000],
    callerTalkMs: [3000, 5000],
    chatPatienceMs: [8000, 12_000],
    chatLineMs: [400, 800],
    chatReplyMs: [200, 400],
    chatLeaveMs: [500, 1000],
    bot: {
      acceptMs: [100, 300],
      handleMs: { voice: [800, 1500], chat: [800, 1500], social: [800, 1500], email: [500, 1000] },
      wrapMs: [100, 300],
      replyMs: [100, 300],
      breakChance: 0.1,
      breakMs: [500, 1000],
    },
    numbers: {
      ...DEMO_NUMBERS,
      ringDelayMs: 100,
      defaultNumber: { outcome: "answer", afterMs: 300 },
      numbers: { "+46 8 555 0100": { outcome: "busy", afterMs: 200 } },
    },
    ...over,
  };
}
