// @vitest-environment node
import type { Locator, Page } from "playwright-core";
import { expect, it } from "vitest";
import { choose, describeInChromium, eventually, signInAgent, takeCall, withDesks } from "./browser.ts";

const ADA = { name: "Ada Lind", address: "+46701234567" };
const ZONE = "Europe/Stockholm";
const DAY = 86_400_000;

/** The calendar date `days` from now in `ZONE`, as a date field takes it (`YYYY-MM-DD`). */
const dateIn = (days: number) =>
  new Intl.DateTimeFormat("en-CA", {
    timeZone: ZONE,
    year: "numeric",
    month: "2-digit",
    day: "2-digit",
  }).format(Date.now() + days * DAY);

/** What the field's error says: the text its `aria-describedby` points at, or null when it has none. */
const messageOf = (field: Locator) =>
  field.evaluate((el) => {
    const id = el.getAttribute("aria-describedby");
    return id ? (document.getElementById(id)?.textContent ?? null) : null;
  });

/** The fields of the callbacks dialog's form, by their labels. */
function form(dialog: Locator) {
  return {
    number: dialog.getByLabel("Customer number", { exact: true }),
    name: dialog.getByLabel("Customer name", { exact: true }),
    date: dialog.getByLabel("Date", { exact: true }),
    from: dialog.getByLabel("Call between", { exact: true }),
    to: dialog.getByLabel("and", { exact: true }),
    zone: dialog.getByLabel("Time zone", { exact: true }),
    reason: dialog.getByLabel("Reason", { exact: true }),
  };
}

const callbacksDialog = (page: Page) => page.getByRole("dialog", { name: "Callbacks" });

describeInChromium("callbacks scheduled and managed in Chromium", (e) => {
  it("CB-4 CB-5 CB-6 from an active call anna schedules a callback for herself: mistakes show by field, then it is listed in Manage, edited and deleted", {
    timeout: 60_000,
  }, async () => {
    await withDesks(e.browser, "callbacks", async (open) => {
      const { t } = e;
      const anna = await open("anna");
      const api = await t.as("anna");
      await signInAgent(anna, t.url, "anna");
      await choose(anna, "Available", "available");
      await takeCall(t, anna, ADA);

      // CB-4: from the active call, the dialog opens on Schedule with the caller prefilled.
      await anna.getByRole("button", { name: "Schedule a callback for this customer" }).click();
      const dialog = callbacksDialog(anna);
      const schedule = dialog.getByRole("tab", { name: "Schedule" });
      expect(await schedule.getAttribute("aria-selected")).toBe("true");
      const f = form(dialog);
      expect(await f.number.inputValue()).toBe(ADA.address);
      expect(await f.name.inputValue()).toBe(ADA.name);

      // An invalid form: every mistake is named at its field, and nothing is sent.
      await f.number.fill("12ab");
      await f.name.fill("Al");
      await dialog.getByRole("button", { name: "Schedule callback" }).click();
      await eventually(() => messageOf(f.number)).toBe(
        "Enter 7 to 15 characters: digits with the country code; spaces, - , and . may separate them.",
      );
      expect(await f.number.getAttribute("aria-invalid")).toBe("true");
      expect(await messageOf(f.name)).toBe("Enter a name of 3 to 250 characters.");
      expect(await messageOf(f.date)).toBe("Enter a valid date.");
      expect(await messageOf(f.from)).toBe("Enter a time as HH:MM.");
      expect(await messageOf(f.to)).toBe("Enter a time as HH:MM.");
      expect(await messageOf(f.reason)).toBeNull();
      expect((await api.call("listCallbacks", {})).callbacks).toEqual([]);

      // Fixed one by one; a window that ends before it starts, then one too far ahead.
      await f.number.fill("+46 70-123.4567");
      await f.name.fill("Ada Lind");
      await f.zone.selectOption(ZONE);
      await f.date.fill(dateIn(2));
      await f.from.fill("12:00");
      await f.to.fill("10:00");
      await eventually(() => messageOf(f.number)).toBeNull();
      expect(await messageOf(f.name)).toBeNull();
      expect(await f.number.getAttribute("aria-invalid")).toBeNull();
      await dialog.getByRole("button", { name: "Schedule callback" }).click();
      await eventually(() => messageOf(f.to)).toBe("The end must be after the start.");
      await f.to.fill("14:00");
      await f.date.fill(dateIn(40));
      await dialog.getByRole("button", { name: "Schedule callback" }).click();
      await eventually(() => messageOf(f.date)).toBe("The start can be at most 31 days ahead.");
      await f.date.fill(dateIn(-1));
      await dialog.getByRole("button", { name: "Schedule callback" }).click();
      await eventually(() => messageOf(f.from)).toBe("The start must be at least 30 minutes from now.");
      expect((await api.call("listCallbacks", {})).callbacks).toEqual([]);

      // A valid one, for me (CB-6), at the only active callback entry point (CB-8).
      const date = dateIn(2);
      await f.date.fill(date);
      await f.reason.fill("Billing question");
      expect(await dialog.getByLabel("Callback entry point").inputValue()).toBe("ep-callbacks");
      await dialog.getByRole("radio", { name: "Me" }).check();
      await dialog.getByRole("button", { name: "Schedule callback" }).click();
      await dialog
        .getByRole("status")
        .getByText(`Callback scheduled for ${date}, 12:00–14:00 (${ZONE}).`)
        .waitFor();
      const [scheduled] = (await api.call("listCallbacks", {})).callbacks;
      expect(scheduled).toMatchObject({
        kind: "personal",
        assignee: "anna",
        customerName: "Ada Lind",
        customerNumber: "+46 70-123.4567",
        reason: "Billing question",
        window: { timeZone: ZONE },
        editable: true,
      });

      // CB-5: Manage lists it with Edit and Delete.
      await dialog.getByRole("tab", { name: "Manage" }).click();
      const item = dialog.getByRole("listitem", { name: "Ada Lind" });
      await item.getByText(`${date}, 12:00–14:00 (${ZONE})`).waitFor();
      expect(await item.textContent()).toContain("+46 70-123.4567");

      // Edit: the form comes back filled in; a later window is saved.
      await item.getByRole("button", { name: "Edit" }).click();
      expect(await f.from.inputValue()).toBe("12:00");
      expect(await f.reason.inputValue()).toBe("Billing question");
      expect(await dialog.getByRole("radio", { name: "Me" }).count()).toBe(0);
      await f.from.fill("15:00");
      await f.to.fill("16:30");
      await dialog.getByRole("button", { name: "Save changes" }).click();
      await item.getByText(`${date}, 15:00–16:30 (${ZONE})`).waitFor();
      const [edited] = (await api.call("listCallbacks", {})).callbacks;
      expect(edited?.taskId).toBe(scheduled?.taskId);
      expect((edited?.window.end ?? 0) - (edited?.window.start ?? 0)).toBe(90 * 60_000);
      expect((edited?.window.start ?? 0) - (scheduled?.window.start ?? 0)).toBe(3 * 3_600_000);

      // Delete: gone from the list and from the server.
      await item.getByRole("button", { name: "Delete" }).click();
      await dialog.getByText("No scheduled callbacks.").waitFor();
      expect(await dialog.getByRole("listitem").count()).toBe(0);
      expect((await api.call("listCallbacks", {})).callbacks).toEqual([]);

      await dialog.getByRole("button", { name: "Close" }).click();
      await dialog.waitFor({ state: "detached" });
      await anna.getByText("Connected", { exact: true }).waitFor();
    });
  });
});
