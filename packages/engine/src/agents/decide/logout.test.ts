import { describe, expect, it } from "vitest";
import { given, type Scenario } from "../../../test/scenario.ts";
import { SYSTEM_REASON } from "../../config/systemCodes.ts";

const supervisorLogout = {
  type: "LogoutAgent",
  agentId: "a1",
  by: { kind: "supervisor", id: "sup1" },
} as const;
const ownLogout = { type: "LogoutAgent", agentId: "a1", by: { kind: "agent", id: "a1" } } as const;
const loggedIn = (s: Scenario) => s.login("a1");
const offered = (s: Scenario) => {
  s.available("a1");
  s.receive("c1");
};
const engaged = (s: Scenario) => {
  offered(s);
  s.accept("c1", "a1");
};

describe("logout", () => {
  it("AGT-6 a supervisor may log out an Available agent with no active interaction", () =>
    given(loggedIn, (s) => s.available("a1"))
      .when(supervisorLogout)
      .thenCheck((s, [event]) => {
        expect(s.presence("a1").type).toBe("logged_out");
        expect(event).toMatchObject({
          type: "agent.logged_out",
          actor: { kind: "supervisor", id: "sup1" },
          reasonCode: SYSTEM_REASON.SUPERVISOR_CHANGE,
        });
      }));

  it("AGT-6 a supervisor may log out an Idle agent", () =>
    given(loggedIn, (s) => s.idle("a1", "lunch"))
      .when(supervisorLogout)
      .thenEmits("agent.logged_out"));

  it("AGT-6 a supervisor cannot log out an agent with an active interaction", () =>
    given(loggedIn, engaged).when(supervisorLogout).thenRejects("HAS_ACTIVE_INTERACTIONS"));

  it("AGT-6 a supervisor cannot log out an agent in RONA", () =>
    given(loggedIn, offered, (s) => s.advance(18))
      .when(supervisorLogout)
      .thenRejects("SUPERVISOR_LOGOUT_NOT_ALLOWED"));

  it("AGT-8 an agent cannot log out while a connecting popover is pending", () =>
    given(loggedIn, offered).when(ownLogout).thenRejects("OFFER_PENDING"));

  it("AGT-8 an agent cannot log out while a contact request is pending", () =>
    given(loggedIn, offered, (s) => s.deliver("c1", "a1"))
      .when(ownLogout)
      .thenRejects("OFFER_PENDING"));

  it("AGT-8 nor choose a pending logout while a contact request is pending", () =>
    given(loggedIn, engaged, (s) => s.receive("chat1", "ep-chat"))
      .when({ type: "SetPendingAgentState", agentId: "a1", pending: { type: "logged_out" } })
      .thenRejects("OFFER_PENDING"));

  it("an agent with active interactions cannot log out outright", () =>
    given(loggedIn, engaged).when(ownLogout).thenRejects("HAS_ACTIVE_INTERACTIONS"));

  it("logging out an agent who is already logged out changes nothing", () =>
    given().when(ownLogout).thenEmits());
});
