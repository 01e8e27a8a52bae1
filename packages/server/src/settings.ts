import { hostname } from "node:os";

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

const int = (name: string, value: string | undefined, fallback: number, min: number, max: number): number => {
  if (value === undefined || value === "") return fallback;
  const n = Number(value);
  if (!Number.isInteger(n) || n < min || n > max)
    throw new Error(`${name} must be an integer from ${min} to ${max}`);
  return n;
};

/** Settings from the environment (PARLEY_*), over the defaults. */
export function settingsFromEnv(env: NodeJS.ProcessEnv = process.env): Settings {
  return {
    db: env.PARLEY_DB ?? DEFAULTS.db,
    host: env.PARLEY_HOST ?? DEFAULTS.host,
    port: int("PARLEY_PORT", env.PARLEY_PORT, DEFAULTS.port, 0, 65535),
    nodeId: env.PARLEY_NODE_ID ?? DEFAULTS.nodeId,
    snapshotEvery: int(
      "PARLEY_SNAPSHOT_EVERY",
      env.PARLEY_SNAPSHOT_EVERY,
      DEFAULTS.snapshotEvery,
      10,
      10_000_000,
    ),
    sessionTtlHours: int(
      "PARLEY_SESSION_HOURS",
      env.PARLEY_SESSION_HOURS,
      DEFAULTS.sessionTtlHours,
      1,
      24 * 30,
    ),
    seedDemo: env.PARLEY_SEED_DEMO !== "0",
    logLevel: env.PARLEY_LOG_LEVEL ?? DEFAULTS.logLevel,
  };
}
