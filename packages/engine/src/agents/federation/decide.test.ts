import { describe, expect, it } from "vitest";
import { T0 } from "../../../test/scenario.ts";
import { SYSTEM } from "../../shared/actor.ts";
import { ECHO_WINDOW } from "./decide.ts";
import { FEDERATION, federated, report, types } from "./testSupport.ts";

const OBSERVED = "presence.external_observed";
const CHANGED = "agent.state.changed";

const availableAgent = (over: Parameters<typeof federated>[0] = {}) => {
  const s = federated(over);
  s.login("a1");
  s.available("a1");
  s.advance(10);
  return s;
};

describe("presence federation: the external tool's presence (FED-1, FED-2)", () => {
  it.each([
    ["busy", "manual"],
    ["busy", "automatic"],
    ["do_not_disturb", "manual"],
    ["do_not_disturb", "automatic"],
  ] as const)(
    "FED-1 %s set %s in the tool makes an Available agent Idle with the configured code, by the system",
    (presence, source) => {
      const s = availableAgent();
      const events = report(s, presence, { source });
      expect(types(events)).toEqual([OBSERVED, CHANGED]);
      expect(events[1]).toMatchObject({
        agentId: "a1",
        from: { type: "available" },
        to: { type: "idle", codeId: "meeting" },
        cause: "presence_federation",
        reasonCode: null,
        actor: SYSTEM,
      });
      expect(s.presence("a1")).toMatchObject({ type: "idle", codeId: "meeting", since: s.now });
    },
  );

  it("FED-1 applies while the agent is engaged too (AGT-3); the work goes on", () => {
    const s = availableAgent();
    s.receive("chat1", "ep-chat");
    s.accept("chat1", "a1");
    expect(types(report(s, "busy", { source: "automatic" }))).toEqual([OBSERVED, CHANGED]);
    expect(s.presence("a1").type).toBe("idle");
    expect(s.task("chat1")?.status).toBe("assigned");
  });

  it("FED-1 an agent already Idle keeps the idle code they have", () => {
    const s = federated();
    s.login("a1");
    s.idle("a1", "lunch");
    expect(types(report(s, "busy"))).toEqual([OBSERVED]);
    expect(s.presence("a1")).toMatchObject({ type: "idle", codeId: "lunch" });
  });

  it("FED-1 AGT-5 an agent in RONA stays in RONA until choosing", () => {
    const s = availableAgent();
    s.receive("c1");
    s.advance(18);
    expect(s.presence("a1").type).toBe("rona");
    expect(types(report(s, "do_not_disturb"))).toEqual([OBSERVED]);
    expect(s.presence("a1").type).toBe("rona");
  });

  it("FED-1 only a switch counts: an agent who goes Available while the tool still shows Busy stays Available", () => {
    const s = availableAgent();
    report(s, "busy");
    s.advance(5);
    s.available("a1");
    s.advance(30);
    expect(types(report(s, "busy", { lagSec: 1 }))).toEqual([OBSERVED]);
    expect(s.presence("a1").type).toBe("available");
    expect(types(report(s, "do_not_disturb", { lagSec: 0 }))).toEqual([OBSERVED, CHANGED]);
  });

  it("FED-1 a switch the tool saw before the agent's current state began does not undo it", () => {
    const s = federated();
    s.login("a1");
    s.advance(10);
    s.available("a1");
    s.advance(8);
    // Seen 12 s ago: before the agent chose Available 8 s ago.
    expect(types(report(s, "busy", { lagSec: 12 }))).toEqual([OBSERVED]);
    expect(s.presence("a1").type).toBe("available");
  });

  it("FED-1 the statuses that make an agent Not Ready are configurable", () => {
    const s = availableAgent({ busyStatuses: ["do_not_disturb"] });
    expect(types(report(s, "busy"))).toEqual([OBSERVED]);
    expect(s.presence("a1").type).toBe("available");
    expect(types(report(s, "do_not_disturb", { lagSec: 0 }))).toEqual([OBSERVED, CHANGED]);
  });

  it.each(["available", "appear_away", "offline"] as const)(
    "FED-2 %s in the tool changes no agent state",
    (presence) => {
      const s = availableAgent();
      expect(types(report(s, presence))).toEqual([OBSERVED]);
      expect(s.presence("a1").type).toBe("available");
      s.idle("a1", "lunch");
      s.advance(5);
      expect(types(report(s, presence === "available" ? "offline" : "available"))).toEqual([OBSERVED]);
      expect(s.presence("a1")).toMatchObject({ type: "idle", codeId: "lunch" });
    },
  );

  it("with federation off the feed is recorded and changes nothing", () => {
    for (const s of [availableAgent({ enabled: false }), availableAgent(null)]) {
      expect(types(report(s, "busy"))).toEqual([OBSERVED]);
      expect(s.presence("a1").type).toBe("available");
      expect(s.state.agents.get("a1" as never)?.federation?.sync).toMatchObject({ external: "busy" });
    }
  });

  it("a report about a logged-out agent is accepted and changes nothing: the feed may lag behind a logout", () => {
    const s = federated();
    expect(report(s, "busy")).toEqual([]);
    s.login("a1");
    s.ok({ type: "LogoutAgent", agentId: "a1", by: { kind: "agent", id: "a1" } });
    expect(report(s, "do_not_disturb")).toEqual([]);
  });

  it("a report older than the last one, or delivered twice, changes nothing", () => {
    const s = availableAgent();
    report(s, "available", { lagSec: 2 });
    expect(report(s, "busy", { lagSec: 5 })).toEqual([]);
    expect(s.presence("a1").type).toBe("available");
    expect(report(s, "available", { lagSec: 2 })).toEqual([]);
    expect(s.state.agents.get("a1" as never)?.federation?.sync).toMatchObject({ external: "available" });
  });

  it("refuses reports about unknown users and presences the feed cannot send", () => {
    const s = federated();
    s.login("a1");
    const cmd = {
      type: "ExternalPresenceChanged",
      agentId: "a1",
      presence: "busy",
      source: "manual",
      observedAt: T0,
    } as const;
    s.rejects({ ...cmd, agentId: "nobody" }, "UNKNOWN_AGENT");
    s.rejects({ ...cmd, presence: "lunch" as never }, "INVALID_EXTERNAL_PRESENCE");
    s.rejects({ ...cmd, source: "psychic" as never }, "INVALID_EXTERNAL_PRESENCE");
    s.rejects({ ...cmd, observedAt: Number.NaN }, "INVALID_EXTERNAL_PRESENCE");
  });
});

describe("presence federation: Parley's own request coming back (FED-1 with FED-3)", () => {
  const onCall = () => {
    const s = availableAgent();
    s.receive("c1");
    s.accept("c1", "a1");
    return s;
  };

  it("FED-1 FED-3 the status Parley asked for when the call became active is not the agent's switch", () => {
    const s = onCall();
    s.advance(12);
    const events = report(s, FEDERATION.onCallStatus ?? "busy", { source: "automatic", lagSec: 1 });
    expect(types(events)).toEqual([OBSERVED]);
    expect(events[0]).toMatchObject({ request: "confirmed" });
    expect(s.presence("a1").type).toBe("available");
    // The agent's own switch afterwards still counts.
    expect(types(report(s, "do_not_disturb", { lagSec: 0 }))).toEqual([OBSERVED, CHANGED]);
  });

  it("FED-1 FED-3 a busy status long after the request is the agent's switch", () => {
    const s = onCall();
    s.advance(ECHO_WINDOW / 1000 + 1);
    const events = report(s, "busy", { lagSec: 0 });
    expect(types(events)).toEqual([OBSERVED, CHANGED]);
    expect(events[0]).toMatchObject({ request: "superseded" });
  });

  it("FED-1 FED-3 an older report still in transit leaves the request pending", () => {
    const s = onCall();
    s.advance(5);
    expect(report(s, "available", { lagSec: 8 })[0]).toMatchObject({ request: null });
    expect(report(s, "busy", { lagSec: 0 })[0]).toMatchObject({ request: "confirmed" });
  });
});
