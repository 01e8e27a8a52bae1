// Test fixtures for presence federation: a federated tenant and the feed's reports.
import { tenant } from "../../../test/fixtures.ts";
import { Scenario } from "../../../test/scenario.ts";
import type { Plain } from "../../shared/ids.ts";
import type { TenantEvent } from "../../tenant/messages.ts";
import type { PresenceFederation } from "./config.ts";
import type { ExternalPresence, PresenceSource } from "./state.ts";

/** Federation on: Busy and Do not disturb → Idle (Meeting); an active call asks for Busy. */
export const FEDERATION: Plain<PresenceFederation> = {
  enabled: true,
  idleCodeId: "meeting",
  onCallStatus: "busy",
};

export const federated = (over: Partial<Plain<PresenceFederation>> | null = {}): Scenario =>
  new Scenario(tenant(over === null ? {} : { federation: { ...FEDERATION, ...over } }));

/** The feed reports a presence the tool saw `lagSec` seconds ago. */
export const report = (
  s: Scenario,
  presence: ExternalPresence,
  {
    source = "manual",
    lagSec = 3,
    agentId = "a1",
  }: { source?: PresenceSource; lagSec?: number; agentId?: string } = {},
) => s.ok({ type: "ExternalPresenceChanged", agentId, presence, source, observedAt: s.now - lagSec * 1000 });

export const types = (events: readonly TenantEvent[]): string[] => events.map((e) => e.type);

export const requests = (events: readonly TenantEvent[]) =>
  events.filter((e) => e.type === "presence.external_requested");
