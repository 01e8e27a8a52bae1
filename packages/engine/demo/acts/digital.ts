import { showSession } from "../desk.ts";
import type { Stage } from "../stage.ts";

const CHAT = "ch-2004";

/** The customer writes; the host's analyser scores the message from -1 to 1 (SES-11). */
const customerWrites = (s: Stage, text: string, sentiment?: number) =>
  s.run({ type: "CustomerMessage", taskId: CHAT, text, ...(sentiment !== undefined && { sentiment }) });
const agentWrites = (s: Stage, agentId: string, text: string) =>
  s.run({ type: "SendMessage", taskId: CHAT, agentId, text });

/**
 * Lina Ek writes in the Lumen app: her connection keeps dropping. Her messages grow angrier, the
 * sentiment level falls to the tenant's threshold and Sofia's session shows the alert.
 */
export function frustratedCustomer(s: Stage): void {
  s.at("08:25:00").contact(CHAT, "ep-app-chat", { name: "Lina Ek" });
  customerWrites(s, "Hi, my internet keeps dropping since yesterday"); // too short to score
  s.expectOffer(CHAT, "sofia");
  s.shown(CHAT, "sofia");
  s.at("08:25:06").accept(CHAT, "sofia");
  s.at("08:25:40");
  agentWrites(s, "sofia", "Sorry to hear that, Lina! Let me look at your line.");
  s.at("08:26:30");
  customerWrites(s, "It dropped AGAIN in the middle of a work meeting. Useless.", -0.8);
}

/** Back from lunch, Anna — who knows the router models — joins the chat and fixes the line. */
export function colleagueJoinsChat(s: Stage): void {
  s.at("08:28:00").available("anna");
  s.at("08:28:20").run({ type: "RequestConference", taskId: CHAT, agentId: "sofia", targetAgentId: "anna" });
  s.at("08:28:30").run({ type: "AnswerConference", taskId: CHAT, agentId: "anna", accept: true });
  showSession(s, CHAT, "sofia");
  s.at("08:29:10");
  agentWrites(s, "anna", "Hi Lina, Anna from the network team: your router restarts. I'm pushing a fix.");
  s.at("08:30:40");
  customerWrites(s, "It's back, and faster too. Thank you both!", 0.9);
  s.at("08:31:00").run({ type: "LeaveConversation", taskId: CHAT, agentId: "anna" });
}

/** Lumen app chats are persistent: Close leaves the conversation waiting for the customer. */
export function closeChat(s: Stage): void {
  s.at("08:33:00").run({ type: "CloseConversation", taskId: CHAT, agentId: "sofia" });
  s.at("08:33:10").wrapUp(CHAT, "sofia", "resolved");
}

/** Lina writes again in the same conversation: it re-opens with its history and queues. */
export function chatComesBack(s: Stage, agentId: string): void {
  s.at("09:24:00");
  customerWrites(s, "Hi again! The line dropped once more this morning. Is the fix still in place?");
  s.expectOffer(CHAT, agentId);
  s.shown(CHAT, agentId);
  s.at("09:24:05").accept(CHAT, agentId);
  showSession(s, CHAT, agentId);
}
