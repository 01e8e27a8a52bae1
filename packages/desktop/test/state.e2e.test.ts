// @vitest-environment node
import { expect, it } from "vitest";
import {
  availability,
  choose,
  describeInChromium,
  eventually,
  receiveContact,
  signInAgent,
  waitValue,
  withDesks,
} from "./browser.ts";

describeInChromium("RONA and reload in Chromium against a real server", (e) => {
  it("RTE-3 AGT-5 a missed call sets RONA with its popover; Go Available leaves it", {
    timeout: 30_000,
  }, async () => {
    await withDesks(e.browser, "rona", async (open) => {
      const { t } = e;
      // RTE-3: the offer timeout is configurable; two seconds for voice keeps the test short.
      const lars = await t.as("lars");
      const { config } = await lars.call("getConfig", {});
      const profile = config.profiles.find((p) => p.id === "support-blended");
      if (!profile) throw new Error("the demo tenant has no support-blended profile");
      await lars.call("putConfigItem", {
        params: { collection: "profiles", itemId: profile.id },
        body: { item: { ...profile, offerTimeoutSec: { ...profile.offerTimeoutSec, voice: 2 } } },
      });

      const anna = await open("anna");
      await signInAgent(anna, t.url, "anna");
      await choose(anna, "Available", "available");
      const taskId = await receiveContact(t, "ep-support-line", {
        name: "Dan Holm",
        address: "+46707654321",
      });
      await anna
        .getByRole("article", { name: /Dan Holm/ })
        .getByText(/Ringing/)
        .waitFor();

      // Not accepted in time: RONA, shown in the selector and as a popover (AGT-5).
      const rona = anna.getByRole("alertdialog", { name: "You missed a contact request" });
      await rona.waitFor({ timeout: 6_000 });
      await waitValue(anna, "rona");
      expect(await anna.getByRole("option", { name: "RONA" }).isDisabled()).toBe(true);
      await anna.getByRole("article", { name: /Dan Holm/ }).waitFor({ state: "detached" });
      // The focus is on Go Available, so Enter would choose it.
      await eventually(() =>
        rona.getByRole("button", { name: "Go Available" }).evaluate((b) => b === document.activeElement),
      ).toBe(true);

      // The caller gives up meanwhile, so nothing is offered again.
      await lars.call("customerLeft", { params: { taskId } });
      await rona.getByRole("button", { name: "Go Available" }).click();
      await waitValue(anna, "available");
      await rona.waitFor({ state: "detached" });
      await eventually(() => anna.getByRole("timer", { name: "Time in state" }).textContent()).toMatch(
        /^00:0\d$/,
      );
      // Leaves anna out of the next test's routing.
      await choose(anna, "Lunch", "idle:lunch");
    });
  });

  it("AGT-7 SES-9 a reload keeps the state, which is the server's, and only the Home session", {
    timeout: 30_000,
  }, async () => {
    await withDesks(e.browser, "reload", async (open) => {
      const { t } = e;
      const sofia = await open("sofia");
      await signInAgent(sofia, t.url, "sofia");
      await choose(sofia, "Available", "available");
      const timer = sofia.getByRole("timer", { name: "Time in state" });

      // AGT-7: no sign-in after a reload; still Available.
      await sofia.reload();
      await waitValue(sofia, "available");
      expect(await sofia.getByLabel("Password").count()).toBe(0);
      await timer.waitFor();

      // A chat accepted opens its session (SES-2)…
      await receiveContact(t, "ep-web-chat", { name: "Eva Nord", address: "eva@example.com" });
      await sofia
        .getByRole("article", { name: /Eva Nord/ })
        .getByRole("button", { name: "Accept" })
        .click();
      const sessions = sofia.getByRole("navigation", { name: "Sessions" });
      await sessions.getByRole("button", { name: "Eva Nord", exact: true, pressed: true }).waitFor();

      // …which a reload takes away (SES-9): the chat goes on in Home, the agent still Available and Engaged.
      await sofia.reload();
      await sofia.getByText("Engaged", { exact: true }).waitFor();
      expect(await availability(sofia).inputValue()).toBe("available");
      await eventually(() => sessions.locator("li").allTextContents()).toEqual([
        expect.stringContaining("Home"),
      ]);
      const home = sofia.getByRole("region", { name: "Handled in Home" });
      await home.getByRole("heading", { name: /Eva Nord/ }).waitFor();
      await home.getByRole("button", { name: "End" }).first().waitFor();
    });
  });
});
