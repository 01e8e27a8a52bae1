import type { ConfigLookup } from "../../config/lookup.ts";
import type { TenantConfig } from "../../config/types.ts";
import type { ConfigIssue } from "../../config/validate.ts";
import type { AuxCodeId } from "../../shared/ids.ts";
import { EXTERNAL_PRESENCES, type ExternalPresence } from "./state.ts";

/** Presence federation with a CRM or collaboration tool (FED-1…FED-4); off when absent. */
export interface PresenceFederation {
  readonly enabled: boolean;
  /** FED-1: the idle code an Available agent gets when the tool switches to a busy status. */
  readonly idleCodeId: AuxCodeId;
  /** FED-1: the statuses that make an agent Not Ready; Busy and Do not disturb if absent. */
  readonly busyStatuses?: readonly ExternalPresence[];
  /** FED-3: what the tool is asked to show once a call becomes active; null asks for nothing. */
  readonly onCallStatus: ExternalPresence | null;
}

export const DEFAULT_BUSY_STATUSES: readonly ExternalPresence[] = ["busy", "do_not_disturb"];

/** Federation as the deciders use it: null when it is off. */
export interface FederationSettings {
  readonly idleCodeId: AuxCodeId;
  readonly busyStatuses: readonly ExternalPresence[];
  readonly onCallStatus: ExternalPresence | null;
}

export function federationOf(config: ConfigLookup | null): FederationSettings | null {
  const f = config?.config.federation;
  if (!f?.enabled) return null;
  return {
    idleCodeId: f.idleCodeId,
    busyStatuses: f.busyStatuses ?? DEFAULT_BUSY_STATUSES,
    onCallStatus: f.onCallStatus,
  };
}

const isExternalPresence = (p: unknown): p is ExternalPresence =>
  EXTERNAL_PRESENCES.includes(p as ExternalPresence);

/**
 * The idle code must be an IDLE aux code; statuses must be ones the feed can report, and
 * Available can never make an agent Not Ready (FED-2). Checked even while disabled, so that
 * switching federation on cannot fail.
 */
export function validateFederation(config: TenantConfig): ConfigIssue[] {
  const f = config.federation;
  if (f === undefined) return [];
  const issues: ConfigIssue[] = [];
  const code = config.auxCodes.find((c) => c.id === f.idleCodeId);
  if (code?.kind !== "IDLE")
    issues.push({
      path: "federation.idleCodeId",
      code: "UNKNOWN_REFERENCE",
      message: `"${f.idleCodeId}" is not an IDLE aux code`,
    });
  (f.busyStatuses ?? []).forEach((p, i) => {
    if (!isExternalPresence(p) || p === "available")
      issues.push({
        path: `federation.busyStatuses[${i}]`,
        code: "OUT_OF_RANGE",
        message: `"${p}" cannot make an agent Not Ready`,
      });
  });
  if (f.onCallStatus !== null && !isExternalPresence(f.onCallStatus))
    issues.push({
      path: "federation.onCallStatus",
      code: "OUT_OF_RANGE",
      message: `"${f.onCallStatus}" is not an external presence`,
    });
  return issues;
}
