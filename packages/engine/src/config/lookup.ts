import { type Channel, type PerChannel, perChannel } from "../shared/channels.ts";
import type { TeamId } from "../shared/ids.ts";
import type { FlowDef } from "../variables/types.ts";
import type {
  AuxCode,
  DesktopProfile,
  EntryPoint,
  Queue,
  SharedLine,
  Team,
  TenantConfig,
  User,
} from "./types.ts";

/** A validated configuration with the lookups the deciders need, built once per change. */
export interface ConfigLookup {
  readonly config: TenantConfig;
  readonly users: ReadonlyMap<string, User>;
  readonly teams: ReadonlyMap<string, Team>;
  readonly profiles: ReadonlyMap<string, DesktopProfile>;
  readonly queues: ReadonlyMap<string, Queue>;
  readonly entryPoints: ReadonlyMap<string, EntryPoint>;
  readonly auxCodes: ReadonlyMap<string, AuxCode>;
  readonly sharedLines: ReadonlyMap<string, SharedLine>;
  readonly flows: ReadonlyMap<string, FlowDef>;
  /** Entry points by their dial number (EP-DN, CNS-12). */
  readonly entryPointsByNumber: ReadonlyMap<string, EntryPoint>;
  readonly defaultIdleCode: AuxCode;
  readonly defaultWrapUpCode: AuxCode;
  /** Queues a team serves on a channel: the candidates when one of its agents frees up. */
  queuesServedBy(teamId: TeamId, channel: Channel): readonly Queue[];
}

const byId = <T extends { id: string }>(items: readonly T[]) =>
  new Map(items.map((i) => [i.id as string, i]));

export function lookupConfig(config: TenantConfig): ConfigLookup {
  const served = new Map<string, PerChannel<Queue[]>>();
  for (const q of config.queues) {
    for (const t of q.teamIds) {
      let byChannel = served.get(t);
      if (!byChannel) {
        byChannel = perChannel(() => []);
        served.set(t, byChannel);
      }
      byChannel[q.channel].push(q);
    }
  }
  const none: readonly Queue[] = [];
  const defaultOf = (kind: AuxCode["kind"]) => {
    const code = config.auxCodes.find((c) => c.kind === kind && c.isDefault);
    if (!code) throw new Error(`configuration has no default ${kind} code: validate it first`);
    return code;
  };
  return {
    config,
    users: byId(config.users),
    teams: byId(config.teams),
    profiles: byId(config.profiles),
    queues: byId(config.queues),
    entryPoints: byId(config.entryPoints),
    auxCodes: byId(config.auxCodes),
    sharedLines: new Map(config.sharedLines.map((s) => [s.address, s])),
    flows: byId(config.flows ?? []),
    entryPointsByNumber: new Map(
      config.entryPoints.flatMap((ep) =>
        ep.dialNumber ? [[ep.dialNumber.replace(/[^0-9+]/g, ""), ep] as const] : [],
      ),
    ),
    defaultIdleCode: defaultOf("IDLE"),
    defaultWrapUpCode: defaultOf("WRAP_UP"),
    queuesServedBy: (teamId, channel) => served.get(teamId)?.[channel] ?? none,
  };
}
