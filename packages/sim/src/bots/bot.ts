import {
  type AgentId,
  type AuxCodeId,
  fromPlain,
  type Plain,
  type TeamId,
  type TenantConfig,
} from "@parley/engine";
import { constant, type Sampler, sampler } from "../traffic/distributions.ts";
import type { BotBehaviour, Shift } from "./behaviour.ts";

/** A bot agent during a run: its shift, how it acts, and where it is in its day. */
export class Bot {
  loggedIn = false;
  onBreak = false;
  /** Its shift is over: Idle, finishing its contacts, then logging out. */
  leaving = false;

  constructor(
    readonly agentId: AgentId,
    readonly teamId: TeamId,
    readonly shift: Shift,
    /** The code it wraps up with: the tenant's default if its profile allows it, else its first. */
    readonly wrapUpCode: AuxCodeId,
    readonly deliverDelay: Sampler,
    readonly acceptDelay: Sampler,
    readonly missRate: number,
    readonly ronaRecovery: Sampler,
  ) {}
}

/**
 * The bots of a scenario, checked against the tenant: each shift's agent must be an agent of
 * the tenant, in the team it logs in to, with an idle code for each break — a mistake there
 * would otherwise show up only as refused commands deep in a run.
 */
export function botsFor(
  config: Plain<TenantConfig>,
  shifts: readonly Shift[],
  behaviour: BotBehaviour,
): Bot[] {
  const users = new Map(config.users.map((u) => [u.id, u]));
  const profiles = new Map(config.profiles.map((p) => [p.id, p]));
  const defaultWrapUp = config.auxCodes.find((c) => c.kind === "WRAP_UP" && c.isDefault)?.id;
  const seen = new Set<string>();
  return shifts.map((shift) => {
    const user = users.get(shift.agentId);
    if (!user?.roles.includes("agent"))
      throw new Error(`shift for ${shift.agentId}: not an agent of the tenant`);
    if (seen.has(shift.agentId)) throw new Error(`${shift.agentId} has more than one shift`);
    seen.add(shift.agentId);
    if (!user.teamIds.includes(shift.teamId))
      throw new Error(`shift for ${shift.agentId}: not in team ${shift.teamId}`);
    if (!(shift.endSec > shift.startSec)) throw new Error(`shift for ${shift.agentId} ends before it starts`);
    const profile = profiles.get(user.profileId);
    if (!profile) throw new Error(`${shift.agentId}: no profile ${user.profileId}`);
    for (const b of shift.breaks ?? [])
      if (!profile.idleCodeIds.includes(b.codeId))
        throw new Error(`${shift.agentId}: break code ${b.codeId} is not in profile ${profile.id}`);
    const wrapUp =
      defaultWrapUp !== undefined && profile.wrapUpCodeIds.includes(defaultWrapUp)
        ? defaultWrapUp
        : profile.wrapUpCodeIds[0];
    if (wrapUp === undefined) throw new Error(`profile ${profile.id} has no wrap-up code`);
    const b = shift.behaviour ?? behaviour;
    const missRate = b.missRate ?? 0;
    if (!(missRate >= 0 && missRate <= 1)) throw new RangeError("missRate must be within [0, 1]");
    return new Bot(
      fromPlain<AgentId>(shift.agentId),
      fromPlain<TeamId>(shift.teamId),
      shift,
      fromPlain<AuxCodeId>(wrapUp),
      sampler(b.deliverDelay),
      sampler(b.acceptDelay),
      missRate,
      sampler(b.ronaRecovery ?? constant(10)),
    );
  });
}
