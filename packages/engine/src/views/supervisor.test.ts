import { describe, expect, it } from "vitest";
import { given, type Scenario } from "../../test/scenario.ts";
import { stateHistory } from "../reports/stateHistory.ts";
import { supervisorView } from "./supervisor.ts";

const view = (s: Scenario) => supervisorView(s.state, "sup1" as never, s.now);

describe("supervisor views", () => {
  it("SUP-1 supervisors see their teams' agents with states, timers and active contacts in real time", () => {
    const s = given((s) => {
      s.login("a1");
      s.available("a1");
      s.login("a2");
      s.idle("a2", "lunch");
      s.login("a5", "sales");
      s.receive("c1");
      s.accept("c1", "a1");
      s.advance(40);
    }).scenario;
    const agents = view(s).agents;
    expect(agents.map((a) => `${a.agentId}:${a.presence}`)).toEqual(["a1:available", "a2:idle"]);
    expect(agents[0]).toMatchObject({
      engaged: true,
      contacts: [{ taskId: "c1", channel: "voice", status: "assigned" }],
    });
    expect(agents[1]).toMatchObject({ idleCodeId: "lunch", inState: 40_000 });
  });

  it("SUP-1 queues show waiting contacts, the longest wait and the service level", () => {
    const s = given((s) => {
      s.login("a1");
      s.available("a1");
      s.receive("c1"); // answered at once
      s.accept("c1", "a1");
      s.receive("c2");
      s.advance(30);
      s.receive("c3");
      s.advance(10);
      s.ok({ type: "CustomerLeft", taskId: "c3" }); // abandoned
    }).scenario;
    const voice = view(s).queues.find((q) => q.queueId === "q-voice");
    expect(voice).toMatchObject({
      waiting: 1,
      longestWait: 40_000,
      stats: { received: 3, answered: 1, answeredInTime: 1, abandoned: 1 },
    });
    expect(voice?.serviceLevel).toBe(0.5);
    expect(view(s).queues.map((q) => q.queueId)).not.toContain("q-overflow");
  });

  it("SUP-3 supervisors log out agents per AGT-6 and change their state, recorded with the supervisor as actor", () => {
    const s = given((s) => {
      s.login("a1");
      s.login("a2");
    }).scenario;
    const sup = { kind: "supervisor", id: "sup1" } as const;
    s.ok({ type: "ChangeAgentState", agentId: "a1", to: { type: "available" }, by: sup });
    s.ok({ type: "LogoutAgent", agentId: "a2", by: sup });
    expect(
      stateHistory(s.log)
        .filter((r) => r.actor.kind === "supervisor")
        .map((r) => `${r.agentId}:${r.to.type}`),
    ).toEqual(["a1:available", "a2:logged_out"]);
  });

  it("SUP-1 a call transferred to a queue counts there from the moment it arrived", () => {
    const s = given((s) => {
      s.login("a1");
      s.available("a1");
      s.receive("c1");
      s.accept("c1", "a1");
      s.advance(120);
      s.ok({
        type: "TransferCall",
        taskId: "c1",
        agentId: "a1",
        target: { kind: "queue", queueId: "q-sales" },
      });
      s.advance(10);
    }).scenario;
    const sales = view(s).queues.find((q) => q.queueId === "q-sales");
    expect(sales).toMatchObject({ waiting: 1, longestWait: 10_000, stats: { received: 1, answered: 0 } });
  });
});
