import { describe, expect, it } from "vitest";
import { profile, tenant } from "../../test/fixtures.ts";
import { Scenario } from "../../test/scenario.ts";
import { Engine } from "../tenant/engine.ts";
import { validateConfig } from "./validate.ts";

const issues = (over: Parameters<typeof tenant>[0]) =>
  validateConfig(tenant(over)).map((i) => `${i.code} ${i.path}`);
/** Profiles replaced by one "standard" profile leave users of the others dangling: look at ranges only. */
const rangeIssues = (over: Parameters<typeof tenant>[0]) =>
  issues(over).filter((i) => i.startsWith("OUT_OF_RANGE"));

describe("configuration", () => {
  it("the fixture tenant is valid", () => expect(validateConfig(tenant())).toEqual([]));

  it("reports duplicate ids and unknown references with their paths", () => {
    const base = tenant();
    expect(
      issues({
        teams: [...base.teams, { id: "support", name: "Again" }],
        queues: [{ ...base.queues[0], teamIds: ["ghosts"] } as never],
        entryPoints: [
          { id: "ep", name: "EP", channel: "chat", kind: "inbound", queueId: "q-voice", active: true },
        ],
      }),
    ).toEqual([
      "DUPLICATE_ID teams[3].id",
      "UNKNOWN_REFERENCE queues[0].teamIds[0]",
      "UNKNOWN_REFERENCE entryPoints[0].channel",
    ]);
  });

  it("needs exactly one default idle code and one default wrap-up code, allowed by every profile", () => {
    const codes = tenant().auxCodes.map((c) => ({ ...c, isDefault: c.kind === "IDLE" }));
    expect(issues({ auxCodes: codes as never })).toContain("DEFAULT_CODE auxCodes");
    expect(issues({ profiles: [profile({ idleCodeIds: ["lunch"] })] })).toContain(
      "DEFAULT_CODE profiles[0].idleCodeIds",
    );
    expect(issues({ profiles: [profile({ wrapUpCodeIds: ["resolved", "lunch"] })] })).toContain(
      "UNKNOWN_REFERENCE profiles[0].wrapUpCodeIds[1]",
    );
  });

  it("keeps capacities and timeouts in range: voice is one call at a time", () => {
    expect(
      rangeIssues({ profiles: [profile({ capacity: { voice: 2, chat: -1, email: 2, social: 2 } })] }),
    ).toEqual(["OUT_OF_RANGE profiles[0].capacity.voice", "OUT_OF_RANGE profiles[0].capacity.chat"]);
    expect(
      rangeIssues({
        profiles: [profile({ offerTimeoutSec: { voice: 0, chat: 30, email: 30, social: 30 } })],
      }),
    ).toEqual(["OUT_OF_RANGE profiles[0].offerTimeoutSec.voice"]);
  });

  it("a shared line needs two or more distinct lines", () =>
    expect(issues({ sharedLines: [{ address: "3000", lines: ["1", "1"] }] })).toEqual([
      "OUT_OF_RANGE sharedLines[0].lines",
    ]));

  it("SES-16 a screen pop URL template must make an http(s) page with a literal host", () => {
    const base = tenant();
    const [ep] = base.entryPoints;
    if (!ep) throw new Error("no entry point in the fixture");
    const withPop = (...templates: string[]) =>
      issues({
        entryPoints: templates.map((template, i) => ({
          ...ep,
          id: `ep-${i}`,
          screenPop: { kind: "url", template },
        })) as never,
      });
    expect(
      withPop(
        "https://crm.example.com/find?ani={address}&case={caseNo}",
        "http://crm.local:8080/{taskId}",
        "https://crm.example.com",
      ),
    ).toEqual([]);
    expect(issues({ entryPoints: [{ ...ep, screenPop: { kind: "contact_card" } }] })).toEqual([]);
    expect(
      withPop(
        " ",
        "javascript:alert({address})",
        "ftp://files.example.com/x",
        "{crmBase}/find?ani={address}",
        "https://{tenant}.crm.example.com/",
        "https://crm.example.com/find?q={name} x",
        "//crm.example.com/find",
      ),
    ).toEqual([
      "MISSING entryPoints[0].screenPop.template",
      ...[1, 2, 3, 4, 5, 6].map((i) => `INVALID_URL entryPoints[${i}].screenPop.template`),
    ]);
  });

  it("an invalid configuration is refused whole, with every issue in the details", () => {
    const s = new Scenario();
    const d = s.run({ type: "ConfigureTenant", config: { ...tenant(), profiles: [] } as never });
    expect(d.ok ? "accepted" : d.code).toBe("CONFIG_INVALID");
    expect(d.ok ? [] : d.details?.issues).toHaveLength(validateConfig({ ...tenant(), profiles: [] }).length);
    expect(validateConfig({ ...tenant(), profiles: [] }).length).toBeGreaterThan(0);
  });

  it("a configuration that removes what logged-in agents or active tasks use is refused", () => {
    const s = new Scenario();
    s.login("a1");
    s.receive("c1", "ep-chat");
    const base = tenant();
    s.rejects(
      {
        type: "ConfigureTenant",
        config: { ...base, users: base.users.filter((u) => u.id !== "a1") } as never,
      },
      "CONFIG_IN_USE",
    );
    s.rejects(
      {
        type: "ConfigureTenant",
        config: { ...base, entryPoints: base.entryPoints.filter((e) => e.id !== "ep-chat") } as never,
      },
      "CONFIG_IN_USE",
    );
  });

  it("a new capacity applies at once: agents with more room are offered waiting contacts", () => {
    const s = new Scenario();
    s.login("a1");
    s.available("a1");
    for (const id of ["m1", "m2", "m3"]) s.receive(id, "ep-email");
    expect(s.task("m3")?.status).toBe("queued");
    const base = tenant();
    const roomier = base.profiles.map((p) =>
      p.id === "standard" ? { ...p, capacity: { ...p.capacity, email: 3 } } : p,
    );
    s.ok({ type: "ConfigureTenant", config: { ...base, profiles: roomier } as never });
    expect(s.offeredTo("m3")).toBe("a1");
  });

  it("commands before any configuration are refused", () => {
    const d = new Engine().execute(
      { type: "LoginAgent", agentId: "a1", station: { teamId: "support", device: "BROWSER" } } as never,
      0,
    );
    expect(d.ok ? "accepted" : d.code).toBe("NOT_CONFIGURED");
  });
});
