#!/usr/bin/env -S node --import tsx
import { mkdirSync, readFileSync, realpathSync, writeFileSync } from "node:fs";
import { resolve } from "node:path";
import { pathToFileURL } from "node:url";
import { parseArgs } from "node:util";
import cliProgress from "cli-progress";
import { buildReport, formatTable, INTERVALS_MIN, renderChart, toCsv, toJson } from "./report/index.ts";
import { checkTimeZone } from "./report/time.ts";
import { centerScenario } from "./traffic/presets/center.ts";
import { singleQueueScenario } from "./traffic/presets/singleQueue.ts";
import { simulate } from "./virtual/runner.ts";
import type { Scenario } from "./virtual/scenario.ts";

export const USAGE = `Usage: npm run sim -- --profile <name|file.json> [options]
       npx parley-sim --profile <name|file.json> [options]

Runs a day (or whatever the profile lasts) of simulated traffic on the engine in virtual time,
prints the interval report per queue and writes it as CSV, JSON and an SVG chart.

Options:
  --profile <name|file>  a built-in profile (see below) or a scenario as a JSON file (required)
  --seed <n>             random seed, a whole number (default 42): same seed, same day
  --interval <min>       report interval in minutes: ${INTERVALS_MIN.join(", ")} (default 30)
  --out <dir>            where report.csv, report.json and chart.svg go (default ./sim-out)
  --target <percent>     service-level target for the table and the chart (default 80)
  --time-zone <zone>     IANA zone of the interval boundaries and labels (default UTC)
  --chart <panels>       all, each or both: all queues together, a panel per queue, or both (default both)
  --all-intervals        print intervals with no contacts and no agents too
  --no-progress          no progress bar on stderr
  -h, --help             this text

Service level = answered within threshold / (answered + abandoned after threshold); answered
and abandoned contacts count in the interval they arrived in.`;

/** The built-in profiles, by the name `--profile` takes. */
export const PROFILES: Readonly<Record<string, { readonly about: string; readonly make: () => Scenario }>> = {
  center: {
    about: "a weekday at a 500-agent center: voice, sales, chat, e-mail, social; shifts and breaks",
    make: () => centerScenario(),
  },
  "center-100": {
    about: "the same day at a 100-agent center (quicker)",
    make: () => centerScenario({ agents: 100 }),
  },
  "erlang-c": {
    about: "one voice queue, 20 agents, 16 Erlangs, 4-minute calls, nobody hangs up (M/M/20)",
    make: () => singleQueueScenario({ erlangs: 16, agents: 20, ahtSec: 240, durationSec: 86_400 }),
  },
  "erlang-a": {
    about: "the same queue with callers who hang up after 2 minutes on average (M/M/20+M)",
    make: () =>
      singleQueueScenario({ erlangs: 16, agents: 20, ahtSec: 240, patienceSec: 120, durationSec: 86_400 }),
  },
};

const profileList = () =>
  Object.entries(PROFILES)
    .map(([name, p]) => `  ${name.padEnd(22)} ${p.about}`)
    .join("\n");

/** A mistake in the command line: the CLI prints it with a hint and exits with code 2. */
export class UsageError extends Error {}

export interface CliOptions {
  readonly profile: string;
  readonly seed: number;
  readonly intervalMin: number;
  readonly out: string;
  readonly target: number;
  readonly timeZone: string;
  readonly chart: "all" | "each" | "both";
  readonly allIntervals: boolean;
  readonly progress: boolean;
}

const wholeNumber = (flag: string, text: string): number => {
  if (!/^-?\d+$/.test(text.trim())) throw new UsageError(`${flag} must be a whole number, not "${text}"`);
  return Number(text);
};

/** Reads the command line; `help` when the help was asked for. Throws UsageError on a mistake. */
export function parseCli(argv: readonly string[]): CliOptions | "help" {
  let parsed: ReturnType<typeof parseCliArgs>;
  try {
    parsed = parseCliArgs(argv);
  } catch (error) {
    // node:util names the problem well ("Unknown option '--sed'"); keep its words.
    throw new UsageError(error instanceof Error ? error.message : String(error));
  }
  const v = parsed.values;
  if (v.help) return "help";
  if (parsed.positionals.length > 0) throw new UsageError(`unexpected argument "${parsed.positionals[0]}"`);
  if (v.profile === undefined || v.profile.trim() === "") throw new UsageError("--profile is required");
  const seed = wholeNumber("--seed", v.seed ?? "42");
  if (!Number.isSafeInteger(seed) || seed < 0)
    throw new UsageError(`--seed must be 0 or more, not "${v.seed}"`);
  const intervalMin = wholeNumber("--interval", v.interval ?? "30");
  if (!INTERVALS_MIN.includes(intervalMin))
    throw new UsageError(`--interval must be one of ${INTERVALS_MIN.join(", ")} minutes, not ${v.interval}`);
  const target = Number(v.target ?? "80");
  if (!(target > 0 && target <= 100) || (v.target ?? "80").trim() === "")
    throw new UsageError(`--target must be a percentage above 0 and at most 100, not "${v.target}"`);
  const timeZone = v["time-zone"] ?? "UTC";
  try {
    checkTimeZone(timeZone);
  } catch (error) {
    throw new UsageError(`--time-zone: ${(error as Error).message}`);
  }
  const chart = v.chart ?? "both";
  if (chart !== "all" && chart !== "each" && chart !== "both")
    throw new UsageError(`--chart must be all, each or both, not "${chart}"`);
  if (v.out !== undefined && v.out.trim() === "") throw new UsageError("--out needs a directory");
  return {
    profile: v.profile,
    seed,
    intervalMin,
    out: v.out ?? "./sim-out",
    target: target / 100,
    timeZone,
    chart,
    allIntervals: v["all-intervals"] ?? false,
    progress: !(v["no-progress"] ?? false),
  };
}

function parseCliArgs(argv: readonly string[]) {
  return parseArgs({
    args: [...argv],
    strict: true,
    allowPositionals: true,
    options: {
      profile: { type: "string" },
      seed: { type: "string" },
      interval: { type: "string" },
      out: { type: "string" },
      target: { type: "string" },
      "time-zone": { type: "string" },
      chart: { type: "string" },
      "all-intervals": { type: "boolean" },
      "no-progress": { type: "boolean" },
      help: { type: "boolean", short: "h" },
    },
  });
}

/** A built-in profile by name, or a scenario read from a JSON file (a path ending in `.json`). */
export function loadScenario(spec: string, cwd = process.cwd()): Scenario {
  if (!spec.toLowerCase().endsWith(".json")) {
    const profile = PROFILES[spec];
    if (!profile)
      throw new UsageError(
        `unknown profile "${spec}": use one of ${Object.keys(PROFILES).join(", ")}, or a scenario file ending in .json`,
      );
    return profile.make();
  }
  const path = resolve(cwd, spec);
  let text: string;
  try {
    text = readFileSync(path, "utf8");
  } catch (error) {
    throw new UsageError(
      `cannot read the profile file ${path}: ${(error as NodeJS.ErrnoException).code ?? error}`,
    );
  }
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (error) {
    throw new UsageError(`the profile file ${path} is not JSON: ${(error as Error).message}`);
  }
  return scenarioFromJson(data, path);
}

/**
 * A scenario as JSON: the `Scenario` shape, with `startAt` as ms or an ISO date-time and a shift's
 * `endSec` null (or absent) for "until the end of the run", as JSON has no Infinity.
 */
export function scenarioFromJson(data: unknown, source: string): Scenario {
  const fail = (what: string) => new UsageError(`the profile file ${source} ${what}`);
  if (typeof data !== "object" || data === null || Array.isArray(data)) throw fail("must hold a JSON object");
  const o = data as Record<string, unknown>;
  for (const key of ["config", "traffic", "bots"])
    if (typeof o[key] !== "object" || o[key] === null) throw fail(`has no "${key}" object`);
  const startAt = typeof o.startAt === "string" ? Date.parse(o.startAt) : o.startAt;
  if (typeof startAt !== "number" || !Number.isFinite(startAt))
    throw fail(`needs "startAt": ms since the epoch or an ISO date-time`);
  if (typeof o.durationSec !== "number" || !(o.durationSec > 0)) throw fail(`needs "durationSec" above 0`);
  const bots = o.bots as { shifts?: unknown; behaviour?: unknown };
  if (!Array.isArray(bots.shifts)) throw fail(`needs "bots.shifts", a list`);
  const shifts = bots.shifts.map((s: Record<string, unknown>) => ({
    ...s,
    endSec: typeof s.endSec === "number" ? s.endSec : Number.POSITIVE_INFINITY,
  }));
  return {
    ...(o as unknown as Scenario),
    name: typeof o.name === "string" ? o.name : source,
    startAt,
    bots: {
      ...(bots as unknown as Scenario["bots"]),
      shifts: shifts as unknown as Scenario["bots"]["shifts"],
    },
  };
}

export interface CliIo {
  readonly stdout: NodeJS.WritableStream;
  readonly stderr: NodeJS.WritableStream;
  /** Where relative paths start; the process's working directory if absent. */
  readonly dir?: string;
}

/** Runs the CLI; resolves to the exit code: 0 done, 1 the run failed, 2 a mistake in the command line. */
export async function main(
  argv: readonly string[],
  io: CliIo = { stdout: process.stdout, stderr: process.stderr },
): Promise<number> {
  let options: CliOptions | "help";
  let scenario: Scenario;
  try {
    options = parseCli(argv);
    if (options === "help") {
      io.stdout.write(`${USAGE}\n\nProfiles:\n${profileList()}\n`);
      return 0;
    }
    scenario = loadScenario(options.profile, io.dir);
  } catch (error) {
    if (!(error instanceof UsageError)) throw error;
    io.stderr.write(`parley-sim: ${error.message}\nTry --help for the options.\n`);
    return 2;
  }

  const bar = options.progress
    ? new cliProgress.SingleBar(
        {
          stream: io.stderr,
          format: `Simulating ${scenario.name} |{bar}| {percentage}% | {eta_formatted} left`,
          hideCursor: true,
          clearOnComplete: true,
        },
        cliProgress.Presets.shades_classic,
      )
    : null;
  const started = performance.now();
  try {
    bar?.start(100, 0);
    const result = simulate(scenario, {
      seed: options.seed,
      onProgress: (fraction) => bar?.update(Math.round(fraction * 1000) / 10),
    });
    bar?.update(100);
    bar?.stop();
    const seconds = ((performance.now() - started) / 1000).toFixed(1);
    io.stderr.write(
      `Simulated ${scenario.name} (seed ${options.seed}): ${result.stats.contacts} contacts, ${result.events.length} events in ${seconds} s\n`,
    );
    const report = buildReport(result, {
      intervalMin: options.intervalMin,
      serviceLevelTarget: options.target,
      timeZone: options.timeZone,
    });
    io.stdout.write(formatTable(report, { skipEmpty: !options.allIntervals }));
    const out = resolve(io.dir ?? process.cwd(), options.out);
    mkdirSync(out, { recursive: true });
    const files = {
      "report.csv": toCsv(report),
      "report.json": toJson(report),
      "chart.svg": renderChart(report, { panels: options.chart }),
    };
    for (const [name, text] of Object.entries(files)) writeFileSync(resolve(out, name), text);
    io.stderr.write(`Wrote ${Object.keys(files).join(", ")} to ${out}\n`);
    return 0;
  } catch (error) {
    bar?.stop();
    io.stderr.write(`parley-sim: ${error instanceof Error ? error.message : String(error)}\n`);
    return 1;
  }
}

/** Run as a program (also through the `parley-sim` bin link), not imported by a test. */
const entry = process.argv[1];
if (entry && import.meta.url === pathToFileURL(realpathSync(entry)).href)
  process.exitCode = await main(process.argv.slice(2));
