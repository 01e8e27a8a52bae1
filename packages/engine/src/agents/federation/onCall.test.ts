import { describe, expect, it } from "vitest";
import { call } from "../../../test/calls.ts";
import type { Scenario } from "../../../test/scenario.ts";
import { Engine } from "../../tenant/engine.ts";
import { snapshot } from "../../tenant/snapshot.ts";
import { federated, requests } from "./testSupport.ts";

const outdial = {
  type: "PlaceOutdial",
  taskId: "o1",
  agentId: "a1",
  entryPointId: "ep-out",
  dialNumber: "+46 8 123 456 78",
} as const;
const answered = { type: "LegAnswered", taskId: "o1", partyId: "customer" } as const;

const availableAgents = (s: Scenario, ...ids: string[]) => {
  for (const id of ids) {
    s.login(id);
    s.available(id);
  }
  return s;
};

/** `a1` has accepted inbound call c1. */
const inboundAccepted = (s: Scenario) => {
  availableAgents(s, "a1");
  s.receive("c1");
  return s.accept("c1", "a1");
};

describe("presence federation: an active call sets the external presence (FED-3)", () => {
  it("FED-3 accepting an inbound call asks once for the configured status", () => {
    const s = federated({ onCallStatus: "do_not_disturb" });
    const events = inboundAccepted(s);
    expect(requests(events)).toEqual([
      {
        type: "presence.external_requested",
        at: s.now,
        agentId: "a1",
        status: "do_not_disturb",
        taskId: "c1",
      },
    ]);
    // After the call's own events, in the log like any other.
    expect(events.at(-1)?.type).toBe("presence.external_requested");
  });

  it("FED-3 an outdial asks once its customer answers, not when it is placed", () => {
    const s = federated();
    s.login("a1");
    expect(requests(s.ok(outdial))).toEqual([]);
    s.advance(7);
    expect(requests(s.ok(answered))).toEqual([
      { type: "presence.external_requested", at: s.now, agentId: "a1", status: "busy", taskId: "o1" },
    ]);
  });

  it("FED-3 nothing is asked when no status is configured, or federation is off", () => {
    for (const s of [federated({ onCallStatus: null }), federated({ enabled: false }), federated(null)]) {
      expect(requests(inboundAccepted(s))).toEqual([]);
      s.login("a2");
      s.ok({ ...outdial, agentId: "a2" });
      expect(requests(s.ok(answered))).toEqual([]);
    }
  });

  it("FED-3 digital tasks never ask", () => {
    const s = availableAgents(federated(), "a1");
    for (const [id, ep] of [
      ["chat1", "ep-chat"],
      ["mail1", "ep-email"],
      ["dm1", "ep-social"],
    ] as const) {
      s.receive(id, ep);
      expect(requests(s.accept(id, "a1"))).toEqual([]);
    }
    s.receive("chat2", "ep-chat");
    s.receive("chat3", "ep-chat");
    s.deliver("chat2", "a1");
    s.deliver("chat3", "a1");
    expect(requests(s.ok({ type: "AcceptAllDigital", agentId: "a1" }))).toEqual([]);
  });

  it("FED-3 holding and retrieving the customer keeps the call active and asks nothing more", () => {
    const s = federated();
    inboundAccepted(s);
    expect(requests(s.ok(call.hold()))).toEqual([]);
    expect(requests(s.ok(call.resume()))).toEqual([]);
  });

  it("FED-3 a consulted agent's call becomes active when a conference puts them on the customer's call", () => {
    const s = federated();
    inboundAccepted(s);
    s.login("a2");
    expect(requests(s.ok(call.consult("a1", "a2")))).toEqual([]);
    expect(requests(s.ok(call.acceptConsult("a2")))).toEqual([]);
    expect(requests(s.ok(call.merge())).map((r) => r.agentId)).toEqual(["a2"]);
  });

  it("FED-3 an agent who takes a blind-transferred call asks, as for any accepted call", () => {
    const s = federated();
    inboundAccepted(s);
    availableAgents(s, "a2");
    expect(
      requests(
        s.ok({ type: "TransferCall", taskId: "c1", agentId: "a1", target: { kind: "agent", agentId: "a2" } }),
      ),
    ).toEqual([]);
    expect(requests(s.accept("c1", "a2")).map((r) => r.agentId)).toEqual(["a2"]);
  });

  it("FED-3 the request is in the log: replaying it rebuilds the same state", () => {
    const s = federated();
    inboundAccepted(s);
    s.advance(10);
    s.ok({
      type: "ExternalPresenceChanged",
      agentId: "a1",
      presence: "busy",
      source: "automatic",
      observedAt: s.now - 2000,
    });
    expect(JSON.stringify(snapshot(Engine.replay(s.log).state))).toBe(JSON.stringify(snapshot(s.state)));
  });
});
