import {
  type Command,
  type Customer,
  Engine,
  type ErrorCode,
  fromPlain,
  type Instant,
  type Plain,
  type TaskId,
  type TenantConfig,
  type TenantEvent,
  type TenantState,
} from "../src/index.ts";
import { clockTime, type Directory, directory, timelineLine } from "./describe.ts";

type Cmd = Plain<Command>;
type Station = Plain<Extract<Command, { type: "LoginAgent" }>["station"]>;

/** Printed under an event line, aligned with its text. */
const INDENT = " ".repeat(10);

/** A step of the script that the engine did not go along with: the script is wrong. */
export class ScriptError extends Error {
  override readonly name = "ScriptError";
}

/**
 * The engine on a virtual clock, driven by the demo script: every command must succeed, every
 * event becomes a timeline line, and moving the clock fires the timers that fall due on the way.
 */
export class Stage {
  readonly engine = new Engine();
  readonly log: TenantEvent[] = [];
  readonly names: Directory;
  now: Instant;

  constructor(
    readonly config: TenantConfig,
    private readonly day: Instant,
    private readonly print: (line: string) => void,
  ) {
    this.now = day;
    this.names = directory(config);
  }

  /** Loads the tenant's configuration into the engine: the first step of every script. */
  configure(): TenantEvent[] {
    return this.apply({ type: "ConfigureTenant", config: this.config });
  }

  get state(): TenantState {
    return this.engine.state;
  }

  /** Moves the clock to `HH:MM:SS` of the demo day, firing each timer at its own due time. */
  at(time: string): this {
    const target = this.day + parseClock(time);
    if (target < this.now) throw new ScriptError(`${time} is before ${clockTime(this.now)}`);
    for (let due = this.engine.nextDueAt(); due !== null && due <= target; due = this.engine.nextDueAt()) {
      this.now = due;
      this.show(this.engine.tick(due));
    }
    this.now = target;
    return this;
  }

  /** Runs a command that must be accepted. */
  run(cmd: Cmd): TenantEvent[] {
    return this.apply(fromPlain<Command>(cmd));
  }

  /** Runs a command that must be rejected with `code`, and shows the rejection. */
  refused(what: string, cmd: Cmd, code: ErrorCode): void {
    const d = this.engine.execute(fromPlain<Command>(cmd), this.now);
    if (d.ok || d.code !== code)
      throw new ScriptError(`${what}: expected ${code}, got ${d.ok ? "acceptance" : d.code}`);
    this.print(`${clockTime(this.now)}  ✗ ${what} → rejected ${d.code}: "${d.message}" (as expected)`);
  }

  /** A remark under the last line: what the engine says about the state, not an event. */
  note(text: string): void {
    this.print(`${INDENT}↳ ${text}`);
  }

  /** The script relies on who gets an offer; a different routing outcome stops it. */
  expectOffer(taskId: string, agentId: string): void {
    const task = this.state.tasks.get(taskId as TaskId);
    const to = task?.status === "offered" ? task.offer.agentId : null;
    if (to !== agentId)
      throw new ScriptError(`${clockTime(this.now)} expected ${taskId} offered to ${agentId}, not ${to}`);
  }

  // The commands the script uses, named as the agent desktop names them.
  login(agentId: string, station: Station) {
    return this.run({ type: "LoginAgent", agentId, station });
  }
  available(agentId: string) {
    return this.run({
      type: "ChangeAgentState",
      agentId,
      to: { type: "available" },
      by: { kind: "agent", id: agentId },
    });
  }
  idle(agentId: string, codeId: string) {
    return this.run({
      type: "ChangeAgentState",
      agentId,
      to: { type: "idle", codeId },
      by: { kind: "agent", id: agentId },
    });
  }
  logoutWhenDone(agentId: string) {
    return this.run({ type: "SetPendingAgentState", agentId, pending: { type: "logged_out" } });
  }
  /** A contact arrives; `variables` are what the entry point's flow (the IVR) collected. */
  contact(
    taskId: string,
    entryPointId: string,
    customer: Plain<Customer>,
    variables?: Record<string, string>,
  ) {
    return this.run({ type: "ReceiveTask", taskId, entryPointId, customer, ...(variables && { variables }) });
  }
  callOut(taskId: string, agentId: string, entryPointId: string, dialNumber: string) {
    return this.run({ type: "PlaceOutdial", taskId, agentId, entryPointId, dialNumber });
  }
  /** The desktop shows the request: connecting becomes requested. */
  shown(taskId: string, agentId: string) {
    return this.run({ type: "ConfirmOfferDelivered", taskId, agentId });
  }
  accept(taskId: string, agentId: string) {
    return this.run({ type: "AcceptTask", taskId, agentId });
  }
  acceptAll(agentId: string) {
    return this.run({ type: "AcceptAllDigital", agentId });
  }
  decline(taskId: string, agentId: string) {
    return this.run({ type: "DeclineTask", taskId, agentId });
  }
  end(taskId: string, agentId: string) {
    return this.run({ type: "EndTask", taskId, agentId });
  }
  customerLeft(taskId: string) {
    return this.run({ type: "CustomerLeft", taskId });
  }
  wrapUp(taskId: string, agentId: string, codeId: string) {
    return this.run({ type: "WrapUpTask", taskId, agentId, codeId });
  }

  agentName(agentId: string): string {
    return this.names.agent(agentId);
  }

  private apply(cmd: Command): TenantEvent[] {
    const d = this.engine.execute(cmd, this.now);
    if (!d.ok) {
      const details = d.details ? ` ${JSON.stringify(d.details)}` : "";
      throw new ScriptError(
        `${clockTime(this.now)} ${cmd.type} was rejected: ${d.code} ${d.message}${details}`,
      );
    }
    this.show(d.events);
    return d.events;
  }

  private show(events: readonly TenantEvent[]): void {
    for (const e of events) {
      this.log.push(e);
      this.print(timelineLine(e, this.names));
    }
  }
}

/** `HH:MM:SS` → milliseconds since midnight. */
function parseClock(time: string): number {
  const match = /^(\d\d):(\d\d):(\d\d)$/.exec(time);
  if (!match) throw new ScriptError(`"${time}" is not HH:MM:SS`);
  const [, h, m, s] = match.map(Number) as [number, number, number, number];
  return ((h * 60 + m) * 60 + s) * 1000;
}
