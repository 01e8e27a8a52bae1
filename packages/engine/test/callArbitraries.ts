import fc from "fast-check";
import type { AgentState } from "../src/agents/state.ts";
import type { AgentId, Plain } from "../src/shared/ids.ts";
import type { Task } from "../src/tasks/state.ts";
import type { Command } from "../src/tenant/messages.ts";
import type { TenantState } from "../src/tenant/state.ts";
import { variableOf } from "../src/variables/values.ts";
import { dialable } from "../src/voice/decide/dial.ts";
import { allowedActions, type CallAction } from "../src/voice/rules.ts";
import { isUp, type Party, upParties } from "../src/voice/state.ts";
import { capacityOf } from "./invariants.ts";

/**
 * Random call-control steps against the fixture tenant (test/fixtures.ts), for
 * callControl.property.test.ts.
 *
 * A step is abstract: a kind and a few numbers. `toCallCommand` resolves it against the live state
 * — the numbers pick a task with a call, an agent on it, a consult or transfer target, a party —
 * so the same steps always give the same commands, and a failing run replays. Most picks are
 * biased towards what applies now (a pair whose `allowedActions` holds the action, an alerting leg
 * to answer); a share is picked without regard to the rules, and `blind` steps name pool ids
 * that may be nonsense.
 */

type Cmd = Plain<Command>;

/** Every agent of the fixture tenant; sup1 is also a supervisor. */
export const AGENTS = ["a1", "a2", "a3", "a4", "a5", "a6", "a7", "sup1"] as const;
const TEAMS: Record<string, readonly string[]> = { a4: ["support", "sales"], a5: ["sales"] };
const teamsOf = (agentId: string) => TEAMS[agentId] ?? ["support"];

/** Numbers that dial (E.164, US, local, IDD) and numbers that do not (DIAL-1, DIAL-3). */
const GOOD_NUMBERS = ["+46 8 123 456 78", "+46701234567", "+14155550100", "5551234", "01161412345678"];
/** A number that dials: one of the formats above, or one of many local numbers, so conferences can grow. */
const goodNumber = (n: number): string =>
  n % 3 === 0 ? (pick(GOOD_NUMBERS, n >> 2) ?? "5551234") : `555${1000 + ((n >> 2) % 9000)}`;
/** Whether the dialled number is already a party of the call: consulting it again is refused. */
const numberOnCall = (task: Task | undefined, number: string): boolean =>
  task?.call?.parties.some((p) => p.kind === "dial_number" && isUp(p) && p.id === `number:${number}`) ??
  false;

/** A number that dials and is not on the call yet, so consults mostly reach someone new. */
const freshNumber = (task: Task | undefined, n: number): string => {
  for (let i = 0; i < 8; i++) {
    const number = goodNumber(n + i * 4);
    const key = dialable(number);
    if (typeof key === "string" && !numberOnCall(task, key)) return number;
  }
  return `555${9000 + (n % 1000)}`;
};
/** EP-DNs (CNS-12): the sales line's reaches its agents; the overflow line's is unsupported (CNS-11). */
const EP_NUMBERS = ["+46 8 555 000 10", "+46 8 555 000 99"];
const BAD_NUMBERS = ["12", "+46 8 abc", "", "1234567890123456789", "+46 90000000"];

const CALL_KINDS = [
  "hold",
  "resume",
  "consult",
  "acceptConsult",
  "holdConsult",
  "resumeConsult",
  "endConsult",
  "consultTransfer",
  "consultConference",
  "transfer",
  "leave",
  "end",
  "pauseRecording",
  "resumeRecording",
] as const;
type CallKind = (typeof CALL_KINDS)[number];

/** The action each call-control step asks for: what `allowedActions` is consulted about. */
const ACTION: Record<CallKind, CallAction> = {
  hold: "hold",
  resume: "resume",
  consult: "consult",
  acceptConsult: "accept_consult",
  holdConsult: "hold_consult",
  resumeConsult: "resume_consult",
  endConsult: "end_consult",
  consultTransfer: "consult_transfer",
  consultConference: "consult_conference",
  transfer: "transfer",
  leave: "leave_conference",
  end: "end",
  pauseRecording: "pause_recording",
  resumeRecording: "resume_recording",
};

const OTHER_KINDS = [
  "login",
  "presence",
  "logout",
  "receive",
  "outdial",
  "answer",
  "decline",
  "monitor",
  "editVariables",
  "wrapUp",
  "customerLeft",
  "legAnswered",
  "legFailed",
  "legHungUp",
] as const;

export type StepKind = CallKind | (typeof OTHER_KINDS)[number];

export type CallStep =
  | {
      readonly kind: StepKind;
      /** Picks the task (or agent) among the candidates. */
      readonly a: number;
      /** Picks the agent, party or target. */
      readonly b: number;
      /** Picks a variant: target category, cause, value, whether to follow the rules. */
      readonly c: number;
      /** Name pool ids without looking at the state: often nonsense. */
      readonly blind: boolean;
    }
  | { readonly kind: "advance"; readonly seconds: number };

/** How often each kind comes up: mostly voice call control, with the far end answering back. */
const MIXED: Record<StepKind, number> = {
  login: 2,
  presence: 6,
  logout: 1,
  receive: 4,
  outdial: 1,
  answer: 14,
  decline: 1,
  hold: 4,
  resume: 5,
  consult: 10,
  acceptConsult: 7,
  holdConsult: 3,
  resumeConsult: 4,
  endConsult: 3,
  consultTransfer: 6,
  consultConference: 7,
  transfer: 5,
  leave: 2,
  end: 4,
  pauseRecording: 2,
  resumeRecording: 2,
  monitor: 2,
  editVariables: 2,
  wrapUp: 8,
  customerLeft: 2,
  legAnswered: 6,
  legFailed: 2,
  legHungUp: 3,
};

/** Calls that last, and conferences that grow to CNF-1's limit and past it. */
const CONFERENCES: Record<StepKind, number> = {
  ...MIXED,
  presence: 3,
  receive: 1,
  answer: 4,
  hold: 2,
  resume: 2,
  consult: 24,
  acceptConsult: 8,
  holdConsult: 1,
  resumeConsult: 2,
  endConsult: 1,
  consultTransfer: 1,
  consultConference: 20,
  transfer: 1,
  leave: 2,
  end: 1,
  customerLeft: 1,
  legAnswered: 16,
  legFailed: 1,
  legHungUp: 1,
};

/** Conferences pushed to CNF-1's limit and kept there: little else happens. */
const FULL: Record<StepKind, number> = {
  ...(Object.fromEntries(Object.keys(MIXED).map((kind) => [kind, 1])) as Record<StepKind, number>),
  answer: 4,
  consult: 30,
  acceptConsult: 8,
  consultConference: 24,
  legAnswered: 20,
  wrapUp: 3,
};

const commandStep = (weights: Record<StepKind, number>): fc.Arbitrary<CallStep> =>
  fc.record({
    kind: fc.oneof(
      ...Object.entries(weights).map(([kind, weight]) => ({
        weight,
        arbitrary: fc.constant(kind as StepKind),
      })),
    ),
    a: fc.nat(),
    b: fc.nat(),
    c: fc.nat(),
    blind: fc.oneof(
      { weight: 15, arbitrary: fc.constant(false) },
      { weight: 1, arbitrary: fc.constant(true) },
    ),
  });

/** Clock advances: mostly short, now and then long enough for every timer to fire. */
const advance: fc.Arbitrary<CallStep> = fc.record({
  kind: fc.constant("advance" as const),
  seconds: fc.oneof(
    { weight: 3, arbitrary: fc.integer({ min: 0, max: 8 }) },
    { weight: 1, arbitrary: fc.integer({ min: 0, max: 40 }) },
  ),
});

const stepOf = (weights: Record<StepKind, number>): fc.Arbitrary<CallStep> =>
  fc.oneof({ weight: 12, arbitrary: commandStep(weights) }, { weight: 1, arbitrary: advance });

/** A run's steps: a third of the runs a mix of everything, the others build conferences. */
export const callSteps = (length: { minLength: number; maxLength: number }): fc.Arbitrary<CallStep[]> =>
  fc.constantFrom(MIXED, CONFERENCES, FULL).chain((weights) => fc.array(stepOf(weights), length));

/**
 * Agents logged in before the random steps, each Available (calls start flowing at once) or Idle
 * (a consult target that routing leaves alone).
 */
export const prelude: fc.Arbitrary<{ agentId: string; available: boolean }[]> = fc
  .subarray([...AGENTS], { minLength: 3 })
  .chain((ids) =>
    fc.tuple(
      ...ids.map((agentId) =>
        fc.record({ agentId: fc.constant(agentId), available: fc.nat(3).map((n) => n > 0) }),
      ),
    ),
  );

const pick = <T>(list: readonly T[], n: number): T | undefined => list[n % Math.max(1, list.length)];

const freeForVoice = (s: TenantState, agent: AgentState) => agent.load.voice < capacityOf(s, agent).voice;

const callsOf = (s: TenantState): Task[] => [...s.tasks.values()].filter((t) => t.call !== null);

/** (task, agent) pairs of the agents with a part in a call. */
function pairs(s: TenantState): { task: Task; agentId: string }[] {
  return callsOf(s).flatMap((task) => task.agents.map((e) => ({ task, agentId: e.agentId as string })));
}

/**
 * The task and agent a step acts on: six times in ten a pair the rules allow the action for, if
 * there is one; two in ten an agent on the biggest call, allowed or not (conferences at CNF-1's
 * limit get pushed past it); else any agent on a call, in wrap-up now and then; blind, pool ids.
 */
function onCall(s: TenantState, step: Extract<CallStep, { a: number }>, action: CallAction | null) {
  if (step.blind)
    return {
      taskId: pick([...s.tasks.keys(), "c1", "nope"], step.a) ?? "nope",
      agentId: pick([...AGENTS, "ghost"], step.b) ?? "ghost",
    };
  const all = pairs(s);
  const active = all.filter((p) =>
    p.task.agents.some((e) => e.agentId === p.agentId && e.status === "active"),
  );
  const allowed =
    action === null
      ? []
      : active.filter((p) => allowedActions(p.task, p.agentId as AgentId).includes(action));
  const size = (t: Task) => (t.call ? upParties(t.call).length : 0);
  const biggest = Math.max(0, ...active.map((p) => size(p.task)));
  const big = active.filter((p) => size(p.task) === biggest);
  const tier = step.c % 10;
  const list =
    allowed.length > 0 && tier < 6
      ? allowed
      : big.length > 0 && tier < 8
        ? big
        : active.length > 0 && tier < 9
          ? active
          : all;
  const chosen = pick(list, step.a);
  if (chosen) return { taskId: chosen.task.id as string, agentId: chosen.agentId };
  const task = pick([...s.tasks.values()], step.a);
  return { taskId: task?.id ?? "c1", agentId: pick([...AGENTS], step.b) ?? "a1" };
}

/** An agent to consult or transfer to, of the kind `category` names, if there is one. */
function agentTarget(s: TenantState, task: Task | undefined, self: string, category: number, n: number) {
  const agents = [...s.agents.values()];
  const onThisCall = (a: AgentState) => task?.agents.some((e) => e.agentId === a.id) ?? false;
  const lists: string[][] = [
    agents.filter((a) => a.presence.type === "available" && freeForVoice(s, a)).map((a) => a.id),
    agents.filter((a) => a.presence.type === "idle" && freeForVoice(s, a)).map((a) => a.id),
    agents.filter((a) => !freeForVoice(s, a) && !onThisCall(a)).map((a) => a.id),
    agents.filter((a) => a.presence.type === "rona").map((a) => a.id),
    AGENTS.filter((id) => !s.agents.has(id as AgentId)),
    [self],
    agents.filter((a) => onThisCall(a) && a.id !== self).map((a) => a.id),
  ];
  return pick(lists[category] ?? [], n) ?? null;
}

/**
 * Consult targets by category (CNS-1): mostly free agents and numbers that dial, then queues,
 * entry points, EP-DNs, directory experts, and every kind of refusal.
 */
const CONSULT_CATEGORIES = [0, 0, 0, 0, 1, 1, 1, 2, 3, 4, 5, 6, 7, 7, 7, 7, 7, 8, 9, 10, 11, 12] as const;

function consultTarget(s: TenantState, task: Task | undefined, self: string, b: number, c: number) {
  switch (pick(CONSULT_CATEGORIES, c) ?? 0) {
    case 7:
      return { kind: "dial_number" as const, number: freshNumber(task, b) };
    case 8:
      return { kind: "dial_number" as const, number: pick(BAD_NUMBERS, b) ?? "12" };
    case 9:
      return { kind: "dial_number" as const, number: pick(EP_NUMBERS, b) ?? "+46 8 555 000 10" };
    case 10:
      return {
        kind: "queue" as const,
        queueId: pick(["q-voice", "q-sales", "q-overflow", "q-chat", "q-nope"], b) ?? "q-voice",
      };
    case 11:
      return {
        kind: "entry_point" as const,
        entryPointId:
          pick(["ep-voice", "ep-sales", "ep-overflow", "ep-closed", "ep-out", "ep-nope"], b) ?? "ep-voice",
      };
    case 12: {
      // An expert already on the call would be refused; mostly pick one who is not.
      const expertId = pick(["x1", "x2", "x3", "x9"], b) ?? "x1";
      const phone = s.config?.config.directory?.find((x) => x.id === expertId)?.workPhone;
      const key = phone === undefined ? null : dialable(phone);
      return typeof key === "string" && numberOnCall(task, key)
        ? { kind: "directory" as const, expertId: "x9" }
        : { kind: "directory" as const, expertId };
    }
    default: {
      // With nobody free, a number: conferences keep growing towards CNF-1's limit.
      const agentId = agentTarget(s, task, self, pick(CONSULT_CATEGORIES, c) ?? 0, b);
      return agentId === null
        ? { kind: "dial_number" as const, number: freshNumber(task, b) }
        : { kind: "agent" as const, agentId };
    }
  }
}

function transferTarget(s: TenantState, task: Task | undefined, self: string, b: number, c: number) {
  switch (c % 12) {
    case 0:
    case 1:
    case 2:
      return {
        kind: "agent" as const,
        agentId: agentTarget(s, task, self, 0, b) ?? pick([...AGENTS], b) ?? "a1",
      };
    case 3:
      return {
        kind: "agent" as const,
        agentId: agentTarget(s, task, self, [1, 2, 4, 5][b % 4] ?? 1, b) ?? pick([...AGENTS], b) ?? "a1",
      };
    case 4:
    case 5:
      return {
        kind: "queue" as const,
        queueId: pick(["q-voice", "q-sales", "q-voice", "q-overflow", "q-chat", "q-nope"], b) ?? "q-voice",
      };
    case 6:
    case 7:
      return {
        kind: "entry_point" as const,
        entryPointId:
          pick(["ep-voice", "ep-sales", "ep-closed", "ep-out", "ep-chat", "ep-nope"], b) ?? "ep-voice",
      };
    case 8:
    case 9:
    case 10:
      return { kind: "dial_number" as const, number: goodNumber(b) };
    default:
      return { kind: "dial_number" as const, number: pick(BAD_NUMBERS, b) ?? "12" };
  }
}

/** A party of a call for the far end to report on: alerting ones first for answers and failures. */
function farEnd(s: TenantState, step: Extract<CallStep, { a: number }>, prefer: (p: Party) => boolean) {
  const follow = step.c % 5 !== 0;
  const calls = callsOf(s).filter((t) => t.call?.parties.some(isUp));
  const fitting = calls.filter((t) => t.call?.parties.some(prefer));
  const task = step.blind ? undefined : pick(follow && fitting.length > 0 ? fitting : calls, step.a);
  if (!task?.call)
    return {
      taskId: pick([...s.tasks.keys(), "nope"], step.a) ?? "nope",
      partyId: pick(["customer", "agent:a1", "number:5551234", "number:999"], step.b) ?? "customer",
    };
  const parties = task.call.parties;
  const preferred = parties.filter(prefer);
  const list = follow && preferred.length > 0 ? preferred : parties;
  return { taskId: task.id as string, partyId: (pick(list, step.b)?.id as string) ?? "customer" };
}

const LEG_FAILURES = ["no_answer", "busy", "unreachable", "invalid_number", "device_fault"] as const;

/** CAD edits (CALL-6, CALL-8): valid and invalid values, read-only and unknown names, stale versions. */
function edits(task: Task | undefined, b: number, c: number) {
  const fields: [string, string | null][] = [
    ["customerId", "4711"],
    ["customerId", "forty-two"],
    ["caseNumber", "CASE-1"],
    ["caseNumber", "x".repeat(257)],
    ["callbackAt", "2026-11-03T09:30:00Z"],
    ["callbackAt", "tomorrow"],
    ["caseNumber", null],
    ["language", "sv"],
    ["nope", "1"],
  ];
  const count = 1 + (c % 2);
  return Array.from({ length: count }, (_, i) => {
    const [name, value] = fields[(b + i * 3) % fields.length] ?? ["caseNumber", "x"];
    const version = (task && variableOf(task.variables, name)?.version) ?? 0;
    const baseVersion = [version, version, version - 1, version + 1][(c >> 1) % 4] ?? version;
    return { name, value, baseVersion };
  });
}

/** The concrete command for a step in this state; null for a clock advance. */
export function toCallCommand(s: TenantState, step: CallStep): Cmd | null {
  if (step.kind === "advance") return null;
  const { kind, a, b, c, blind } = step;
  const agents = [...s.agents.values()];
  const loggedIn = (n: number) =>
    blind
      ? (pick([...AGENTS, "ghost", "admin1"], n) ?? "a1")
      : (pick(agents, n)?.id ?? pick([...AGENTS], n) ?? "a1");
  switch (kind) {
    case "login": {
      const out = AGENTS.filter((id) => !s.agents.has(id as AgentId));
      const agentId = blind
        ? (pick([...AGENTS, "ghost"], a) ?? "a1")
        : (pick(out, a) ?? pick([...AGENTS], a) ?? "a1");
      const teamId = c % 10 === 0 ? "sales" : (pick(teamsOf(agentId), c) ?? "support");
      return { type: "LoginAgent", agentId, station: { teamId, device: "BROWSER" } };
    }
    case "presence": {
      // Agents in RONA first: until they choose, they take no calls (AGT-5).
      const rona = agents.filter((x) => x.presence.type === "rona");
      const agentId = !blind && rona.length > 0 && c % 2 === 0 ? (pick(rona, a)?.id ?? "a1") : loggedIn(a);
      const to = (
        [
          { type: "available" },
          { type: "available" },
          { type: "available" },
          { type: "idle" },
          { type: "idle", codeId: "meeting" },
        ] as const
      )[(c >> 1) % 5] ?? { type: "available" as const };
      return { type: "ChangeAgentState", agentId, to, by: { kind: "agent", id: agentId } };
    }
    case "logout": {
      const agentId = loggedIn(a);
      return { type: "LogoutAgent", agentId, by: { kind: "agent", id: agentId } };
    }
    case "receive": {
      const entryPointId = blind
        ? (pick(["ep-closed", "ep-chat", "ep-nope"], c) ?? "ep-closed")
        : (pick(["ep-voice", "ep-voice", "ep-voice", "ep-sales", "ep-sales"], c) ?? "ep-voice");
      const taskId = blind ? (pick([...s.tasks.keys()], a) ?? "c1") : `c${s.taskCount + 1}`;
      return { type: "ReceiveTask", taskId, entryPointId, customer: { address: "+4670123456" } };
    }
    case "outdial": {
      const free = agents.filter((x) => freeForVoice(s, x) && x.presence.type !== "rona");
      const agentId = blind ? loggedIn(a) : (pick(free, a)?.id ?? loggedIn(a));
      return {
        type: "PlaceOutdial",
        taskId: `c${s.taskCount + 1}`,
        agentId,
        entryPointId: "ep-out",
        dialNumber: blind ? "12" : (pick(["+46701234567", "(070) 123-45 67"], c) ?? "+46701234567"),
      };
    }
    case "answer":
    case "decline": {
      const offered = [...s.tasks.values()].filter((t) => t.status === "offered" && t.channel === "voice");
      const task = pick(offered, a);
      // Nothing to answer and hardly anything waiting: the next call comes in, to keep calls flowing.
      const waiting = [...s.tasks.values()].filter((t) => t.status === "queued").length;
      if (!task && !blind && waiting < 2)
        return { type: "ReceiveTask", taskId: `c${s.taskCount + 1}`, entryPointId: "ep-voice" };
      if (task?.status !== "offered" || blind)
        return { type: "AcceptTask", taskId: task?.id ?? "c1", agentId: loggedIn(b) };
      const agentId = task.offer.agentId as string;
      if (kind === "decline") return { type: "DeclineTask", taskId: task.id, agentId };
      return task.offer.phase === "connecting"
        ? { type: "ConfirmOfferDelivered", taskId: task.id, agentId }
        : { type: "AcceptTask", taskId: task.id, agentId };
    }
    case "monitor": {
      const task = blind ? undefined : pick(callsOf(s), a);
      const action = (["start", "start", "pause", "resume", "stop"] as const)[c % 5] ?? "start";
      const agentId =
        b % 3 === 0 ? undefined : b % 3 === 1 ? pick(task?.agents ?? [], b)?.agentId : pick([...AGENTS], b);
      return {
        type: "MonitorCall",
        taskId: task?.id ?? "nope",
        supervisorId: blind ? "a1" : "sup1",
        action,
        ...(agentId === undefined ? {} : { agentId }),
      };
    }
    case "editVariables": {
      const at = onCall(s, step, null);
      return { type: "EditVariables", ...at, edits: edits(s.tasks.get(at.taskId as never), b, c) };
    }
    case "wrapUp": {
      // Owners in wrap-up, or an owner whose customer left mid-consult (CNS-10); else anyone on a call.
      const due = pairs(s).filter(
        (p) =>
          p.task.agents.some((e) => e.agentId === p.agentId && e.status === "wrapping") ||
          allowedActions(p.task, p.agentId as AgentId).includes("wrap_up"),
      );
      const at = !blind && due.length > 0 && c % 5 !== 0 ? pick(due, a) : undefined;
      const target = at ? { taskId: at.task.id as string, agentId: at.agentId } : onCall(s, step, null);
      const codeId =
        pick(["resolved", "sale", "resolved", "follow-up", "resolved", "coffee", "nope"], b) ?? "resolved";
      return { type: "WrapUpTask", ...target, codeId };
    }
    case "customerLeft": {
      const task = blind || c % 6 === 0 ? pick([...s.tasks.values()], a) : pick(callsOf(s), a);
      return { type: "CustomerLeft", taskId: task?.id ?? "nope" };
    }
    case "legAnswered":
      return { type: "LegAnswered", ...farEnd(s, step, (p) => p.leg.status === "alerting") };
    case "legFailed":
      return {
        type: "LegFailed",
        ...farEnd(s, step, (p) => p.leg.status === "alerting"),
        cause: pick(LEG_FAILURES, c) ?? "busy",
      };
    case "legHungUp":
      return { type: "LegHungUp", ...farEnd(s, step, isUp) };
    default: {
      const action = ACTION[kind];
      const at = onCall(s, step, action);
      const task = s.tasks.get(at.taskId as never);
      switch (kind) {
        case "hold":
          return { type: "HoldCall", ...at };
        case "resume":
          return { type: "ResumeCall", ...at };
        case "consult":
          return { type: "StartConsult", ...at, target: consultTarget(s, task, at.agentId, b, c) };
        case "acceptConsult":
          return { type: "AcceptConsult", ...at };
        case "holdConsult":
          return { type: "HoldConsult", ...at };
        case "resumeConsult":
          return { type: "ResumeConsult", ...at };
        case "endConsult":
          return { type: "EndConsult", ...at };
        case "consultTransfer":
          return { type: "ConsultTransfer", ...at };
        case "consultConference":
          return { type: "ConsultConference", ...at };
        case "transfer":
          return { type: "TransferCall", ...at, target: transferTarget(s, task, at.agentId, b, c) };
        case "leave":
          return { type: "LeaveConference", ...at };
        case "end":
          return { type: "EndTask", ...at };
        case "pauseRecording":
          return { type: "PauseRecording", ...at };
        case "resumeRecording":
          return { type: "ResumeRecording", ...at };
      }
    }
  }
}

/** The commands a prelude agent runs: log in to a team of theirs, then go Available. */
export function preludeCommands({ agentId, available }: { agentId: string; available: boolean }): Cmd[] {
  const login: Cmd = {
    type: "LoginAgent",
    agentId,
    station: { teamId: teamsOf(agentId)[0] ?? "support", device: "BROWSER" },
  };
  if (!available) return [login];
  return [
    login,
    { type: "ChangeAgentState", agentId, to: { type: "available" }, by: { kind: "agent", id: agentId } },
  ];
}
