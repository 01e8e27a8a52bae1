import { describe, it } from "vitest";
import { tenant } from "../../../test/fixtures.ts";
import { Scenario } from "../../../test/scenario.ts";

describe("tenant call limit", () => {
  it("RTE-8 at the tenant's limit of concurrent calls, new calls are refused with a reason code", () => {
    const s = new Scenario(tenant({ maxConcurrentCalls: 2 }));
    s.login("a1");
    s.receive("c1");
    s.receive("c2");
    s.rejects({ type: "ReceiveTask", taskId: "c3", entryPointId: "ep-voice" }, "TENANT_CALL_LIMIT");
    s.rejects(
      {
        type: "PlaceOutdial",
        taskId: "o1",
        agentId: "a1",
        entryPointId: "ep-out",
        dialNumber: "+46701234567",
      },
      "TENANT_CALL_LIMIT",
    );
    s.receive("chat1", "ep-chat"); // other channels are not calls
    s.ok({ type: "CustomerLeft", taskId: "c1" });
    s.receive("c3");
  });
});
