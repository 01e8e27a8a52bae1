#!/usr/bin/env node
// The test command: lint and format check, type check, then every test runner. It ends with one
// line `N passed, N failed` summed over the runners; a failed lint or type check counts as a failure.
import { spawnSync } from "node:child_process";
import { mkdirSync, readFileSync } from "node:fs";

const results = ".test-results";
mkdirSync(results, { recursive: true });

let passed = 0;
let failed = 0;

function step(name, command, args) {
  console.log(`\n▶ ${name}: ${command} ${args.join(" ")}`);
  const run = spawnSync(command, args, { stdio: "inherit" });
  return run.status === 0;
}

if (!step("lint", "npx", ["biome", "check", "."])) failed++;
if (!step("types", "npx", ["tsc", "-p", "."])) failed++;

const vitestJson = `${results}/vitest.json`;
const vitestOk = step("tests", "npx", [
  "vitest",
  "run",
  "--reporter=default",
  "--reporter=json",
  `--outputFile.json=${vitestJson}`,
]);
try {
  const report = JSON.parse(readFileSync(vitestJson, "utf8"));
  passed += report.numPassedTests;
  failed += report.numFailedTests;
  if (!vitestOk && report.numFailedTests === 0) failed++; // a suite that failed to load has no failed test
} catch {
  failed++;
}

console.log(`\n${passed} passed, ${failed} failed`);
process.exit(failed > 0 ? 1 : 0);
