import { describe, expect, it } from "vitest";
import {
  buildReport,
  CSV_COLUMNS,
  formatTable,
  renderChart,
  toCsv,
  toJson,
  xmlEscape,
} from "../src/report/index.ts";
import { at, CONFIG, scriptedDay } from "./reportFixtures.ts";

const day = scriptedDay();
const input = { config: CONFIG, events: day.events, startAt: at("08:00:00"), endAt: at("09:00:00") };
const report = buildReport(input);

/** An XML element as a strict little parser reads it: enough to prove the SVG well-formed. */
interface XmlElement {
  readonly name: string;
  readonly attrs: Record<string, string>;
  readonly children: XmlElement[];
  text: string;
}

const ENTITIES: Record<string, string> = { amp: "&", lt: "<", gt: ">", quot: '"', apos: "'" };

function decode(raw: string, where: number): string {
  if (raw.includes("<")) throw new Error(`"<" in text or attribute near ${where}`);
  return raw.replace(/&([^;]*);?/g, (whole, name: string) => {
    if (!whole.endsWith(";")) throw new Error(`unterminated entity near ${where}`);
    if (name in ENTITIES) return ENTITIES[name] as string;
    if (/^#\d+$/.test(name)) return String.fromCodePoint(Number(name.slice(1)));
    if (/^#x[0-9a-f]+$/i.test(name)) return String.fromCodePoint(Number.parseInt(name.slice(2), 16));
    throw new Error(`unknown entity &${name}; near ${where}`);
  });
}

/** Parses a whole document: prolog, one root element, nothing after it; throws on anything malformed. */
function parseXml(src: string): XmlElement {
  let i = 0;
  const ws = () => {
    while (/\s/.test(src[i] ?? "")) i++;
  };
  const name = () => {
    const m = /^[A-Za-z_:][\w:.-]*/.exec(src.slice(i));
    if (!m) throw new Error(`expected a name at ${i}`);
    i += m[0].length;
    return m[0];
  };
  const element = (): XmlElement => {
    if (src[i] !== "<") throw new Error(`expected "<" at ${i}`);
    i++;
    const el: XmlElement = { name: name(), attrs: {}, children: [], text: "" };
    for (;;) {
      ws();
      if (src.startsWith("/>", i)) {
        i += 2;
        return el;
      }
      if (src[i] === ">") {
        i++;
        break;
      }
      const attr = name();
      if (attr in el.attrs) throw new Error(`duplicate attribute ${attr} at ${i}`);
      ws();
      if (src[i] !== "=") throw new Error(`expected "=" at ${i}`);
      i++;
      ws();
      const quote = src[i];
      if (quote !== '"' && quote !== "'") throw new Error(`unquoted attribute ${attr} at ${i}`);
      const end = src.indexOf(quote, i + 1);
      if (end < 0) throw new Error(`unterminated attribute ${attr}`);
      el.attrs[attr] = decode(src.slice(i + 1, end), i);
      i = end + 1;
    }
    for (;;) {
      const next = src.indexOf("<", i);
      if (next < 0) throw new Error(`<${el.name}> is never closed`);
      el.text += decode(src.slice(i, next), i);
      i = next;
      if (src.startsWith("</", i)) {
        i += 2;
        const closing = name();
        if (closing !== el.name) throw new Error(`</${closing}> closes <${el.name}> at ${i}`);
        ws();
        if (src[i] !== ">") throw new Error(`expected ">" at ${i}`);
        i++;
        return el;
      }
      if (src.startsWith("<!--", i)) {
        const end = src.indexOf("-->", i);
        if (end < 0) throw new Error("unterminated comment");
        i = end + 3;
        continue;
      }
      el.children.push(element());
    }
  };
  if (src.startsWith("<?xml")) i = src.indexOf("?>") + 2;
  ws();
  const root = element();
  ws();
  if (i !== src.length) throw new Error(`content after the root element at ${i}`);
  return root;
}

const all = (el: XmlElement): XmlElement[] => [el, ...el.children.flatMap(all)];
const byClass = (el: XmlElement, cls: string) => all(el).filter((e) => e.attrs.class === cls);

describe("report outputs", () => {
  it("writes CSV: a header, a line per queue and interval, then the totals, RFC 4180 quoting", () => {
    const quoted = buildReport({
      ...input,
      config: {
        ...CONFIG,
        queues: CONFIG.queues.map((q, i) => (i === 0 ? { ...q, name: 'Support, "voice"' } : q)),
      },
    });
    const csv = toCsv(quoted);
    expect(csv.endsWith("\r\n")).toBe(true);
    const lines = csv.trimEnd().split("\r\n");
    expect(lines[0]).toBe(CSV_COLUMNS.join(","));
    expect(lines).toHaveLength(1 + quoted.rows.length + quoted.totals.length);
    expect(lines[1]).toBe(
      'q-support,"Support, ""voice""",08:00,2026-11-02T08:00:00.000Z,2026-11-02T08:30:00.000Z,7,5,4,2,1,0.6667,19,190,0.2222,2,2',
    );
    // Nothing to average: empty fields.
    expect(lines[2]).toBe(
      'q-support,"Support, ""voice""",08:30,2026-11-02T08:30:00.000Z,2026-11-02T09:00:00.000Z,0,0,0,0,0,,,,0.05,2,0',
    );
    expect(lines.at(-1)).toBe(
      "*,All queues,total,2026-11-02T08:00:00.000Z,2026-11-02T09:00:00.000Z,8,6,5,2,1,0.7143,20,213.33,0.1643,2.417,2",
    );
  });

  it("writes JSON with the range, the definitions, the queues, rows, totals and the waiting per minute", () => {
    const doc = JSON.parse(toJson(report));
    expect(Object.keys(doc)).toEqual([
      "tenant",
      "startAt",
      "endAt",
      "rangeStart",
      "rangeEnd",
      "intervalMin",
      "timeZone",
      "serviceLevelTarget",
      "definitions",
      "queues",
      "rows",
      "totals",
      "waitingPerMinute",
    ]);
    expect(doc).toMatchObject({
      tenant: "Acme & Co <test>",
      startAt: "2026-11-02T08:00:00.000Z",
      intervalMin: 30,
      timeZone: "UTC",
      serviceLevelTarget: 0.8,
      queues: [
        { id: "q-support", name: "Support voice", channel: "voice", serviceLevelSec: 20 },
        { id: "q-sales", name: "Sales voice", channel: "voice", serviceLevelSec: 30 },
      ],
    });
    expect(doc.definitions.serviceLevel).toBe(
      "answered within threshold / (answered + abandoned after threshold)",
    );
    expect(doc.rows).toHaveLength(6);
    expect(Object.keys(doc.rows[0])).toEqual([...CSV_COLUMNS]);
    expect(doc.rows[1]).toMatchObject({
      interval: "08:30",
      serviceLevel: null,
      asaSec: null,
      occupancy: 0.05,
    });
    expect(doc.totals[2]).toMatchObject({ queueId: "*", offered: 8, serviceLevel: 0.7143, asaSec: 20 });
    expect(doc.waitingPerMinute["q-support"].slice(0, 5)).toEqual([0, 1, 1, 2, 1]);
  });

  it("prints a fixed-width table per queue, marks misses of the target and leaves quiet intervals out", () => {
    const table = formatTable(report);
    const lines = table.split("\n");
    expect(lines[0]).toBe("Acme & Co <test> — 2026-11-02, 30-minute intervals, times UTC");
    expect(table).toContain("Support voice (q-support, voice) — service level threshold 20 s");
    expect(lines).toContain(
      "08:00           7         5          2  66.7*   19.0    190   22.2     2.0            2",
    );
    expect(lines).toContain(
      "total           8         6          2   71.4*   20.0    213   16.4     2.4            2",
    );
    expect(table).toContain("* below the 80% service-level target");
    // Sales had nothing in 08:00: left out unless asked for.
    const salesBlock = table.slice(table.indexOf("Sales voice"), table.indexOf("All queues"));
    expect(salesBlock).not.toMatch(/^08:00/m);
    const full = formatTable(report, { skipEmpty: false });
    const fullSales = full.slice(full.indexOf("Sales voice"), full.indexOf("All queues"));
    expect(fullSales).toMatch(/^08:00 +0 +0 +0 +- +- +- +- +0\.0 +0$/m);
    // Every line of a block is as wide as its header.
    const header = lines.find((l) => l.startsWith("Interval")) ?? "";
    const block = lines.slice(lines.indexOf(header), lines.indexOf(header) + 6);
    for (const l of block) expect(l.length).toBe(header.length);
  });

  it("draws a well-formed SVG: panels for all queues and each queue, with SL line, target and waiting area", () => {
    const svg = renderChart(report);
    const root = parseXml(svg);
    expect(root.name).toBe("svg");
    expect(root.attrs).toMatchObject({ xmlns: "http://www.w3.org/2000/svg", width: "1100" });
    expect(root.children.find((c) => c.name === "title")?.text).toBe(
      "Acme & Co <test> — service level and waiting contacts, 2026-11-02",
    );
    const panels = byClass(root, "panel");
    expect(panels.map((p) => p.attrs["data-queue"])).toEqual(["*", "q-support", "q-sales"]);
    for (const p of panels) {
      expect(byClass(p, "target-line")).toHaveLength(1);
      expect(byClass(p, "waiting-area")).toHaveLength(1);
      expect(byClass(p, "hour").map((h) => h.text)).toEqual(["08:00", "09:00"]);
    }
    // All queues: two intervals with a service level, joined by one line; support has one point only.
    const [allPanel, supportPanel] = panels;
    expect(byClass(allPanel as XmlElement, "sl-line")[0]?.attrs.points?.split(" ")).toHaveLength(2);
    expect(byClass(supportPanel as XmlElement, "sl-line")).toHaveLength(0);
    expect(all(supportPanel as XmlElement).filter((e) => e.name === "circle")).toHaveLength(1);
    expect(byClass(supportPanel as XmlElement, "below-target")).toHaveLength(1);
    // The target line sits at 80% of the plot's height; the frame says where the plot is.
    const frame = byClass(supportPanel as XmlElement, "plot-frame")[0]?.attrs ?? {};
    const target = byClass(supportPanel as XmlElement, "target-line")[0]?.attrs ?? {};
    const top = Number(frame.y);
    const height = Number(frame.height);
    expect(Number(target.y1)).toBeCloseTo(top + height * 0.2, 1);
    // The waiting area reaches the top of its scale (2 contacts) in the minute 08:03.
    const d = byClass(supportPanel as XmlElement, "waiting-area")[0]?.attrs.d ?? "";
    const ys = [...d.matchAll(/[ML][\d.]+,([\d.]+)/g)].map((m) => Number(m[1]));
    expect(Math.min(...ys)).toBeCloseTo(top, 1);
    expect(Math.max(...ys)).toBeCloseTo(top + height, 1);
  });

  it("draws one panel for a single queue, or only the all-queues panel when asked", () => {
    const one = buildReport({ ...input, config: { ...CONFIG, queues: CONFIG.queues.slice(0, 1) } });
    expect(byClass(parseXml(renderChart(one)), "panel").map((p) => p.attrs["data-queue"])).toEqual([
      "q-support",
    ]);
    expect(
      byClass(parseXml(renderChart(report, { panels: "all" })), "panel").map((p) => p.attrs["data-queue"]),
    ).toEqual(["*"]);
    expect(
      byClass(parseXml(renderChart(report, { panels: "each" })), "panel").map((p) => p.attrs["data-queue"]),
    ).toEqual(["q-support", "q-sales"]);
  });

  it("escapes text for XML", () => {
    expect(xmlEscape(`a<b & "c" 'd'>`)).toBe("a&lt;b &amp; &quot;c&quot; &apos;d&apos;&gt;");
    expect(() => parseXml("<svg><g></svg>")).toThrow();
    expect(() => parseXml("<svg>a & b</svg>")).toThrow();
  });
});
