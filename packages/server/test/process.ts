import { type ChildProcess, spawn } from "node:child_process";
import { fileURLToPath } from "node:url";

const MAIN = fileURLToPath(new URL("../src/main.ts", import.meta.url));

/** The server as its own process, as `npm start` runs it, so a test can kill it with SIGKILL. */
export class ServerProcess {
  private child: ChildProcess | null = null;
  output = "";

  constructor(
    readonly db: string,
    readonly port: number,
    private readonly env: Record<string, string> = {},
    /** Options for node itself, before the entry (a benchmark passes `--cpu-prof`). */
    private readonly nodeArgs: readonly string[] = [],
  ) {}

  get url(): string {
    return `http://127.0.0.1:${this.port}`;
  }

  /** The child's process id while it runs (a benchmark reads its CPU time from /proc). */
  get pid(): number | undefined {
    return this.child?.pid;
  }

  async start(): Promise<void> {
    this.child = spawn(process.execPath, [...this.nodeArgs, "--import", "tsx", MAIN], {
      env: {
        ...process.env,
        PARLEY_DB: this.db,
        PARLEY_PORT: String(this.port),
        PARLEY_HOST: "127.0.0.1",
        PARLEY_LOG_LEVEL: "warn",
        ...this.env,
      },
      stdio: ["ignore", "pipe", "pipe"],
    });
    this.child.stdout?.on("data", (d) => {
      this.output += String(d);
    });
    this.child.stderr?.on("data", (d) => {
      this.output += String(d);
    });
    const deadline = Date.now() + 30_000;
    while (Date.now() < deadline) {
      if (this.child.exitCode !== null)
        throw new Error(`server exited ${this.child.exitCode}:\n${this.output}`);
      const ok = await fetch(`${this.url}/healthz`).then(
        (r) => r.ok,
        () => false,
      );
      if (ok) return;
      await new Promise((r) => setTimeout(r, 100));
    }
    throw new Error(`server did not start:\n${this.output}`);
  }

  /** SIGKILL: no shutdown, no flush — whatever was not stored is lost. */
  async kill(): Promise<void> {
    await this.stop("SIGKILL");
  }

  async stop(signal: NodeJS.Signals = "SIGTERM"): Promise<void> {
    const child = this.child;
    if (!child || child.exitCode !== null) return;
    const exited = new Promise((r) => child.once("exit", r));
    child.kill(signal);
    await exited;
    this.child = null;
  }
}
