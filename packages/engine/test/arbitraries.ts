import fc from "fast-check";
import { DateTime } from "luxon";
import type { ConnectionCommand } from "../src/agents/connection/commands.ts";
import type { ExternalPresence } from "../src/agents/federation/state.ts";
import { DIGITAL_CHANNELS } from "../src/shared/channels.ts";
import type { Plain } from "../src/shared/ids.ts";
import type { Instant } from "../src/shared/time.ts";
import type { Task } from "../src/tasks/state.ts";
import type { Command } from "../src/tenant/messages.ts";
import type { TenantState } from "../src/tenant/state.ts";
import type { TimerKind } from "../src/timers/timers.ts";
import { CUSTOMER } from "../src/voice/state.ts";

/**
 * Random steps for property tests against the fixture tenant (test/fixtures.ts), with ep-chat
 * persistent as invariants.property.test.ts configures it.
 *
 * A step is abstract: commands that act on a task either name ids from small pools (so they
 * collide with real tasks and agents often, and are refused otherwise), or say "pick the n-th
 * task that is in a fitting status right now". `toCommand` resolves a step against the live
 * state and its context (the clock, and the logins so far), so the same steps always give the
 * same commands and fast-check can shrink them.
 */

type Cmd = Plain<Command>;

export const AGENT_POOL = ["a1", "a2", "a3", "a4", "a5"] as const;
// Persistent chats wait a day and callbacks hours: enough ids that new contacts still find free ones.
export const TASK_POOL = Array.from({ length: 40 }, (_, i) => `t${i + 1}`);

/** Mostly real agents; now and then a supervisor who is also an agent, an admin, or nobody. */
const agentId = fc.oneof(
  { weight: 20, arbitrary: fc.constantFrom(...AGENT_POOL) },
  { weight: 1, arbitrary: fc.constantFrom("sup1", "admin1", "ghost") },
);
const taskId = fc.oneof(
  { weight: 20, arbitrary: fc.constantFrom(...TASK_POOL) },
  { weight: 1, arbitrary: fc.constant("nope") },
);
/** `rare` one time in `every`, else `usual`. */
const mostly = <T, U>(usual: fc.Arbitrary<T>, rare: fc.Arbitrary<U>, every: number) =>
  fc.oneof({ weight: every - 1, arbitrary: usual }, { weight: 1, arbitrary: rare });

const actorFor = (agent: string, bySupervisor: boolean) =>
  bySupervisor ? { kind: "supervisor" as const, id: "sup1" } : { kind: "agent" as const, id: agent };

/** A logged-in agent (the n-th of those who fit the command), or a pool name blindly. */
export type AgentRef = { readonly pick: number } | string;
const agentRef: fc.Arbitrary<AgentRef> = mostly(fc.record({ pick: fc.nat() }), agentId, 3);

/**
 * A live task (the n-th of those in a status the command fits), sometimes with another agent than
 * the one it is with; or pool ids blindly.
 */
export type Target = { readonly pick: number; readonly wrongAgent: string | null } | Blind;
type Blind = { readonly task: string; readonly agent: string };

/** Targets a live task seven times in eight; otherwise names pool ids blindly. */
const target: fc.Arbitrary<Target> = fc.oneof(
  {
    weight: 7,
    arbitrary: fc.record({
      pick: fc.nat(),
      wrongAgent: mostly(fc.constant(null), fc.constantFrom(...AGENT_POOL), 10),
    }),
  },
  { weight: 1, arbitrary: fc.record({ task: taskId, agent: agentId }) },
);

export type Step =
  | {
      readonly kind: "login";
      readonly agent: string;
      readonly team: string;
      readonly device: "BROWSER" | "EXTENSION" | "DIAL_NUMBER";
      readonly address: string | null;
      readonly line: string | null;
    }
  | { readonly kind: "logout"; readonly agent: AgentRef; readonly bySupervisor: boolean }
  | {
      readonly kind: "changeState";
      readonly agent: AgentRef;
      readonly to: Extract<Cmd, { type: "ChangeAgentState" }>["to"];
      readonly bySupervisor: boolean;
    }
  | {
      readonly kind: "setPending";
      readonly agent: AgentRef;
      readonly pending: Extract<Cmd, { type: "SetPendingAgentState" }>["pending"];
    }
  | {
      readonly kind: "receive";
      readonly task: string;
      readonly entryPoint: string;
      readonly priority: number | undefined;
      readonly exclude: string[] | undefined;
    }
  | {
      readonly kind: "outdial";
      readonly task: string;
      readonly agent: AgentRef;
      readonly entryPoint: string;
      readonly dialNumber: string;
    }
  | { readonly kind: "deliver" | "accept" | "decline" | "end" | "customerLeft"; readonly target: Target }
  | {
      readonly kind: "fail";
      readonly target: Target;
      readonly cause: "DEVICE_UNREACHABLE" | "INVALID_ADDRESS" | "DEVICE_FAULT";
    }
  | { readonly kind: "wrapUp"; readonly target: Target; readonly code: string }
  | { readonly kind: "acceptAll"; readonly pick: number; readonly blindAgent: string | null }
  /** SES-15: an agent picks a waiting work item (most often one their team's queue holds). */
  | { readonly kind: "pick"; readonly target: Target; readonly agent: AgentRef }
  | { readonly kind: "advance"; readonly seconds: number }
  /** To the next due time (of one kind, if given), or a millisecond either side of it. */
  | { readonly kind: "toDue"; readonly timer: TimerKind | null; readonly offsetMs: -1 | 0 | 1 }
  | DigitalStep
  | CallbackStep
  | {
      readonly kind: "externalPresence";
      readonly agent: AgentRef;
      readonly presence: ExternalPresence;
      readonly source: "manual" | "automatic";
      /** How long before now the tool saw it: the feed lags (FED-4), and reports can arrive late. */
      readonly lagSec: number;
    }
  | {
      readonly kind: "connection";
      readonly type: ConnectionCommand["type"];
      readonly agent: AgentRef;
      /** The agent's current login, an older one of theirs, or one the tenant never gave out. */
      readonly generation: "current" | "stale" | "unknown";
    };

/** Conversation steps (DIG-1, DIG-3, DIG-4, SES-11, SES-12). */
export type DigitalStep =
  | {
      readonly kind: "customerMessage";
      readonly target: Target;
      readonly text: string;
      readonly sentiment: number | undefined;
    }
  | { readonly kind: "sendMessage"; readonly target: Target; readonly text: string }
  | { readonly kind: "markRead"; readonly target: Target; readonly seq: number }
  | { readonly kind: "requestConference"; readonly target: Target; readonly to: AgentRef }
  | { readonly kind: "answerConference"; readonly target: Target; readonly accept: boolean }
  | { readonly kind: "leaveConversation" | "closeConversation"; readonly target: Target };

/** A callback window relative to the clock, in Stockholm time; `bad` spoils one CB-4 field. */
export interface WindowSpec {
  /** Minutes from now to the start, rounded up to a whole minute: under 30 is too soon (CB-4). */
  readonly leadMin: number;
  readonly lengthMin: number;
  readonly bad: "none" | "number" | "name" | "zone" | "far";
}

/** Callback steps (CB-1…CB-8). */
export type CallbackStep =
  | {
      readonly kind: "schedule";
      readonly task: string;
      readonly agent: AgentRef;
      readonly entryPoint: string;
      readonly window: WindowSpec;
      readonly assignTo:
        | { readonly kind: "any" | "me" }
        | { readonly kind: "agent"; readonly agentId: string };
    }
  | { readonly kind: "updateCallback"; readonly target: Target; readonly window: WindowSpec }
  | { readonly kind: "deleteCallback" | "cancelCallback" | "legAnswered"; readonly target: Target }
  | {
      readonly kind: "legFailed";
      readonly target: Target;
      readonly cause: "no_answer" | "busy" | "unreachable" | "invalid_number" | "device_fault";
    }
  | {
      readonly kind: "webCallback";
      readonly task: string;
      readonly entryPoint: string;
      readonly name: string;
      readonly number: string;
    }
  | { readonly kind: "courtesy"; readonly target: Target; readonly number: string };

const login = fc.oneof(
  {
    weight: 3,
    arbitrary: fc.record({
      kind: fc.constant("login" as const),
      agent: agentId,
      team: fc.constantFrom("support", "support", "sales", "nope"),
      device: fc.constant("BROWSER" as const),
      address: mostly(fc.constant(null), fc.constant("1001"), 12),
      line: fc.constant(null),
    }),
  },
  {
    weight: 2,
    arbitrary: fc
      .tuple(
        agentId,
        fc.constantFrom("support", "support", "sales"),
        // 2000 is a shared line with lines 1 and 2: the others have no lines; "12a" is no extension.
        mostly(
          fc.constantFrom(["1001", null], ["1002", null], ["1003", null], ["2000", "1"], ["2000", "2"]),
          fc.constantFrom(["2000", null], ["2000", "3"], ["1001", "1"], ["12a", null], [null, null]),
          6,
        ),
      )
      .map(([agent, team, [address, line]]) => ({
        kind: "login" as const,
        agent,
        team,
        device: "EXTENSION" as const,
        address,
        line,
      })),
  },
  {
    weight: 1,
    arbitrary: fc.record({
      kind: fc.constant("login" as const),
      agent: agentId,
      team: fc.constant("support"),
      device: fc.constant("DIAL_NUMBER" as const),
      address: fc.constantFrom("+46701234567", "+46709876543", "12"),
      line: fc.constant(null),
    }),
  },
);

const chosenState = fc.oneof(
  { weight: 12, arbitrary: fc.constant({ type: "available" as const }) },
  { weight: 2, arbitrary: fc.constant({ type: "idle" as const }) },
  {
    weight: 4,
    arbitrary: fc.record({
      type: fc.constant("idle" as const),
      // coffee is an idle code no profile allows; resolved is a wrap-up code.
      codeId: fc.constantFrom("not-ready", "meeting", "lunch", "training", "coffee", "resolved"),
    }),
  },
);

const changeState = fc.record({
  kind: fc.constant("changeState" as const),
  agent: agentRef,
  to: fc.oneof(
    { weight: 15, arbitrary: chosenState },
    { weight: 1, arbitrary: fc.constant({ type: "rona" as const }) },
  ),
  bySupervisor: fc.boolean(),
});

const setPending = fc.record({
  kind: fc.constant("setPending" as const),
  agent: agentRef,
  pending: fc.oneof(
    { weight: 3, arbitrary: chosenState },
    { weight: 3, arbitrary: fc.constant({ type: "logged_out" as const }) },
    { weight: 1, arbitrary: fc.constant(null) },
  ),
});

const receive = fc.record({
  kind: fc.constant("receive" as const),
  task: taskId,
  entryPoint: fc.oneof(
    // Chats twice as often: they have the most to them (conferences, Close, waiting and re-opening).
    {
      weight: 30,
      arbitrary: fc.constantFrom("ep-voice", "ep-chat", "ep-chat", "ep-email", "ep-social", "ep-sales"),
    },
    { weight: 1, arbitrary: fc.constantFrom("ep-closed", "ep-out", "ep-nowhere") },
  ),
  priority: fc.oneof(
    { weight: 4, arbitrary: fc.constant(undefined) },
    { weight: 6, arbitrary: fc.integer({ min: 0, max: 5 }) },
    { weight: 1, arbitrary: fc.constantFrom(100, 101, -1, 2.5) },
  ),
  exclude: mostly(fc.constant(undefined), fc.subarray([...AGENT_POOL], { minLength: 1, maxLength: 3 }), 6),
});

const outdial = fc.record({
  kind: fc.constant("outdial" as const),
  task: taskId,
  agent: agentRef,
  entryPoint: mostly(fc.constant("ep-out"), fc.constantFrom("ep-voice", "ep-nowhere"), 8),
  // "12" is too short to dial.
  dialNumber: mostly(fc.constantFrom("+46701234567", "(070) 123-45 67"), fc.constant("12"), 8),
});

const onTask = <K extends "deliver" | "accept" | "decline" | "end" | "customerLeft">(kind: K) =>
  fc.record({ kind: fc.constant(kind), target });

const TEXT = mostly(
  fc.constantFrom("Hi, my router is down", "Hello?", "It broke again", "Let me check"),
  // Blank, so refused.
  fc.constant("   "),
  15,
);

const onConversation = <K extends "leaveConversation" | "closeConversation">(kind: K) =>
  fc.record({ kind: fc.constant(kind), target });

/** Chats, e-mails and social posts: messages with scores, read markers, conferences, Close. */
const digital: fc.Arbitrary<DigitalStep> = fc.oneof(
  {
    weight: 8,
    arbitrary: fc.record({
      kind: fc.constant("customerMessage" as const),
      target,
      text: TEXT,
      sentiment: fc.oneof(
        { weight: 4, arbitrary: fc.constant(undefined) },
        { weight: 6, arbitrary: fc.constantFrom(-1, -0.8, -0.3, 0, 0.4, 0.9) },
        { weight: 1, arbitrary: fc.constant(1.5) },
      ),
    }),
  },
  { weight: 4, arbitrary: fc.record({ kind: fc.constant("sendMessage" as const), target, text: TEXT }) },
  { weight: 2, arbitrary: fc.record({ kind: fc.constant("markRead" as const), target, seq: fc.nat() }) },
  {
    weight: 7,
    arbitrary: fc.record({ kind: fc.constant("requestConference" as const), target, to: agentRef }),
  },
  {
    weight: 7,
    arbitrary: fc.record({
      kind: fc.constant("answerConference" as const),
      target,
      accept: mostly(fc.constant(true), fc.constant(false), 4),
    }),
  },
  { weight: 3, arbitrary: onConversation("leaveConversation") },
  { weight: 6, arbitrary: onConversation("closeConversation") },
);

const windowSpec: fc.Arbitrary<WindowSpec> = fc.record({
  leadMin: fc.integer({ min: 0, max: 180 }),
  lengthMin: mostly(fc.constantFrom(15, 30, 60, 120), fc.constant(0), 12),
  bad: mostly(fc.constant("none" as const), fc.constantFrom("number", "name", "zone", "far"), 10),
});

const NUMBER = mostly(fc.constantFrom("+46701234567", "+46 70 765 43 21"), fc.constant("12"), 10);

/** Scheduled (any, me, a colleague), web and courtesy callbacks, and the customer's leg once dialled. */
const callbacks: fc.Arbitrary<CallbackStep> = fc.oneof(
  {
    weight: 6,
    arbitrary: fc.record({
      kind: fc.constant("schedule" as const),
      task: taskId,
      agent: agentRef,
      entryPoint: mostly(fc.constant("ep-callback"), fc.constantFrom("ep-callback-off", "ep-voice"), 12),
      window: windowSpec,
      assignTo: fc.oneof(
        { weight: 3, arbitrary: fc.constant({ kind: "any" as const }) },
        { weight: 2, arbitrary: fc.constant({ kind: "me" as const }) },
        {
          weight: 3,
          // a5 is in sales only: no colleague of a support agent.
          arbitrary: fc.record({
            kind: fc.constant("agent" as const),
            agentId: fc.constantFrom(...AGENT_POOL),
          }),
        },
      ),
    }),
  },
  {
    weight: 2,
    arbitrary: fc.record({ kind: fc.constant("updateCallback" as const), target, window: windowSpec }),
  },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant("deleteCallback" as const), target }) },
  {
    weight: 5,
    arbitrary: fc.record({
      kind: fc.constant("webCallback" as const),
      task: taskId,
      entryPoint: mostly(
        fc.constant("ep-callback"),
        fc.constantFrom("ep-voice", "ep-out", "ep-callback-off"),
        8,
      ),
      name: mostly(fc.constant("Per"), fc.constant(" "), 12),
      number: NUMBER,
    }),
  },
  { weight: 2, arbitrary: fc.record({ kind: fc.constant("courtesy" as const), target, number: NUMBER }) },
  { weight: 2, arbitrary: fc.record({ kind: fc.constant("cancelCallback" as const), target }) },
  { weight: 6, arbitrary: fc.record({ kind: fc.constant("legAnswered" as const), target }) },
  {
    weight: 5,
    arbitrary: fc.record({
      kind: fc.constant("legFailed" as const),
      target,
      cause: fc.constantFrom("no_answer", "busy", "unreachable", "invalid_number", "device_fault"),
    }),
  },
);

const externalPresence = fc.record({
  kind: fc.constant("externalPresence" as const),
  agent: agentRef,
  presence: fc.constantFrom<ExternalPresence>(
    "available",
    "busy",
    "do_not_disturb",
    "appear_away",
    "offline",
  ),
  source: fc.constantFrom("manual" as const, "automatic" as const),
  lagSec: mostly(fc.integer({ min: 0, max: 12 }), fc.integer({ min: 13, max: 120 }), 6),
});

const connection = fc.record({
  kind: fc.constant("connection" as const),
  // Reconnects outnumber losses, so graces run out only now and then; device losses log out at once.
  type: fc.oneof(
    { weight: 2, arbitrary: fc.constantFrom<ConnectionCommand["type"]>("DesktopClosed", "HeartbeatsMissed") },
    { weight: 2, arbitrary: fc.constant<ConnectionCommand["type"]>("DesktopReconnected") },
    { weight: 1, arbitrary: fc.constant<ConnectionCommand["type"]>("DeviceLost") },
  ),
  agent: agentRef,
  generation: fc.oneof(
    { weight: 5, arbitrary: fc.constant("current" as const) },
    { weight: 5, arbitrary: fc.constant("stale" as const) },
    { weight: 1, arbitrary: fc.constant("unknown" as const) },
  ),
});

const toDue = fc.record({
  kind: fc.constant("toDue" as const),
  timer: fc.oneof(
    { weight: 2, arbitrary: fc.constant(null) },
    { weight: 3, arbitrary: fc.constantFrom<TimerKind>("chat_expiry", "callback_due", "disconnect_grace") },
  ),
  offsetMs: fc.oneof(
    { weight: 8, arbitrary: fc.constant(0 as const) },
    { weight: 1, arbitrary: fc.constantFrom(-1 as const, 1 as const) },
  ),
});

/** A mix weighted so that work keeps flowing: most tasks get offered, accepted, ended and wrapped up. */
export const step: fc.Arbitrary<Step> = fc.oneof(
  { weight: 8, arbitrary: login },
  {
    weight: 2,
    arbitrary: fc.record({
      kind: fc.constant("logout" as const),
      agent: agentRef,
      bySupervisor: fc.boolean(),
    }),
  },
  { weight: 14, arbitrary: changeState },
  { weight: 6, arbitrary: setPending },
  { weight: 14, arbitrary: receive },
  { weight: 2, arbitrary: outdial },
  { weight: 18, arbitrary: onTask("deliver") },
  { weight: 22, arbitrary: onTask("accept") },
  {
    weight: 3,
    arbitrary: fc.record({
      kind: fc.constant("acceptAll" as const),
      pick: fc.nat(),
      blindAgent: mostly(fc.constant(null), agentId, 4),
    }),
  },
  { weight: 3, arbitrary: fc.record({ kind: fc.constant("pick" as const), target, agent: agentRef }) },
  { weight: 3, arbitrary: onTask("decline") },
  {
    weight: 2,
    arbitrary: fc.record({
      kind: fc.constant("fail" as const),
      target,
      cause: fc.constantFrom("DEVICE_UNREACHABLE", "INVALID_ADDRESS", "DEVICE_FAULT"),
    }),
  },
  { weight: 10, arbitrary: onTask("end") },
  { weight: 3, arbitrary: onTask("customerLeft") },
  {
    weight: 10,
    arbitrary: fc.record({
      kind: fc.constant("wrapUp" as const),
      target,
      // coffee is an idle code, nope no code at all.
      code: fc.constantFrom("resolved", "follow-up", "sale", "resolved", "coffee", "nope"),
    }),
  },
  {
    weight: 9,
    arbitrary: fc.record({
      kind: fc.constant("advance" as const),
      // Mostly short, so offers get answered; long enough now and then for every timeout to fire.
      seconds: mostly(fc.integer({ min: 0, max: 10 }), fc.integer({ min: 0, max: 40 }), 3),
    }),
  },
  { weight: 5, arbitrary: toDue },
  // Now and then hours at once: callback windows open and waiting chats expire in one late tick.
  {
    weight: 1,
    arbitrary: fc.record({
      kind: fc.constant("advance" as const),
      seconds: fc.integer({ min: 3_600, max: 30 * 3_600 }),
    }),
  },
  { weight: 24, arbitrary: digital },
  { weight: 24, arbitrary: callbacks },
  { weight: 5, arbitrary: externalPresence },
  { weight: 4, arbitrary: connection },
);

const isDigital = (t: Task) => t.conversation !== null;
const customerAlerting = (t: Task) =>
  t.call?.parties.some((p) => p.id === CUSTOMER && p.leg.status === "alerting") ?? false;

/** The tasks a targeted step may pick from: the ones in a status where the command can apply. */
function candidates(state: TenantState, kind: Step["kind"], pick: number): Task[] {
  const all = [...state.tasks.values()];
  switch (kind) {
    case "deliver":
      return all.filter((t) => t.status === "offered" && t.offer.phase === "connecting");
    case "accept":
      return all.filter((t) => t.status === "offered" && t.offer.phase === "requested");
    case "decline":
    case "fail":
      return all.filter((t) => t.status === "offered");
    case "end":
      return all.filter((t) => t.status === "assigned");
    case "wrapUp":
      return all.filter((t) => t.status === "wrapping");
    // One time in four a waiting chat, where there is one: the customer writing again re-opens it.
    case "customerMessage": {
      const parked = all.filter((t) => t.status === "parked");
      return pick % 4 === 0 && parked.length > 0 ? parked : all.filter(isDigital);
    }
    case "sendMessage":
      return all.filter((t) => isDigital(t) && t.status === "assigned");
    case "markRead":
      return all.filter((t) => isDigital(t) && t.agents.length > 0);
    case "requestConference":
      return all.filter((t) => t.status === "assigned" && (t.channel === "chat" || t.channel === "social"));
    // In any status: a request may outlive the conversation it was made on.
    case "answerConference":
      return all.filter((t) => t.conversation?.conferenceRequest);
    case "leaveConversation":
      return all.filter((t) => isDigital(t) && t.agents.some((e) => e.role === "conferee"));
    case "closeConversation":
      return all.filter((t) => t.status === "assigned" && t.channel === "chat");
    case "updateCallback":
    case "deleteCallback":
      return all.filter((t) => t.status === "scheduled");
    case "courtesy":
      return all.filter((t) => t.status === "queued" && t.channel === "voice" && !t.callback);
    case "pick":
      return all.filter((t) => t.status === "queued" && isDigital(t));
    case "cancelCallback":
      return all.filter((t) => t.status === "assigned" && t.callback?.kind === "web");
    case "legAnswered":
    case "legFailed":
      return all.filter((t) => t.status === "assigned" && t.callback && customerAlerting(t));
    default:
      return all;
  }
}

const agentOf = (t: Task): string =>
  t.status === "offered"
    ? t.offer.agentId
    : t.status === "queued" || t.status === "parked" || t.status === "scheduled"
      ? "a1"
      : t.agentId;

/** Who a step on this task would come from: the owner, or for some steps another party to it. */
function actorOn(kind: Step["kind"], t: Task, pick: number): string {
  const on = (list: readonly { agentId: string }[]) => list[pick % Math.max(1, list.length)]?.agentId;
  switch (kind) {
    case "sendMessage":
    case "markRead":
      return on(t.agents) ?? agentOf(t);
    case "leaveConversation":
      return on(t.agents.filter((e) => e.role === "conferee")) ?? agentOf(t);
    case "answerConference":
      return t.conversation?.conferenceRequest?.agentId ?? agentOf(t);
    case "updateCallback":
    case "deleteCallback":
      return t.callback?.scheduledBy ?? agentOf(t);
    default:
      return agentOf(t);
  }
}

/** The task and agent a step names, resolved against the live state. */
function resolve(state: TenantState, kind: Step["kind"], t: Target): { taskId: string; agentId: string } {
  if ("task" in t) return { taskId: t.task, agentId: t.agent };
  const fitting = candidates(state, kind, t.pick);
  // With none in a fitting status, a real task in the wrong one: refused for a reason worth testing.
  const list = fitting.length > 0 ? fitting : [...state.tasks.values()];
  const task = list[t.pick % Math.max(1, list.length)];
  if (!task) return { taskId: TASK_POOL[t.pick % TASK_POOL.length] ?? "t1", agentId: t.wrongAgent ?? "a1" };
  return { taskId: task.id, agentId: t.wrongAgent ?? actorOn(kind, task, t.pick) };
}

/**
 * The agent a step names: for a pending state, one who is engaged; for a conference, one who is
 * Available; for a reconnect, one whose desktop is gone; else any logged-in one.
 */
function agentFor(state: TenantState, kind: Step["kind"] | "reconnect", ref: AgentRef): string {
  if (typeof ref === "string") return ref;
  const agents = [...state.agents.values()];
  const fits =
    kind === "setPending"
      ? agents.filter((a) => a.tasks.length > 0)
      : kind === "requestConference"
        ? agents.filter((a) => a.presence.type === "available")
        : kind === "reconnect"
          ? agents.filter((a) => a.connection.status !== "connected")
          : agents;
  const list = fits.length > 0 ? fits : agents;
  return list[ref.pick % Math.max(1, list.length)]?.id ?? AGENT_POOL[ref.pick % AGENT_POOL.length] ?? "a1";
}

/** What steps resolve against beside the state: the clock, and the logins each agent has had. */
export interface Context {
  readonly now: Instant;
  /** Generations from `agent.logged_in` events, oldest first, by agent. */
  readonly generations: ReadonlyMap<string, readonly number[]>;
}

const ZONE = "Europe/Stockholm";
const DAY = 86_400_000;

/** The CB-4 form for a window `leadMin` minutes from now (rounded up to a minute), in Stockholm. */
function callbackRequest(now: Instant, w: WindowSpec) {
  const at = now + w.leadMin * 60_000 + (w.bad === "far" ? 40 * DAY : 0);
  const start = DateTime.fromMillis(Math.ceil(at / 60_000) * 60_000, { zone: ZONE });
  const end = start.plus({ minutes: w.lengthMin });
  return {
    customerNumber: w.bad === "number" ? "12" : "+46701234567",
    customerName: w.bad === "name" ? "Å" : "Åsa Öberg",
    date: start.toISODate() ?? "",
    from: start.toFormat("HH:mm"),
    to: end.toFormat("HH:mm"),
    timeZone: w.bad === "zone" ? "Nowhere/Land" : ZONE,
    reason: "Invoice question",
  };
}

/** The generation a connection fact names: current, an older login of the agent's, or none given out. */
function generationFor(
  state: TenantState,
  ctx: Context,
  agentId: string,
  which: "current" | "stale" | "unknown",
) {
  const agent = state.agents.get(agentId as never);
  const history = ctx.generations.get(agentId) ?? [];
  if (which === "unknown") return state.loginCount + 1;
  if (which === "current" && agent) return agent.generation;
  // Logged out, every generation is old; logged in, the one before the current login (or any older one).
  const older = history.filter((g) => !agent || g < agent.generation);
  return older.at(-1) ?? Math.max(0, (agent?.generation ?? 1) - 1);
}

/** The concrete command for a step in this state; null for a clock advance. */
export function toCommand(state: TenantState, s: Step, ctx: Context): Cmd | null {
  switch (s.kind) {
    case "login":
      return {
        type: "LoginAgent",
        agentId: s.agent,
        station: { teamId: s.team, device: s.device, address: s.address, line: s.line },
      };
    case "logout": {
      const agentId = agentFor(state, s.kind, s.agent);
      return { type: "LogoutAgent", agentId, by: actorFor(agentId, s.bySupervisor) };
    }
    case "changeState": {
      const agentId = agentFor(state, s.kind, s.agent);
      return { type: "ChangeAgentState", agentId, to: s.to, by: actorFor(agentId, s.bySupervisor) };
    }
    case "setPending":
      return { type: "SetPendingAgentState", agentId: agentFor(state, s.kind, s.agent), pending: s.pending };
    case "receive":
      return {
        type: "ReceiveTask",
        taskId: s.task,
        entryPointId: s.entryPoint,
        ...(s.priority === undefined ? {} : { priority: s.priority }),
        ...(s.exclude === undefined ? {} : { excludeAgents: s.exclude }),
      };
    case "outdial":
      return {
        type: "PlaceOutdial",
        taskId: s.task,
        agentId: agentFor(state, s.kind, s.agent),
        entryPointId: s.entryPoint,
        dialNumber: s.dialNumber,
      };
    case "deliver":
      return { type: "ConfirmOfferDelivered", ...resolve(state, s.kind, s.target) };
    case "accept":
      return { type: "AcceptTask", ...resolve(state, s.kind, s.target) };
    case "decline":
      return { type: "DeclineTask", ...resolve(state, s.kind, s.target) };
    case "fail":
      return { type: "ReportOfferFailed", ...resolve(state, s.kind, s.target), cause: s.cause };
    case "end":
      return { type: "EndTask", ...resolve(state, s.kind, s.target) };
    case "customerLeft":
      return { type: "CustomerLeft", taskId: resolve(state, s.kind, s.target).taskId };
    case "wrapUp":
      return { type: "WrapUpTask", ...resolve(state, s.kind, s.target), codeId: s.code };
    case "acceptAll": {
      if (s.blindAgent !== null) return { type: "AcceptAllDigital", agentId: s.blindAgent };
      // Agents holding a delivered digital offer, so that "Accept N requests" has something to take.
      const holders = [...state.tasks.values()]
        .filter((t) => t.status === "offered" && t.offer.phase === "requested")
        .filter((t) => DIGITAL_CHANNELS.includes(t.channel))
        .map(agentOf);
      const agentId = holders[s.pick % Math.max(1, holders.length)] ?? agentFor(state, s.kind, s);
      return { type: "AcceptAllDigital", agentId };
    }
    case "pick": {
      const { taskId, agentId } = resolve(state, s.kind, s.target);
      if (typeof s.agent === "string") return { type: "PickTask", taskId, agentId: s.agent };
      // Agents whose login team serves the task's queue, where there are any.
      const queueId = state.tasks.get(taskId as never)?.queueId;
      const teams = (queueId && state.config?.queues.get(queueId)?.teamIds) || [];
      const serving = [...state.agents.values()].filter((a) => teams.includes(a.station.teamId));
      return {
        type: "PickTask",
        taskId,
        agentId: serving[s.agent.pick % Math.max(1, serving.length)]?.id ?? agentId,
      };
    }
    case "advance":
    case "toDue":
      return null;
    case "customerMessage":
      return {
        type: "CustomerMessage",
        taskId: resolve(state, s.kind, s.target).taskId,
        text: s.text,
        ...(s.sentiment === undefined ? {} : { sentiment: s.sentiment }),
      };
    case "sendMessage":
      return { type: "SendMessage", ...resolve(state, s.kind, s.target), text: s.text };
    case "markRead": {
      const { taskId, agentId } = resolve(state, s.kind, s.target);
      const messages = state.tasks.get(taskId as never)?.conversation?.messages.length ?? 0;
      // 0 and one past the last are no messages.
      return { type: "MarkRead", taskId, agentId, seq: s.seq % (messages + 2) };
    }
    case "requestConference": {
      const on = resolve(state, s.kind, s.target);
      const task = state.tasks.get(on.taskId as never);
      // Someone Available who is not on it yet, where there is one.
      const free = [...state.agents.values()].filter(
        (a) => a.presence.type === "available" && !task?.agents.some((e) => e.agentId === a.id),
      );
      const targetAgentId =
        typeof s.to === "string"
          ? s.to
          : (free[s.to.pick % Math.max(1, free.length)]?.id ?? agentFor(state, s.kind, s.to));
      return { type: "RequestConference", ...on, targetAgentId };
    }
    case "answerConference":
      return { type: "AnswerConference", ...resolve(state, s.kind, s.target), accept: s.accept };
    case "leaveConversation":
      return { type: "LeaveConversation", ...resolve(state, s.kind, s.target) };
    case "closeConversation":
      return { type: "CloseConversation", ...resolve(state, s.kind, s.target) };
    case "schedule": {
      const agentId = agentFor(state, s.kind, s.agent);
      return {
        type: "ScheduleCallback",
        taskId: s.task,
        agentId,
        entryPointId: s.entryPoint,
        request: callbackRequest(ctx.now, s.window),
        assignTo: s.assignTo,
      };
    }
    case "updateCallback":
      return {
        type: "UpdateCallback",
        ...resolve(state, s.kind, s.target),
        request: callbackRequest(ctx.now, s.window),
      };
    case "deleteCallback":
      return { type: "DeleteCallback", ...resolve(state, s.kind, s.target) };
    case "cancelCallback":
      return { type: "CancelCallback", ...resolve(state, s.kind, s.target) };
    case "webCallback":
      return {
        type: "RequestWebCallback",
        taskId: s.task,
        entryPointId: s.entryPoint,
        name: s.name,
        number: s.number,
      };
    case "courtesy":
      return {
        type: "AcceptCourtesyCallback",
        taskId: resolve(state, s.kind, s.target).taskId,
        number: s.number,
      };
    case "legAnswered":
      return { type: "LegAnswered", taskId: resolve(state, s.kind, s.target).taskId, partyId: CUSTOMER };
    case "legFailed":
      return {
        type: "LegFailed",
        taskId: resolve(state, s.kind, s.target).taskId,
        partyId: CUSTOMER,
        cause: s.cause,
      };
    case "externalPresence":
      return {
        type: "ExternalPresenceChanged",
        agentId: agentFor(state, s.kind, s.agent),
        presence: s.presence,
        source: s.source,
        observedAt: ctx.now - s.lagSec * 1000,
      };
    case "connection": {
      const agentId = agentFor(state, s.type === "DesktopReconnected" ? "reconnect" : s.kind, s.agent);
      return { type: s.type, agentId, generation: generationFor(state, ctx, agentId, s.generation) };
    }
  }
}

/**
 * Where a `toDue` step moves the clock: the next timer (of its kind, if it names one), or a
 * millisecond either side of it; never backwards. Stays put when nothing of the kind is due.
 */
export function dueTarget(state: TenantState, s: Extract<Step, { kind: "toDue" }>, now: Instant): Instant {
  const timer = state.timers.list().find((t) => s.timer === null || t.kind === s.timer);
  return timer ? Math.max(now, timer.at + s.offsetMs) : now;
}
