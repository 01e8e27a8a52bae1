// @vitest-environment node
import { expect, it } from "vitest";
import {
  choose,
  describeInChromium,
  receiveContact,
  seriousViolations,
  signIn,
  startStation,
  withDesks,
} from "./browser.ts";

describeInChromium("accessibility of the desktop in Chromium (axe-core)", (e) => {
  it("the sign-in, station, workspace with a call and supervisor screens have no serious or critical violations", {
    timeout: 30_000,
  }, async () => {
    await withDesks(e.browser, "a11y", async (open) => {
      const { t } = e;
      const karin = await open("karin");
      const found: Record<string, unknown> = {};

      await karin.goto(t.url);
      await karin.getByRole("button", { name: "Sign in" }).waitFor();
      found.signIn = await seriousViolations(karin);

      await signIn(karin, t.url, "karin");
      await karin.getByRole("button", { name: "Start" }).waitFor();
      found.station = await seriousViolations(karin);

      // karin is a supervisor and an agent: her workspace with a call has her teams' board too.
      await startStation(karin);
      await choose(karin, "Available", "available");
      await receiveContact(
        t,
        "ep-support-line",
        { name: "Ada Lind", address: "+46701234567" },
        {
          customerId: "4711",
          caseNumber: "CS-1001",
        },
      );
      await karin
        .getByRole("article", { name: /Ada Lind/ })
        .getByRole("button", { name: "Accept" })
        .click();
      await karin.getByText("Connected", { exact: true }).waitFor();
      const board = karin.getByRole("region", { name: "My teams" });
      await board
        .getByRole("row", { name: /Karin Holm/ })
        .getByText("Engaged")
        .waitFor();
      found.workspace = await seriousViolations(karin);

      // The consult dialog and the customer's card, opened over the call.
      await karin.getByRole("button", { name: "Consult" }).click();
      await karin.getByRole("form", { name: "Consult" }).waitFor();
      found.consult = await seriousViolations(karin);
      await karin.getByRole("button", { name: "Cancel" }).click();

      // Wrap-up and the supervisor's board on its own.
      await karin.getByRole("button", { name: "End" }).click();
      await karin.getByRole("button", { name: "Submit wrap-up" }).waitFor();
      found.wrapUp = await seriousViolations(karin);
      await board.scrollIntoViewIfNeeded();
      found.supervisor = await seriousViolations(karin);

      expect(found).toEqual({
        signIn: [],
        station: [],
        workspace: [],
        consult: [],
        wrapUp: [],
        supervisor: [],
      });
    });
  });
});
