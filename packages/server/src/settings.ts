import { readFileSync } from "node:fs";
import { hostname } from "node:os";
import { z } from "zod";

export interface Settings {
  /** `sqlite:<path>`, a PostgreSQL URL, or `memory:`. */
  readonly db: string;
  readonly host: string;
  readonly port: number;
  readonly nodeId: string;
  readonly snapshotEvery: number;
  readonly sessionTtlHours: number;
  /** Seed the demo tenant when the store has no tenant yet. */
  readonly seedDemo: boolean;
  readonly logLevel: string;
}

export const DEFAULTS: Settings = {
  db: "sqlite:./data/parley.db",
  host: "127.0.0.1",
  port: 8080,
  nodeId: hostname(),
  snapshotEvery: 1000,
  sessionTtlHours: 12,
  seedDemo: true,
  logLevel: "info",
};

/** The settings file (`PARLEY_CONFIG=./parley.json`): any of the settings, checked. */
const SettingsFile = z
  .strictObject({
    db: z.string().min(1),
    host: z.string().min(1),
    port: z.int().min(0).max(65535),
    nodeId: z.string().min(1).max(128),
    snapshotEvery: z.int().min(10).max(10_000_000),
    sessionTtlHours: z
      .int()
      .min(1)
      .max(24 * 30),
    seedDemo: z.boolean(),
    logLevel: z.enum(["fatal", "error", "warn", "info", "debug", "trace", "silent"]),
  })
  .partial();

function fromFile(path: string | undefined): Partial<Settings> {
  if (!path) return {};
  let text: string;
  try {
    text = readFileSync(path, "utf8");
  } catch (e) {
    throw new Error(`PARLEY_CONFIG: cannot read ${path}: ${(e as Error).message}`);
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (e) {
    throw new Error(`PARLEY_CONFIG: ${path} is not JSON: ${(e as Error).message}`);
  }
  const parsed = SettingsFile.safeParse(json);
  if (!parsed.success)
    throw new Error(
      `PARLEY_CONFIG: ${path}: ${parsed.error.issues.map((i) => `${i.path.join(".") || "(root)"}: ${i.message}`).join("; ")}`,
    );
  return parsed.data;
}

const int = (name: string, value: string | undefined, fallback: number, min: number, max: number): number => {
  if (value === undefined || value === "") return fallback;
  const n = Number(value);
  if (!Number.isInteger(n) || n < min || n > max)
    throw new Error(`${name} must be an integer from ${min} to ${max}`);
  return n;
};

/** Settings: the defaults, then the file named by PARLEY_CONFIG, then the environment (PARLEY_*). */
export function settingsFromEnv(env: NodeJS.ProcessEnv = process.env): Settings {
  const base = { ...DEFAULTS, ...fromFile(env.PARLEY_CONFIG) };
  return {
    db: env.PARLEY_DB ?? base.db,
    host: env.PARLEY_HOST ?? base.host,
    port: int("PARLEY_PORT", env.PARLEY_PORT, base.port, 0, 65535),
    nodeId: env.PARLEY_NODE_ID ?? base.nodeId,
    snapshotEvery: int(
      "PARLEY_SNAPSHOT_EVERY",
      env.PARLEY_SNAPSHOT_EVERY,
      base.snapshotEvery,
      10,
      10_000_000,
    ),
    sessionTtlHours: int("PARLEY_SESSION_HOURS", env.PARLEY_SESSION_HOURS, base.sessionTtlHours, 1, 24 * 30),
    seedDemo: env.PARLEY_SEED_DEMO === undefined ? base.seedDemo : env.PARLEY_SEED_DEMO !== "0",
    logLevel: env.PARLEY_LOG_LEVEL ?? base.logLevel,
  };
}
