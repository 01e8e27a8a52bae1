import { afterEach, describe, expect, it, vi } from "vitest";
import { type Host, T0 } from "../test/host.ts";
import { AUTO, consult, desk, outdial, ring } from "../test/steps.ts";

describe("SimulatedSwitch is deterministic and reads no clock", () => {
  /** A busy morning: RONA by device failure, a consult, an outdial that answers and hangs up, one busy. */
  function morning(): Host {
    const { host } = desk(
      {
        ...AUTO,
        unreachableAgents: ["a4"],
        numbers: {
          "+15550100": { outcome: "answer", hangUpAfterMs: 45_000 },
          "+15550199": { outcome: "busy" },
        },
      },
      { available: ["a4"], idle: ["a1", "a2", "a3"] },
    );
    host.advance(1000);
    host.available("a1");
    ring(host); // to a4 first, whose device fails (RTE-5), then to a1
    host.advance(5000);
    consult(host, { kind: "agent", agentId: "a2" });
    host.advance(4000);
    host.send({ type: "EndConsult", taskId: "c1", agentId: "a1" });
    host.send({ type: "ResumeCall", taskId: "c1", agentId: "a1" });
    outdial(host, "+1 555 0100", "a3", "o1");
    host.advance(1000);
    host.send({ type: "EndTask", taskId: "c1", agentId: "a1" });
    host.advance(60_000);
    outdial(host, "+1 555 0199", "a2", "o2");
    host.advance(60_000);
    return host;
  }

  afterEach(() => vi.restoreAllMocks());

  it("time never comes from the machine: the whole run is on the virtual clock", () => {
    const banned = () => {
      throw new Error("read the machine's clock or randomness");
    };
    vi.spyOn(Date, "now").mockImplementation(banned);
    vi.spyOn(performance, "now").mockImplementation(banned);
    vi.spyOn(Math, "random").mockImplementation(banned);
    const host = morning();
    const times = host.log.map((e) => ("at" in e ? e.at : T0));
    expect(Math.min(...times)).toBe(T0);
    expect(Math.max(...times)).toBeLessThanOrEqual(host.now);
    expect(host.rejected).toEqual([]);
    expect(host.presence("a4")).toBe("rona");
    expect(host.reported.map((r) => r.command.type)).toEqual([
      "ReportOfferFailed",
      "ConfirmOfferDelivered",
      "AcceptTask",
      "LegAnswered",
      "LegAnswered",
      "LegHungUp",
      "LegFailed",
    ]);
  });

  it("two identical runs produce identical event logs and switch reports", () => {
    const a = morning();
    const b = morning();
    expect(a.log.length).toBeGreaterThan(30);
    expect(JSON.stringify(b.log)).toBe(JSON.stringify(a.log));
    expect(JSON.stringify(b.reported)).toBe(JSON.stringify(a.reported));
  });
});
