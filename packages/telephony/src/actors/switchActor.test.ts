import { describe, expect, it } from "vitest";
import { voiceTenant } from "../../test/fixtures.ts";
import type { SimulatedSwitchOptions } from "../switchOptions.ts";
import { SwitchActor } from "./switchActor.ts";
import { ManualClock, TestLoop } from "./testLoop.ts";

const T0 = Date.UTC(2026, 10, 2, 8, 0, 0);

/** An engine, and the switch adapter listening to its events as an administrator's socket would. */
function rig(simulated: SimulatedSwitchOptions = {}, { listenFromStart = true } = {}) {
  const clock = new ManualClock(T0);
  const loop = new TestLoop(clock, voiceTenant());
  const sw = new SwitchActor({ send: loop.send, simulated, clock });
  const attach = () => loop.listen((e) => sw.handle(e));
  if (listenFromStart) attach();
  const login = (agentId: string, device: "BROWSER" | "EXTENSION" = "BROWSER") => {
    loop.desk({
      type: "LoginAgent",
      agentId,
      station: { teamId: "support", device, address: device === "EXTENSION" ? "2101" : null },
    });
    loop.desk({
      type: "ChangeAgentState",
      agentId,
      to: { type: "available" },
      by: { kind: "agent", id: agentId },
    });
  };
  const outdial = (dialNumber: string, taskId = "o1") =>
    loop.desk({ type: "PlaceOutdial", taskId, agentId: "a1", entryPointId: "ep-out", dialNumber });
  return { clock, loop, sw, attach, login, outdial };
}

const leg = (loop: TestLoop, taskId: string, partyId: string) =>
  loop.engine.state.tasks.get(taskId as never)?.call?.parties.find((p) => p.id === partyId)?.leg.status ??
  "absent";

describe("SwitchActor: the simulated switch as an adapter over the channel API", () => {
  it("CALL-11 dials an outdial's customer and reports the answer after the number's delay", async () => {
    const { clock, loop, login, outdial } = rig({ defaultNumber: { outcome: "answer", afterMs: 2500 } });
    login("a1");
    outdial("+46701112233");
    expect(leg(loop, "o1", "customer")).toBe("alerting");
    await clock.advance(2499);
    expect(loop.sent).toEqual([]);
    await clock.advance(1);
    expect(loop.sent).toEqual([
      { op: "legAnswered", params: { taskId: "o1", partyId: "customer" }, body: {} },
    ]);
    expect(leg(loop, "o1", "customer")).toBe("connected");
    expect(loop.refused).toEqual([]);
  });

  it("busy, unreachable and no-answer numbers fail the leg with their cause; the outdial ends", async () => {
    const { clock, loop, login, outdial } = rig({
      numbers: {
        "+46 8 555 0100": { outcome: "busy", afterMs: 1000 },
        "+46 8 555 0199": { outcome: "unreachable", afterMs: 500 },
      },
    });
    login("a1");
    outdial("+46 8 555 0100");
    await clock.advance(1000);
    expect(loop.story("o1")).toContain("participant.left customer failed");
    expect(loop.story("o1")).toContain("task.ended");
    loop.desk({ type: "WrapUpTask", taskId: "o1", agentId: "a1", codeId: "resolved" });
    outdial("+46 8 555 0199", "o2");
    await clock.advance(500);
    expect(loop.sent.map((r) => [r.op, r.body])).toEqual([
      ["legFailed", { cause: "busy" }],
      ["legFailed", { cause: "unreachable" }],
    ]);
    const customerLegs = loop.log.flatMap((e) =>
      e.type === "participant.left" && e.partyId === "customer" ? [e.leg] : [],
    );
    expect(customerLegs).toEqual([
      expect.objectContaining({ status: "failed", cause: "busy" }),
      expect.objectContaining({ status: "failed", cause: "unreachable" }),
    ]);
  });

  it("a dialled customer who hangs up after talking: legHungUp ends the call", async () => {
    const { clock, loop, login, outdial } = rig({
      defaultNumber: { outcome: "answer", afterMs: 1000, hangUpAfterMs: 4000 },
    });
    login("a1");
    outdial("+46701112233");
    await clock.advance(5000);
    expect(loop.sent.map((r) => r.op)).toEqual(["legAnswered", "legHungUp"]);
    expect(loop.story("o1")).toEqual(
      expect.arrayContaining(["participant.left customer dropped", "task.ended"]),
    );
  });

  it("the agent ends the call first: the pending hang-up no longer applies and is never sent", async () => {
    const { clock, loop, login, outdial } = rig({
      defaultNumber: { outcome: "answer", afterMs: 1000, hangUpAfterMs: 4000 },
    });
    login("a1");
    outdial("+46701112233");
    await clock.advance(2000);
    loop.desk({ type: "EndTask", taskId: "o1", agentId: "a1" });
    await clock.advance(10_000);
    expect(loop.sent.map((r) => r.op)).toEqual(["legAnswered"]);
    expect(loop.refused).toEqual([]);
  });

  it("CB-1 CB-2 a web callback taken by an agent: the switch dials the customer and reports the answer", async () => {
    const { clock, loop, login } = rig({ defaultNumber: { outcome: "answer", afterMs: 2000 } });
    loop.desk({
      type: "RequestWebCallback",
      taskId: "cb1",
      entryPointId: "ep-voice",
      name: "Ada",
      number: "+46701112233",
    });
    login("a1");
    loop.desk({ type: "ConfirmOfferDelivered", taskId: "cb1", agentId: "a1" });
    loop.desk({ type: "AcceptTask", taskId: "cb1", agentId: "a1" });
    expect(leg(loop, "cb1", "customer")).toBe("alerting");
    await clock.advance(2000);
    expect(loop.sent).toEqual([
      { op: "legAnswered", params: { taskId: "cb1", partyId: "customer" }, body: {} },
    ]);
    expect(leg(loop, "cb1", "customer")).toBe("connected");
  });

  it("RTE-5 an agent whose device cannot be reached: the offer is reported failed", async () => {
    const { clock, loop, login } = rig({ unreachableAgents: ["a1"] });
    login("a1");
    loop.desk({
      type: "ReceiveTask",
      taskId: "c1",
      entryPointId: "ep-voice",
      customer: { address: "+4670" },
    });
    await clock.advance(1000);
    expect(loop.sent).toEqual([
      { op: "offerFailed", params: { taskId: "c1" }, body: { agentId: "a1", cause: "DEVICE_UNREACHABLE" } },
    ]);
    expect(loop.story("c1")).toContain("offer.failed");
  });

  it("the desktop's own reports (delivered, answered on the device) are not the adapter's to send", async () => {
    const { clock, loop, login } = rig({ agentAnswer: { afterMs: 500 } });
    login("a1", "EXTENSION");
    loop.desk({
      type: "ReceiveTask",
      taskId: "c1",
      entryPointId: "ep-voice",
      customer: { address: "+4670" },
    });
    await clock.advance(5000);
    expect(loop.sent).toEqual([]);
  });

  it("an agent who logged in before the adapter listened is not reported unreachable", async () => {
    const { clock, loop, login, attach } = rig({}, { listenFromStart: false });
    login("a1");
    attach();
    loop.desk({
      type: "ReceiveTask",
      taskId: "c1",
      entryPointId: "ep-voice",
      customer: { address: "+4670" },
    });
    await clock.advance(5000);
    expect(loop.sent).toEqual([]);
    expect(loop.engine.state.tasks.get("c1" as never)?.status).toBe("offered");
  });

  it("stop() drops what the switch had still to report", async () => {
    const { clock, loop, sw, login, outdial } = rig();
    login("a1");
    outdial("+46701112233");
    await sw.stop();
    await clock.advance(10_000);
    expect(loop.sent).toEqual([]);
    expect(clock.pending).toBe(0);
    expect(sw.stats()).toEqual({ sent: {}, refused: 0 });
  });
});
