// Runs every packages/*/bench/*.bench.ts (or those whose path contains an argument). Convention: a bench
// file exports a default async function that prints `BENCH <name> <value> <unit> [key=value ...]` lines.
import { existsSync, readdirSync } from "node:fs";
import { join, relative } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";

const root = fileURLToPath(new URL("..", import.meta.url));
const packages = join(root, "packages");
const filters = process.argv.slice(2);

const files = readdirSync(packages, { withFileTypes: true })
  .filter((d) => d.isDirectory())
  .map((d) => join(packages, d.name, "bench"))
  .filter((dir) => existsSync(dir))
  .flatMap((dir) =>
    readdirSync(dir)
      .filter((f) => f.endsWith(".bench.ts"))
      .map((f) => join(dir, f)),
  )
  .filter((file) => filters.length === 0 || filters.some((f) => file.includes(f)))
  .sort();

if (files.length === 0) {
  console.error("bench: no benchmark files found");
  process.exitCode = 1;
}

for (const file of files) {
  const name = relative(root, file);
  // Progress goes to stderr, so stdout holds only BENCH lines.
  console.error(`bench: ${name}`);
  const started = performance.now();
  try {
    const mod: { default?: unknown } = await import(pathToFileURL(file).href);
    if (typeof mod.default !== "function") throw new Error("it has no default export function");
    await mod.default();
    console.error(`bench: ${name} done in ${((performance.now() - started) / 1000).toFixed(1)} s`);
  } catch (error) {
    // A benchmark never fails on a number, but one that cannot run is an error.
    console.error(`bench: ${name} failed:`, error);
    process.exitCode = 1;
  }
}
