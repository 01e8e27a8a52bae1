import { SERVICE_LEVEL_FORMULA } from "./format.ts";
import { clockLabel, dateLabel, floorToWall } from "./time.ts";
import { ALL_QUEUES, type Report, type ReportRow } from "./types.ts";

export interface ChartOptions {
  /**
   * `all`: one panel for all queues together; `each`: a panel per queue; `both` (the default): the
   * all-queues panel, then one per queue — just the queue's when there is only one.
   */
  readonly panels?: "all" | "each" | "both";
  /** Drawing width in pixels. Default 1100. */
  readonly width?: number;
}

const HOUR = 3_600_000;
const MINUTE = 60_000;
const FONT = "system-ui, -apple-system, 'Segoe UI', Roboto, 'Helvetica Neue', Arial, sans-serif";
const COLOR = {
  text: "#1f2328",
  muted: "#59636e",
  grid: "#e6e8eb",
  axis: "#8c959f",
  sl: "#1f5fbf",
  target: "#cf222e",
  miss: "#cf222e",
  waitingFill: "#f0a33a",
  waitingLine: "#d9820f",
};

/** Escapes text for XML content and attribute values. */
export function xmlEscape(text: string): string {
  return text
    .replaceAll("&", "&amp;")
    .replaceAll("<", "&lt;")
    .replaceAll(">", "&gt;")
    .replaceAll('"', "&quot;")
    .replaceAll("'", "&apos;");
}

const n = (v: number) => String(Math.round(v * 10) / 10);

/** 1, 2 or 5 times a power of ten: the first such step that covers `max` in at most `ticks` steps. */
function niceStep(max: number, ticks: number): number {
  const raw = Math.max(max, 1) / ticks;
  const power = 10 ** Math.floor(Math.log10(raw));
  for (const m of [1, 2, 5, 10]) if (m * power >= raw) return Math.max(1, m * power);
  return Math.max(1, 10 * power);
}

const isQuiet = (r: ReportRow) => r.offered === 0 && r.agents === 0 && r.maxWaiting === 0;

/** The part of the range worth drawing: from the hour before the first busy interval to the hour after the last. */
function shownRange(report: Report): [number, number] {
  const all = report.rows.filter((r) => r.queueId === ALL_QUEUES && !isQuiet(r));
  const first = all[0];
  const last = all[all.length - 1];
  if (!first || !last) return [report.rangeStart, report.rangeEnd];
  const from = Math.max(report.rangeStart, floorToWall(first.start, HOUR, report.timeZone));
  let to = floorToWall(last.end, HOUR, report.timeZone);
  if (to < last.end) to += HOUR;
  return [from, Math.min(report.rangeEnd, Math.max(to, from + HOUR))];
}

interface Frame {
  readonly left: number;
  readonly top: number;
  readonly width: number;
  readonly height: number;
  readonly from: number;
  readonly to: number;
}

const PANEL_HEIGHT = 330;
const PLOT_TOP = 58;
const PLOT_HEIGHT = 210;
const MARGIN_LEFT = 70;
const MARGIN_RIGHT = 70;
const HEADER_HEIGHT = 92;

/**
 * The day as an SVG document: per panel, the service level per interval (a line, with the target
 * as a dashed line and intervals below it shaded) over the contacts waiting (an area: the most
 * queued at once in each minute, or each few minutes over a long range), hours along the bottom. Plain SVG 1.1 text, no script, no
 * external resources: it opens in any browser.
 */
export function renderChart(report: Report, options: ChartOptions = {}): string {
  const width = options.width ?? 1100;
  const panels = options.panels ?? "both";
  const several = report.queues.length > 1;
  const ids = [
    ...(panels !== "each" && (several || panels === "all") ? [ALL_QUEUES] : []),
    ...(panels === "all" && several ? [] : report.queues.map((q) => q.id)),
  ];
  const [from, to] = shownRange(report);
  const height = HEADER_HEIGHT + ids.length * PANEL_HEIGHT - 16;
  const target = report.serviceLevelTarget;
  const day =
    dateLabel(report.rangeStart, report.timeZone) === dateLabel(report.rangeEnd - 1, report.timeZone)
      ? dateLabel(report.rangeStart, report.timeZone)
      : `${dateLabel(report.rangeStart, report.timeZone)} – ${dateLabel(report.rangeEnd - 1, report.timeZone)}`;
  const title = `${report.tenant} — service level and waiting contacts, ${day}`;
  const plotWidth = width - MARGIN_LEFT - MARGIN_RIGHT;
  const stepMin = waitingStep(to - from, plotWidth, report.intervalMin);

  const out: string[] = [
    `<?xml version="1.0" encoding="UTF-8"?>`,
    `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}" role="img" aria-label="${xmlEscape(title)}" font-family="${FONT}" font-size="12" fill="${COLOR.text}">`,
    `<title>${xmlEscape(title)}</title>`,
    `<desc>${xmlEscape(`Service level = ${SERVICE_LEVEL_FORMULA}, per ${report.intervalMin}-minute interval by the contacts' arrival, against a ${pct(target)} target. Waiting contacts: the most queued at once in each ${stepMin === 1 ? "minute" : `${stepMin} minutes`}. Times ${report.timeZone}.`)}</desc>`,
    `<rect class="background" x="0" y="0" width="${width}" height="${height}" fill="#ffffff"/>`,
    `<text x="${MARGIN_LEFT}" y="32" font-size="19" font-weight="600">${xmlEscape(title)}</text>`,
    `<text x="${MARGIN_LEFT}" y="52" fill="${COLOR.muted}">${xmlEscape(`${report.intervalMin}-minute intervals, times ${report.timeZone}. Service level = ${SERVICE_LEVEL_FORMULA}.`)}</text>`,
    legend(MARGIN_LEFT, 76, target, stepMin),
  ];
  for (const [i, id] of ids.entries()) {
    const frame: Frame = {
      left: MARGIN_LEFT,
      top: HEADER_HEIGHT + i * PANEL_HEIGHT + PLOT_TOP,
      width: plotWidth,
      height: PLOT_HEIGHT,
      from,
      to,
    };
    out.push(panel(report, id, frame, stepMin));
  }
  out.push("</svg>");
  return `${out.join("\n")}\n`;
}

const pct = (ratio: number) => `${Number((ratio * 100).toFixed(1))}%`;

/**
 * Minutes per step of the waiting area: the shortest of 1, 2, 5, 10, 15 and 30 (at most the
 * interval) that is at least 3 px wide, so a day reads as a shape rather than as needles.
 */
function waitingStep(spanMs: number, plotWidth: number, intervalMin: number): number {
  const minutes = spanMs / MINUTE;
  for (const m of [1, 2, 5, 10, 15, 30]) if (m >= intervalMin || (m / minutes) * plotWidth >= 3) return m;
  return intervalMin;
}

function legend(x: number, y: number, target: number, stepMin: number): string {
  const items: [string, string][] = [
    [
      `<line x1="0" y1="0" x2="24" y2="0" stroke="${COLOR.sl}" stroke-width="2.5"/><circle cx="12" cy="0" r="3.5" fill="#ffffff" stroke="${COLOR.sl}" stroke-width="2"/>`,
      "Service level per interval",
    ],
    [
      `<line x1="0" y1="0" x2="24" y2="0" stroke="${COLOR.target}" stroke-width="1.5" stroke-dasharray="6 4"/>`,
      `Target ${pct(target)}`,
    ],
    [
      `<rect x="0" y="-7" width="24" height="14" fill="${COLOR.miss}" fill-opacity="0.09"/>`,
      "Interval below target",
    ],
    [
      `<rect x="0" y="-7" width="24" height="14" fill="${COLOR.waitingFill}" fill-opacity="0.45" stroke="${COLOR.waitingLine}"/>`,
      `Waiting contacts (most at once per ${stepMin === 1 ? "minute" : `${stepMin} minutes`})`,
    ],
  ];
  const parts: string[] = [];
  let dx = 0;
  for (const [mark, label] of items) {
    parts.push(`<g transform="translate(${dx},0)">${mark}<text x="32" y="4">${xmlEscape(label)}</text></g>`);
    dx += 32 + label.length * 6.2 + 22;
  }
  return `<g class="legend" transform="translate(${x},${y})">${parts.join("")}</g>`;
}

function panel(report: Report, id: string, f: Frame, stepMin: number): string {
  const queue = report.queues.find((q) => q.id === id);
  const rows = report.rows.filter((r) => r.queueId === id && r.end > f.from && r.start < f.to);
  const total = report.totals.find((r) => r.queueId === id);
  const waiting = report.waitingPerMinute[id] ?? [];
  const target = report.serviceLevelTarget;
  const x = (t: number) => f.left + ((t - f.from) / (f.to - f.from)) * f.width;
  const ySl = (v: number) => f.top + f.height - v * f.height;
  // The most waiting in each step of `stepMin` minutes; steps start on the range's boundaries.
  const firstStep = Math.max(0, Math.floor((f.from - report.rangeStart) / (stepMin * MINUTE)));
  const lastStep = Math.min(
    Math.ceil(waiting.length / stepMin),
    Math.ceil((f.to - report.rangeStart) / (stepMin * MINUTE)),
  );
  const shown: number[] = [];
  for (let k = firstStep; k < lastStep; k++)
    shown.push(Math.max(0, ...waiting.slice(k * stepMin, (k + 1) * stepMin)));
  const step = niceStep(Math.max(1, ...shown), 4);
  const wMax = Math.max(step, Math.ceil(Math.max(1, ...shown) / step) * step);
  const yW = (v: number) => f.top + f.height - (v / wMax) * f.height;
  const bottom = f.top + f.height;
  const right = f.left + f.width;
  const out: string[] = [`<g class="panel" data-queue="${xmlEscape(id)}">`];

  // Heading: the queue and its day in one line of figures.
  const name = queue ? `${queue.name} — answered within ${queue.serviceLevelSec} s` : "All queues";
  out.push(
    `<text x="${f.left}" y="${n(f.top - 26)}" font-size="15" font-weight="600">${xmlEscape(name)}</text>`,
  );
  if (total) {
    const figures = [
      `offered ${total.offered}`,
      `answered ${total.answered}`,
      `abandoned ${total.abandoned}`,
      `service level ${total.serviceLevel === null ? "–" : pct(total.serviceLevel)}`,
      `ASA ${total.asaSec === null ? "–" : `${total.asaSec.toFixed(1)} s`}`,
      `occupancy ${total.occupancy === null ? "–" : pct(total.occupancy)}`,
    ].join("  ·  ");
    out.push(`<text x="${f.left}" y="${n(f.top - 9)}" fill="${COLOR.muted}">${xmlEscape(figures)}</text>`);
  }

  // Intervals below target, behind everything.
  for (const r of rows)
    if (r.serviceLevel !== null && r.serviceLevel < target - 1e-9) {
      const x0 = x(Math.max(r.start, f.from));
      const x1 = x(Math.min(r.end, f.to));
      out.push(
        `<rect class="below-target" x="${n(x0)}" y="${f.top}" width="${n(x1 - x0)}" height="${f.height}" fill="${COLOR.miss}" fill-opacity="0.09"/>`,
      );
    }

  // Grid and axes: service level on the left, waiting contacts on the right, hours along the bottom.
  const grid: string[] = [];
  for (let v = 0; v <= 100; v += 20) {
    const y = n(ySl(v / 100));
    grid.push(`<line x1="${f.left}" y1="${y}" x2="${right}" y2="${y}" stroke="${COLOR.grid}"/>`);
    grid.push(
      `<text x="${f.left - 8}" y="${n(ySl(v / 100) + 4)}" text-anchor="end" fill="${COLOR.sl}">${v}%</text>`,
    );
  }
  for (let v = 0; v <= wMax; v += step)
    grid.push(
      `<text x="${right + 8}" y="${n(yW(v) + 4)}" fill="${COLOR.waitingLine}">${v}</text>`,
      `<line x1="${right}" y1="${n(yW(v))}" x2="${right + 4}" y2="${n(yW(v))}" stroke="${COLOR.axis}"/>`,
    );
  const hours = Math.round((f.to - f.from) / HOUR);
  const labelEvery = hours <= 14 ? 1 : hours <= 28 ? 2 : Math.ceil(hours / 14);
  let tick = floorToWall(f.from, HOUR, report.timeZone);
  if (tick < f.from) tick += HOUR;
  for (let k = 0; tick <= f.to; tick += HOUR, k++) {
    const xt = n(x(tick));
    grid.push(`<line x1="${xt}" y1="${f.top}" x2="${xt}" y2="${bottom}" stroke="${COLOR.grid}"/>`);
    grid.push(`<line x1="${xt}" y1="${bottom}" x2="${xt}" y2="${bottom + 5}" stroke="${COLOR.axis}"/>`);
    if (k % labelEvery === 0)
      grid.push(
        `<text class="hour" x="${xt}" y="${bottom + 19}" text-anchor="middle" fill="${COLOR.muted}">${clockLabel(tick, report.timeZone)}</text>`,
      );
  }
  out.push(`<g class="grid">${grid.join("")}</g>`);
  out.push(
    `<text transform="translate(${f.left - 48},${n(f.top + f.height / 2)}) rotate(-90)" text-anchor="middle" fill="${COLOR.sl}">Service level</text>`,
    `<text transform="translate(${right + 48},${n(f.top + f.height / 2)}) rotate(90)" text-anchor="middle" fill="${COLOR.waitingLine}">Waiting contacts</text>`,
  );

  // Waiting contacts: a step area over the minutes.
  const area: string[] = [`M${n(x(f.from))},${bottom}`];
  let last = -1;
  for (let i = 0; i < shown.length; i++) {
    const v = shown[i] ?? 0;
    if (v === last) continue;
    const t = report.rangeStart + (firstStep + i) * stepMin * MINUTE;
    const xt = n(x(Math.max(t, f.from)));
    if (last >= 0) area.push(`L${xt},${n(yW(last))}`);
    area.push(`L${xt},${n(yW(v))}`);
    last = v;
  }
  area.push(`L${n(x(f.to))},${n(yW(Math.max(last, 0)))}`, `L${n(x(f.to))},${bottom}`, "Z");
  out.push(
    `<path class="waiting-area" d="${area.join(" ")}" fill="${COLOR.waitingFill}" fill-opacity="0.45" stroke="${COLOR.waitingLine}" stroke-width="1" stroke-linejoin="round"/>`,
  );

  // Target, then the service level per interval at the interval's middle; no line across gaps.
  out.push(
    `<line class="target-line" x1="${f.left}" y1="${n(ySl(target))}" x2="${right}" y2="${n(ySl(target))}" stroke="${COLOR.target}" stroke-width="1.5" stroke-dasharray="6 4"/>`,
  );
  const segments: string[][] = [];
  let current: string[] = [];
  const dots: string[] = [];
  for (const r of rows) {
    if (r.serviceLevel === null) {
      if (current.length > 0) segments.push(current);
      current = [];
      continue;
    }
    const xm = n(x((Math.max(r.start, f.from) + Math.min(r.end, f.to)) / 2));
    const y = n(ySl(r.serviceLevel));
    current.push(`${xm},${y}`);
    dots.push(
      `<circle cx="${xm}" cy="${y}" r="3" fill="#ffffff" stroke="${COLOR.sl}" stroke-width="1.75"><title>${xmlEscape(`${r.label}: ${pct(r.serviceLevel)} (${r.answeredInSL} of ${r.answered + r.abandonedAfterSL})`)}</title></circle>`,
    );
  }
  if (current.length > 0) segments.push(current);
  for (const points of segments)
    if (points.length > 1)
      out.push(
        `<polyline class="sl-line" points="${points.join(" ")}" fill="none" stroke="${COLOR.sl}" stroke-width="2.25" stroke-linejoin="round" stroke-linecap="round"/>`,
      );
  out.push(`<g class="sl-points">${dots.join("")}</g>`);
  out.push(
    `<rect class="plot-frame" x="${f.left}" y="${f.top}" width="${f.width}" height="${f.height}" fill="none" stroke="${COLOR.axis}"/>`,
  );
  out.push("</g>");
  return out.join("\n");
}
