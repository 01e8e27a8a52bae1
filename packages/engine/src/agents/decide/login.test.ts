import { describe, expect, it } from "vitest";
import { given, Scenario } from "../../../test/scenario.ts";

const login = (agentId: string, station: Record<string, unknown>) =>
  ({ type: "LoginAgent", agentId, station: { teamId: "support", ...station } }) as never;

describe("login", () => {
  it("AGT-1 login puts the agent in Idle with the default idle reason and the state timer at 00:00", () =>
    given()
      .when(login("a1", { device: "BROWSER" }))
      .thenCheck((s, events) => {
        expect(events.map((e) => e.type)).toEqual(["agent.logged_in"]);
        expect(s.presence("a1")).toEqual({ type: "idle", codeId: "not-ready", since: s.now });
      }));

  it("AGT-10 login chooses a browser, an extension or any phone number as the device", () => {
    const s = new Scenario();
    s.ok(login("a1", { device: "BROWSER" }));
    s.ok(login("a2", { device: "EXTENSION", address: "1002" }));
    s.ok(login("a3", { device: "DIAL_NUMBER", address: "+46 70-123 45 67" }));
    expect(s.state.agents.get("a2" as never)?.station).toMatchObject({
      device: "EXTENSION",
      address: "1002",
    });
    expect(s.state.agents.get("a3" as never)?.station).toMatchObject({
      device: "DIAL_NUMBER",
      address: "+46701234567",
    });
  });

  it("AGT-10 with a shared line the agent must pick one of its lines, and each line takes one agent", () => {
    const s = new Scenario();
    s.rejects(login("a1", { device: "EXTENSION", address: "2000" }), "LINE_REQUIRED");
    s.rejects(login("a1", { device: "EXTENSION", address: "2000", line: "9" }), "UNKNOWN_LINE");
    s.ok(login("a1", { device: "EXTENSION", address: "2000", line: "1" }));
    s.rejects(login("a2", { device: "EXTENSION", address: "2000", line: "1" }), "DEVICE_IN_USE");
    s.ok(login("a2", { device: "EXTENSION", address: "2000", line: "2" }));
  });

  it("AGT-10 a device already in use by another agent is refused", () =>
    given((s) => s.ok(login("a1", { device: "EXTENSION", address: "1001" })))
      .when(login("a2", { device: "EXTENSION", address: "1001" }))
      .thenRejects("DEVICE_IN_USE"));

  it("AGT-10 the device is free again after logout", () =>
    given(
      (s) => s.ok(login("a1", { device: "EXTENSION", address: "1001" })),
      (s) => s.ok({ type: "LogoutAgent", agentId: "a1", by: { kind: "agent", id: "a1" } }),
    )
      .when(login("a2", { device: "EXTENSION", address: "1001" }))
      .thenEmits("agent.logged_in"));

  it.each([
    [{ device: "EXTENSION" }, "DEVICE_ADDRESS_REQUIRED"],
    [{ device: "EXTENSION", address: "12ab" }, "DEVICE_ADDRESS_INVALID"],
    [{ device: "DIAL_NUMBER", address: "12" }, "DEVICE_ADDRESS_INVALID"],
    [{ device: "BROWSER", address: "1001" }, "DEVICE_ADDRESS_INVALID"],
    [{ device: "BROWSER", teamId: "sales" }, "AGENT_NOT_IN_TEAM"],
    [{ device: "BROWSER", teamId: "nowhere" }, "UNKNOWN_TEAM"],
  ] as const)("AGT-10 station %o is refused with %s", (station, code) =>
    given().when(login("a1", station)).thenRejects(code),
  );

  it("refuses unknown users, users without the agent role, and a second login", () => {
    const s = new Scenario();
    s.rejects(login("ghost", { device: "BROWSER" }), "UNKNOWN_AGENT");
    s.rejects(login("admin1", { device: "BROWSER" }), "NOT_AN_AGENT");
    s.login("a1");
    s.rejects(login("a1", { device: "BROWSER" }), "ALREADY_LOGGED_IN");
  });

  it("each login gets a newer generation, so late facts about an older login can be told apart", () => {
    const s = new Scenario();
    s.login("a1");
    const first = s.state.agents.get("a1" as never)?.generation ?? 0;
    s.ok({ type: "LogoutAgent", agentId: "a1", by: { kind: "agent", id: "a1" } });
    s.login("a1");
    expect(s.state.agents.get("a1" as never)?.generation).toBeGreaterThan(first);
  });
});
