import { accept, type Decision, reject } from "../shared/decision.ts";
import type { Instant } from "../shared/time.ts";
import type { ConfigureTenant, TenantConfigured } from "../tenant/messages.ts";
import type { TenantState } from "../tenant/state.ts";
import { validateConfig } from "./validate.ts";

/**
 * Replace the tenant's configuration. Refused whole when it is invalid, or when it would pull
 * the ground from under a logged-in agent or an active task: nothing is half-applied.
 */
export function decideConfigure(
  cmd: ConfigureTenant,
  s: TenantState,
  now: Instant,
): Decision<TenantConfigured> {
  const issues = validateConfig(cmd.config);
  if (issues.length > 0)
    return reject(
      "CONFIG_INVALID",
      `The configuration has ${issues.length} problem(s): ${issues[0]?.message}`,
      {
        issues,
      },
    );
  const users = new Map(cmd.config.users.map((u) => [u.id as string, u]));
  const entryPoints = new Map(cmd.config.entryPoints.map((e) => [e.id as string, e]));
  const queues = new Map(cmd.config.queues.map((q) => [q.id as string, q]));
  const inUse: string[] = [];
  for (const agent of s.agents.values()) {
    const user = users.get(agent.id);
    if (
      !user?.roles.includes("agent") ||
      !user.teamIds.includes(agent.station.teamId) ||
      user.profileId !== agent.profileId
    )
      inUse.push(`agent ${agent.id} is logged in with its current user, team and profile`);
  }
  for (const task of s.tasks.values()) {
    const ep = entryPoints.get(task.entryPointId);
    const queue = queues.get(task.queueId);
    if (!ep || !queue || queue.channel !== task.channel)
      inUse.push(`task ${task.id} is active in queue ${task.queueId} from entry point ${task.entryPointId}`);
  }
  if (inUse.length > 0)
    return reject("CONFIG_IN_USE", `The configuration would remove what is in use: ${inUse[0]}`, { inUse });
  return accept({ type: "tenant.configured", at: now, config: cmd.config });
}
