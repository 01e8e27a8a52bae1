import { type TaskId, variableOf } from "../../src/index.ts";
import { explainWait, showCadPanel, showCallPanels, showPopovers, showQueue } from "../desk.ts";
import type { Stage } from "../stage.ts";

/** A call-control button pressed on the agent's desktop. */
const press = (
  s: Stage,
  type: "ResumeCall" | "AcceptConsult" | "ConsultConference" | "LeaveConference" | "PauseRecording",
  taskId: string,
  agentId: string,
) => s.run({ type, taskId, agentId });

/** Save in the call-data panel: each field names the version the agent was looking at (CALL-8). */
function saveCallData(s: Stage, taskId: string, agentId: string, values: Record<string, string>): void {
  const saved = s.state.tasks.get(taskId as TaskId)?.variables ?? {};
  const edits = Object.entries(values).map(([name, value]) => ({
    name,
    value,
    baseVersion: variableOf(saved, name)?.version ?? 0,
  }));
  s.run({ type: "EditVariables", taskId, agentId, edits });
}

/** Karin, the team lead, starts her shift: she supervises and stays out of routing. */
export function supervisorArrives(s: Stage): void {
  s.at("08:15:30").login("karin", { teamId: "support", device: "BROWSER" });
}

/**
 * Henrik Wall's fibre is down. The IVR has his customer number; Marcus pauses the recording while
 * Henrik reads out his card number for the replacement router, opens a case, then consults Elif,
 * who knows the fibre installations — toggling between the two — and conferences her in. Marcus
 * leaves the conference: control passes to Elif, and Karin listens in on her.
 */
export function caseCall(s: Stage): void {
  s.at("08:16:30").contact(
    "c-1006",
    "ep-support-line",
    { name: "Henrik Wall", address: "+46 70 555 12 34" },
    { customerId: "884120", language: "sv" },
  );
  s.expectOffer("c-1006", "marcus");
  s.at("08:16:31").shown("c-1006", "marcus");
  s.at("08:16:35").accept("c-1006", "marcus");
  s.at("08:17:20");
  press(s, "PauseRecording", "c-1006", "marcus");
  s.at("08:17:45");
  saveCallData(s, "c-1006", "marcus", { caseNumber: "CS-20931", cardNumber: "4571 9310 2233 8841" });
  showCadPanel(s, "c-1006", "marcus");
  // The recording resumes by itself at 08:17:50.
  s.at("08:18:30").run({
    type: "StartConsult",
    taskId: "c-1006",
    agentId: "marcus",
    target: { kind: "agent", agentId: "elif" },
  });
  showCallPanels(s, "c-1006", "marcus");
  s.at("08:18:34");
  press(s, "AcceptConsult", "c-1006", "elif");
  showCallPanels(s, "c-1006", "marcus");
  s.at("08:19:10");
  press(s, "ResumeCall", "c-1006", "marcus");
  showCallPanels(s, "c-1006", "marcus");
  s.at("08:19:25");
  press(s, "ConsultConference", "c-1006", "marcus");
  showCallPanels(s, "c-1006", "marcus");
  s.at("08:20:30");
  press(s, "LeaveConference", "c-1006", "marcus");
  showCallPanels(s, "c-1006", "elif");
  s.at("08:20:40").run({ type: "MonitorCall", taskId: "c-1006", supervisorId: "karin", action: "start" });
  s.at("08:20:50").wrapUp("c-1006", "marcus", "resolved");
}

/**
 * Kristina Lund called support but wants to upgrade to fibre 1000: Marcus transfers her blind to
 * the Sales voice queue. Support backs up that queue, yet the call is never offered back to Marcus,
 * who transferred it (RTE-7), although he is Available. Then he leaves for a meeting.
 */
export function transferToSales(s: Stage): void {
  s.at("08:22:00").contact("c-1007", "ep-support-line", {
    name: "Kristina Lund",
    address: "+46 72 118 40 05",
  });
  s.expectOffer("c-1007", "marcus");
  s.at("08:22:01").shown("c-1007", "marcus");
  s.at("08:22:04").accept("c-1007", "marcus");
  s.at("08:23:10").run({
    type: "TransferCall",
    taskId: "c-1007",
    agentId: "marcus",
    target: { kind: "queue", queueId: "q-sales-voice" },
  });
  s.at("08:23:20").wrapUp("c-1007", "marcus", "resolved");
  explainWait(s, "c-1007");
  s.at("08:24:00").idle("marcus", "meeting");
}

/** Priya's shift starts: the transferred call has waited in Sales voice for her. */
export function salesPicksUp(s: Stage): void {
  s.at("08:27:30").login("priya", { teamId: "sales", device: "BROWSER" });
  showQueue(s, "karin", "q-sales-voice");
  s.at("08:27:35").available("priya");
  s.expectOffer("c-1007", "priya");
  s.shown("c-1007", "priya");
  s.at("08:27:40").accept("c-1007", "priya");
}

/**
 * Elif books a technician for Henrik and promises to call him back herself once the visit is
 * done, between 10:15 and 10:45 his time: a personal callback through the Callbacks entry point.
 */
export function technicianCallback(s: Stage): void {
  s.at("08:31:30").run({ type: "MonitorCall", taskId: "c-1006", supervisorId: "karin", action: "stop" });
  s.at("08:32:00").run({
    type: "ScheduleCallback",
    taskId: "cb-6001",
    agentId: "elif",
    entryPointId: "ep-callbacks",
    request: {
      customerNumber: "+46705551234",
      customerName: "Henrik Wall",
      date: "2026-11-02",
      from: "10:15",
      to: "10:45",
      timeZone: "Europe/Stockholm",
      reason: "Check the line after the technician's visit",
    },
    assignTo: { kind: "me" },
  });
  s.at("08:32:30").end("c-1006", "elif");
  s.at("08:32:50").wrapUp("c-1006", "elif", "follow-up");
}

export function closeTheSale(s: Stage): void {
  s.at("08:35:00").end("c-1007", "priya");
  s.at("08:35:15").wrapUp("c-1007", "priya", "sale");
}

/**
 * 10:15 in Stockholm: the callback's window opens. It is personal, so it goes to Elif only —
 * ahead of Anna, who has waited longer for a call. Accepting dials Henrik; the telephony switch
 * reports that he answered.
 */
export function callbackWindow(s: Stage): void {
  s.at("09:15:00");
  s.expectOffer("cb-6001", "elif");
  s.at("09:15:01").shown("cb-6001", "elif");
  showPopovers(s, "elif", true);
  s.at("09:15:04").accept("cb-6001", "elif");
  s.at("09:15:11").run({ type: "LegAnswered", taskId: "cb-6001", partyId: "customer" });
  s.at("09:19:30").end("cb-6001", "elif");
  s.at("09:19:45").wrapUp("cb-6001", "elif", "resolved");
}
