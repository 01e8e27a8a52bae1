import type { Plain, TenantConfig } from "@parley/engine";
import { demoTenant } from "@parley/engine/demo-tenant";
import { HUMAN_BOT, type Shift } from "../../bots/behaviour.ts";
import type { Scenario } from "../../virtual/scenario.ts";
import { refine } from "../curves.ts";
import { exponential, lognormal } from "../distributions.ts";
import { scaleCurve } from "../profile.ts";
import { standardBreaks } from "./shifts.ts";

/** Office hours only (08:00–18:00): the weekday shape, nothing at night. */
const OFFICE_HOURLY = [
  0, 0, 0, 0, 0, 0, 0, 0, 7.5, 9.5, 10, 9.2, 7.8, 8.6, 9, 8.4, 7.2, 5.6, 0, 0, 0, 0, 0, 0,
];
const OFFICE_CURVE = refine(OFFICE_HOURLY, 2).map((w, i) => (i >= 36 ? 0 : w));

/**
 * A working day at Lumen Telecom as the demo tenant has it: its own seven agents (Karin the
 * supervisor too) on early and late shifts with breaks and lunch, and a small office-hours load
 * on every line — the day the desktop demo and the report show.
 */
export function demoDayScenario(startAt = Date.UTC(2026, 0, 5)): Scenario {
  // Plain drops the brands and the readonly marks only: the same data.
  const config = demoTenant() as unknown as Plain<TenantConfig>;
  const shift = (agentId: string, teamId: string, startHour: number, stagger = 0): Shift => ({
    agentId,
    teamId,
    startSec: startHour * 3_600,
    endSec: (startHour + 8) * 3_600,
    breaks: standardBreaks(startHour * 3_600, stagger),
  });
  const day = (total: number) => scaleCurve(OFFICE_CURVE, total);
  return {
    name: `${config.name}: a working day`,
    config,
    startAt,
    durationSec: 86_400,
    traffic: {
      intervalSec: 1_800,
      entryPoints: [
        {
          entryPointId: "ep-support-line",
          volumes: day(150),
          handle: lognormal(300, 180),
          wrapUp: lognormal(30, 15),
          patience: exponential(180),
        },
        {
          entryPointId: "ep-sales-line",
          volumes: day(45),
          handle: lognormal(420, 240),
          wrapUp: lognormal(20, 10),
          patience: exponential(120),
        },
        {
          entryPointId: "ep-web-chat",
          volumes: day(60),
          handle: lognormal(720, 420),
          wrapUp: lognormal(20, 10),
          patience: exponential(300),
        },
        {
          entryPointId: "ep-support-mail",
          volumes: day(30),
          handle: lognormal(480, 300),
          wrapUp: lognormal(60, 30),
          patience: null,
        },
        {
          entryPointId: "ep-social-dm",
          volumes: day(10),
          handle: lognormal(300, 200),
          wrapUp: lognormal(20, 10),
          patience: null,
        },
      ],
    },
    bots: {
      behaviour: HUMAN_BOT,
      shifts: [
        shift("anna", "support", 8),
        shift("marcus", "support", 8, 900),
        shift("elif", "support", 10),
        shift("sofia", "support", 8, 1_800),
        shift("karin", "support", 9, 600),
        shift("jonas", "sales", 8),
        shift("priya", "sales", 10),
      ],
    },
  };
}
