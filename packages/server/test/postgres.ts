/**
 * A throwaway PostgreSQL 15 cluster for tests and benchmarks, on 127.0.0.1:15432.
 *
 * `testDatabase()` starts the cluster on first use (initdb into a fresh temp dir owned by the
 * `postgres` OS user, since initdb refuses root), or reuses one already listening on the port, and
 * creates an empty database with a unique name. Vitest's global teardown (this file is registered
 * as a `globalSetup` in vitest.config.ts) calls `stopPostgres()`, which stops and deletes a cluster
 * this harness started — in this run or in an earlier one that was killed. A server on the port
 * that this harness did not start is used but never stopped.
 *
 * Needs Debian's `postgresql` package (`.ci/run` installs it). Its `main` cluster on 5432 is not
 * used. `PARLEY_PG_BIN` overrides the directory of initdb and pg_ctl.
 */
import { execFile } from "node:child_process";
import { randomBytes } from "node:crypto";
import {
  appendFileSync,
  chownSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  rmSync,
  statSync,
  writeFileSync,
} from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { promisify } from "node:util";
import pg from "pg";

export const PG_PORT = 15432;
const HOST = "127.0.0.1";
const BIN = process.env.PARLEY_PG_BIN ?? "/usr/lib/postgresql/15/bin";
/** Where the cluster this harness started lives, so a later run or the teardown can stop it. */
const STATE = join(tmpdir(), `parley-pg-${PG_PORT}.json`);
const LOCK = join(tmpdir(), `parley-pg-${PG_PORT}.lock`);
const run = promisify(execFile);

interface State {
  dir: string;
  startedAt: string;
}

export function postgresUrl(database: string): string {
  return `postgres://postgres@${HOST}:${PG_PORT}/${database}`;
}

/**
 * Starts the cluster unless one is already accepting connections on the port. `started` tells
 * whether this call started it (a benchmark then stops it with `stopPostgres`).
 */
export async function ensurePostgres(): Promise<{ started: boolean }> {
  if (await accepting()) return { started: false };
  return withLock(async () => {
    if (await accepting()) return { started: false };
    await removeStale();
    if (!existsSync(join(BIN, "initdb")))
      throw new Error(
        `no PostgreSQL server on ${HOST}:${PG_PORT} and no ${BIN}/initdb to start one: apt-get install postgresql`,
      );
    const dir = mkdtempSync(join(tmpdir(), "parley-pg-"));
    const owner = await postgresIds();
    if (owner) chownSync(dir, owner.uid, owner.gid);
    const data = join(dir, "data");
    await asPostgres(join(BIN, "initdb"), [
      "-D",
      data,
      "-U",
      "postgres",
      "--auth=trust",
      "--encoding=UTF8",
      "--no-locale",
      "--no-sync", // the cluster is thrown away; the server itself keeps fsync on
    ]);
    const conf = [
      `port = ${PG_PORT}`,
      `listen_addresses = '${HOST}'`,
      `unix_socket_directories = '${dir}'`,
      "max_connections = 300",
    ];
    appendFileSync(join(data, "postgresql.conf"), `${conf.join("\n")}\n`);
    const state: State = { dir, startedAt: new Date().toISOString() };
    writeFileSync(STATE, JSON.stringify(state));
    await asPostgres(join(BIN, "pg_ctl"), ["-D", data, "-l", join(dir, "log"), "-w", "-t", "60", "start"]);
    return { started: true };
  });
}

/**
 * Stops and deletes the cluster this harness started, if any; true if it did. A cluster that still
 * has clients after a short wait is left running: another test run or benchmark is using it (its own
 * end stops it).
 */
export async function stopPostgres(): Promise<boolean> {
  if (!existsSync(STATE)) return false;
  return withLock(async () => {
    if (!existsSync(STATE)) return false;
    if (await accepting()) {
      const idleBy = Date.now() + 3000;
      while ((await otherClients()) > 0) {
        if (Date.now() > idleBy) return false;
        await sleep(100);
      }
    }
    return removeStale();
  });
}

/**
 * A new empty database on the test cluster (started if need be), named after `label` (a test file
 * name, say) plus a random suffix; returns its URL.
 */
export async function testDatabase(label = "test"): Promise<string> {
  await ensurePostgres();
  const clean = label
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "_")
    .slice(0, 40);
  const name = `t_${clean}_${randomBytes(6).toString("hex")}`;
  const admin = new pg.Client({ connectionString: postgresUrl("postgres") });
  await admin.connect();
  try {
    await admin.query(`CREATE DATABASE "${name}"`);
  } finally {
    await admin.end();
  }
  return postgresUrl(name);
}

/** Vitest global teardown: stop the cluster at the end of the run. */
export async function teardown(): Promise<void> {
  await stopPostgres();
}

async function accepting(): Promise<boolean> {
  for (let attempt = 0; ; attempt++) {
    const client = new pg.Client({
      connectionString: postgresUrl("postgres"),
      connectionTimeoutMillis: 5000,
    });
    client.on("error", () => {});
    try {
      await client.connect();
      await client.query("SELECT 1");
      return true;
    } catch (error) {
      const code = (error as { code?: string }).code;
      if (code === "ECONNREFUSED") return false;
      // 57P03: the server is starting up or shutting down (another worker's pg_ctl is at work).
      if (code === "57P03" && attempt < 100) {
        await sleep(100);
        continue;
      }
      throw error;
    } finally {
      await client.end().catch(() => {});
    }
  }
}

/** Connections to the cluster other than the one asking. */
async function otherClients(): Promise<number> {
  const client = new pg.Client({ connectionString: postgresUrl("postgres") });
  client.on("error", () => {});
  await client.connect();
  try {
    const { rows } = await client.query<{ n: number }>(
      "SELECT count(*)::int AS n FROM pg_stat_activity WHERE backend_type = 'client backend' AND pid <> pg_backend_pid()",
    );
    return rows[0]?.n ?? 0;
  } finally {
    await client.end().catch(() => {});
  }
}

/** Stops the cluster named in the state file (if still running) and deletes its directory. */
async function removeStale(): Promise<boolean> {
  let state: State;
  try {
    state = JSON.parse(readFileSync(STATE, "utf8")) as State;
  } catch {
    return false;
  }
  const data = join(state.dir, "data");
  if (existsSync(join(data, "postmaster.pid")))
    await asPostgres(join(BIN, "pg_ctl"), ["-D", data, "-m", "immediate", "-w", "-t", "60", "stop"]).catch(
      () => {},
    );
  rmSync(state.dir, { recursive: true, force: true });
  rmSync(STATE, { force: true });
  return true;
}

/** Runs a command as the `postgres` OS user when we are root, else as ourselves. */
async function asPostgres(command: string, args: string[]): Promise<void> {
  const root = process.getuid?.() === 0;
  const [file, argv] = root ? ["runuser", ["-u", "postgres", "--", command, ...args]] : [command, args];
  try {
    await run(file, argv, { cwd: tmpdir(), timeout: 120_000 });
  } catch (error) {
    const e = error as { stderr?: string; stdout?: string; message: string };
    throw new Error(`${command} ${args.join(" ")} failed: ${e.stderr || e.stdout || e.message}`, {
      cause: error,
    });
  }
}

/** The `postgres` user's ids when running as root (the data dir must be theirs), else null. */
async function postgresIds(): Promise<{ uid: number; gid: number } | null> {
  if (process.getuid?.() !== 0) return null;
  const uid = Number((await run("id", ["-u", "postgres"])).stdout.trim());
  const gid = Number((await run("id", ["-g", "postgres"])).stdout.trim());
  return { uid, gid };
}

/** A lock across the test workers (threads or processes): a directory that only one can create. */
async function withLock<T>(work: () => Promise<T>): Promise<T> {
  for (;;) {
    try {
      mkdirSync(LOCK);
      break;
    } catch (error) {
      if ((error as { code?: string }).code !== "EEXIST") throw error;
      try {
        // A holder that died leaves the lock behind; starting a cluster takes a few seconds.
        if (Date.now() - statSync(LOCK).mtimeMs > 180_000) rmSync(LOCK, { recursive: true, force: true });
      } catch {}
      await sleep(50);
    }
  }
  try {
    return await work();
  } finally {
    rmSync(LOCK, { recursive: true, force: true });
  }
}

function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}
