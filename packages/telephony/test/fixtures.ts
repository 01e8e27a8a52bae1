import {
  DEFAULT_AUTO_WRAP_UP,
  DEFAULT_DISCONNECT_POLICY,
  DEFAULT_OFFER_TIMEOUT_SEC,
  fromPlain,
  type Plain,
  type TenantConfig,
} from "@parley/engine";

/**
 * A small voice tenant (the shape of the engine's own test fixture): support agents a1–a4, an
 * inbound voice entry point and an outdial one on one queue, 18 s voice offers.
 */
export function voiceTenant(): TenantConfig {
  const plain: Plain<TenantConfig> = {
    tenantId: "acme",
    name: "Acme Support",
    auxCodes: [
      { id: "not-ready", name: "Not ready", kind: "IDLE", isDefault: true },
      { id: "resolved", name: "Resolved", kind: "WRAP_UP", isDefault: true },
    ],
    profiles: [
      {
        id: "standard",
        name: "Standard agent",
        idleCodeIds: ["not-ready"],
        wrapUpCodeIds: ["resolved"],
        capacity: { voice: 1, chat: 3, email: 2, social: 2 },
        offerTimeoutSec: DEFAULT_OFFER_TIMEOUT_SEC,
        autoWrapUp: DEFAULT_AUTO_WRAP_UP,
        availableAfterOutdial: false,
        recordingPauseSec: 30,
        disconnect: DEFAULT_DISCONNECT_POLICY,
      },
    ],
    teams: [{ id: "support", name: "Support" }],
    users: ["a1", "a2", "a3", "a4"].map((id) => ({
      id,
      name: `Agent ${id}`,
      roles: ["agent" as const],
      teamIds: ["support"],
      profileId: "standard",
    })),
    queues: [
      {
        id: "q-voice",
        name: "Support voice",
        channel: "voice",
        teamIds: ["support"],
        distribution: "longest_available",
        serviceLevelSec: 20,
      },
    ],
    entryPoints: [
      {
        id: "ep-voice",
        name: "Support line",
        channel: "voice",
        kind: "inbound",
        queueId: "q-voice",
        active: true,
      },
      { id: "ep-out", name: "Outdial", channel: "voice", kind: "outdial", queueId: "q-voice", active: true },
    ],
    sharedLines: [],
  };
  return fromPlain<TenantConfig>(plain);
}
