import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { PassThrough } from "node:stream";
import { describe, expect, it } from "vitest";
import { main, parseCli, UsageError } from "../src/cli.ts";
import { singleQueueScenario } from "../src/traffic/presets/singleQueue.ts";

/** Runs the CLI with captured output. */
async function run(argv: string[], cwd?: string) {
  const stdout = new PassThrough();
  const stderr = new PassThrough();
  let out = "";
  let err = "";
  stdout.on("data", (chunk) => {
    out += chunk;
  });
  stderr.on("data", (chunk) => {
    err += chunk;
  });
  const code = await main(argv, { stdout, stderr, ...(cwd ? { dir: cwd } : {}) });
  return { code, out, err };
}

describe("parley-sim command line", () => {
  it("reads the options, with their defaults", () => {
    expect(parseCli(["--profile", "x.json"])).toEqual({
      profile: "x.json",
      seed: 42,
      intervalMin: 30,
      out: "./sim-out",
      target: 0.8,
      timeZone: "UTC",
      chart: "both",
      allIntervals: false,
      progress: true,
    });
    expect(
      parseCli([
        "--profile=day",
        "--seed",
        "7",
        "--interval",
        "15",
        "--out",
        "o",
        "--target",
        "90",
        "--time-zone",
        "Europe/Stockholm",
        "--chart",
        "each",
        "--all-intervals",
        "--no-progress",
      ]),
    ).toMatchObject({ seed: 7, intervalMin: 15, out: "o", target: 0.9, chart: "each", progress: false });
    expect(parseCli(["-h"])).toBe("help");
  });

  it.each([
    [[], /--profile is required/],
    [["--profile", "x.json", "--seed", "abc"], /--seed must be a whole number, not "abc"/],
    [["--profile", "x.json", "--seed=-1"], /--seed must be 0 or more/],
    [
      ["--profile", "x.json", "--interval", "7"],
      /--interval must be one of 5, 10, 15, 20, 30, 60 minutes, not 7/,
    ],
    [["--profile", "x.json", "--target", "120"], /--target must be a percentage/],
    [["--profile", "x.json", "--time-zone", "Nowhere/Land"], /unknown time zone "Nowhere\/Land"/],
    [["--profile", "x.json", "--chart", "pie"], /--chart must be all, each or both/],
    [["--profile", "x.json", "--sed", "1"], /Unknown option '--sed'/],
    [["--profile"], /--profile/],
    [["--profile", "x.json", "extra"], /unexpected argument "extra"/],
  ])("refuses %j", (argv, message) => {
    expect(() => parseCli(argv)).toThrow(UsageError);
    expect(() => parseCli(argv)).toThrow(message);
  });

  it("exits with code 2 and a message on stderr for a bad argument, printing nothing on stdout", async () => {
    const { code, out, err } = await run(["--profile", "x.json", "--interval", "45"]);
    expect(code).toBe(2);
    expect(out).toBe("");
    expect(err).toBe(
      "parley-sim: --interval must be one of 5, 10, 15, 20, 30, 60 minutes, not 45\nTry --help for the options.\n",
    );
  });

  it("exits with code 2 for an unknown profile or a profile file it cannot use", async () => {
    const dir = mkdtempSync(join(tmpdir(), "parley-sim-"));
    expect((await run(["--profile", "no-such-profile"])).err).toMatch(
      /unknown profile "no-such-profile": use one of/,
    );
    const missing = await run(["--profile", "missing.json"], dir);
    expect(missing.code).toBe(2);
    expect(missing.err).toMatch(/cannot read the profile file .*missing\.json: ENOENT/);
    writeFileSync(join(dir, "broken.json"), "{ not json");
    expect((await run(["--profile", "broken.json"], dir)).err).toMatch(/broken\.json is not JSON/);
    writeFileSync(join(dir, "empty.json"), "{}");
    const empty = await run(["--profile", "empty.json"], dir);
    expect(empty.code).toBe(2);
    expect(empty.err).toMatch(/empty\.json has no "config" object/);
  });

  it("prints the help with exit code 0", async () => {
    const { code, out } = await run(["--help"]);
    expect(code).toBe(0);
    expect(out).toMatch(/^Usage: npm run sim -- --profile <name\|file\.json>/);
    expect(out).toMatch(/^Profiles:\n {2}center /m);
  });

  it("runs a scenario file, prints the table and writes report.csv, report.json and chart.svg", async () => {
    const dir = mkdtempSync(join(tmpdir(), "parley-sim-"));
    const scenario = singleQueueScenario({ erlangs: 4, agents: 6, ahtSec: 180, durationSec: 2 * 3600 });
    // JSON has no Infinity: a shift without an end is written as null.
    writeFileSync(
      join(dir, "two-hours.json"),
      JSON.stringify(scenario, (_k, v) => (v === Infinity ? null : v)),
    );
    const { code, out, err } = await run(
      ["--profile", "two-hours.json", "--seed", "3", "--interval", "15", "--out", "out", "--no-progress"],
      dir,
    );
    expect(err).toMatch(/Simulated M\/M\/6 \(seed 3\): \d+ contacts/);
    expect(code).toBe(0);
    expect(out).toMatch(/^M\/M\/6 — 2026-01-05, 15-minute intervals, times UTC$/m);
    expect(out).toMatch(/^Queue \(queue, voice\) — service level threshold 20 s$/m);
    expect(out).toMatch(/^01:45 /m);
    expect(out).toMatch(/^total /m);
    const csv = readFileSync(join(dir, "out", "report.csv"), "utf8")
      .trimEnd()
      .split("\r\n");
    expect(csv).toHaveLength(1 + 8 + 8 + 2); // header, 8 intervals of the queue and of all queues, 2 totals
    const json = JSON.parse(readFileSync(join(dir, "out", "report.json"), "utf8"));
    expect(json.intervalMin).toBe(15);
    expect(readFileSync(join(dir, "out", "chart.svg"), "utf8")).toMatch(/^<\?xml[\s\S]*<\/svg>\n$/);
  });
});
