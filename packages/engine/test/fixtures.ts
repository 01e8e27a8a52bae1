import {
  DEFAULT_AUTO_WRAP_UP,
  DEFAULT_DISCONNECT_POLICY,
  DEFAULT_OFFER_TIMEOUT_SEC,
} from "../src/config/defaults.ts";
import type { DesktopProfile, TenantConfig } from "../src/config/types.ts";
import { fromPlain, type Plain } from "../src/shared/ids.ts";

const variable = (
  name: string,
  type: "STRING" | "INTEGER" | "DATETIME",
  order: number,
  extra: { secure?: boolean; agentEditable?: boolean; shownInPopover?: boolean; global?: boolean } = {},
) => ({
  name,
  type,
  label: name,
  order,
  secure: false,
  agentEditable: true,
  shownInPopover: true,
  global: true,
  ...extra,
});

/** The support line's flow: what the IVR collects and agents may edit. */
const SUPPORT_FLOW = {
  id: "support-flow",
  name: "Support",
  variables: [
    variable("customerId", "INTEGER", 1),
    variable("caseNumber", "STRING", 2),
    variable("callbackAt", "DATETIME", 3),
    variable("cardNumber", "STRING", 4, { secure: true, shownInPopover: false }),
    variable("language", "STRING", 5, { agentEditable: false }),
    variable("callbackReason", "STRING", 6, { shownInPopover: false }),
  ],
};

/** The sales line's flow: `customerId` matches by name and type, `caseNumber` does not (INTEGER here). */
const SALES_FLOW = {
  id: "sales-flow",
  name: "Sales",
  variables: [
    variable("customerId", "INTEGER", 1),
    variable("caseNumber", "INTEGER", 2),
    variable("offer", "STRING", 3),
  ],
};

const IDLE_CODES = ["not-ready", "meeting", "lunch", "training"];
const WRAP_UP_CODES = ["resolved", "follow-up", "sale"];

export const profile = (over: Partial<Plain<DesktopProfile>> = {}): Plain<DesktopProfile> => ({
  id: "standard",
  name: "Standard agent",
  idleCodeIds: IDLE_CODES,
  wrapUpCodeIds: WRAP_UP_CODES,
  capacity: { voice: 1, chat: 3, email: 2, social: 2 },
  offerTimeoutSec: DEFAULT_OFFER_TIMEOUT_SEC,
  autoWrapUp: DEFAULT_AUTO_WRAP_UP,
  availableAfterOutdial: false,
  recordingPauseSec: 30,
  disconnect: DEFAULT_DISCONNECT_POLICY,
  ...over,
});

/**
 * A small tenant: a support team (agents a1–a4) and a sales team (a5, and a4 too), a queue and
 * an entry point per channel for support, a voice queue for sales served by both teams.
 */
export function tenant(over: Partial<Plain<TenantConfig>> = {}): TenantConfig {
  const agent = (id: string, teamIds: string[], profileId = "standard") => ({
    id,
    name: `Agent ${id}`,
    roles: ["agent" as const],
    teamIds,
    profileId,
  });
  const plain: Plain<TenantConfig> = {
    tenantId: "acme",
    name: "Acme Support",
    auxCodes: [
      ...IDLE_CODES.map((id, i) => ({ id, name: id, kind: "IDLE" as const, isDefault: i === 0 })),
      ...WRAP_UP_CODES.map((id, i) => ({ id, name: id, kind: "WRAP_UP" as const, isDefault: i === 0 })),
      { id: "coffee", name: "Coffee", kind: "IDLE" as const, isDefault: false },
    ],
    profiles: [
      profile(),
      profile({ id: "auto-wrap", name: "Auto wrap-up", autoWrapUp: { enabled: true, afterSec: 30 } }),
      profile({
        id: "quick",
        name: "Quick offers",
        offerTimeoutSec: { voice: 6, chat: 8, email: 9, social: 30 },
      }),
    ],
    teams: [
      { id: "support", name: "Support" },
      { id: "sales", name: "Sales" },
      { id: "outsourced", name: "Outsourced overflow", kind: "capacity_based" },
    ],
    users: [
      agent("a1", ["support"]),
      agent("a2", ["support"]),
      agent("a3", ["support"], "auto-wrap"),
      agent("a4", ["support", "sales"], "quick"),
      agent("a5", ["sales"]),
      agent("a6", ["support"]),
      agent("a7", ["support"]),
      {
        id: "sup1",
        name: "Supervisor",
        roles: ["supervisor", "agent"],
        teamIds: ["support"],
        profileId: "standard",
      },
      { id: "admin1", name: "Admin", roles: ["admin"], teamIds: [], profileId: "standard" },
    ],
    queues: [
      ...(["voice", "chat", "email", "social"] as const).map((channel) => ({
        id: `q-${channel}`,
        name: `Support ${channel}`,
        channel,
        teamIds: ["support"],
        distribution: "longest_available" as const,
        serviceLevelSec: 20,
      })),
      {
        id: "q-overflow",
        name: "Overflow",
        channel: "voice",
        teamIds: ["outsourced"],
        distribution: "longest_available",
        serviceLevelSec: 60,
      },
      {
        id: "q-sales",
        name: "Sales voice",
        channel: "voice",
        teamIds: ["sales", "support"],
        distribution: "longest_available",
        serviceLevelSec: 30,
      },
    ],
    entryPoints: [
      ...(["voice", "chat", "email", "social"] as const).map((channel) => ({
        id: `ep-${channel}`,
        name: `Support ${channel}`,
        channel,
        kind: "inbound" as const,
        queueId: `q-${channel}`,
        active: true,
        ...(channel === "voice" ? { flowId: "support-flow" } : {}),
      })),
      {
        id: "ep-sales",
        name: "Sales line",
        channel: "voice",
        kind: "inbound",
        queueId: "q-sales",
        active: true,
        flowId: "sales-flow",
        dialNumber: "+46 8 555 000 10",
      },
      {
        id: "ep-callback",
        name: "Callbacks",
        channel: "voice",
        kind: "callback",
        queueId: "q-voice",
        active: true,
        flowId: "support-flow",
        callbackCancel: true,
        dialNumber: "+46 8 555 000 01",
      },
      {
        id: "ep-callback-off",
        name: "Old callbacks",
        channel: "voice",
        kind: "callback",
        queueId: "q-voice",
        active: false,
      },
      {
        id: "ep-overflow",
        name: "Overflow line",
        channel: "voice",
        kind: "inbound",
        queueId: "q-overflow",
        active: true,
        dialNumber: "+46 8 555 000 99",
      },
      {
        id: "ep-closed",
        name: "Closed line",
        channel: "voice",
        kind: "inbound",
        queueId: "q-voice",
        active: false,
      },
      { id: "ep-out", name: "Outdial", channel: "voice", kind: "outdial", queueId: "q-voice", active: true },
    ],
    sharedLines: [{ address: "2000", lines: ["1", "2"] }],
    flows: [SUPPORT_FLOW, SALES_FLOW],
    addressBook: [
      { id: "ab1", name: "Legal desk", number: "+46 8 555 070 70" },
      { id: "ab2", name: "Security desk", number: "+46 8 555 080 80" },
    ],
    directory: [
      {
        id: "x1",
        name: "Ingrid Berg",
        role: "Tariff expert",
        department: "Billing",
        workPhone: "+46 8 555 012 34",
        presence: "available",
      },
      {
        id: "x2",
        name: "Åke Ström",
        role: "Network engineer",
        department: "Operations",
        workPhone: "+46 8 555 056 78",
      },
      {
        id: "x3",
        name: "Ola Nyström",
        role: "Tariff analyst",
        department: "Billing",
        email: "ola@acme.example",
      },
    ],
    ...over,
  };
  return fromPlain<TenantConfig>(plain);
}
