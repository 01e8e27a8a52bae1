import { type Rejection, reject } from "../../shared/decision.ts";
import type { TenantState } from "../../tenant/state.ts";

/**
 * RTE-8: at the tenant's limit of concurrent calls, a new call is refused with a reason code the
 * desktop shows. Calls count while the customer is on the line: queued, offered or connected.
 */
export function callLimitReached(s: TenantState): Rejection | null {
  const limit = s.config?.config.maxConcurrentCalls;
  if (limit === undefined) return null;
  let calls = 0;
  for (const task of s.tasks.values()) if (task.channel === "voice" && task.status !== "wrapping") calls++;
  return calls >= limit
    ? reject("TENANT_CALL_LIMIT", `The tenant is at its limit of ${limit} concurrent calls`, { limit })
    : null;
}
