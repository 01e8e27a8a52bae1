import type { TenantConfig } from "../src/config/types.ts";
import { profile, tenant } from "./fixtures.ts";

/**
 * The tenant that invariants.property.test.ts runs its random steps (arbitraries.ts) against:
 * ep-chat persistent (waiting a day, the shortest allowed), a sentiment threshold, presence
 * federation, and a disconnect policy per profile — the default (LOAD off, 60 s grace), LOAD on
 * with a 20 s grace, and LOAD on with no grace at all. Shared by the property tests.
 */
export const PROPERTY_TENANT: TenantConfig = (() => {
  const base = tenant();
  const disconnect = (graceSec: number) => ({ graceSec, heartbeatTimeoutSec: 120, logoutOnDisconnect: true });
  return tenant({
    entryPoints: base.entryPoints.map((e) => (e.id === "ep-chat" ? { ...e, persistent: true } : e)) as never,
    persistentChatDays: 1,
    sentiment: { threshold: -0.3, window: 3 },
    federation: { enabled: true, idleCodeId: "meeting", onCallStatus: "busy" },
    profiles: [
      profile(),
      profile({
        id: "auto-wrap",
        name: "Auto wrap-up",
        autoWrapUp: { enabled: true, afterSec: 30 },
        disconnect: disconnect(20),
      }),
      profile({
        id: "quick",
        name: "Quick offers",
        offerTimeoutSec: { voice: 6, chat: 8, email: 9, social: 30 },
        disconnect: disconnect(0),
      }),
    ],
  });
})();
