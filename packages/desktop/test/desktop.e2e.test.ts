// @vitest-environment node
import { existsSync, mkdirSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { type Browser, chromium, type Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startTestServer, type TestServer } from "../../server/test/harness.ts";
import { buildDesktop } from "./buildDesktop.ts";

/** Debian's Chromium (`apt-get install chromium`); `.ci/run` installs it. */
const CHROMIUM = "/usr/bin/chromium";
// The closed network refuses Chromium's own connections; these keep it from trying.
const FLAGS = [
  "--no-sandbox",
  "--disable-gpu",
  "--disable-quic",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
  "--no-first-run",
];
const RESULTS = join(process.cwd(), ".test-results");
const haveChromium = existsSync(CHROMIUM);

if (!haveChromium)
  describe("the Agent Desktop in Chromium", () => {
    it.skip(`skipped: no Chromium at ${CHROMIUM} — install it with 'apt-get install chromium'`, () => {});
  });

describe.skipIf(!haveChromium)(
  "the Agent Desktop in Chromium against a real server",
  { timeout: 90_000 },
  () => {
    let dist: string;
    let t: TestServer;
    let browser: Browser;

    beforeAll(async () => {
      mkdirSync(RESULTS, { recursive: true });
      dist = mkdtempSync(join(tmpdir(), "parley-desktop-"));
      await buildDesktop(dist);
      t = await startTestServer({ desktop: dist });
      browser = await chromium.launch({ executablePath: CHROMIUM, headless: true, args: FLAGS });
    }, 120_000);

    afterAll(async () => {
      await browser?.close();
      await t?.close();
      if (dist) rmSync(dist, { recursive: true, force: true });
    });

    /** Runs the steps; on a failure keeps a screenshot of the page in .test-results. */
    async function withScreenshot(page: Page, name: string, steps: () => Promise<void>) {
      try {
        await steps();
      } catch (e) {
        await page.screenshot({ path: join(RESULTS, `${name}-failure.png`), fullPage: true }).catch(() => {});
        throw e;
      }
    }

    const controls = (page: Page) => page.getByRole("group", { name: "Call controls" }).getByRole("button");

    it("AGT-1 TMR-1 AGT-3 RTE-2 POP-9 CALL-2 CALL-4 WRP-1 WRP-3 SES-2 anna signs in at a browser, goes Available, takes a call, holds, resumes, ends and wraps up", async () => {
      const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
      const page = await context.newPage();
      page.setDefaultTimeout(10_000);
      await withScreenshot(page, "desktop-call", async () => {
        await page.goto(t.url);
        await page.getByLabel("Tenant").fill("lumen");
        await page.getByLabel("User").fill("anna");
        await page.getByLabel("Password").fill("parley-demo");
        await page.getByRole("button", { name: "Sign in" }).click();

        // AGT-10: the station, here a browser in the support team.
        await page.getByLabel("Team").selectOption("support");
        await page.getByRole("radio", { name: "Browser" }).check();
        await page.getByRole("button", { name: "Start" }).click();

        // AGT-1: Idle with the default reason, the timer from 00:00 (TMR-1).
        const availability = page.getByLabel("Availability");
        await expect.poll(() => availability.inputValue()).toBe("idle:not-ready");
        expect(await page.getByRole("timer", { name: "Time in state" }).textContent()).toMatch(/^00:0\d$/);

        // AGT-3: Available from the selector; the screen follows the server.
        await availability.selectOption({ label: "Available" });
        await expect.poll(() => availability.inputValue()).toBe("available");

        // RTE-1: the channel adapter (the administrator lars) reports a call on the support line.
        const lars = await t.as("lars");
        await lars.call("receiveContact", {
          body: { entryPointId: "ep-support-line", customer: { name: "Ada Lind", address: "+46701234567" } },
        });

        // RTE-2, POP-9: the request rings in the task list once the desktop confirmed delivery.
        const offer = page.getByRole("article", { name: /Ada Lind/ });
        await offer.getByText(/Ringing/).waitFor();
        await offer.getByRole("button", { name: "Accept" }).click();

        // The panel's buttons are exactly the server's allowed actions for anna.
        await page.getByText("Connected", { exact: true }).waitFor();
        // SES-2: accepting the call opened its session, in front of Home.
        const sessionPanel = page.getByRole("navigation", { name: "Sessions" });
        await sessionPanel.getByRole("button", { name: "Ada Lind", exact: true, pressed: true }).waitFor();
        await page.screenshot({ path: join(RESULTS, "desktop-call.png") });
        const anna = await t.as("anna");
        const actions = (await anna.call("getMe", {})).tasks[0]?.call?.actions ?? [];
        expect(actions).toContain("hold");
        expect(actions).toContain("end");
        await expect.poll(() => controls(page).allTextContents()).toContain("End");
        const labels = await controls(page).allTextContents();
        expect(labels).toContain("Hold");
        expect(labels.length).toBe(actions.filter((a) => a !== "wrap_up").length);
        expect(await page.getByText("Engaged", { exact: true }).isVisible()).toBe(true);

        // CALL-2: on hold there is Resume and no End.
        await page.getByRole("button", { name: "Hold" }).click();
        await page.getByText("Call on hold").waitFor();
        await expect.poll(() => controls(page).allTextContents()).toContain("Resume");
        expect(await controls(page).allTextContents()).not.toContain("End");
        await page.getByRole("button", { name: "Resume" }).click();
        await page.getByText("Connected", { exact: true }).waitFor();

        // CALL-4, WRP-1: End brings the wrap-up reasons; submitting ends the interaction.
        await page.getByRole("button", { name: "End" }).click();
        await page.getByRole("radio", { name: "Resolved" }).check();
        await page.getByRole("button", { name: "Submit wrap-up" }).click();

        // WRP-3: back to Available, with the task list empty.
        await page.getByText(/No contacts yet/).waitFor();
        await expect.poll(() => availability.inputValue()).toBe("available");
        await page.screenshot({ path: join(RESULTS, "desktop.png") });
      });
      await context.close();
    });
  },
);
