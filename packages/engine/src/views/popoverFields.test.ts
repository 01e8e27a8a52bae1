import { describe, expect, it } from "vitest";
import { call } from "../../test/calls.ts";
import { tenant } from "../../test/fixtures.ts";
import { given, Scenario } from "../../test/scenario.ts";
import { popoverStack } from "./popovers.ts";

const arriving = (s: Scenario) => {
  s.login("a1");
  s.available("a1");
  s.ok({
    type: "ReceiveTask",
    taskId: "c1",
    entryPointId: "ep-voice",
    customer: { address: "+46701234567" },
    variables: { customerId: "4711", caseNumber: "CS-1", cardNumber: "4111111111111111" },
  });
};

describe("popover fields", () => {
  it("POP-5 a voice popover shows the configured variables in order; secure ones never", () =>
    given(arriving)
      .when((s) => s)
      .thenCheck((s) => {
        const [popover] = popoverStack(s.state, "a1" as never).items;
        expect(
          popover?.fields.map((f) => (f.source === "variable" ? `${f.name}=${f.value}` : f.key)),
        ).toEqual(["customerId=4711", "caseNumber=CS-1", "callbackAt=null", "language=null"]);
      }));

  it("POP-6 a consult request popover names the requesting agent, DN and team, then the variables", () =>
    given(
      arriving,
      (s) => s.accept("c1", "a1"),
      call.idle("a2"),
      (s) => s.ok(call.consult("a1", "a2")),
    )
      .when((s) => s)
      .thenCheck((s) => {
        const [request] = popoverStack(s.state, "a2" as never).items;
        expect(request).toMatchObject({ kind: "consult", taskId: "c1", channel: "voice" });
        expect(request?.fields.slice(0, 3)).toEqual([
          { source: "system", key: "agentName", value: "Agent a1", masked: null },
          { source: "system", key: "agentDn", value: "", masked: null },
          { source: "system", key: "agentTeam", value: "Support", masked: null },
        ]);
        expect(request?.fields).toHaveLength(7);
      }));

  it("POP-7 with sensitive-data protection only the last four digits of the caller's number show", () => {
    const s = new Scenario(tenant({ sensitiveDataProtection: true }));
    arriving(s);
    expect(popoverStack(s.state, "a1" as never).items[0]?.customer.address).toBe("•••••••4567");
  });
});
