import { describe, expect, it } from "vitest";
import { given } from "../../test/scenario.ts";
import type { AgentId } from "../shared/ids.ts";
import { callbackAssignees } from "./callbacks.ts";

const assignees = (s: { state: Parameters<typeof callbackAssignees>[0] }, userId: string) =>
  callbackAssignees(s.state, userId as AgentId);

describe("callback assignees", () => {
  it("CB-6 the other agents of the login team, by name, with their state; each one the engine accepts", () => {
    const s = given(
      (s) => s.login("a1"),
      (s) => s.login("a2"),
      (s) => s.available("a2"),
      (s) => s.login("a5", "sales"),
    ).scenario;
    const listed = assignees(s, "a1");
    // a1–a4, a6, a7 and the supervisor (also an agent) serve support; a5 is sales only.
    expect(listed.map((a) => a.agentId)).toEqual(["a2", "a3", "a4", "a6", "a7", "sup1"]);
    expect(listed[0]).toEqual({ agentId: "a2", name: "Agent a2", state: "available" });
    expect(listed.find((a) => a.agentId === "a3")?.state).toBe("logged_out");
    for (const [i, a] of listed.entries())
      s.ok({
        type: "ScheduleCallback",
        taskId: `cb${i}`,
        agentId: "a1",
        entryPointId: "ep-callback",
        request: {
          customerNumber: "+46701234567",
          customerName: "Åsa Öberg",
          date: "2026-11-02",
          from: "10:00",
          to: "11:00",
          timeZone: "Europe/Stockholm",
        },
        assignTo: { kind: "agent", agentId: a.agentId },
      } as never);
    // The sales team's list for a5: a4 is in both teams.
    expect(assignees(s, "a5").map((a) => a.agentId)).toEqual(["a4"]);
  });

  it("CB-6 nobody to choose before the user logs in at a station", () =>
    expect(assignees(given().scenario, "a1")).toEqual([]));
});
