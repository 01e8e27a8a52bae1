import { pathToFileURL } from "node:url";
import type { Customer } from "../src/index.ts";
import {
  callbackWindow,
  caseCall,
  closeTheSale,
  salesPicksUp,
  supervisorArrives,
  technicianCallback,
  transferToSales,
} from "./acts/calls.ts";
import { chatComesBack, closeChat, colleagueJoinsChat, frustratedCustomer } from "./acts/digital.ts";
import { demoTenant } from "./demoTenant.ts";
import { explainWait, showPopovers } from "./desk.ts";
import { Stage } from "./stage.ts";
import { summaryLines } from "./summary.ts";

/** Monday 2 November 2026, midnight UTC: the demo's virtual day. The real clock is never read. */
const DEMO_DAY = Date.UTC(2026, 10, 2);

/**
 * A morning at Lumen Telecom's contact center, printed as a timeline. Throws a ScriptError when
 * the engine rejects a step the script expects to succeed.
 */
export function runDemo(print: (line: string) => void): void {
  const stage = new Stage(demoTenant(), DEMO_DAY, print);
  print(`Parley demo — a morning at ${stage.config.name} (virtual clock, times in UTC)`);
  print("");
  stage.at("07:55:00").configure();
  morningLogins(stage);
  firstCalls(stage);
  missedCall(stage);
  lunchWhileEngaged(stage);
  digitalDesk(stage);
  declinedCall(stage);
  salesCallThenPendingLogout(stage);
  digitalWorkDone(stage);
  outdialToMissedCaller(stage);
  // Later in the morning: call control and supervision, a chat that goes wrong and comes back,
  // a transfer to sales, and a callback at a time the customer chose.
  supervisorArrives(stage);
  caseCall(stage);
  transferToSales(stage);
  frustratedCustomer(stage);
  salesPicksUp(stage);
  colleagueJoinsChat(stage);
  technicianCallback(stage);
  closeChat(stage);
  closeTheSale(stage);
  callbackWindow(stage);
  chatComesBack(stage, "elif");
  stage.at("09:30:00");
  print("");
  for (const line of summaryLines(stage)) print(line);
}

function morningLogins(s: Stage): void {
  s.at("08:00:00").login("anna", { teamId: "support", device: "BROWSER" });
  s.at("08:00:05").available("anna");
  s.at("08:00:20").login("marcus", { teamId: "support", device: "EXTENSION", address: "4102" });
  s.at("08:00:30").available("marcus");
  s.at("08:00:40").login("jonas", { teamId: "sales", device: "DIAL_NUMBER", address: "+46 8 555 012 34" });
  s.at("08:00:45").available("jonas");
}

function firstCalls(s: Stage): void {
  s.at("08:01:10").contact("c-1001", "ep-support-line", { address: "+46 70 123 45 67" });
  s.expectOffer("c-1001", "anna");
  s.at("08:01:11").shown("c-1001", "anna");
  s.at("08:01:15").accept("c-1001", "anna");
}

/** Marcus is away from his desk phone: the offer runs out, he goes RONA, and Anna gets the call. */
function missedCall(s: Stage): void {
  s.at("08:01:50").contact("c-1002", "ep-support-line", { name: "Oskar Lund", address: "+46 73 555 88 21" });
  s.expectOffer("c-1002", "marcus");
  s.at("08:01:51").shown("c-1002", "marcus");
  s.at("08:01:58").end("c-1001", "anna");
  s.at("08:02:05").wrapUp("c-1001", "anna", "resolved");
  // No command here: the clock passes the offer's due time and the timer fires by itself.
  s.at("08:02:09");
  s.expectOffer("c-1002", "anna");
  s.shown("c-1002", "anna");
  s.at("08:02:12").accept("c-1002", "anna");
}

/** Anna picks Lunch during her call: it applies at once, the call goes on, no new work comes. */
function lunchWhileEngaged(s: Stage): void {
  s.at("08:02:30").idle("anna", "lunch");
  s.at("08:02:40").contact("c-1003", "ep-support-line", { address: "+46 76 402 19 90" });
  explainWait(s, "c-1003");
  s.at("08:02:58").customerLeft("c-1003");
  s.at("08:03:00").end("c-1002", "anna");
  s.at("08:03:08").wrapUp("c-1002", "anna", "follow-up");
  s.note(`${s.agentName("anna")} stays Idle (Lunch) after her last interaction`);
}

/** Sofia runs the digital desk: six requests at once, accepted with one click. */
function digitalDesk(s: Stage): void {
  s.at("08:03:30").login("sofia", { teamId: "support", device: "BROWSER" });
  s.at("08:03:35").available("sofia");
  const arrivals: [time: string, taskId: string, entryPointId: string, customer: Customer][] = [
    ["08:03:40", "ch-2001", "ep-web-chat", { name: "Maja Svensson" }],
    ["08:03:42", "em-3001", "ep-support-mail", { address: "lars.persson@example.com" }],
    ["08:03:45", "ch-2002", "ep-web-chat", { name: "Ahmed Hassan" }],
    ["08:03:47", "so-4001", "ep-social-dm", { address: "@erik.travels" }],
    ["08:03:50", "ch-2003", "ep-web-chat", { name: "Ingrid Dahl" }],
    ["08:03:52", "em-3002", "ep-support-mail", { address: "n.petrovic@example.org" }],
  ];
  for (const [time, taskId, entryPointId, customer] of arrivals) {
    s.at(time).contact(taskId, entryPointId, customer);
    s.expectOffer(taskId, "sofia");
    s.shown(taskId, "sofia");
  }
  showPopovers(s, "sofia");
  s.at("08:03:58").acceptAll("sofia");
}

/** Marcus is back; he declines a call and it goes to Elif on the front-desk shared line. */
function declinedCall(s: Stage): void {
  s.at("08:04:10").available("marcus");
  s.at("08:04:20").login("elif", { teamId: "support", device: "EXTENSION", address: "4100", line: "2" });
  s.at("08:04:30").available("elif");
  s.at("08:05:00").contact("c-1004", "ep-support-line", {
    name: "Karl Johansson",
    address: "+46 70 311 22 09",
  });
  s.expectOffer("c-1004", "marcus");
  s.at("08:05:01").shown("c-1004", "marcus");
  s.at("08:05:04").decline("c-1004", "marcus");
  s.expectOffer("c-1004", "elif");
  s.at("08:05:05").shown("c-1004", "elif");
  s.at("08:05:08").accept("c-1004", "elif");
}

/**
 * Jonas's shift ends: logout is refused while a call rings for him, so he takes the call and
 * chooses logout as his pending state; the auto wrap-up of that call logs him out.
 */
function salesCallThenPendingLogout(s: Stage): void {
  s.at("08:05:30").contact("c-1005", "ep-sales-line", { name: "Nora Bakken", address: "+47 912 34 567" });
  s.expectOffer("c-1005", "jonas");
  s.at("08:05:31").shown("c-1005", "jonas");
  s.at("08:05:33").refused(
    `${s.agentName("jonas")} tries to log out while c-1005 rings`,
    { type: "LogoutAgent", agentId: "jonas", by: { kind: "agent", id: "jonas" } },
    "OFFER_PENDING",
  );
  s.at("08:05:36").accept("c-1005", "jonas");
  s.at("08:05:40").logoutWhenDone("jonas");
  s.at("08:07:10").end("c-1005", "jonas");
  // Auto wrap-up falls due at 08:07:40 while the clock moves on.
  s.at("08:07:45");
}

function digitalWorkDone(s: Stage): void {
  s.at("08:07:50").end("c-1004", "elif");
  s.at("08:08:00").customerLeft("ch-2001");
  s.at("08:08:04").wrapUp("ch-2001", "sofia", "resolved");
  s.wrapUp("c-1004", "elif", "resolved");
  s.at("08:08:40").end("ch-2002", "sofia");
  s.at("08:08:45").wrapUp("ch-2002", "sofia", "resolved");
  s.at("08:09:10").end("so-4001", "sofia");
  s.at("08:09:20").wrapUp("so-4001", "sofia", "follow-up");
  s.at("08:09:30").end("ch-2003", "sofia");
  s.at("08:09:35").wrapUp("ch-2003", "sofia", "resolved");
  s.at("08:12:00").end("em-3001", "sofia");
  s.at("08:12:30").wrapUp("em-3001", "sofia", "follow-up");
}

/** Elif calls back the customer who hung up at 08:02:58; her profile puts her Idle after an outdial. */
function outdialToMissedCaller(s: Stage): void {
  s.at("08:13:00").callOut("o-5001", "elif", "ep-outdial", "+46 76 402 19 90");
  s.at("08:14:40").end("o-5001", "elif");
  s.at("08:14:55").wrapUp("o-5001", "elif", "resolved");
  s.at("08:15:05").available("elif");
}

function main(): void {
  try {
    runDemo((line) => console.log(line));
  } catch (error) {
    console.error(error instanceof Error ? `${error.name}: ${error.message}` : error);
    process.exitCode = 1;
  }
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) main();
