// @vitest-environment node
import type { Page } from "playwright-core";
import { expect, it } from "vitest";
import { choose, describeInChromium, eventually, signInAgent, takeCall, withDesks } from "./browser.ts";

const ADA = { name: "Ada Lind", address: "+46701234567" };
/** What the support line's IVR collected: Case and the secure Card are the editable ones. */
const IVR = { customerId: "4711", caseNumber: "CS-1001", language: "sv", cardNumber: "4111111111111111" };

/** The call data form of the agent's interaction panel. */
const callData = (page: Page) => page.getByRole("form", { name: "Call data" });
const field = (page: Page, label: string) =>
  callData(page).getByRole("textbox", { name: label, exact: true });
const button = (page: Page, name: string) => callData(page).getByRole("button", { name, exact: true });

describeInChromium("call-associated data on one agent's call, in Chromium", (e) => {
  it("CALL-6 CALL-7 anna changes the Case, reverts to the saved value, saves; the secure Card has a lock and stays masked until fetched again", {
    timeout: 60_000,
  }, async () => {
    await withDesks(e.browser, "call-data", async (open) => {
      const { t } = e;
      const anna = await open("anna");
      const api = await t.as("anna");
      await signInAgent(anna, t.url, "anna");
      await choose(anna, "Available", "available");
      const taskId = await takeCall(t, anna, ADA, IVR);
      const saved = async (name: string) =>
        (await api.call("getTask", { params: { taskId }, query: {} })).variables.find((v) => v.name === name);

      // CALL-6: Case is editable; Customer ID is not, and reads as text.
      const caseField = field(anna, "Case");
      await eventually(() => caseField.inputValue()).toBe("CS-1001");
      expect(await callData(anna).getByRole("textbox", { name: "Customer ID" }).count()).toBe(0);
      await callData(anna).getByText("4711", { exact: true }).waitFor();
      expect(await button(anna, "Save").isDisabled()).toBe(true);
      expect(await button(anna, "Revert").isDisabled()).toBe(true);

      // Revert drops what was typed: the saved value is back and the server was never told.
      await caseField.fill("CS-2002");
      expect(await button(anna, "Save").isEnabled()).toBe(true);
      await button(anna, "Revert").click();
      await eventually(() => caseField.inputValue()).toBe("CS-1001");
      expect(await button(anna, "Revert").isDisabled()).toBe(true);
      expect(await saved("caseNumber")).toMatchObject({ value: "CS-1001", version: 1 });

      // Save: the server has the new value, one version up.
      await caseField.fill("CS-2002");
      await button(anna, "Save").click();
      await callData(anna).getByRole("status").getByText("Saved.").waitFor();
      expect(await saved("caseNumber")).toMatchObject({ value: "CS-2002", version: 2 });
      await eventually(() => caseField.inputValue()).toBe("CS-2002");

      // Revert goes back to the last saved value, not to the IVR's.
      await caseField.fill("CS-3003");
      await button(anna, "Revert").click();
      await eventually(() => caseField.inputValue()).toBe("CS-2002");

      // At most 256 characters.
      await caseField.fill("x".repeat(300));
      expect((await caseField.inputValue()).length).toBe(256);
      await button(anna, "Revert").click();

      // CALL-7: the Card shows a lock and six stars, as text: a mask is not a value to edit and save
      // back. The number is nowhere on the page.
      const cardTerm = callData(anna).getByRole("term").filter({ hasText: /^Card/ });
      expect(await cardTerm.getByRole("img", { name: "Secure value" }).count()).toBe(1);
      expect(await callData(anna).getByRole("img", { name: "Secure value" }).count()).toBe(1);
      await callData(anna).getByText("******", { exact: true }).waitFor();
      const card = field(anna, "Card");
      expect(await card.count()).toBe(0);
      expect(await anna.content()).not.toContain(IVR.cardNumber);
      expect(await saved("cardNumber")).toMatchObject({
        value: "******",
        masked: "secure",
        revealable: true,
      });
      // Fetched again on request, it shows, and can be edited.
      await callData(anna).getByRole("button", { name: "Click to retry: show Card" }).click();
      await eventually(() => card.inputValue()).toBe(IVR.cardNumber);
      expect(await callData(anna).getByText("******", { exact: true }).count()).toBe(0);
      expect(await cardTerm.getByRole("img", { name: "Secure value" }).count()).toBe(1);
    });
  });
});

describeInChromium("call-associated data between two agents, in Chromium", (e) => {
  it("CALL-9 CALL-8 CNF-1 marcus, consulted, only reads and sees anna's save after a refresh; in the conference both edit the Case, anna saves first and marcus is told his value was replaced", {
    timeout: 60_000,
  }, async () => {
    await withDesks(e.browser, "call-data-two", async (open) => {
      const { t } = e;
      const [anna, marcus] = await Promise.all([open("anna"), open("marcus")]);
      await signInAgent(anna, t.url, "anna");
      await signInAgent(marcus, t.url, "marcus");
      await choose(anna, "Available", "available");
      const taskId = await takeCall(t, anna, ADA, IVR);

      await anna.getByRole("button", { name: "Consult" }).click();
      const dialog = anna.getByRole("form", { name: "Consult" });
      await dialog.getByRole("radio", { name: /Marcus Berg/ }).check();
      await dialog.getByRole("button", { name: "Start consult" }).click();
      await marcus.getByRole("button", { name: "Accept consult" }).click();
      await anna
        .getByRole("region", { name: "Consulted party" })
        .getByText(/Consulting/)
        .waitFor();

      // CALL-9: the consulted agent reads the call data but has no field to edit and no Save.
      await callData(marcus).getByText("Read only: a consulted agent cannot edit call data.").waitFor();
      await callData(marcus).getByText("CS-1001", { exact: true }).waitFor();
      expect(await callData(marcus).getByRole("textbox").count()).toBe(0);
      expect(await button(marcus, "Save").count()).toBe(0);

      // anna saves; marcus's Refresh shows her value.
      await field(anna, "Case").fill("CS-2002");
      await button(anna, "Save").click();
      await callData(anna).getByRole("status").getByText("Saved.").waitFor();
      // Her field shows the server's value again, version 2: what her next edit is typed over.
      await eventually(() => field(anna, "Case").inputValue()).toBe("CS-2002");
      await button(marcus, "Refresh").click();
      await callData(marcus).getByText("CS-2002", { exact: true }).waitFor();

      // In a conference marcus edits too (CNF-1).
      await anna
        .getByRole("group", { name: "Consult controls" })
        .getByRole("button", { name: "Conference" })
        .click();
      await anna.getByText("Conference", { exact: true }).waitFor();
      const marcusCase = field(marcus, "Case");
      await eventually(() => marcusCase.inputValue()).toBe("CS-2002");
      expect(
        await callData(marcus)
          .getByText(/Read only/)
          .count(),
      ).toBe(0);

      // CALL-8: both type over version 2; anna saves first and wins.
      await marcusCase.fill("CS-MARCUS");
      await field(anna, "Case").fill("CS-ANNA");
      await button(anna, "Save").click();
      await callData(anna).getByRole("status").getByText("Saved.").waitFor();
      // marcus's draft stands until he saves: the first save does not silently overwrite his typing.
      expect(await marcusCase.inputValue()).toBe("CS-MARCUS");
      await button(marcus, "Save").click();
      await callData(marcus)
        .getByRole("status")
        .getByText("Case was saved by another agent first: your value “CS-MARCUS” was replaced by “CS-ANNA”.")
        .waitFor();
      await eventually(() => marcusCase.inputValue()).toBe("CS-ANNA");
      expect(await callData(marcus).getByText("Saved.", { exact: true }).count()).toBe(0);
      const view = await (await t.as("anna")).call("getTask", { params: { taskId }, query: {} });
      expect(view.variables.find((v) => v.name === "caseNumber")).toMatchObject({
        value: "CS-ANNA",
        version: 3,
      });
      await eventually(() => field(anna, "Case").inputValue()).toBe("CS-ANNA");
    });
  });
});
