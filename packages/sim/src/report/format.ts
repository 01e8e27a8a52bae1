import { dateLabel } from "./time.ts";
import { ALL_QUEUES, type Report, type ReportRow } from "./types.ts";

/** The service-level formula, as the table, the CSV's readers and the chart state it. */
export const SERVICE_LEVEL_FORMULA = "answered within threshold / (answered + abandoned after threshold)";

const round = (value: number, decimals: number) => {
  const f = 10 ** decimals;
  return Math.round(value * f) / f;
};

/** A row with its ratios and times rounded for writing: ratios to 4 decimals, seconds to 2. */
export function roundedRow(row: ReportRow) {
  return {
    queueId: row.queueId,
    queueName: row.queueName,
    interval: row.label,
    start: new Date(row.start).toISOString(),
    end: new Date(row.end).toISOString(),
    offered: row.offered,
    answered: row.answered,
    answeredInSL: row.answeredInSL,
    abandoned: row.abandoned,
    abandonedAfterSL: row.abandonedAfterSL,
    serviceLevel: row.serviceLevel === null ? null : round(row.serviceLevel, 4),
    asaSec: row.asaSec === null ? null : round(row.asaSec, 2),
    ahtSec: row.ahtSec === null ? null : round(row.ahtSec, 2),
    occupancy: row.occupancy === null ? null : round(row.occupancy, 4),
    agents: round(row.agents, 3),
    maxWaiting: row.maxWaiting,
  };
}

export type RoundedRow = ReturnType<typeof roundedRow>;

export const CSV_COLUMNS: readonly (keyof RoundedRow)[] = [
  "queueId",
  "queueName",
  "interval",
  "start",
  "end",
  "offered",
  "answered",
  "answeredInSL",
  "abandoned",
  "abandonedAfterSL",
  "serviceLevel",
  "asaSec",
  "ahtSec",
  "occupancy",
  "agents",
  "maxWaiting",
];

const csvField = (value: string | number | null): string => {
  if (value === null) return "";
  const text = String(value);
  return /[",\r\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
};

/**
 * One line per queue and interval, then one per queue for the whole range (`interval` = `total`);
 * the all-queues lines have queueId `*`. Empty fields are figures with nothing to average.
 * RFC 4180: comma-separated, CRLF line ends, quoted where needed.
 */
export function toCsv(report: Report): string {
  const lines = [CSV_COLUMNS.join(",")];
  for (const row of [...report.rows, ...report.totals]) {
    const r = roundedRow(row);
    lines.push(CSV_COLUMNS.map((c) => csvField(r[c])).join(","));
  }
  return `${lines.join("\r\n")}\r\n`;
}

/** The report as a JSON document: the range, the definitions, the queues, rows, totals and the waiting per minute. */
export function toJson(report: Report): string {
  const doc = {
    tenant: report.tenant,
    startAt: new Date(report.startAt).toISOString(),
    endAt: new Date(report.endAt).toISOString(),
    rangeStart: new Date(report.rangeStart).toISOString(),
    rangeEnd: new Date(report.rangeEnd).toISOString(),
    intervalMin: report.intervalMin,
    timeZone: report.timeZone,
    serviceLevelTarget: report.serviceLevelTarget,
    definitions: {
      serviceLevel: SERVICE_LEVEL_FORMULA,
      answeredAndAbandoned: "counted in the interval the contact entered the queue",
      asaSec: "mean wait of the answered contacts, entering the queue to an agent accepting",
      ahtSec: "mean connected + wrap-up time of the owner parts wrapped up",
      occupancy:
        "busy / (busy + available) time of the agents serving the queue (logged in to one of its teams, with a profile that takes its channel); busy = at least one accepted task, available = Available without one",
      agents: "mean agents serving the queue logged in",
      maxWaiting: "most contacts queued at once (not ringing at an agent)",
    },
    queues: report.queues,
    rows: report.rows.map(roundedRow),
    totals: report.totals.map(roundedRow),
    waitingPerMinute: report.waitingPerMinute,
  };
  return `${JSON.stringify(doc, null, 2)}\n`;
}

export interface TableOptions {
  /** Leave out intervals with no contact, no agent logged in and nobody waiting. Default true. */
  readonly skipEmpty?: boolean;
}

const COLUMNS: readonly { title: string; cell: (r: ReportRow, target: number) => string }[] = [
  { title: "Interval", cell: (r) => r.label },
  { title: "Offered", cell: (r) => String(r.offered) },
  { title: "Answered", cell: (r) => String(r.answered) },
  { title: "Abandoned", cell: (r) => String(r.abandoned) },
  {
    title: "SL %",
    cell: (r, target) =>
      r.serviceLevel === null
        ? "-"
        : `${(r.serviceLevel * 100).toFixed(1)}${r.serviceLevel < target - 1e-9 ? "*" : " "}`,
  },
  { title: "ASA s", cell: (r) => (r.asaSec === null ? "-" : r.asaSec.toFixed(1)) },
  { title: "AHT s", cell: (r) => (r.ahtSec === null ? "-" : r.ahtSec.toFixed(0)) },
  { title: "Occ %", cell: (r) => (r.occupancy === null ? "-" : (r.occupancy * 100).toFixed(1)) },
  { title: "Agents", cell: (r) => r.agents.toFixed(1) },
  { title: "Max waiting", cell: (r) => String(r.maxWaiting) },
];

const isEmpty = (r: ReportRow) => r.offered === 0 && r.agents === 0 && r.maxWaiting === 0;

/** The report as fixed-width text: a block per queue (and one for all queues when there are several). */
export function formatTable(report: Report, options: TableOptions = {}): string {
  const skipEmpty = options.skipEmpty ?? true;
  const target = report.serviceLevelTarget;
  const first = dateLabel(report.rangeStart, report.timeZone);
  const last = dateLabel(report.rangeEnd - 1, report.timeZone);
  const days = first === last ? first : `${first} – ${last}`;
  const out: string[] = [
    `${report.tenant} — ${days}, ${report.intervalMin}-minute intervals, times ${report.timeZone}`,
    `Service level = ${SERVICE_LEVEL_FORMULA}; target ${pct(target)}.`,
    "Answered and abandoned contacts count in the interval they arrived in.",
  ];
  const ids = [...report.queues.map((q) => q.id), ...(report.queues.length > 1 ? [ALL_QUEUES] : [])];
  let skipped = false;
  let missed = false;
  for (const id of ids) {
    const queue = report.queues.find((q) => q.id === id);
    const total = report.totals.find((r) => r.queueId === id);
    if (!total) continue;
    const rows = report.rows.filter((r) => r.queueId === id && !(skipEmpty && isEmpty(r)));
    skipped ||= rows.length < report.rows.filter((r) => r.queueId === id).length;
    const cells = [...rows, total].map((r) => COLUMNS.map((c) => c.cell(r, target)));
    missed ||= cells.some((line) => (line[4] ?? "").endsWith("*"));
    const widths = COLUMNS.map((c, i) =>
      Math.max(c.title.length, ...cells.map((line) => (line[i] ?? "").length)),
    );
    const line = (values: readonly string[]) =>
      values
        .map((v, i) => (i === 0 ? v.padEnd(widths[i] ?? 0) : v.padStart(widths[i] ?? 0)))
        .join("  ")
        .trimEnd();
    out.push("");
    out.push(
      queue
        ? `${queue.name} (${queue.id}, ${queue.channel}) — service level threshold ${queue.serviceLevelSec} s`
        : "All queues",
    );
    out.push(line(COLUMNS.map((c) => c.title)));
    out.push(line(widths.map((w) => "-".repeat(w))));
    for (const [i, values] of cells.entries()) {
      if (i === cells.length - 1) out.push(line(widths.map((w) => "-".repeat(w))));
      out.push(line(values));
    }
  }
  out.push("");
  if (missed) out.push(`* below the ${pct(target)} service-level target`);
  if (skipped) out.push("Intervals with no contacts, no agents and nobody waiting are left out.");
  return `${out.join("\n").trimEnd()}\n`;
}

const pct = (ratio: number) => `${Number((ratio * 100).toFixed(1))}%`;
