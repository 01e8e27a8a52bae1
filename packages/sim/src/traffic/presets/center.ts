import type { Plain, TenantConfig } from "@parley/engine";
import { demoTenant } from "@parley/engine/demo-tenant";
import { type BotBehaviour, HUMAN_BOT, type Shift } from "../../bots/behaviour.ts";
import { agentsForServiceLevel } from "../../erlang/erlangC.ts";
import type { Scenario } from "../../virtual/scenario.ts";
import { WEEKDAY_CURVE_30MIN } from "../curves.ts";
import { type Distribution, exponential, lognormal, meanOf } from "../distributions.ts";
import type { EntryPointTraffic } from "../profile.ts";
import { scaleCurve } from "../profile.ts";
import { BREAK_SHRINKAGE, coverRequirement, standardBreaks } from "./shifts.ts";

const INTERVAL_SEC = 1_800;
const SHIFT_INTERVALS = 16; // 8 h
/** Fewest agents of each group logged in at any hour: the night is quiet, not unstaffed. */
const NIGHT_MINIMUM = 2;

type Group = "voice" | "sales" | "digital";

interface Line {
  readonly entryPointId: string;
  readonly share: number;
  readonly group: Group;
  readonly handle: Distribution;
  readonly wrapUp: Distribution;
  readonly patience: Distribution | null;
  /** Contacts one agent takes at once on this channel. */
  readonly concurrency: number;
  readonly serviceLevelSec: number;
}

/** The demo tenant's lines, with the channel mix and times of a telecom operator's service desk. */
const LINES: readonly Line[] = [
  {
    entryPointId: "ep-support-line",
    share: 0.55,
    group: "voice",
    handle: lognormal(300, 180),
    wrapUp: lognormal(30, 15),
    patience: exponential(180),
    concurrency: 1,
    serviceLevelSec: 20,
  },
  {
    entryPointId: "ep-sales-line",
    share: 0.15,
    group: "sales",
    handle: lognormal(420, 240),
    // The sales profile wraps up by itself after 30 s: the slow ones are closed for them.
    wrapUp: lognormal(20, 10),
    patience: exponential(120),
    concurrency: 1,
    serviceLevelSec: 30,
  },
  {
    entryPointId: "ep-web-chat",
    share: 0.18,
    group: "digital",
    handle: lognormal(720, 420),
    wrapUp: lognormal(20, 10),
    patience: exponential(300),
    concurrency: 3,
    serviceLevelSec: 60,
  },
  {
    entryPointId: "ep-support-mail",
    share: 0.09,
    group: "digital",
    handle: lognormal(480, 300),
    wrapUp: lognormal(60, 30),
    patience: null,
    concurrency: 2,
    serviceLevelSec: 14_400,
  },
  {
    entryPointId: "ep-social-dm",
    share: 0.03,
    group: "digital",
    handle: lognormal(300, 200),
    wrapUp: lognormal(20, 10),
    patience: null,
    concurrency: 2,
    serviceLevelSec: 3_600,
  },
];

const GROUPS: Record<Group, { prefix: string; teamId: string; profileId: string }> = {
  voice: { prefix: "v", teamId: "support", profileId: "support-voice" },
  sales: { prefix: "s", teamId: "sales", profileId: "sales" },
  digital: { prefix: "d", teamId: "support", profileId: "digital-desk" },
};

/** Agents each group needs logged in per interval for a day of `daily` contacts, breaks included. */
function requirement(daily: number): Record<Group, number[]> {
  const curve = scaleCurve(WEEKDAY_CURVE_30MIN, daily);
  const need: Record<Group, number[]> = { voice: [], sales: [], digital: [] };
  curve.forEach((total, i) => {
    const byGroup: Record<Group, number> = { voice: 0, sales: 0, digital: 0 };
    for (const line of LINES) {
      const work = meanOf(line.handle) + meanOf(line.wrapUp);
      const erlangs = ((total * line.share) / INTERVAL_SEC) * work;
      // Voice and chat are staffed to 80 % within their threshold (Erlang C, one slot per
      // contact an agent takes at once); e-mail and social only need their workload covered.
      const slots =
        line.concurrency === 1 || line.patience !== null
          ? agentsForServiceLevel({ erlangs, ahtSec: work, thresholdSec: line.serviceLevelSec, target: 0.8 })
          : erlangs / 0.85;
      byGroup[line.group] = Math.max(byGroup[line.group], slots / line.concurrency);
    }
    for (const g of Object.keys(need) as Group[])
      need[g][i] = Math.ceil(Math.max(byGroup[g], NIGHT_MINIMUM) / (1 - BREAK_SHRINKAGE));
  });
  return need;
}

function rosterSize(daily: number): number {
  const need = requirement(daily);
  return (Object.keys(need) as Group[]).reduce(
    (n, g) => n + coverRequirement(need[g], SHIFT_INTERVALS).length,
    0,
  );
}

export interface CenterOptions {
  /** Agents on the roster (default 500); the day's volume is scaled to what they can serve. */
  readonly agents?: number;
  /** Default 2026-01-05 00:00 UTC, a Monday. */
  readonly startAt?: number;
  readonly behaviour?: BotBehaviour;
}

/**
 * A day at Lumen Telecom (the demo tenant) grown to a 500-agent center: support voice, sales voice,
 * chat, e-mail and social on the weekday curve; 8-hour shifts with breaks and lunch, rostered by
 * Erlang C to 80 % within each line's threshold; the daily volume is the most the roster
 * covers. Bots pick up like people (HUMAN_BOT): a few seconds to answer, the odd RONA.
 */
export function centerScenario(options: CenterOptions = {}): Scenario {
  const agents = options.agents ?? 500;
  // The largest daily volume whose roster fits: roster size grows with volume.
  let low = 100;
  let high = 1_000;
  while (rosterSize(high) <= agents) high *= 2;
  while (high - low > 10) {
    const mid = (low + high) / 2;
    if (rosterSize(mid) <= agents) low = mid;
    else high = mid;
  }
  const daily = Math.round(low);
  const need = requirement(daily);
  const starts: Record<Group, number[]> = {
    voice: coverRequirement(need.voice, SHIFT_INTERVALS),
    sales: coverRequirement(need.sales, SHIFT_INTERVALS),
    digital: coverRequirement(need.digital, SHIFT_INTERVALS),
  };
  // Whoever is left over joins support voice for the morning peak.
  for (let k = 0; starts.voice.length + starts.sales.length + starts.digital.length < agents; k++)
    starts.voice.push(k % 2 === 0 ? 16 : 18);

  // Plain drops the brands and the readonly marks only: the same data.
  const base = demoTenant() as unknown as Plain<TenantConfig>;
  const supportBlended = base.profiles.find((p) => p.id === "support-blended");
  if (!supportBlended) throw new Error("the demo tenant has no support-blended profile");
  const shifts: Shift[] = [];
  const users: Plain<TenantConfig>["users"][number][] = [];
  for (const g of Object.keys(starts) as Group[]) {
    const { prefix, teamId, profileId } = GROUPS[g];
    starts[g].sort((a, b) => a - b);
    starts[g].forEach((slot, k) => {
      const agentId = `${prefix}${String(k + 1).padStart(3, "0")}`;
      const startSec = slot * INTERVAL_SEC;
      users.push({ id: agentId, name: `Bot ${agentId}`, roles: ["agent"], teamIds: [teamId], profileId });
      shifts.push({
        agentId,
        teamId,
        startSec,
        endSec: startSec + SHIFT_INTERVALS * INTERVAL_SEC,
        breaks: standardBreaks(startSec, (k % 4) * 600),
      });
    });
  }
  const config: Plain<TenantConfig> = {
    ...base,
    name: `${base.name} (${agents} agents)`,
    profiles: [
      ...base.profiles,
      {
        ...supportBlended,
        id: "support-voice",
        name: "Support — calls",
        capacity: { voice: 1, chat: 0, email: 0, social: 0 },
      },
    ],
    // The demo's people stay (a supervisor, an admin, a few agents without shifts) beside the bots.
    users: [...base.users, ...users],
  };
  const volumes = scaleCurve(WEEKDAY_CURVE_30MIN, daily);
  const entryPoints: EntryPointTraffic[] = LINES.map((line) => ({
    entryPointId: line.entryPointId,
    volumes: volumes.map((v) => v * line.share),
    handle: line.handle,
    wrapUp: line.wrapUp,
    patience: line.patience,
  }));
  return {
    name: config.name,
    config,
    startAt: options.startAt ?? Date.UTC(2026, 0, 5),
    durationSec: 86_400,
    traffic: { intervalSec: INTERVAL_SEC, entryPoints },
    bots: { behaviour: options.behaviour ?? HUMAN_BOT, shifts },
  };
}
