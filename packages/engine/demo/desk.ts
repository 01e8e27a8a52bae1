import {
  type AgentId,
  type CallAction,
  type CallState,
  callView,
  conversationView,
  explainTask,
  formatTimer,
  type PopoverField,
  popoverStack,
  stackCaption,
  supervisorView,
  type TaskId,
  taskVariables,
} from "../src/index.ts";
import type { Stage } from "./stage.ts";

// One-line pictures of what a desktop shows, printed as notes under the timeline: the engine's
// read models (views), never its internals.

const PANEL: Record<CallState, string> = {
  ringing: "Ringing",
  connected: "Connected",
  call_on_hold: "Call on hold",
  consult_requested: "Consult requested",
  consulting: "Consulting",
  consult_on_hold: "Consult on hold",
  conference: "Conference",
  wrap_up: "Wrap-up",
  post_call: "Post call",
};

const BUTTON: Record<CallAction, string> = {
  hold: "Hold",
  resume: "Resume",
  consult: "Consult",
  accept_consult: "Accept consult",
  hold_consult: "Hold consult",
  resume_consult: "Resume consult",
  end_consult: "End consult",
  consult_transfer: "Transfer",
  consult_conference: "Conference",
  transfer: "Transfer",
  pause_recording: "Pause recording",
  resume_recording: "Resume recording",
  leave_conference: "Leave conference",
  end: "End",
  wrap_up: "Wrap up",
};

const taskOf = (s: Stage, taskId: string) => {
  const task = s.state.tasks.get(taskId as TaskId);
  if (!task) throw new Error(`${taskId} is not an open task`);
  return task;
};

/** CALL-1, CNS-6: the call panels (the customer's, and the consult's) and the enabled buttons. */
export function showCallPanels(s: Stage, taskId: string, agentId: string): void {
  const view = callView(taskOf(s, taskId), agentId as AgentId);
  if (!view) throw new Error(`${agentId} has no part in ${taskId}`);
  const panels = [view.main, view.consult].flatMap((p) => (p ? [PANEL[p.state]] : []));
  const buttons = view.actions.map((a) => `[${BUTTON[a]}]`).join(" ");
  s.note(`${s.agentName(agentId)}'s call panel: ${panels.join(" | ")}   ${buttons}`);
}

/** CALL-6, CALL-7: the call-associated data as the agent sees it; ✎ editable, secure values masked. */
export function showCadPanel(s: Stage, taskId: string, agentId: string): void {
  const rows = taskVariables(s.state, taskId as TaskId, { agentId: agentId as AgentId, canSeeSecure: false });
  const shown = rows.map((v) => `${v.label} ${v.value ?? "—"}${v.editable ? " ✎" : ""}`);
  s.note(`${s.agentName(agentId)}'s call data: ${shown.join(" · ")}`);
}

/** DIG-1, SES-11, SES-12: a conversation's session as one agent sees it. */
export function showSession(s: Stage, taskId: string, agentId: string): void {
  const view = conversationView(s.state, taskId as TaskId, agentId as AgentId);
  if (!view) throw new Error(`${taskId} is not a conversation`);
  const sentiment =
    view.sentiment === null
      ? ""
      : `, sentiment ${view.sentiment.toFixed(2)}${view.sentimentAlert ? " ⚠ alert icon" : ""}`;
  const state = view.state.replace("_", " ");
  s.note(
    `${s.agentName(agentId)}'s ${taskId} session: ${state}, ${view.messages.length} messages, ${view.unread} unread${sentiment}`,
  );
}

/** SUP-1: one queue of the supervisor's real-time view. */
export function showQueue(s: Stage, supervisorId: string, queueId: string): void {
  const q = supervisorView(s.state, supervisorId as AgentId, s.now).queues.find((v) => v.queueId === queueId);
  if (!q) throw new Error(`${supervisorId} does not supervise ${queueId}`);
  const { answered, answeredInTime, abandoned } = q.stats;
  const level =
    q.serviceLevel === null
      ? "no service level yet"
      : `service level ${Math.round(q.serviceLevel * 100)}% (${answeredInTime} of ${answered} answered in time, ${abandoned} abandoned)`;
  const waiting =
    q.waiting === 0 ? "none waiting" : `${q.waiting} waiting, longest ${formatTimer(q.longestWait)}`;
  s.note(`${s.agentName(supervisorId)}'s queue view: ${q.name} — ${waiting}, ${level}`);
}

/** What a supervisor sees when asking why a contact is still waiting. */
export function explainWait(s: Stage, taskId: string): void {
  const why = explainTask(s.state, taskId as TaskId);
  if (why?.status === "queued")
    s.note(`why ${taskId} waits (${why.reason}, position ${why.position}): ${why.message}`);
  else if (why?.status === "scheduled")
    s.note(`why ${taskId} waits: ${why.message} (${new Date(why.dueAt).toISOString().slice(11, 16)} UTC)`);
  else throw new Error(`${taskId} was expected to wait, but is ${why?.status}`);
}

const SYSTEM_FIELD: Record<string, string> = {
  dnis: "via ",
  queue: "queue ",
  agentDn: "DN ",
  agentTeam: "team ",
};

/** A popover field as the desktop labels it; empty variables are left out. */
const field = (f: PopoverField): string[] => {
  if (f.value === null) return [];
  return [f.source === "system" ? `${SYSTEM_FIELD[f.key] ?? ""}${f.value}` : `${f.label} ${f.value}`];
};

/** POP-2…POP-8: the agent's request popovers, top to bottom, with the fields of the first. */
export function showPopovers(s: Stage, agentId: string, withFields = false): void {
  const stack = popoverStack(s.state, agentId as AgentId);
  const caption = stackCaption(stack);
  const shown = stack.items
    .slice(0, stack.shown)
    .map((p) => `${p.kind === "contact" ? p.channel : p.kind} ${p.taskId} (${p.phase})`);
  const fields = withFields && stack.items[0] ? ` — ${stack.items[0].fields.flatMap(field).join(" · ")}` : "";
  s.note(
    `${s.agentName(agentId)}'s popovers, top to bottom${caption ? ` — ${caption}` : ""}: ${shown.join(", ")}${fields}`,
  );
  if (stack.acceptAllCount > 1) s.note(`button "Accept ${stack.acceptAllCount} requests"`);
}
