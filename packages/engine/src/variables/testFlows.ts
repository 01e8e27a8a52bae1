// Test fixtures for the variables module: one support flow and helpers to vary it.
import { fromPlain } from "../shared/ids.ts";
import type { FlowDef, FlowVariableDef, FlowVariableType, TaskVariables } from "./types.ts";

export const def = (
  name: string,
  type: FlowVariableType,
  order: number,
  over: Partial<FlowVariableDef> = {},
): FlowVariableDef => ({
  name,
  type,
  label: name.replace(/^./, (c) => c.toUpperCase()),
  order,
  secure: false,
  agentEditable: false,
  shownInPopover: false,
  global: false,
  ...over,
});

export const flow = (id: string, variables: FlowVariableDef[]): FlowDef => ({
  id: fromPlain<FlowDef["id"]>(id),
  name: `Flow ${id}`,
  variables,
});

/** Listed out of order on purpose: the order field, not the array, sets display order. */
export const supportVariables: FlowVariableDef[] = [
  def("vip", "BOOLEAN", 5, { label: "VIP", agentEditable: true, shownInPopover: true }),
  def("caseNumber", "STRING", 1, {
    label: "Case number",
    agentEditable: true,
    shownInPopover: true,
    global: true,
  }),
  def("customerId", "INTEGER", 2, { label: "Customer ID", shownInPopover: true, global: true }),
  def("callerNumber", "STRING", 3, { label: "Caller number", shownInPopover: true, sensitiveNumber: true }),
  def("amount", "DECIMAL", 4, { label: "Amount", agentEditable: true }),
  def("appointment", "DATETIME", 6, { label: "Appointment", agentEditable: true }),
  def("cardPin", "STRING", 7, { label: "Card PIN", secure: true, agentEditable: true }),
  def("callbackReason", "STRING", 8, { label: "Callback reason" }),
];

export const support = flow("support", supportVariables);

/** Saved values as `name → [value, version]`. */
export const saved = (entries: Record<string, [string | null, number]>): TaskVariables =>
  Object.fromEntries(
    Object.entries(entries).map(([name, [value, version]]) => [name, { name, value, version }]),
  );

export const supportValues: TaskVariables = saved({
  caseNumber: ["CS-1042", 1],
  customerId: ["884120", 1],
  callerNumber: ["+48 601 234 567", 1],
  amount: ["120.5", 1],
  vip: ["true", 1],
  appointment: [null, 1],
  cardPin: ["4321", 1],
  callbackReason: ["Billing question", 1],
});
