import { describe, expect, it } from "vitest";
import { tenant } from "../../../test/fixtures.ts";
import { Scenario } from "../../../test/scenario.ts";
import { validateConfig } from "../../config/validate.ts";
import { Engine } from "../../tenant/engine.ts";
import { DEFAULT_BUSY_STATUSES, federationOf, type PresenceFederation } from "./config.ts";
import { FEDERATION } from "./testSupport.ts";

const issues = (over: Partial<Record<keyof PresenceFederation, unknown>>) =>
  validateConfig(tenant({ federation: { ...FEDERATION, ...over } as never })).map(
    (i) => `${i.code} ${i.path}`,
  );

describe("presence federation: configuration", () => {
  it("is optional: a tenant without it is valid and has it off", () => {
    expect(validateConfig(tenant())).toEqual([]);
    expect(federationOf(new Scenario().state.config)).toBeNull();
  });

  it("FED-1 Busy and Do not disturb make an agent Not Ready unless configured otherwise", () => {
    expect(issues({})).toEqual([]);
    expect(federationOf(new Scenario(tenant({ federation: FEDERATION })).state.config)).toEqual({
      idleCodeId: "meeting",
      busyStatuses: DEFAULT_BUSY_STATUSES,
      onCallStatus: "busy",
    });
    expect(DEFAULT_BUSY_STATUSES).toEqual(["busy", "do_not_disturb"]);
  });

  it("FED-1 the idle code must exist and be an idle code", () => {
    expect(issues({ idleCodeId: "nope" })).toEqual(["UNKNOWN_REFERENCE federation.idleCodeId"]);
    expect(issues({ idleCodeId: "resolved" })).toEqual(["UNKNOWN_REFERENCE federation.idleCodeId"]);
    // Checked while disabled too, so that switching it on cannot fail.
    expect(issues({ idleCodeId: "resolved", enabled: false })).toEqual([
      "UNKNOWN_REFERENCE federation.idleCodeId",
    ]);
  });

  it("FED-2 statuses must be ones the feed reports, and Available never makes an agent Not Ready", () => {
    expect(issues({ busyStatuses: ["busy", "available", "lunch"] })).toEqual([
      "OUT_OF_RANGE federation.busyStatuses[1]",
      "OUT_OF_RANGE federation.busyStatuses[2]",
    ]);
    expect(issues({ onCallStatus: "on_a_call" })).toEqual(["OUT_OF_RANGE federation.onCallStatus"]);
    expect(issues({ onCallStatus: null, busyStatuses: [] })).toEqual([]);
  });

  it("an invalid federation refuses the whole configuration", () => {
    const d = new Engine().execute(
      { type: "ConfigureTenant", config: tenant({ federation: { ...FEDERATION, idleCodeId: "resolved" } }) },
      0,
    );
    expect(d.ok ? "accepted" : d.code).toBe("CONFIG_INVALID");
  });
});
