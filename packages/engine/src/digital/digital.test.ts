import { describe, expect, it } from "vitest";
import { tenant } from "../../test/fixtures.ts";
import { given, kinds, Scenario } from "../../test/scenario.ts";
import { conversationView, unreadCounts } from "./view.ts";

const T = "chat1";
const chatting =
  (agentId = "a1", taskId = T, entryPointId = "ep-chat") =>
  (s: Scenario) => {
    if (!s.state.agents.has(agentId as never)) {
      s.login(agentId);
      s.available(agentId);
    }
    s.ok({ type: "ReceiveTask", taskId, entryPointId, customer: { name: "Maja" } });
    s.ok({ type: "CustomerMessage", taskId, text: "Hi, my router is down" });
    s.accept(taskId, agentId);
  };
const say = (text: string, sentiment?: number) =>
  ({ type: "CustomerMessage", taskId: T, text, ...(sentiment === undefined ? {} : { sentiment }) }) as const;
const reply = (agentId: string, text: string) => ({ type: "SendMessage", taskId: T, agentId, text }) as const;
const view = (s: Scenario, agentId = "a1", taskId = T) =>
  conversationView(s.state, taskId as never, agentId as never);
const persistentTenant = () =>
  tenant({
    entryPoints: tenant().entryPoints.map((e) =>
      e.id === "ep-chat" ? { ...e, persistent: true } : e,
    ) as never,
    persistentChatDays: 28,
    sentiment: { threshold: -0.3, window: 3 },
  });

describe("digital channels", () => {
  it("DIG-2 DIG-4 accepting a chat opens its session with the conversation; messages are stored with it", () => {
    const s = given(chatting()).scenario;
    s.ok(reply("a1", "Let me check"));
    s.ok(say("Thanks"));
    expect(view(s)?.messages.map((m) => `${m.from}:${m.text}`)).toEqual([
      "customer:Hi, my router is down",
      "agent:Let me check",
      "customer:Thanks",
    ]);
    expect(view(s)?.state).toBe("active");
  });

  it("DIG-4 an e-mail thread keeps the customer's mail and the reply; then wrap-up (DIG-1)", () => {
    const s = given(chatting("a1", "mail1", "ep-email")).scenario;
    s.ok({ type: "SendMessage", taskId: "mail1", agentId: "a1", text: "Dear customer, …" });
    s.end("mail1", "a1");
    expect(view(s, "a1", "mail1")?.state).toBe("wrap_up");
    expect(view(s, "a1", "mail1")?.messages).toHaveLength(2);
  });

  it("DIG-1 e-mail has no conference", () =>
    given(chatting("a1", "mail1", "ep-email"), (s) => s.login("a2"))
      .when({ type: "RequestConference", taskId: "mail1", agentId: "a1", targetAgentId: "a2" })
      .thenRejects("NOT_ALLOWED_FOR_CHANNEL"));

  it("DIG-1 a chat conference: Conference requested, then Conference when the other agent joins", () => {
    const s = given(chatting(), (s) => {
      s.login("a2");
      s.available("a2");
    }).scenario;
    s.ok({ type: "RequestConference", taskId: T, agentId: "a1", targetAgentId: "a2" });
    expect(view(s)?.state).toBe("conference_requested");
    s.ok({ type: "AnswerConference", taskId: T, agentId: "a2", accept: true });
    expect(view(s)?.state).toBe("conference");
    expect(s.state.agents.get("a2" as never)?.load.chat).toBe(1);
    s.ok(reply("a2", "Hi, I'm from the network team"));
    s.ok({ type: "LeaveConversation", taskId: T, agentId: "a2" });
    expect(view(s)?.state).toBe("active");
    expect(s.state.agents.get("a2" as never)?.load.chat).toBe(0);
  });

  it("DIG-1 only an Available agent with room can be asked to join", () =>
    given(chatting(), (s) => s.login("a2"))
      .when({ type: "RequestConference", taskId: T, agentId: "a1", targetAgentId: "a2" })
      .thenRejects("CONFERENCE_TARGET_UNAVAILABLE"));

  it("DIG-3 closing a persistent chat leaves it waiting; a new customer message re-opens it with its history", () => {
    const s = new Scenario(persistentTenant());
    chatting()(s);
    s.ok({ type: "CloseConversation", taskId: T, agentId: "a1" });
    s.wrapUp(T, "a1");
    expect(s.task(T)).toMatchObject({ status: "parked", expiresAt: s.now + 28 * 86_400_000 });
    s.advance(3 * 86_400);
    const events = s.ok(say("It broke again"));
    expect(kinds(events)).toEqual(["conversation.message_added", "conversation.reopened", "offer.created"]);
    expect(s.offeredTo(T)).toBe("a1");
    expect(s.task(T)?.conversation?.messages).toHaveLength(2);
  });

  it("DIG-3 a customer who writes after the close but before the wrap-up is not left waiting: wrap-up re-opens the chat", () => {
    const s = new Scenario(persistentTenant());
    chatting()(s);
    s.ok({ type: "CloseConversation", taskId: T, agentId: "a1" });
    s.ok(say("One more thing"));
    expect(s.task(T)?.status).toBe("wrapping");
    const events = s.ok({ type: "WrapUpTask", taskId: T, agentId: "a1", codeId: "resolved" } as never);
    expect(kinds(events)).toEqual(["task.wrapup", "conversation.reopened", "offer.created"]);
    expect(s.offeredTo(T)).toBe("a1");
    expect(s.task(T)?.conversation?.messages.map((m) => m.text)).toEqual([
      "Hi, my router is down",
      "One more thing",
    ]);
  });

  it("DIG-3 a waiting chat expires after its waiting time (28 days by default); then the next contact starts fresh", () => {
    const s = new Scenario(persistentTenant());
    chatting()(s);
    s.ok({ type: "CloseConversation", taskId: T, agentId: "a1" });
    s.wrapUp(T, "a1");
    expect(s.advance(28 * 86_400 - 1)).toEqual([]);
    expect(kinds(s.advance(1))).toEqual(["conversation.expired"]);
    expect(s.task(T)).toBeUndefined();
  });

  it("DIG-3 ending a persistent chat finishes it instead of leaving it waiting", () => {
    const s = new Scenario(persistentTenant());
    chatting()(s);
    s.end(T, "a1");
    s.wrapUp(T, "a1");
    expect(s.task(T)).toBeUndefined();
  });

  it("DIG-3 only a persistent chat can be closed", () =>
    given(chatting())
      .when({ type: "CloseConversation", taskId: T, agentId: "a1" })
      .thenRejects("NOT_PERSISTENT"));

  it("SES-11 the sentiment level is the mean of the last messages; reaching the threshold raises the alert", () => {
    const s = new Scenario(persistentTenant());
    chatting()(s);
    s.ok(say("ok", 0.2));
    s.ok(say("this is annoying", -0.6));
    expect(view(s)).toMatchObject({ sentimentAlert: false });
    s.ok(say("terrible service", -0.8));
    expect(view(s)?.sentiment).toBeCloseTo(-0.4);
    expect(view(s)?.sentimentAlert).toBe(true);
    s.ok(say("thanks, it works", 0.9));
    s.ok(say("great", 0.8));
    expect(view(s)?.sentimentAlert).toBe(false);
  });

  it("SES-12 unread customer messages per conversation; reading clears them", () => {
    const s = given(chatting()).scenario;
    s.ok(say("Are you there?"));
    s.ok(say("Hello?"));
    expect(unreadCounts(s.state, "a1" as never)).toEqual({ [T]: 3 });
    s.ok({ type: "MarkRead", taskId: T, agentId: "a1", seq: 2 });
    expect(unreadCounts(s.state, "a1" as never)).toEqual({ [T]: 1 });
    s.ok(reply("a1", "Yes, sorry!"));
    expect(unreadCounts(s.state, "a1" as never)).toEqual({ [T]: 0 });
  });

  it("bad messages are refused: empty, too long, bad scores, on calls", () => {
    const s = given(chatting()).scenario;
    s.rejects(say("   "), "MESSAGE_INVALID");
    s.rejects(say("x".repeat(10_001)), "MESSAGE_INVALID");
    s.rejects(say("hm", 2), "MESSAGE_INVALID");
    s.receive("c1");
    s.rejects({ type: "CustomerMessage", taskId: "c1", text: "hi" }, "NOT_A_CONVERSATION");
    s.rejects(reply("a2", "hi"), "NOT_ON_CONVERSATION");
  });
});
