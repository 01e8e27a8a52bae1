import { describe, expect, it } from "vitest";
import { given, type Scenario } from "../../test/scenario.ts";
import { explainTask } from "./explain.ts";

const why = (s: Scenario, taskId = "c1") => explainTask(s.state, taskId as never);

describe("explainable routing", () => {
  it("a contact waits because no agent is logged in to its queue's teams", () =>
    given((s) => s.login("a5", "sales"))
      .when((s) => s.receive("c1"))
      .thenCheck((s) =>
        expect(why(s)).toMatchObject({ status: "queued", reason: "NO_AGENT_LOGGED_IN", position: 1 }),
      ));

  it("a contact waits because every agent is Idle or in RONA", () =>
    given((s) => {
      s.login("a1");
      s.login("a2");
      s.available("a2");
      s.receive("c0");
      s.advance(18);
    })
      .when((s) => s.receive("c1"))
      .thenCheck((s) => {
        expect(why(s)).toMatchObject({
          reason: "NO_AGENT_AVAILABLE",
          position: 2,
          agents: { idle: 1, rona: 1 },
        });
        expect(why(s)?.message).toContain("1 Idle, 1 RONA");
      }));

  it("a contact waits because every available agent is at capacity", () =>
    given((s) => {
      s.login("a1");
      s.available("a1");
      s.receive("c0");
    })
      .when((s) => s.receive("c1"))
      .thenCheck((s) =>
        expect(why(s)).toMatchObject({ reason: "ALL_AT_CAPACITY", agents: { available: 1, atCapacity: 1 } }),
      ));

  it("a contact waits because the free agents are excluded from it", () =>
    given((s) => {
      s.login("a1");
      s.available("a1");
    })
      .when((s) => s.receive("c1", "ep-voice", { excludeAgents: ["a1"] }))
      .thenCheck((s) => expect(why(s)).toMatchObject({ reason: "ALL_EXCLUDED", agents: { excluded: 1 } })));

  it("an offered or assigned contact says who has it", () =>
    given((s) => {
      s.login("a1");
      s.available("a1");
    })
      .when((s) => s.receive("c1"))
      .thenCheck((s) => {
        expect(why(s)).toMatchObject({ status: "offered", agentId: "a1" });
        s.accept("c1", "a1");
        expect(why(s)).toMatchObject({ status: "assigned", agentId: "a1" });
        expect(why(s, "unknown")).toBeNull();
      }));
});
