// @vitest-environment node
import type { Page } from "playwright-core";
import { expect, it } from "vitest";
import {
  choose,
  controls,
  describeInChromium,
  eventually,
  type OpenDesk,
  signInAgent,
  takeCall,
  waitValue,
  withDesks,
} from "./browser.ts";

const ADA = { name: "Ada Lind", address: "+46701234567" };

/** The contact offered in the agent's task list: an article named by channel and customer. */
const offerOf = (page: Page, customer: string) =>
  page.getByRole("region", { name: "Tasks" }).getByRole("article", { name: new RegExp(customer) });

/** One button of a call's control group, by its exact name. */
const callButton = (page: Page, name: string, group = "Call controls") =>
  page.getByRole("group", { name: group }).getByRole("button", { name, exact: true });

/** Picks a reason and submits the wrap-up form; the agent is then back in the state she chose. */
async function wrapUp(page: Page, reason = "Resolved"): Promise<void> {
  await page.getByRole("radio", { name: reason }).check();
  await page.getByRole("button", { name: "Submit wrap-up" }).click();
  await page.getByRole("button", { name: "Submit wrap-up" }).waitFor({ state: "detached" });
}

/** anna and marcus signed in at browser stations in desktops of their own, both still Idle. */
async function twoAgents(open: OpenDesk, url: string): Promise<[Page, Page]> {
  const [anna, marcus] = await Promise.all([open("anna"), open("marcus")]);
  await signInAgent(anna, url, "anna");
  await signInAgent(marcus, url, "marcus");
  return [anna, marcus];
}

// Each flow on a server of its own: agents whose desktops closed are not left in the next one's routing.
describeInChromium("a blind transfer to an agent in Chromium", (e) => {
  it("XFR-1 XFR-2 XFR-4 WRP-2 WRP-3 anna transfers the call to marcus from the Transfer dialog's Agent tab; he accepts and goes on with the customer, she wraps up", {
    timeout: 60_000,
  }, async () => {
    await withDesks(e.browser, "transfer-blind", async (open) => {
      const { t } = e;
      const [anna, marcus] = await twoAgents(open, t.url);
      await waitValue(marcus, "idle:not-ready");
      await choose(anna, "Available", "available");
      const taskId = await takeCall(t, anna, ADA);

      // XFR-2: the Agent tab lists Available agents only; marcus is Idle, so nobody is listed.
      await callButton(anna, "Transfer").click();
      const dialog = anna.getByRole("form", { name: "Transfer" });
      await dialog.getByRole("tab", { name: "Agent" }).click();
      expect(await dialog.getByRole("tab", { name: "Agent" }).getAttribute("aria-selected")).toBe("true");
      await dialog.getByText("No agent can take the call now.").waitFor();
      expect(await dialog.getByRole("radio").count()).toBe(0);

      // Once he is Available, Reload lists him, with his state icon.
      await choose(marcus, "Available", "available");
      await dialog.getByRole("button", { name: "Reload" }).click();
      const marcusChoice = dialog.getByRole("radio", { name: /Marcus Berg/ });
      await marcusChoice.waitFor();
      expect(await dialog.getByRole("img", { name: "Available" }).count()).toBe(1);
      const submit = dialog.getByRole("button", { name: "Transfer call" });
      expect(await submit.isDisabled()).toBe(true);
      await marcusChoice.check();
      await submit.click();

      // XFR-4: anna leaves the call for wrap-up at once (WRP-2): no call controls any more.
      await anna.getByRole("button", { name: "Submit wrap-up" }).waitFor();
      await eventually(() => controls(anna).allTextContents()).toEqual([]);

      // XFR-1: marcus is offered the call, accepts, and is connected to the customer.
      const offer = offerOf(marcus, ADA.name);
      await offer.getByText(/Ringing/).waitFor();
      await offer.getByRole("button", { name: "Accept" }).click();
      await marcus.getByText("Connected", { exact: true }).waitFor();
      await eventually(() => controls(marcus).allTextContents()).toEqual(
        expect.arrayContaining(["Hold", "Transfer", "End"]),
      );
      // XFR-4: the call goes on between marcus and the customer, anna's leg gone.
      const call = (await (await t.as("marcus")).call("getTask", { params: { taskId }, query: {} })).call;
      expect(call?.owner).toBe(true);
      const up = call?.participants
        .filter((p) => p.leg.status === "connected")
        .map((p) => p.agentId ?? p.kind);
      expect(up?.sort()).toEqual(["customer", "marcus"]);

      // WRP-3: anna was Available before, so she is again after her wrap-up.
      await wrapUp(anna);
      await waitValue(anna, "available");
      expect(await marcus.getByText("Connected", { exact: true }).count()).toBe(1);

      // marcus ends the call; only he wraps it up now.
      await marcus.getByRole("button", { name: "End" }).click();
      await wrapUp(marcus);
      await waitValue(marcus, "available");
    });
  });
});

describeInChromium("a consult, then transfer, in Chromium", (e) => {
  it("XFR-1 XFR-4 CNS-6 anna consults marcus and transfers the call to him from the consult; he keeps the customer, she wraps up", {
    timeout: 60_000,
  }, async () => {
    await withDesks(e.browser, "transfer-consult", async (open) => {
      const { t } = e;
      const [anna, marcus] = await twoAgents(open, t.url);
      await choose(anna, "Available", "available");
      const taskId = await takeCall(t, anna, ADA);

      // A consult to marcus (Idle agents may be consulted, CNS-2), from the Agent tab.
      await anna.getByRole("button", { name: "Consult" }).click();
      const dialog = anna.getByRole("form", { name: "Consult" });
      await dialog.getByRole("tab", { name: "Agent" }).click();
      await dialog.getByRole("radio", { name: /Marcus Berg/ }).check();
      await dialog.getByRole("button", { name: "Start consult" }).click();
      await anna.getByText(/Consult requested/).waitFor();
      await marcus.getByRole("button", { name: "Accept consult" }).click();

      // CNS-6: once he is consulting, the consult leg has its own Transfer.
      await anna
        .getByRole("region", { name: "Consulted party" })
        .getByText(/Consulting/)
        .waitFor();
      await eventually(() => controls(anna, "Consult controls").allTextContents()).toContain("Transfer");
      await callButton(anna, "Transfer", "Consult controls").click();

      // XFR-4: anna goes to wrap-up; marcus has the customer, connected, with the primary's controls.
      await anna.getByRole("button", { name: "Submit wrap-up" }).waitFor();
      await eventually(() => controls(anna).allTextContents()).toEqual([]);
      await marcus.getByText("Connected", { exact: true }).waitFor();
      await eventually(() => controls(marcus).allTextContents()).toEqual(
        expect.arrayContaining(["Hold", "End"]),
      );
      expect(await marcus.getByRole("group", { name: "Consult controls" }).count()).toBe(0);
      const view = await (await t.as("marcus")).call("getTask", { params: { taskId }, query: {} });
      expect(view.role).toBe("owner");
      const up = view.call?.participants
        .filter((p) => p.leg.status === "connected")
        .map((p) => p.agentId ?? p.kind);
      expect(up?.sort()).toEqual(["customer", "marcus"]);

      await wrapUp(anna);
      await waitValue(anna, "available");

      // CALL-4: the End of the call is now marcus's, and so is its wrap-up.
      await marcus.getByRole("button", { name: "End" }).click();
      await wrapUp(marcus);
      expect(await marcus.getByRole("group", { name: "Call controls" }).count()).toBe(0);
      // WRP-3: he was Idle when consulted, and stays Idle.
      await waitValue(marcus, "idle:not-ready");
    });
  });
});

describeInChromium("a blind transfer the agent does not take, in Chromium", (e) => {
  it("XFR-3 XFR-4 marcus declines the transferred call: it is dropped, not queued again, and anna still wraps up", {
    timeout: 60_000,
  }, async () => {
    await withDesks(e.browser, "transfer-declined", async (open) => {
      const { t } = e;
      const [anna, marcus] = await twoAgents(open, t.url);
      await choose(anna, "Available", "available");
      const taskId = await takeCall(t, anna, ADA);
      await choose(marcus, "Available", "available");

      await callButton(anna, "Transfer").click();
      const dialog = anna.getByRole("form", { name: "Transfer" });
      await dialog.getByRole("radio", { name: /Marcus Berg/ }).check();
      await dialog.getByRole("button", { name: "Transfer call" }).click();
      await anna.getByRole("button", { name: "Submit wrap-up" }).waitFor();

      const offer = offerOf(marcus, ADA.name);
      await offer.getByRole("button", { name: "Decline" }).click();
      await offer.waitFor({ state: "detached" });

      // XFR-3: the contact is not back in its queue (it would be "queued"): only anna's wrap-up is
      // left of it, and nobody, the customer included, is on the call any more.
      const lars = await t.as("lars");
      await eventually(
        async () => (await lars.call("getTask", { params: { taskId }, query: {} })).status,
      ).toBe("wrapping");
      const annaView = await (await t.as("anna")).call("getTask", { params: { taskId }, query: {} });
      expect(annaView.call).toMatchObject({ main: { state: "wrap_up" }, participants: [] });
      // marcus is not offered it again, and is still Available.
      expect(await offerOf(marcus, ADA.name).count()).toBe(0);
      await waitValue(marcus, "available");

      await wrapUp(anna);
      await waitValue(anna, "available");
      await anna.getByText(/No contacts yet/).waitFor();
    });
  });
});
