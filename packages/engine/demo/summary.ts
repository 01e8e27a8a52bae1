import { type AgentId, type AgentTimers, agentTimers, formatTimer, type TenantEvent } from "../src/index.ts";
import { clockTime, type Directory, stateName } from "./describe.ts";
import type { Stage } from "./stage.ts";

const count = (log: readonly TenantEvent[], type: TenantEvent["type"]) =>
  log.filter((e) => e.type === type).length;

/** The end-of-scenario report: contact outcomes, then each agent's state with its timers. */
export function summaryLines(stage: Stage): string[] {
  const { log } = stage;
  const wrapUps = log.filter((e) => e.type === "task.wrapup");
  const auto = wrapUps.filter((e) => e.auto).length;
  const handedOver = count(log, "task.transferred") + count(log, "task.owner_changed");
  return [
    `Summary at ${clockTime(stage.now)}`,
    `  Contacts: ${count(log, "task.received")} inbound, ${count(log, "task.outdial_placed")} outdial, ${count(log, "callback.created")} callback; ${count(log, "task.canceled")} abandoned, ${stage.state.tasks.size} still open`,
    // After a transfer or a conference hand-over, each agent wraps up their own part (WRP-2).
    `  Wrap-ups: ${wrapUps.length} (${auto} auto), ${handedOver} contacts handed over to another agent or queue`,
    `  Offers: ${count(log, "offer.created")} made, ${count(log, "offer.timed_out")} RONA, ${count(log, "offer.declined")} declined`,
    "  Agents:",
    ...stage.config.users
      .filter((u) => u.roles.includes("agent"))
      .map((u) => `    ${u.name.padEnd(16)} ${agentLine(stage, u.id)}`),
  ];
}

function agentLine(stage: Stage, agentId: AgentId): string {
  const handled = stage.log.filter((e) => e.type === "task.wrapup" && e.agentId === agentId).length;
  const timers = agentTimers(stage.state, agentId, stage.now);
  const state = timers ? stateWithTimers(timers, stage.names) : loggedOut(stage.log, agentId);
  return `${String(handled).padStart(2)} handled   ${state}`;
}

/** TMR-1…TMR-4: the state timer (current/total across idle codes), or the interactions while engaged. */
function stateWithTimers(t: AgentTimers, names: Directory): string {
  const label =
    t.presence === "idle"
      ? `Idle (${names.code(t.idleCodeId ?? "")})`
      : stateName({ type: t.presence }, names);
  const pending = t.pending ? `, then ${stateName(t.pending, names)}` : "";
  if (!t.showStateTimer) {
    const work = t.interactions.map(
      (i) => `${i.taskId} ${i.status === "assigned" ? "connected" : "in wrap-up"} ${formatTimer(i.inState)}`,
    );
    return `${label}, engaged: ${work.join(", ")}${pending}`;
  }
  const total = t.idleTotal !== null && t.idleTotal !== t.inState ? `/${formatTimer(t.idleTotal)}` : "";
  return `${label} ${formatTimer(t.inState)}${total}${pending}`;
}

function loggedOut(log: readonly TenantEvent[], agentId: AgentId): string {
  const last = log.findLast((e) => e.type === "agent.logged_out" && e.agentId === agentId);
  return last ? `logged out since ${clockTime(last.at)}` : "not logged in";
}
