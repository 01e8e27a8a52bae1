import { execFile } from "node:child_process";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { promisify } from "node:util";

const CONFIG = fileURLToPath(new URL("../vite.config.ts", import.meta.url));
const VITE = join(dirname(createRequire(import.meta.url).resolve("vite/package.json")), "bin", "vite.js");

/**
 * Builds the desktop as `npm run build` does, into `outDir`, so a test serves what it just built.
 * In a process of its own: under Vitest NODE_ENV is `test`, which would bundle React's development build.
 */
export async function buildDesktop(outDir: string): Promise<void> {
  await promisify(execFile)(
    process.execPath,
    [VITE, "build", "--config", CONFIG, "--outDir", outDir, "--emptyOutDir", "--logLevel", "warn"],
    { env: { ...process.env, NODE_ENV: "production" } },
  );
}
