import { describe, expect, it } from "vitest";
import type { AgentId } from "../../shared/ids.ts";
import { federated, report } from "./testSupport.ts";
import { presenceSync, USUAL_SYNC_LAG } from "./view.ts";

const a1 = "a1" as AgentId;

describe("presence federation: sync status in the user profile (FED-4)", () => {
  it("FED-4 each report is recorded with when the tool saw it, when Parley took it in, and the lag", () => {
    const s = federated();
    s.login("a1");
    expect(presenceSync(s.state, a1)).toEqual({ federation: "on", requested: null, status: "waiting" });
    s.advance(20);
    report(s, "appear_away", { source: "automatic", lagSec: 4 });
    expect(presenceSync(s.state, a1)).toEqual({
      federation: "on",
      requested: null,
      status: "in_sync",
      external: "appear_away",
      source: "automatic",
      observedAt: s.now - 4000,
      appliedAt: s.now,
      lag: 4000,
    });
  });

  it("FED-4 a report that lagged beyond the usual ~12 s shows as delayed", () => {
    const s = federated();
    s.login("a1");
    s.advance(60);
    report(s, "offline", { lagSec: USUAL_SYNC_LAG / 1000 });
    expect(presenceSync(s.state, a1)).toMatchObject({ status: "in_sync", lag: USUAL_SYNC_LAG });
    report(s, "available", { lagSec: 30 - 1 });
    // 29 s behind, but older than the last report: ignored.
    expect(presenceSync(s.state, a1)).toMatchObject({ external: "offline" });
    s.advance(40);
    report(s, "available", { lagSec: 25 });
    expect(presenceSync(s.state, a1)).toMatchObject({
      status: "delayed",
      external: "available",
      lag: 25_000,
    });
  });

  it("FED-4 a lag is never negative, whatever the feed's clock says", () => {
    const s = federated();
    s.login("a1");
    report(s, "busy", { lagSec: -2 });
    expect(presenceSync(s.state, a1)).toMatchObject({ lag: 0, status: "in_sync" });
  });

  it("FED-3 FED-4 the profile shows what Parley asked for and whether the tool has shown it", () => {
    const s = federated();
    s.login("a1");
    s.available("a1");
    s.receive("c1");
    s.accept("c1", "a1");
    const at = s.now;
    expect(presenceSync(s.state, a1)).toMatchObject({
      status: "waiting",
      requested: { presence: "busy", taskId: "c1", at, outcome: "pending" },
    });
    s.advance(9);
    report(s, "busy", { source: "automatic", lagSec: 1 });
    expect(presenceSync(s.state, a1)).toMatchObject({
      status: "in_sync",
      external: "busy",
      requested: { presence: "busy", at, outcome: "confirmed" },
    });
  });

  it("FED-4 with federation off the profile says so, and still shows what the feed reported", () => {
    const s = federated({ enabled: false });
    s.login("a1");
    report(s, "busy");
    expect(presenceSync(s.state, a1)).toMatchObject({
      federation: "off",
      status: "in_sync",
      external: "busy",
    });
  });

  it("FED-4 the sync status belongs to a login: none when logged out, waiting again after a new login", () => {
    const s = federated();
    s.login("a1");
    report(s, "busy");
    s.ok({ type: "LogoutAgent", agentId: "a1", by: { kind: "agent", id: "a1" } });
    expect(presenceSync(s.state, a1)).toBeNull();
    s.login("a1");
    expect(presenceSync(s.state, a1)).toMatchObject({ status: "waiting" });
  });
});
