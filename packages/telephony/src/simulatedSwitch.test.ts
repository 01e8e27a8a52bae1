import { describe, expect, it } from "vitest";
import { Host, T0 } from "../test/host.ts";
import { AUTO, consult, desk, legs, onCall, outdial, ring } from "../test/steps.ts";
import { SimulatedSwitch } from "./simulatedSwitch.ts";

describe("SimulatedSwitch with the engine in the loop", () => {
  it("POP-9 A voice call is answered on the agent's device: the extension rings, picks up, and customer and agent are connected", () => {
    const { sw, host } = desk(AUTO, { available: ["a1"] });
    ring(host);
    host.advance(10_000);
    expect(host.story("c1")).toEqual([
      "task.received",
      "offer.created",
      "offer.delivered",
      "task.assigned",
      "participant.joined customer",
      "participant.joined agent:a1",
    ]);
    const at = (type: string) => host.log.find((e) => e.type === type)?.at;
    expect([at("offer.delivered"), at("task.assigned")]).toEqual([T0 + 1000, T0 + 3000]);
    expect(host.task("c1")).toMatchObject({ status: "assigned", agentId: "a1" });
    expect([host.leg("c1", "customer"), host.leg("c1", "agent:a1")]).toEqual(["connected", "connected"]);
    expect(legs(sw, "c1").map((l) => `${l.partyId} ${l.status}`)).toEqual([
      "customer connected",
      "agent:a1 connected",
    ]);
    expect(host.rejected).toEqual([]);
    expect(sw.nextDueAt()).toBeNull();
  });

  it("POP-9 a dial-number device set to answer on the device picks up as soon as it rings", () => {
    const sw = new SimulatedSwitch({ agentAnswer: "device", ringDelayMs: 1500 });
    const host = new Host(sw);
    host.login("a1", "DIAL_NUMBER", "+46701234567");
    host.available("a1");
    ring(host);
    host.advance(1500);
    expect(host.task("c1")).toMatchObject({ status: "assigned", agentId: "a1", assignedAt: T0 + 1500 });
  });

  it("RTE-2 a browser softphone rings: the switch confirms delivery and the desktop answers", () => {
    const sw = new SimulatedSwitch(AUTO);
    const host = new Host(sw);
    host.login("a1", "BROWSER");
    host.available("a1");
    ring(host);
    host.advance(5000);
    expect(host.task("c1")).toMatchObject({ status: "offered", offer: { phase: "requested" } });
    host.send({ type: "AcceptTask", taskId: "c1", agentId: "a1" });
    expect(host.leg("c1", "agent:a1")).toBe("connected");
  });

  it("RTE-5 a call that cannot reach the agent's device sets RONA and goes to the next agent", () => {
    const { host } = desk({ ...AUTO, unreachableAgents: ["a1"] }, { available: ["a1"], idle: ["a2"] });
    host.advance(1000);
    host.available("a2"); // a1 has been Available longest: the call goes to a1 first
    ring(host);
    host.advance(10_000);
    expect(host.story("c1")).toEqual([
      "task.received",
      "offer.created",
      "offer.failed",
      "offer.created",
      "offer.delivered",
      "task.assigned",
      "participant.joined customer",
      "participant.joined agent:a2",
    ]);
    expect(host.log.find((e) => e.type === "offer.failed")).toMatchObject({
      agentId: "a1",
      cause: "DEVICE_UNREACHABLE",
      at: T0 + 2000,
    });
    expect(host.presence("a1")).toBe("rona");
    expect(host.task("c1")).toMatchObject({ status: "assigned", agentId: "a2" });
    expect(host.rejected).toEqual([]);
  });

  it("RTE-3 a device that picks up after the offer timeout: RONA, and the late pick-up is never reported", () => {
    const { sw, host } = desk({ agentAnswer: { afterMs: 30_000 } }, { available: ["a1"] });
    ring(host);
    host.advance(60_000);
    expect(host.presence("a1")).toBe("rona");
    expect(host.reported.map((r) => r.command.type)).toEqual(["ConfirmOfferDelivered"]);
    expect(host.rejected).toEqual([]);
    expect(sw.nextDueAt()).toBeNull();
  });

  it("CALL-11 an outdial to a number that answers connects the customer leg", () => {
    const { sw, host } = desk(
      { numbers: { "+1 555 0100": { outcome: "answer", afterMs: 4000 } } },
      { idle: ["a1"] },
    );
    outdial(host, "+1 555 0100");
    expect([host.leg("o1", "customer"), host.leg("o1", "agent:a1")]).toEqual(["alerting", "connected"]);
    host.advance(3999);
    expect(host.leg("o1", "customer")).toBe("alerting");
    host.advance(1);
    expect(host.leg("o1", "customer")).toBe("connected");
    expect(host.task("o1")).toMatchObject({ status: "assigned", agentId: "a1" });
    expect(legs(sw, "o1").map((l) => l.status)).toEqual(["connected", "connected"]);
    expect(host.rejected).toEqual([]);
  });

  it("CALL-11 an outdial to a busy number ends the call for the agent with the customer leg failed", () => {
    const { sw, host } = desk(
      { numbers: { "5550199": { outcome: "busy", afterMs: 2000 } } },
      { idle: ["a1"] },
    );
    outdial(host, "555-0199");
    host.advance(5000);
    expect(host.story("o1")).toEqual([
      "task.outdial_placed",
      "participant.joined agent:a1",
      "participant.joined customer",
      "participant.left customer",
      "participant.left agent:a1",
      "task.ended",
    ]);
    expect(host.log.find((e) => e.type === "participant.left")).toMatchObject({
      leg: { status: "failed", cause: "busy" },
      at: T0 + 2000,
    });
    expect(host.task("o1")).toMatchObject({ status: "wrapping", agentId: "a1" });
    expect(legs(sw, "o1")).toEqual([]);
  });

  it("CALL-11 numbers not listed answer after 3 s; a dialled customer who hangs up ends the call", () => {
    const { host } = desk({ defaultNumber: { outcome: "answer", hangUpAfterMs: 60_000 } }, { idle: ["a1"] });
    outdial(host, "+15550123");
    host.advance(3000);
    expect(host.leg("o1", "customer")).toBe("connected");
    host.advance(60_000);
    expect(host.log.at(-1)).toMatchObject({ type: "task.ended", by: "customer", at: T0 + 63_000 });
    expect(host.rejected).toEqual([]);
  });

  it("a leg dropped before its answer is due: the answer is never reported", () => {
    const { sw, host } = desk({ defaultNumber: { outcome: "answer", afterMs: 10_000 } }, { idle: ["a1"] });
    outdial(host, "+15550123");
    host.advance(2000);
    host.send({ type: "EndTask", taskId: "o1", agentId: "a1" });
    expect(sw.nextDueAt()).toBeNull();
    host.advance(20_000);
    expect(host.reported).toEqual([]);
  });

  it("CNS-6 a consult to an agent on an extension is answered on the device: Consulting", () => {
    const { sw, host } = onCall({}, ["a2"]);
    const mark = host.log.length;
    consult(host, { kind: "agent", agentId: "a2" });
    host.advance(3000);
    expect(host.story("c1", mark)).toEqual([
      "participant.leg_changed customer",
      "consult.created",
      "participant.joined agent:a2",
      "participant.leg_changed agent:a2",
    ]);
    expect(["customer", "agent:a1", "agent:a2"].map((p) => host.leg("c1", p))).toEqual([
      "held",
      "connected",
      "connected",
    ]);
    expect(legs(sw, "c1").find((l) => l.partyId === "agent:a2")).toMatchObject({
      bridge: "consult",
      status: "connected",
    });
    expect(host.rejected).toEqual([]);
  });

  it("CNS-5 a consult to an agent whose device fails: consult failed, and that agent goes Idle", () => {
    const { sw, host } = onCall({ unreachableAgents: ["a2"] });
    host.login("a2", "EXTENSION", "2102");
    host.available("a2");
    const mark = host.log.length;
    consult(host, { kind: "agent", agentId: "a2" });
    host.advance(5000);
    expect(host.story("c1", mark)).toEqual([
      "participant.leg_changed customer",
      "consult.created",
      "participant.joined agent:a2",
      "participant.left agent:a2",
      "consult.ended",
      "task.agent_left",
    ]);
    expect(host.log.find((e) => e.type === "participant.left")).toMatchObject({
      leg: { status: "failed", cause: "device_fault" },
    });
    expect(host.log.find((e) => e.type === "consult.ended")).toMatchObject({ outcome: "failed" });
    expect(host.presence("a2")).toBe("idle");
    expect(host.leg("c1", "customer")).toBe("held");
    expect(legs(sw, "c1").map((l) => l.partyId)).toEqual(["customer", "agent:a1"]);
  });

  it("CNS-1 XFR-7 a consult to a dial number is dialled and answered", () => {
    const { host } = onCall({ numbers: { "+46812345678": { outcome: "answer", afterMs: 5000 } } });
    consult(host, { kind: "dial_number", number: "+46 8 123 456 78" });
    expect(host.leg("c1", "number:+46812345678")).toBe("alerting");
    host.advance(5000);
    expect(host.leg("c1", "number:+46812345678")).toBe("connected");
    expect(host.rejected).toEqual([]);
  });

  it("CNS-1 a consult to a dial number that does not answer fails the consult; the customer stays held", () => {
    const { host } = onCall({ numbers: { "+46812345678": { outcome: "no_answer", afterMs: 30_000 } } });
    consult(host, { kind: "dial_number", number: "+46812345678" });
    host.advance(30_000);
    expect(host.log.find((e) => e.type === "consult.ended")).toMatchObject({ outcome: "failed" });
    expect(host.leg("c1", "customer")).toBe("held");
  });

  it("XFR-1 a blind transfer rings the target agent's extension, which picks up", () => {
    const { host } = onCall({});
    host.login("a2", "EXTENSION", "2102");
    host.available("a2");
    host.send({
      type: "TransferCall",
      taskId: "c1",
      agentId: "a1",
      target: { kind: "agent", agentId: "a2" },
    });
    host.advance(3000);
    expect(host.task("c1")).toMatchObject({ status: "assigned", agentId: "a2" });
    expect([host.leg("c1", "customer"), host.leg("c1", "agent:a2")]).toEqual(["connected", "connected"]);
    expect(host.rejected).toEqual([]);
  });

  it("XFR-1 a blind transfer to a number: the switch puts the customer through and forgets the call", () => {
    const { sw, host } = onCall({
      numbers: { "+46812345678": { outcome: "answer", afterMs: 4000, hangUpAfterMs: 60_000 } },
    });
    const [mark, reports] = [host.log.length, host.reported.length];
    const to = { kind: "dial_number", number: "+46 8 123 456 78" } as const;
    host.send({ type: "TransferCall", taskId: "c1", agentId: "a1", target: to });
    expect(host.story("c1", mark)).toEqual([
      "participant.left agent:a1",
      "task.transferred",
      "participant.left customer",
    ]);
    expect(legs(sw, "c1")).toEqual([]);
    expect(sw.nextDueAt()).toBeNull();
    // Whatever the number does now is outside the contact center: nothing is reported.
    host.advance(120_000);
    expect(host.reported.slice(reports)).toEqual([]);
    expect(host.task("c1")).toMatchObject({ status: "wrapping", agentId: "a1" });
    host.send({ type: "WrapUpTask", taskId: "c1", agentId: "a1", codeId: "resolved" });
    expect(host.task("c1")).toBeUndefined();
    expect(host.rejected).toEqual([]);
  });

  it("XFR-1 consult then transfer to a number: the switch bridges the number to the customer and lets go at the call's end", () => {
    const { sw, host } = onCall({
      numbers: { "+46812345678": { outcome: "answer", afterMs: 4000, hangUpAfterMs: 60_000 } },
    });
    consult(host, { kind: "dial_number", number: "+46 8 123 456 78" });
    host.advance(4000);
    const reports = host.reported.length;
    host.send({ type: "ConsultTransfer", taskId: "c1", agentId: "a1" });
    expect(["customer", "number:+46812345678", "agent:a1"].map((p) => host.leg("c1", p))).toEqual([
      "dropped",
      "dropped",
      "dropped",
    ]);
    expect(legs(sw, "c1")).toEqual([]);
    host.advance(120_000);
    expect(host.reported.slice(reports)).toEqual([]);
    expect(host.rejected).toEqual([]);
  });
});
