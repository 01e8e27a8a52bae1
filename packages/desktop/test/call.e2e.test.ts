// @vitest-environment node
import { expect, it } from "vitest";
import {
  availability,
  buttonLabels,
  choose,
  controls,
  describeInChromium,
  docsScreenshot,
  ensureDir,
  eventually,
  receiveContact,
  signIn,
  signInAgent,
  startStation,
  waitValue,
  withDesks,
} from "./browser.ts";

describeInChromium("a call between two agents in Chromium, with a supervisor watching", (e) => {
  it("AGT-1 TMR-1 AGT-3 SUP-1 POP-1 POP-5 POP-9 SES-2 CALL-1 CALL-2 TMR-4 CNS-2 CNS-3 CNS-6 CNF-1 CNF-3 WRP-1 WRP-3 anna takes a call, holds, resumes, consults marcus, conferences, leaves; both wrap up while karin watches", {
    timeout: 60_000,
  }, async () => {
    await withDesks(e.browser, "call", async (open) => {
      const [anna, marcus, karin] = await Promise.all([open("anna"), open("marcus"), open("karin")]);
      const { t } = e;

      // The supervisor (also an agent) at her station; her board lists the team.
      await signInAgent(karin, t.url, "karin");
      const board = karin.getByRole("region", { name: "My teams" });
      const stateOf = (name: string) => board.getByLabel(`State of ${name}`, { exact: true });

      // AGT-1: anna starts Idle with the default reason and the timer from 00:00 (TMR-1).
      await signIn(anna, t.url, "anna");
      await startStation(anna);
      await waitValue(anna, "idle:not-ready");
      expect(await anna.getByRole("timer", { name: "Time in state" }).textContent()).toMatch(/^00:0\d$/);
      // SUP-1: karin sees anna signed in and Idle.
      await eventually(() => stateOf("Anna Lindqvist").inputValue()).toBe("idle:not-ready");

      // AGT-3: Available from the selector; anna first, so she is the longest available (RTE-1).
      await choose(anna, "Available", "available");
      await signInAgent(marcus, t.url, "marcus");
      await choose(marcus, "Available", "available");
      await eventually(() => stateOf("Anna Lindqvist").inputValue()).toBe("available");
      await eventually(() => stateOf("Marcus Berg").inputValue()).toBe("available");

      // POP-1: with her task list collapsed anna gets requests as popovers.
      await anna.getByRole("button", { name: "Collapse the task list" }).click();
      await receiveContact(
        t,
        "ep-support-line",
        { name: "Ada Lind", address: "+46701234567" },
        {
          customerId: "4711",
          caseNumber: "CS-1001",
          language: "sv",
          cardNumber: "4111111111111111",
        },
      );
      const popover = anna
        .getByRole("region", { name: "Contact requests" })
        .getByRole("article", { name: /Ada Lind/ });
      // POP-9: ringing on her browser device; POP-5: the configured variables, never the secure card.
      await popover.getByText(/Ringing/).waitFor();
      await eventually(() => popover.locator("dd").allTextContents()).toEqual(["4711", "CS-1001", "sv"]);
      expect(await popover.textContent()).not.toContain("4111");
      await popover.getByRole("button", { name: "Accept" }).click();

      // SES-2: the call opens its session, in front; the panel shows Connected (CALL-1).
      const sessions = anna.getByRole("navigation", { name: "Sessions" });
      await sessions.getByRole("button", { name: "Ada Lind", exact: true, pressed: true }).waitFor();
      await anna.getByText("Connected", { exact: true }).waitFor();
      // The buttons are exactly the server's allowed actions for anna.
      const annaApi = await t.as("anna");
      const actions = (await annaApi.call("getMe", {})).tasks[0]?.call?.actions ?? [];
      expect(actions).toEqual(expect.arrayContaining(["hold", "consult", "end"]));
      await eventually(() => controls(anna).allTextContents()).toEqual(buttonLabels(actions));
      // AGT-2, TMR-4: Engaged, and no state timer while engaged.
      await anna.getByText("Engaged", { exact: true }).waitFor();
      expect(await anna.getByRole("timer", { name: "Time in state" }).count()).toBe(0);
      // SUP-1: karin sees anna engaged with an active call.
      await expect
        .poll(() => board.getByRole("row", { name: /Anna Lindqvist/ }).textContent())
        .toMatch(/Engaged.*Call/);

      const shot = docsScreenshot();
      if (shot) {
        ensureDir(shot);
        await anna.getByRole("button", { name: "Expand the task list" }).click();
        await anna
          .getByRole("region", { name: "Tasks" })
          .getByRole("button", { name: /Ada Lind/ })
          .waitFor();
        await anna.screenshot({ path: shot });
        await anna.getByRole("button", { name: "Collapse the task list" }).click();
      }

      // CALL-2: on hold there is Resume and no End.
      await anna.getByRole("button", { name: "Hold" }).click();
      await anna.getByText("Call on hold", { exact: true }).waitFor();
      await eventually(() => controls(anna).allTextContents()).toContain("Resume");
      expect(await controls(anna).allTextContents()).not.toContain("End");
      await anna.getByRole("button", { name: "Resume" }).click();
      await anna.getByText("Connected", { exact: true }).waitFor();

      // CNS-2: the consult dialog lists marcus, Available, with a state icon.
      await anna.getByRole("button", { name: "Consult" }).click();
      const dialog = anna.getByRole("form", { name: "Consult" });
      const marcusChoice = dialog.getByRole("radio", { name: /Marcus Berg/ });
      await marcusChoice.waitFor();
      expect(await dialog.getByRole("img", { name: "Available" }).count()).toBeGreaterThan(0);
      await marcusChoice.check();
      await dialog.getByRole("button", { name: "Start consult" }).click();

      // CNS-3: the customer on hold, "Consult requested" for the consulted party.
      await anna.getByText(/Consult requested/).waitFor();
      await anna.getByText("Call on hold", { exact: true }).waitFor();

      // marcus accepts the consult; it shows in his active session (SES-2), Home.
      await marcus.getByRole("button", { name: "Accept consult" }).click();

      // CNS-6: two panels for anna: the customer on hold and marcus consulting.
      await anna
        .getByRole("region", { name: "Consulted party" })
        .getByText(/Consulting/)
        .waitFor();
      await expect
        .poll(() => controls(anna, "Consult controls").allTextContents())
        .toEqual(expect.arrayContaining(["End consult", "Transfer", "Conference"]));

      // CNF-1: the consult becomes a conference.
      await anna
        .getByRole("group", { name: "Consult controls" })
        .getByRole("button", { name: "Conference" })
        .click();
      await anna.getByText("Conference", { exact: true }).waitFor();
      // CNF-3: in a conference Transfer gives way to Leave conference.
      await eventually(() => controls(anna).allTextContents()).toContain("Leave conference");
      expect(await controls(anna).allTextContents()).not.toContain("Transfer");
      await eventually(() => controls(marcus).allTextContents()).toContain("Leave conference");

      // CNF-3: anna leaves; the call goes on with marcus, who now controls it; anna wraps up.
      await anna.getByRole("button", { name: "Leave conference" }).click();
      await anna.getByRole("radio", { name: "Resolved" }).check();
      await anna.getByRole("button", { name: "Submit wrap-up" }).click();
      await eventually(() => controls(marcus).allTextContents()).toContain("Hold");

      // marcus ends the call and wraps up (WRP-1); both are back to Available (WRP-3).
      await marcus.getByRole("button", { name: "End" }).click();
      await marcus.getByRole("searchbox", { name: "Search wrap-up reasons" }).fill("follow");
      await marcus.getByRole("radio", { name: "Follow-up" }).check();
      await marcus.getByRole("button", { name: "Submit wrap-up" }).click();
      await waitValue(marcus, "available");
      await waitValue(anna, "available");
      expect(await availability(anna).inputValue()).toBe("available");
      await anna.getByRole("timer", { name: "Time in state" }).waitFor();

      // SUP-1: karin sees both free again.
      await expect
        .poll(() => board.getByRole("row", { name: /Marcus Berg/ }).textContent())
        .not.toMatch(/Engaged/);
      await expect
        .poll(() => board.getByRole("row", { name: /Anna Lindqvist/ }).textContent())
        .not.toMatch(/Engaged/);
    });
  });
});
