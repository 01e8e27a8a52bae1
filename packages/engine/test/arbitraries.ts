import fc from "fast-check";
import { DIGITAL_CHANNELS } from "../src/shared/channels.ts";
import type { Plain } from "../src/shared/ids.ts";
import type { Task } from "../src/tasks/state.ts";
import type { Command } from "../src/tenant/messages.ts";
import type { TenantState } from "../src/tenant/state.ts";

/**
 * Random steps for property tests against the fixture tenant (test/fixtures.ts).
 *
 * A step is abstract: commands that act on a task either name ids from small pools (so they
 * collide with real tasks and agents often, and are refused otherwise), or say "pick the n-th
 * task that is in a fitting status right now". `toCommand` resolves a step against the live
 * state, so the same steps always give the same commands and fast-check can shrink them.
 */

type Cmd = Plain<Command>;

export const AGENT_POOL = ["a1", "a2", "a3", "a4", "a5"] as const;
export const TASK_POOL = Array.from({ length: 30 }, (_, i) => `t${i + 1}`);

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
  | { readonly kind: "advance"; readonly seconds: number };

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
    { weight: 30, arbitrary: fc.constantFrom("ep-voice", "ep-chat", "ep-email", "ep-social", "ep-sales") },
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

/** A mix weighted so that work keeps flowing: most tasks get offered, accepted, ended and wrapped up. */
export const step: fc.Arbitrary<Step> = fc.oneof(
  { weight: 5, arbitrary: login },
  {
    weight: 2,
    arbitrary: fc.record({
      kind: fc.constant("logout" as const),
      agent: agentRef,
      bySupervisor: fc.boolean(),
    }),
  },
  { weight: 10, arbitrary: changeState },
  { weight: 6, arbitrary: setPending },
  { weight: 14, arbitrary: receive },
  { weight: 2, arbitrary: outdial },
  { weight: 12, arbitrary: onTask("deliver") },
  { weight: 14, arbitrary: onTask("accept") },
  {
    weight: 3,
    arbitrary: fc.record({
      kind: fc.constant("acceptAll" as const),
      pick: fc.nat(),
      blindAgent: mostly(fc.constant(null), agentId, 4),
    }),
  },
  { weight: 3, arbitrary: onTask("decline") },
  {
    weight: 2,
    arbitrary: fc.record({
      kind: fc.constant("fail" as const),
      target,
      cause: fc.constantFrom("DEVICE_UNREACHABLE", "INVALID_ADDRESS", "DEVICE_FAULT"),
    }),
  },
  { weight: 8, arbitrary: onTask("end") },
  { weight: 3, arbitrary: onTask("customerLeft") },
  {
    weight: 8,
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
);

/** The tasks a targeted step may pick from: the ones in a status where the command can apply. */
function candidates(state: TenantState, kind: Step["kind"]): Task[] {
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

/** The task and agent a step names, resolved against the live state. */
function resolve(state: TenantState, kind: Step["kind"], t: Target): { taskId: string; agentId: string } {
  if ("task" in t) return { taskId: t.task, agentId: t.agent };
  const fitting = candidates(state, kind);
  // With none in a fitting status, a real task in the wrong one: refused for a reason worth testing.
  const list = fitting.length > 0 ? fitting : [...state.tasks.values()];
  const task = list[t.pick % Math.max(1, list.length)];
  if (!task) return { taskId: TASK_POOL[t.pick % TASK_POOL.length] ?? "t1", agentId: t.wrongAgent ?? "a1" };
  return { taskId: task.id, agentId: t.wrongAgent ?? agentOf(task) };
}

/** The agent a step names: for a pending state, one who is engaged, else any logged-in one. */
function agentFor(state: TenantState, kind: Step["kind"], ref: AgentRef): string {
  if (typeof ref === "string") return ref;
  const agents = [...state.agents.values()];
  const engaged = agents.filter((a) => a.tasks.length > 0);
  const list = kind === "setPending" && engaged.length > 0 ? engaged : agents;
  return list[ref.pick % Math.max(1, list.length)]?.id ?? AGENT_POOL[ref.pick % AGENT_POOL.length] ?? "a1";
}

/** The concrete command for a step in this state; null for a clock advance. */
export function toCommand(state: TenantState, s: Step): Cmd | null {
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
    case "advance":
      return null;
  }
}
