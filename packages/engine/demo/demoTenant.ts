import {
  DEFAULT_DISCONNECT_POLICY,
  type DesktopProfile,
  type FlowDef,
  fromPlain,
  type Plain,
  type TenantConfig,
  validateConfig,
  validateFlow,
} from "../src/index.ts";

const IDLE_CODES = [
  { id: "not-ready", name: "Not ready", isDefault: true },
  { id: "break", name: "Break", isDefault: false },
  { id: "lunch", name: "Lunch", isDefault: false },
  { id: "meeting", name: "Meeting", isDefault: false },
  { id: "training", name: "Training", isDefault: false },
];

const WRAP_UP_CODES = [
  { id: "resolved", name: "Resolved", isDefault: true },
  { id: "follow-up", name: "Follow-up", isDefault: false },
  { id: "sale", name: "Sale", isDefault: false },
  { id: "no-sale", name: "No sale", isDefault: false },
];

const ALL_IDLE = IDLE_CODES.map((c) => c.id);

function profile(
  over: Pick<Plain<DesktopProfile>, "id" | "name" | "capacity" | "wrapUpCodeIds"> &
    Partial<Plain<DesktopProfile>>,
): Plain<DesktopProfile> {
  return {
    idleCodeIds: ALL_IDLE,
    offerTimeoutSec: { voice: 18, chat: 30, email: 30, social: 30 },
    autoWrapUp: { enabled: false, afterSec: 120 },
    availableAfterOutdial: false,
    recordingPauseSec: 30,
    disconnect: DEFAULT_DISCONNECT_POLICY,
    ...over,
  };
}

const PROFILES: Plain<DesktopProfile>[] = [
  profile({
    id: "support-blended",
    name: "Support — calls and chat",
    capacity: { voice: 1, chat: 2, email: 1, social: 0 },
    wrapUpCodeIds: ["resolved", "follow-up"],
  }),
  profile({
    id: "digital-desk",
    name: "Digital desk",
    capacity: { voice: 0, chat: 3, email: 2, social: 2 },
    wrapUpCodeIds: ["resolved", "follow-up"],
  }),
  profile({
    id: "sales",
    name: "Sales",
    capacity: { voice: 1, chat: 0, email: 2, social: 0 },
    wrapUpCodeIds: ["resolved", "sale", "no-sale", "follow-up"],
    // Reps go straight back to the phones: the system closes wrap-up for them after 30 s.
    autoWrapUp: { enabled: true, afterSec: 30 },
  }),
];

type UserSpec = [id: string, name: string, teamIds: string[], profileId: string];

const AGENTS: UserSpec[] = [
  ["anna", "Anna Lindqvist", ["support"], "support-blended"],
  ["marcus", "Marcus Berg", ["support"], "support-blended"],
  ["elif", "Elif Kaya", ["support"], "support-blended"],
  ["sofia", "Sofia Nguyen", ["support"], "digital-desk"],
  ["jonas", "Jonas Eriksson", ["sales"], "sales"],
  ["priya", "Priya Raman", ["sales"], "sales"],
];

const SUPPORT_QUEUES = [
  { id: "q-support-voice", name: "Support voice", channel: "voice", serviceLevelSec: 20 },
  { id: "q-support-chat", name: "Support chat", channel: "chat", serviceLevelSec: 60 },
  { id: "q-support-email", name: "Support email", channel: "email", serviceLevelSec: 14_400 },
  { id: "q-support-social", name: "Support social", channel: "social", serviceLevelSec: 3_600 },
] as const;

type VariableDef = Plain<FlowDef>["variables"][number];

const variable = (
  name: string,
  label: string,
  type: VariableDef["type"],
  order: number,
  flags: Partial<Pick<VariableDef, "secure" | "agentEditable" | "shownInPopover">> = {},
): VariableDef => ({
  name,
  label,
  type,
  order,
  secure: false,
  agentEditable: false,
  shownInPopover: false,
  global: true,
  ...flags,
});

/**
 * What the support line's IVR collects and agents see and edit during the call (CAD). The card
 * number is secure: masked everywhere, and agents take it with the recording paused. The
 * callbacks entry point keeps a callback's reason in `callbackReason` (CB-7).
 */
const SUPPORT_FLOW: Plain<FlowDef> = {
  id: "support-flow",
  name: "Support",
  variables: [
    variable("customerId", "Customer ID", "INTEGER", 1, { shownInPopover: true }),
    variable("caseNumber", "Case", "STRING", 2, { shownInPopover: true, agentEditable: true }),
    variable("language", "Language", "STRING", 3, { shownInPopover: true }),
    variable("cardNumber", "Card", "STRING", 4, { secure: true, agentEditable: true }),
    variable("callbackReason", "Callback reason", "STRING", 5),
  ],
};

const ENTRY_POINTS = [
  {
    id: "ep-support-line",
    name: "Support line",
    channel: "voice",
    queueId: "q-support-voice",
    flowId: "support-flow",
  },
  { id: "ep-web-chat", name: "Web chat", channel: "chat", queueId: "q-support-chat" },
  // In-app messaging: a closed conversation waits for the customer instead of ending (DIG-3).
  { id: "ep-app-chat", name: "Lumen app chat", channel: "chat", queueId: "q-support-chat", persistent: true },
  { id: "ep-support-mail", name: "support@lumen.example", channel: "email", queueId: "q-support-email" },
  {
    id: "ep-social-dm",
    name: "Instagram & Facebook DMs",
    channel: "social",
    queueId: "q-support-social",
    // SES-16: social handles are not in the directory: the CRM's search pops instead of the card.
    screenPop: {
      kind: "url",
      template: "https://crm.example.com/search?q={address}",
      title: "CRM search",
    },
  },
  { id: "ep-sales-line", name: "Sales line", channel: "voice", queueId: "q-sales-voice" },
] as const;

/** Lumen Telecom: a small Nordic operator with a support team and a sales team. */
const PLAIN: Plain<TenantConfig> = {
  tenantId: "lumen",
  name: "Lumen Telecom",
  auxCodes: [
    ...IDLE_CODES.map((c) => ({ ...c, kind: "IDLE" as const })),
    ...WRAP_UP_CODES.map((c) => ({ ...c, kind: "WRAP_UP" as const })),
  ],
  profiles: PROFILES,
  teams: [
    { id: "support", name: "Support" },
    { id: "sales", name: "Sales" },
  ],
  users: [
    ...AGENTS.map(([id, name, teamIds, profileId]) => ({
      id,
      name,
      roles: ["agent" as const],
      teamIds,
      profileId,
    })),
    {
      id: "karin",
      name: "Karin Holm",
      roles: ["supervisor", "agent"],
      teamIds: ["support", "sales"],
      profileId: "support-blended",
    },
    { id: "lars", name: "Lars Nilsson", roles: ["admin"], teamIds: [], profileId: "support-blended" },
  ],
  queues: [
    ...SUPPORT_QUEUES.map((q) => ({
      ...q,
      teamIds: ["support"],
      distribution: "longest_available" as const,
    })),
    {
      id: "q-sales-voice",
      name: "Sales voice",
      channel: "voice",
      // Support backs up sales on the phones when no rep is free.
      teamIds: ["sales", "support"],
      distribution: "longest_available",
      serviceLevelSec: 30,
    },
  ],
  entryPoints: [
    ...ENTRY_POINTS.map((ep) => ({ ...ep, kind: "inbound" as const, active: true })),
    {
      id: "ep-outdial",
      name: "Outbound calls",
      channel: "voice",
      kind: "outdial",
      queueId: "q-support-voice",
      active: true,
    },
    {
      // Where agents schedule callbacks (CB-8); its number is what the customer sees calling.
      id: "ep-callbacks",
      name: "Callbacks",
      channel: "voice",
      kind: "callback",
      queueId: "q-support-voice",
      active: true,
      flowId: "support-flow",
      dialNumber: "+46 8 555 010 99",
    },
  ],
  // The front desk phone: two lines on extension 4100.
  sharedLines: [{ address: "4100", lines: ["1", "2"] }],
  flows: [SUPPORT_FLOW],
  persistentChatDays: 28,
  // SES-11: alert when the last three scored customer messages average -0.4 or below.
  sentiment: { threshold: -0.4, window: 3 },
  // CNS-13: experts a consult can dial; those without a work phone are never listed.
  directory: [
    {
      id: "x-berit",
      name: "Berit Sandberg",
      email: "berit.sandberg@lumen.example",
      role: "Billing specialist",
      department: "Finance",
      workPhone: "+46 8 555 020 11",
      presence: "available",
    },
    {
      id: "x-henrik",
      name: "Henrik Dahl",
      email: "henrik.dahl@lumen.example",
      role: "Network engineer",
      department: "Network operations",
      workPhone: "+46 8 555 020 42",
      presence: "busy",
    },
    {
      id: "x-maja",
      name: "Maja Lindgren",
      email: "maja.lindgren@lumen.example",
      role: "Fraud analyst",
      department: "Security",
      workPhone: "+46 8 555 020 73",
      presence: "away",
    },
    {
      id: "x-oskar",
      name: "Oskar Wallin",
      email: "oskar.wallin@lumen.example",
      role: "Porting coordinator",
      department: "Customer operations",
      workPhone: "+46 8 555 020 95",
    },
    {
      id: "x-tove",
      name: "Tove Ekström",
      email: "tove.ekstrom@lumen.example",
      role: "Legal counsel",
      department: "Legal",
    },
    {
      id: "x-nils",
      name: "Nils Åberg",
      email: "nils.aberg@lumen.example",
      role: "Billing analyst",
      department: "Finance",
    },
  ],
};

/**
 * The demo tenant, checked: an invalid configuration stops the demo before anything runs, and so
 * does a flow warning (e.g. a popover with too few variables) — the demo tenant is kept clean.
 */
export function demoTenant(): TenantConfig {
  const config = fromPlain<TenantConfig>(PLAIN);
  const issues = [
    ...validateConfig(config),
    // validateConfig reports the flows' errors; their warnings count too.
    ...(config.flows ?? []).flatMap((flow) =>
      validateFlow(flow)
        .filter((p) => p.severity === "warning")
        .map((p) => ({ path: `flows.${flow.id}.${p.path}`, code: p.code, message: p.message })),
    ),
  ];
  if (issues.length > 0)
    throw new Error(
      `The demo tenant is invalid:\n${issues.map((i) => `  ${i.path}: ${i.code} ${i.message}`).join("\n")}`,
    );
  return config;
}
