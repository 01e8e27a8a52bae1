import { isDeepStrictEqual } from "node:util";
import {
  CHANNELS,
  DEFAULT_AUTO_WRAP_UP,
  DEFAULT_DISCONNECT_POLICY,
  DEFAULT_OFFER_TIMEOUT_SEC,
  type FlowDef,
  fromPlain,
  MAX_CAPACITY,
  MAX_VALUE_LENGTH,
  type Plain,
  type TenantConfig,
  validateConfig,
  validateFlow,
} from "@parley/engine";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { z } from "zod";
import { demoTenant } from "../../../engine/demo/demoTenant.ts";
import { profile, tenant } from "../../../engine/test/fixtures.ts";
import { CONFIG_COUNTS, CONFIG_LENGTHS, CONFIG_RANGES, TenantConfigSchema, VARIABLE_NAME } from "./index.ts";

type Config = Plain<TenantConfig>;

/** A deep copy as JSON gives it: what a host receives. */
const wire = (config: unknown): Config => JSON.parse(JSON.stringify(config));
const parses = (config: unknown) => TenantConfigSchema.safeParse(config).success;
const valid = (config: Config) => validateConfig(fromPlain<TenantConfig>(config)).length === 0;

/** A big tenant: 20,000 agents in 50 teams, 100 queues and entry points, an address book and directory. */
function largeTenant(): Config {
  const teams = Array.from({ length: 50 }, (_, t) => ({ id: `team-${t}`, name: `Team ${t}` }));
  const channel = (q: number) => CHANNELS[q % 4] ?? "voice";
  const queues = Array.from({ length: 100 }, (_, q) => ({
    id: `queue-${q}`,
    name: `Queue ${q} — ${channel(q)}`,
    channel: channel(q),
    teamIds: [`team-${q % 50}`, `team-${(q + 7) % 50}`],
    distribution: "longest_available" as const,
    serviceLevelSec: 20 + q,
  }));
  return {
    tenantId: "00000000-0000-4000-8000-000000000001",
    name: "Große Versicherung AG — Kundenservice",
    auxCodes: [
      ...Array.from({ length: 40 }, (_, i) => ({
        id: `idle-${i}`,
        name: `Pause ${i}`,
        kind: "IDLE" as const,
        isDefault: i === 0,
      })),
      ...Array.from({ length: 60 }, (_, i) => ({
        id: `wrap-${i}`,
        name: `Erledigt ${i}`,
        kind: "WRAP_UP" as const,
        isDefault: i === 0,
      })),
    ],
    profiles: [
      profile({
        id: "p",
        name: "Standard",
        idleCodeIds: Array.from({ length: 40 }, (_, i) => `idle-${i}`),
        wrapUpCodeIds: Array.from({ length: 60 }, (_, i) => `wrap-${i}`),
        capacity: { voice: 1, chat: 20, email: 20, social: 20 },
        offerTimeoutSec: { voice: 600, chat: 1, email: 600, social: 1 },
        autoWrapUp: { enabled: true, afterSec: 86_400 },
        recordingPauseSec: 3_600,
        disconnect: { graceSec: 0, heartbeatTimeoutSec: 3_600, logoutOnDisconnect: true },
      }),
    ],
    teams,
    users: Array.from({ length: 20_000 }, (_, i) => ({
      id: `user-${i}@example.com`,
      name: `Agent Nummer ${i}`,
      roles: i % 100 === 0 ? ["agent" as const, "supervisor" as const] : ["agent" as const],
      teamIds: [`team-${i % 50}`],
      profileId: "p",
    })),
    queues,
    entryPoints: queues.map((q, i) => ({
      id: `ep-${i}`,
      name: q.name,
      channel: q.channel,
      kind: "inbound" as const,
      queueId: q.id,
      active: true,
      ...(q.channel === "voice" ? { dialNumber: `+49 30 1234 ${String(1000 + i)}` } : {}),
    })),
    sharedLines: Array.from({ length: 20 }, (_, i) => ({
      address: `${4000 + i}`,
      lines: ["1", "2", "3", "4"],
    })),
    addressBook: Array.from({ length: 2_000 }, (_, i) => ({
      id: `ab-${i}`,
      name: `Kontakt ${i}`,
      number: `+49 30 9${String(1_000_000 + i)}`,
    })),
    directory: Array.from({ length: 5_000 }, (_, i) => ({
      id: `x-${i}`,
      name: `Expertin ${i}`,
      email: `expert.${i}@example.com`,
      department: "Schaden",
      workPhone: `+49 30 8${String(1_000_000 + i)}`,
      presence: "available" as const,
    })),
    maxConcurrentCalls: 1_000_000,
    persistentChatDays: 365,
    sentiment: { threshold: -1, window: 50 },
    sensitiveDataProtection: true,
    noiseRemoval: true,
  };
}

const withFederation = (): Config =>
  wire(
    tenant({
      federation: {
        enabled: true,
        idleCodeId: "meeting",
        busyStatuses: ["busy", "offline"],
        onCallStatus: "busy",
      },
      persistentChatDays: 1,
      sentiment: { threshold: 1, window: 1 },
      maxConcurrentCalls: 1,
    }),
  );

describe("TenantConfigSchema", () => {
  it("parses the fixture, demo and large tenants unchanged, all of which the engine accepts", () => {
    const tenants: Record<string, Config> = {
      fixture: wire(tenant()),
      federation: withFederation(),
      demo: wire(demoTenant()),
      large: largeTenant(),
    };
    for (const [name, config] of Object.entries(tenants)) {
      expect(validateConfig(fromPlain<TenantConfig>(config)), name).toEqual([]);
      const parsed = TenantConfigSchema.safeParse(config);
      expect(parsed.success ? [] : parsed.error.issues, name).toEqual([]);
      expect(isDeepStrictEqual(parsed.data, config), `${name} unchanged by parsing`).toBe(true);
    }
  });

  it("refuses wrong types, unknown fields, oversize strings and lists, and numbers out of range", () => {
    const base = wire(tenant());
    const bad: Record<string, (c: Config) => unknown> = {
      "a string for a number": (c) => ({
        ...c,
        profiles: [{ ...c.profiles[0], capacity: { ...c.profiles[0]?.capacity, voice: "1" } }],
      }),
      "a number for a string": (c) => ({ ...c, name: 42 }),
      "null for a list": (c) => ({ ...c, teams: null }),
      "an unknown top-level field": (c) => ({ ...c, colour: "blue" }),
      "an unknown nested field": (c) => ({ ...c, queues: [{ ...c.queues[0], priority: 1 }] }),
      "an unknown channel": (c) => ({ ...c, queues: [{ ...c.queues[0], channel: "fax" }] }),
      "an extra channel in capacity": (c) => ({
        ...c,
        profiles: [{ ...c.profiles[0], capacity: { ...c.profiles[0]?.capacity, fax: 1 } }],
      }),
      "a missing field": (c) => ({ ...c, auxCodes: [{ id: "x", name: "X", kind: "IDLE" }] }),
      "an oversize name": (c) => ({ ...c, name: "x".repeat(CONFIG_LENGTHS.name + 1) }),
      "an oversize id": (c) => ({ ...c, teams: [{ id: "t".repeat(CONFIG_LENGTHS.id + 1), name: "T" }] }),
      "an empty id": (c) => ({ ...c, tenantId: "" }),
      "an oversize dial number": (c) => ({
        ...c,
        addressBook: [{ id: "a", name: "A", number: "1".repeat(CONFIG_LENGTHS.address + 1) }],
      }),
      "an oversize list": (c) => ({
        ...c,
        auxCodes: Array.from({ length: CONFIG_COUNTS.auxCodes + 1 }, () => c.auxCodes[0]),
      }),
      "a user without roles": (c) => ({ ...c, users: [{ ...c.users[0], roles: [] }] }),
      "an unknown role": (c) => ({ ...c, users: [{ ...c.users[0], roles: ["root"] }] }),
      "voice capacity 2": (c) => ({
        ...c,
        profiles: [{ ...c.profiles[0], capacity: { ...c.profiles[0]?.capacity, voice: 2 } }],
      }),
      "a fractional service level": (c) => ({ ...c, queues: [{ ...c.queues[0], serviceLevelSec: 1.5 }] }),
      "an offer timeout of 0": (c) => ({
        ...c,
        profiles: [{ ...c.profiles[0], offerTimeoutSec: { ...DEFAULT_OFFER_TIMEOUT_SEC, chat: 0 } }],
      }),
      "a shared line of one line": (c) => ({ ...c, sharedLines: [{ address: "2000", lines: ["1"] }] }),
      "a variable name with a dash": (c) => ({
        ...c,
        flows: [{ id: "f", name: "F", variables: [{ ...c.flows?.[0]?.variables[0], name: "case-no" }] }],
      }),
      "a sentiment threshold of 2": (c) => ({ ...c, sentiment: { threshold: 2, window: 3 } }),
      "an unknown external presence": (c) => ({
        ...c,
        federation: { enabled: true, idleCodeId: "meeting", onCallStatus: "lunch" },
      }),
      "a config that is a list": () => [base],
    };
    for (const [what, make] of Object.entries(bad)) expect(parses(make(base)), what).toBe(false);
  });

  it("keeps the engine's numeric ranges exactly: accepts a value if and only if validateConfig does", () => {
    const base = wire(tenant());
    type Setter = (c: Config, v: number) => Config;
    const onProfile =
      (set: (p: Config["profiles"][number], v: number) => Config["profiles"][number]): Setter =>
      (c, v) => ({ ...c, profiles: c.profiles.map((p) => set(p, v)) });
    const fields: [string, { readonly min: number; readonly max: number }, Setter][] = [
      ...CHANNELS.flatMap((ch): [string, { min: number; max: number }, Setter][] => [
        [
          `capacity.${ch}`,
          CONFIG_RANGES.capacity[ch],
          onProfile((p, v) => ({ ...p, capacity: { ...p.capacity, [ch]: v } })),
        ],
        [
          `offerTimeoutSec.${ch}`,
          CONFIG_RANGES.offerTimeoutSec,
          onProfile((p, v) => ({ ...p, offerTimeoutSec: { ...p.offerTimeoutSec, [ch]: v } })),
        ],
      ]),
      [
        "autoWrapUp.afterSec",
        CONFIG_RANGES.autoWrapUpAfterSec,
        onProfile((p, v) => ({ ...p, autoWrapUp: { ...p.autoWrapUp, afterSec: v } })),
      ],
      [
        "recordingPauseSec",
        CONFIG_RANGES.recordingPauseSec,
        onProfile((p, v) => ({ ...p, recordingPauseSec: v })),
      ],
      [
        "disconnect.graceSec",
        CONFIG_RANGES.graceSec,
        onProfile((p, v) => ({ ...p, disconnect: { ...p.disconnect, graceSec: v } })),
      ],
      [
        "disconnect.heartbeatTimeoutSec",
        CONFIG_RANGES.heartbeatTimeoutSec,
        onProfile((p, v) => ({ ...p, disconnect: { ...p.disconnect, heartbeatTimeoutSec: v } })),
      ],
      [
        "serviceLevelSec",
        CONFIG_RANGES.serviceLevelSec,
        (c, v) => ({ ...c, queues: c.queues.map((q) => ({ ...q, serviceLevelSec: v })) }),
      ],
      ["persistentChatDays", CONFIG_RANGES.persistentChatDays, (c, v) => ({ ...c, persistentChatDays: v })],
      [
        "sentiment.window",
        CONFIG_RANGES.sentimentWindow,
        (c, v) => ({ ...c, sentiment: { threshold: 0, window: v } }),
      ],
      ["maxConcurrentCalls", CONFIG_RANGES.maxConcurrentCalls, (c, v) => ({ ...c, maxConcurrentCalls: v })],
    ];
    let compared = 0;
    for (const [field, { min, max }, set] of fields)
      for (const v of [
        min - 1,
        min,
        min + 0.5,
        min + 1,
        max - 1,
        max,
        max + 1,
        -max,
        Number.NaN,
        Number.POSITIVE_INFINITY,
      ]) {
        const config = set(base, v);
        expect(parses(config), `${field} = ${v}`).toBe(valid(config));
        compared++;
      }
    for (const threshold of [-1.01, -1, -0.4, 0, 1, 1.0001, Number.NaN]) {
      const config = { ...base, sentiment: { threshold, window: 3 } };
      expect(parses(config), `sentiment.threshold = ${threshold}`).toBe(valid(config));
      compared++;
    }
    expect(compared).toBeGreaterThan(150);
  });

  it("states the engine's own limits", () => {
    for (const ch of CHANNELS)
      expect(CONFIG_RANGES.capacity[ch], ch).toEqual({ min: 0, max: MAX_CAPACITY[ch] });
    // A variable's default may be written with up to four times the engine's value length.
    expect(CONFIG_LENGTHS.variableDefault).toBe(4 * MAX_VALUE_LENGTH);
    // The flow-variable name rule is the engine's: the same names pass.
    const flowVariable = {
      type: "STRING" as const,
      label: "L",
      order: 1,
      secure: false,
      agentEditable: true,
      shownInPopover: false,
      global: false,
    };
    const names = [
      "a",
      "_",
      "customerId",
      "x".repeat(64),
      "x".repeat(65),
      "9lives",
      "case-no",
      "",
      "é",
      "a b",
      "constructor",
    ];
    for (const name of names) {
      const flow = { id: "f", name: "F", variables: [{ ...flowVariable, name }] };
      const engineOk = !validateFlow(fromPlain<FlowDef>(flow)).some((p) => p.code === "INVALID_NAME");
      expect(VARIABLE_NAME.test(name), name).toBe(engineOk);
      expect(parses({ ...wire(tenant()), flows: [flow] }), name).toBe(engineOk);
    }
    // SES-16: the screen pop URL templates the engine accepts, and no others.
    const templates = [
      "https://crm.example.com/find?ani={address}",
      "http://crm.local:8080/{taskId}",
      "HTTPS://crm.example.com/",
      "javascript:alert({address})",
      "{crmBase}/find",
      "https://{tenant}.crm.example.com/",
      "https://crm.example.com/a b",
      "",
    ];
    for (const template of templates) {
      const base = wire(tenant());
      const [ep] = base.entryPoints;
      const config = { ...base, entryPoints: [{ ...ep, screenPop: { kind: "url", template } }] } as Config;
      expect(parses(config), template).toBe(valid(config));
    }
    // The one name the schema refuses beyond the engine's rule: it cannot be a key on the wire.
    const proto = { id: "f", name: "F", variables: [{ ...flowVariable, name: "__proto__" }] };
    expect(validateFlow(fromPlain<FlowDef>(proto)).some((p) => p.code === "INVALID_NAME")).toBe(false);
    expect(parses({ ...wire(tenant()), flows: [proto] })).toBe(false);
  });

  it("accepts a realistic configuration if and only if validateConfig does", () => {
    const id = fc.stringMatching(/^[A-Za-z0-9][A-Za-z0-9._@:-]{0,63}$/);
    const name = fc.string({ unit: "grapheme", maxLength: 60 });
    /** Mostly in range, now and then anywhere near it: validateConfig refuses those. */
    const number = (min: number, max: number) =>
      fc.oneof(
        { weight: 30, arbitrary: fc.integer({ min, max }) },
        { weight: 1, arbitrary: fc.integer({ min: min - 2, max: max * 2 }) },
      );
    const perChannel = (range: (ch: (typeof CHANNELS)[number]) => { min: number; max: number }) =>
      fc.record({
        voice: number(range("voice").min, range("voice").max),
        chat: number(range("chat").min, range("chat").max),
        email: number(range("email").min, range("email").max),
        social: number(range("social").min, range("social").max),
      });
    const config = fc
      .record({
        tenantId: id,
        name,
        teamCount: fc.integer({ min: 1, max: 12 }),
        userNames: fc.array(name, { maxLength: 40 }),
        queueChannels: fc.array(fc.constantFrom(...CHANNELS), { minLength: 1, maxLength: 12 }),
        idleNames: fc.array(
          name.filter((n) => n.trim() !== ""),
          { minLength: 1, maxLength: 12 },
        ),
        wrapNames: fc.array(
          name.filter((n) => n.trim() !== ""),
          { minLength: 1, maxLength: 12 },
        ),
        capacity: perChannel((ch) => CONFIG_RANGES.capacity[ch]),
        offerTimeoutSec: perChannel(() => CONFIG_RANGES.offerTimeoutSec),
        afterSec: number(1, 86_400),
        recordingPauseSec: number(1, 3_600),
        graceSec: number(0, 3_600),
        heartbeatTimeoutSec: number(1, 3_600),
        serviceLevelSec: number(1, 86_400),
        persistentChatDays: fc.option(number(1, 365), { nil: undefined }),
        maxConcurrentCalls: fc.option(number(1, 1_000_000), { nil: undefined }),
        sentiment: fc.option(
          fc.record({ threshold: fc.double({ min: -1.2, max: 1.2, noNaN: true }), window: number(1, 50) }),
          {
            nil: undefined,
          },
        ),
        lines: fc.array(fc.uniqueArray(fc.stringMatching(/^[0-9]{1,3}$/), { minLength: 2, maxLength: 6 }), {
          maxLength: 4,
        }),
        contacts: fc.array(
          fc.record({
            name,
            number: fc.constantFrom("+46 8 555 070 70", "(070) 123-45 67", "5551234", "+1 415 555 0100"),
          }),
          { maxLength: 10 },
        ),
        experts: fc.array(
          fc.record({
            name,
            email: fc.option(fc.emailAddress(), { nil: undefined }),
            role: fc.option(name, { nil: undefined }),
          }),
          { maxLength: 10 },
        ),
      })
      .map((r): Config => {
        const teams = Array.from({ length: r.teamCount }, (_, t) => ({
          id: `${r.tenantId}-team-${t}`,
          name: `${r.name} ${t}`,
        }));
        const idle = r.idleNames.map((n, i) => ({
          id: `idle-${i}`,
          name: n,
          kind: "IDLE" as const,
          isDefault: i === 0,
        }));
        const wrap = r.wrapNames.map((n, i) => ({
          id: `wrap-${i}`,
          name: n,
          kind: "WRAP_UP" as const,
          isDefault: i === 0,
        }));
        const queues = r.queueChannels.map((channel, q) => ({
          id: `q-${q}`,
          name: `${channel} ${q}`,
          channel,
          teamIds: [teams[q % teams.length]?.id ?? ""],
          distribution: "longest_available" as const,
          serviceLevelSec: r.serviceLevelSec,
        }));
        return {
          tenantId: r.tenantId,
          name: r.name,
          auxCodes: [...idle, ...wrap],
          profiles: [
            {
              id: "p",
              name: r.name,
              idleCodeIds: idle.map((c) => c.id),
              wrapUpCodeIds: wrap.map((c) => c.id),
              capacity: r.capacity,
              offerTimeoutSec: r.offerTimeoutSec,
              autoWrapUp: { ...DEFAULT_AUTO_WRAP_UP, afterSec: r.afterSec },
              availableAfterOutdial: true,
              recordingPauseSec: r.recordingPauseSec,
              disconnect: {
                ...DEFAULT_DISCONNECT_POLICY,
                graceSec: r.graceSec,
                heartbeatTimeoutSec: r.heartbeatTimeoutSec,
              },
            },
          ],
          teams,
          users: r.userNames.map((n, i) => ({
            id: `u${i}`,
            name: n,
            roles: ["agent" as const],
            teamIds: [teams[i % teams.length]?.id ?? ""],
            profileId: "p",
          })),
          queues,
          entryPoints: queues.map((q) => ({
            id: `ep-${q.id}`,
            name: q.name,
            channel: q.channel,
            kind: "inbound" as const,
            queueId: q.id,
            active: true,
          })),
          sharedLines: r.lines.map((lines, i) => ({ address: `${7000 + i}`, lines })),
          addressBook: r.contacts.map((c, i) => ({
            id: `ab${i}`,
            name: c.name.trim() === "" ? "Desk" : c.name,
            number: c.number,
          })),
          directory: r.experts.map((x, i) => ({ id: `x${i}`, ...x })),
          ...(r.persistentChatDays === undefined ? {} : { persistentChatDays: r.persistentChatDays }),
          ...(r.maxConcurrentCalls === undefined ? {} : { maxConcurrentCalls: r.maxConcurrentCalls }),
          ...(r.sentiment === undefined ? {} : { sentiment: r.sentiment }),
        };
      });
    let accepted = 0;
    let refused = 0;
    fc.assert(
      fc.property(config, (c) => {
        const input = wire(c);
        const engineAccepts = valid(input);
        if (engineAccepts) accepted++;
        else refused++;
        const parsed = TenantConfigSchema.safeParse(input);
        if (engineAccepts) expect(parsed.success ? [] : parsed.error.issues).toEqual([]);
        // What validateConfig refuses here is a number out of its range: the schema's ranges are its own.
        else
          expect(parsed.success, JSON.stringify(validateConfig(fromPlain<TenantConfig>(input)))).toBe(false);
      }),
      { numRuns: 400 },
    );
    // Not vacuous: most configurations were valid, and some were not.
    expect(accepted).toBeGreaterThan(100);
    expect(refused).toBeGreaterThan(0);
  });

  it("gives a JSON Schema (draft 2020-12) with the limits in it", () => {
    const schema = z.toJSONSchema(TenantConfigSchema, { target: "draft-2020-12" }) as {
      $ref?: string;
      $defs: Record<
        string,
        {
          additionalProperties?: unknown;
          properties?: Record<string, { maxLength?: number; maxItems?: number }>;
        }
      >;
    };
    const root = schema.$defs.TenantConfig;
    expect(schema.$ref).toBe("#/$defs/TenantConfig");
    expect(root?.additionalProperties).toBe(false);
    expect(root?.properties?.name?.maxLength).toBe(CONFIG_LENGTHS.name);
    expect(root?.properties?.users?.maxItems).toBe(CONFIG_COUNTS.users);
    expect(JSON.parse(JSON.stringify(schema))).toEqual(schema);
  });
});
