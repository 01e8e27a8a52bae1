import { createHash } from "node:crypto";
import {
  existsSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  renameSync,
  rmSync,
  statSync,
  utimesSync,
} from "node:fs";
import { createRequire } from "node:module";
import { dirname, join, relative, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { type Browser, type BrowserContext, chromium, type Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startTestServer, type TestServer } from "../../server/test/harness.ts";
import { en } from "../src/i18n/en.ts";
import { buildDesktop } from "./buildDesktop.ts";

/**
 * What the end-to-end tests (`*.e2e.test.ts`) share: one build of the desktop per change of its
 * sources, a real server serving it, Debian's Chromium, signing in, and screenshots of every page
 * of a test that fails.
 */

/** Debian's Chromium (`apt-get install chromium`); `.ci/run` installs it. */
export const CHROMIUM = "/usr/bin/chromium";
export const haveChromium = existsSync(CHROMIUM);
// The closed network refuses Chromium's own connections; these keep it from trying (../shared/DESIGN.md).
const FLAGS = [
  "--no-sandbox",
  "--disable-gpu",
  "--disable-quic",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
  "--no-first-run",
];
const ROOT = fileURLToPath(new URL("../../../", import.meta.url));
export const RESULTS = join(ROOT, ".test-results");
export const PASSWORD = "parley-demo";

// ── The build, once per content ────────────────────────────────────────────────────────────────

/** What goes into the bundle: the desktop's sources and the workspace packages it bundles. */
const SOURCES = [
  "packages/desktop/src",
  "packages/desktop/index.html",
  "packages/desktop/vite.config.ts",
  "packages/desktop/package.json",
  "packages/protocol/src",
  "packages/sdk/src",
  "packages/engine/src",
  "package-lock.json",
];
const CACHE = join(ROOT, "node_modules", ".cache", "parley-desktop-e2e");
const KEEP_OLD_BUILD_MS = 60 * 60_000;

function filesOf(path: string): string[] {
  if (!existsSync(path)) return [];
  if (!statSync(path).isDirectory()) return [path];
  return readdirSync(path, { withFileTypes: true })
    .sort((a, b) => a.name.localeCompare(b.name))
    .flatMap((e) => (/\.test\.tsx?$/.test(e.name) ? [] : filesOf(join(path, e.name))));
}

/** A hash of every file the build reads, by path and content. */
export function sourceHash(): string {
  const hash = createHash("sha256");
  for (const file of SOURCES.flatMap((s) => filesOf(join(ROOT, s)))) {
    hash.update(relative(ROOT, file));
    hash.update("\0");
    hash.update(readFileSync(file));
    hash.update("\0");
  }
  return hash.digest("hex").slice(0, 16);
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/**
 * The desktop built from the sources as they are, in a folder kept by their hash: the first test
 * file to ask builds (the others wait on its lock), later runs reuse it until a source changes.
 */
export async function desktopBuild(): Promise<string> {
  mkdirSync(CACHE, { recursive: true });
  for (;;) {
    const hash = sourceHash();
    const dir = join(CACHE, hash);
    if (existsSync(join(dir, "index.html"))) {
      // Marks it in use: other builds are deleted an hour after they were last used (below).
      try {
        utimesSync(dir, new Date(), new Date());
        return dir;
      } catch {
        continue; // deleted meanwhile: build it again
      }
    }
    const lock = `${dir}.lock`;
    try {
      mkdirSync(lock);
    } catch {
      // Another test file is building; a lock left by a killed run is taken over after a minute.
      const since = statSync(lock, { throwIfNoEntry: false })?.mtimeMs ?? Date.now();
      if (Date.now() - since > 60_000) rmSync(lock, { recursive: true, force: true });
      await sleep(200);
      continue;
    }
    try {
      const tmp = `${dir}.tmp-${process.pid}`;
      await buildDesktop(tmp);
      // A source changed while it built (someone is editing): build again from the new sources.
      if (sourceHash() !== hash) {
        rmSync(tmp, { recursive: true, force: true });
        continue;
      }
      // Other builds go an hour after they were built or last used, not at once: a server that another
      // test file or run started on one may still be serving it, and its pages would come up blank.
      for (const old of readdirSync(CACHE)) {
        const built = statSync(join(CACHE, old), { throwIfNoEntry: false })?.mtimeMs ?? 0;
        if (!old.startsWith(hash) && Date.now() - built > KEEP_OLD_BUILD_MS)
          rmSync(join(CACHE, old), { recursive: true, force: true });
      }
      renameSync(tmp, dir);
      return dir;
    } finally {
      rmSync(lock, { recursive: true, force: true });
    }
  }
}

// ── Server and browser ─────────────────────────────────────────────────────────────────────────

export interface E2E {
  readonly t: TestServer;
  readonly browser: Browser;
  close(): Promise<void>;
}

/** A fresh server with the demo tenant serving the desktop, and a headless Chromium. */
export async function startE2E(): Promise<E2E> {
  mkdirSync(RESULTS, { recursive: true });
  const [desktop, browser] = await Promise.all([
    desktopBuild(),
    chromium.launch({ executablePath: CHROMIUM, headless: true, args: FLAGS }),
  ]);
  const t = await startTestServer({ desktop });
  return {
    t,
    browser,
    async close() {
      await browser.close();
      await t.close();
    },
  };
}

/**
 * A suite against a fresh server in Chromium: started before its tests, closed after them. `e` is
 * read from inside tests only. Without Chromium the suite shows as one skipped test that says why.
 */
export function describeInChromium(title: string, suite: (e: E2E) => void): void {
  if (!haveChromium) {
    describe(title, () => {
      it.skip(`skipped: no Chromium at ${CHROMIUM} — install it with 'apt-get install chromium'`, () => {});
    });
    return;
  }
  describe(title, () => {
    let started: E2E | undefined;
    const running = (): E2E => {
      if (!started) throw new Error("the end-to-end server is not running");
      return started;
    };
    beforeAll(async () => {
      started = await startE2E();
    }, 60_000);
    afterAll(async () => {
      await started?.close();
    });
    suite({
      get t() {
        return running().t;
      },
      get browser() {
        return running().browser;
      },
      close: () => running().close(),
    });
  });
}

/** Opens pages, each in a browser context of its own (its own session storage: its own desktop). */
export type OpenDesk = (label: string) => Promise<Page>;

/**
 * Runs a test's steps with the pages they open. If a step fails, every page is saved as
 * `.test-results/<name>-<label>-failure.png` before the error goes on; the contexts close either way.
 */
export async function withDesks(
  browser: Browser,
  name: string,
  steps: (open: OpenDesk) => Promise<void>,
): Promise<void> {
  const contexts: BrowserContext[] = [];
  const pages: [string, Page][] = [];
  try {
    await steps(async (label) => {
      const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
      contexts.push(context);
      const page = await context.newPage();
      page.setDefaultTimeout(8_000);
      pages.push([label, page]);
      return page;
    });
  } catch (e) {
    await Promise.all(
      pages.map(([label, page]) =>
        page
          .screenshot({ path: join(RESULTS, `${name}-${label}-failure.png`), fullPage: true })
          .catch(() => {}),
      ),
    );
    throw e;
  } finally {
    await Promise.all(contexts.map((c) => c.close().catch(() => {})));
  }
}

// ── Steps every flow takes ─────────────────────────────────────────────────────────────────────

export async function signIn(page: Page, url: string, user: string): Promise<void> {
  await page.goto(url);
  await page.getByLabel("Tenant").fill("lumen");
  await page.getByLabel("User").fill(user);
  await page.getByLabel("Password").fill(PASSWORD);
  await page.getByRole("button", { name: "Sign in" }).click();
}

/** AGT-10: the station, a browser in the given team. */
export async function startStation(page: Page, team = "support"): Promise<void> {
  await page.getByLabel("Team").selectOption(team);
  await page.getByRole("radio", { name: "Browser" }).check();
  await page.getByRole("button", { name: "Start" }).click();
  await page.getByLabel("Availability").waitFor();
}

/** Signs in, starts a browser station and waits for the workspace. */
export async function signInAgent(page: Page, url: string, user: string, team = "support"): Promise<void> {
  await signIn(page, url, user);
  await startStation(page, team);
}

export const availability = (page: Page) => page.getByLabel("Availability");

/** Chooses a state in the header and waits until the server's state shows it. */
export async function choose(page: Page, label: string, value: string): Promise<void> {
  await availability(page).selectOption({ label });
  await waitValue(page, value);
}

/** Waits until the header's selector shows this state (the server's, read back). */
export async function waitValue(page: Page, value: string): Promise<void> {
  await page.waitForFunction(
    (v) => (document.querySelector("header.topbar select") as HTMLSelectElement | null)?.value === v,
    value,
  );
}

/** The buttons of a call's control group ("Call controls" or "Consult controls"). */
export const controls = (page: Page, group = "Call controls") =>
  page.getByRole("group", { name: group }).getByRole("button");

/** `expect.poll` with the patience of a page (its own default is one second). */
export const eventually = <T>(read: () => Promise<T> | T) =>
  expect.poll(read, { timeout: 8_000, interval: 100 });

/** The labels of a call's buttons for the server's allowed actions, in English (the default). */
export const buttonLabels = (actions: readonly string[]): string[] =>
  actions.flatMap((a) => {
    const label = (en as Record<string, string>)[`action.${a}`];
    return label && a !== "wrap_up" ? [label] : [];
  });

/** RTE-1: the channel adapter (the administrator lars) reports a contact at an entry point. */
export async function receiveContact(
  t: TestServer,
  entryPointId: string,
  customer: { name?: string; address?: string },
  variables?: Record<string, string>,
): Promise<string> {
  const lars = await t.as("lars");
  const out = await lars.call("receiveContact", {
    body: { entryPointId, customer, ...(variables ? { variables } : {}) },
  });
  for (const e of out.events)
    if ("taskId" in e.data && typeof e.data.taskId === "string") return e.data.taskId;
  throw new Error("the contact got no task id");
}

/**
 * RTE-1, POP-9: a call from this customer at the support line, accepted from the agent's task
 * list (so she must be the one it is offered to); waits until her panel shows it Connected.
 * Gives the call's task id.
 */
export async function takeCall(
  t: TestServer,
  page: Page,
  customer: { name: string; address: string },
  variables?: Record<string, string>,
): Promise<string> {
  const taskId = await receiveContact(t, "ep-support-line", customer, variables);
  await page
    .getByRole("region", { name: "Tasks" })
    .getByRole("article", { name: new RegExp(customer.name) })
    .getByRole("button", { name: "Accept" })
    .click();
  await page.getByText("Connected", { exact: true }).waitFor();
  return taskId;
}

// ── Accessibility ─────────────────────────────────────────────────────────────────────────────

const AXE = join(dirname(createRequire(import.meta.url).resolve("axe-core/package.json")), "axe.min.js");

export interface AxeViolation {
  readonly id: string;
  readonly impact: string | null;
  readonly help: string;
  readonly nodes: readonly string[];
}

/**
 * Runs axe-core (injected into the page from node_modules: nothing is fetched) on what the page
 * shows now, and gives back the serious and critical violations, each with the elements it found.
 */
export async function seriousViolations(page: Page): Promise<AxeViolation[]> {
  if (!(await page.evaluate(() => "axe" in window))) await page.addScriptTag({ path: AXE });
  return page.evaluate(async () => {
    const axe = (window as unknown as { axe: { run(ctx: Document, o: object): Promise<AxeResults> } }).axe;
    const results = await axe.run(document, { resultTypes: ["violations"] });
    return results.violations
      .filter((v) => v.impact === "serious" || v.impact === "critical")
      .map((v) => ({
        id: v.id,
        impact: v.impact,
        help: v.help,
        nodes: v.nodes.map((n) => `${n.target.join(" ")}: ${n.failureSummary ?? ""}`),
      }));
  });
}

interface AxeResults {
  violations: {
    id: string;
    impact: string | null;
    help: string;
    nodes: { target: string[]; failureSummary?: string }[];
  }[];
}

/** `PARLEY_SCREENSHOT=docs/desktop.png`: where the run saves the README's screenshot; unset, none. */
export function docsScreenshot(): string | null {
  const path = process.env.PARLEY_SCREENSHOT;
  return path ? resolve(ROOT, path) : null;
}

export function ensureDir(file: string): void {
  mkdirSync(dirname(file), { recursive: true });
}
