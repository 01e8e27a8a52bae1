import { Counter, collectDefaultMetrics, Gauge, Histogram, Registry } from "prom-client";

/** What `/metrics` exposes to Prometheus. */
export class Metrics {
  readonly registry = new Registry();
  private readonly commands = new Counter({
    name: "parley_commands_total",
    help: "Commands decided, by type and outcome",
    labelNames: ["type", "outcome"],
    registers: [this.registry],
  });
  private readonly commandSeconds = new Histogram({
    name: "parley_command_seconds",
    help: "From a command's arrival to its events being stored",
    buckets: [0.0005, 0.001, 0.002, 0.005, 0.01, 0.02, 0.05, 0.1, 0.5],
    registers: [this.registry],
  });
  readonly events = new Counter({
    name: "parley_events_total",
    help: "Events stored",
    registers: [this.registry],
  });
  readonly offerSeconds = new Histogram({
    name: "parley_offer_push_seconds",
    help: "From an offer's creation to its frame leaving for the agent's socket",
    buckets: [0.0005, 0.001, 0.002, 0.005, 0.01, 0.02, 0.05, 0.1],
    registers: [this.registry],
  });
  readonly sockets = new Gauge({
    name: "parley_sockets",
    help: "Open event sockets",
    registers: [this.registry],
  });

  constructor() {
    collectDefaultMetrics({ register: this.registry });
  }

  command(type: string, ok: boolean, ms: number): void {
    this.commands.inc({ type, outcome: ok ? "accepted" : "rejected" });
    this.commandSeconds.observe(ms / 1000);
  }
}
