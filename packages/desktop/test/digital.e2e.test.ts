// @vitest-environment node
import { expect, it } from "vitest";
import {
  choose,
  describeInChromium,
  eventually,
  receiveContact,
  signInAgent,
  waitValue,
  withDesks,
} from "./browser.ts";

describeInChromium("chats and e-mails in Chromium against a real server", (e) => {
  it("POP-1 POP-3 POP-4 DIG-2 SES-2 SES-10 SES-3 a chat and an e-mail taken with 'Accept 2 requests'; ten sessions open, the eleventh contact is refused a session and handled in Home", {
    timeout: 60_000,
  }, async () => {
    await withDesks(e.browser, "digital", async (open) => {
      const { t } = e;
      const anna = await open("anna");
      const api = await t.as("anna");
      await signInAgent(anna, t.url, "anna");
      await choose(anna, "Available", "available");

      // POP-1: the task list collapsed, requests come as popovers; POP-3: the e-mail above the chat.
      await anna.getByRole("button", { name: "Collapse the task list" }).click();
      const chat = await receiveContact(t, "ep-web-chat", { name: "Bo Ek", address: "bo@example.com" });
      const mail = await receiveContact(t, "ep-support-mail", {
        name: "Cleo Dahl",
        address: "cleo@example.com",
      });
      const stack = anna.getByRole("region", { name: "Contact requests" });
      // POP-4: both digital requests at once.
      const acceptAll = stack.getByRole("button", { name: "Accept 2 requests" });
      await acceptAll.waitFor();
      await eventually(() => stack.getByRole("article").allTextContents()).toEqual([
        expect.stringMatching(/^E-mail\s*Cleo Dahl.*Incoming request/),
        expect.stringMatching(/^Chat\s*Bo Ek.*Incoming request/),
      ]);
      await acceptAll.click();

      // DIG-2, SES-2: each opens its session with the conversation; the stack is gone.
      const sessions = anna.getByRole("navigation", { name: "Sessions" });
      await sessions.getByRole("button", { name: "Bo Ek", exact: true }).waitFor();
      await sessions.getByRole("button", { name: "Cleo Dahl", exact: true }).waitFor();
      await stack.waitFor({ state: "detached" });
      await anna.getByText("Engaged", { exact: true }).waitFor();

      // The chat: a line to the customer, then End and the wrap-up.
      await sessions.getByRole("button", { name: "Bo Ek", exact: true }).click();
      const chatPage = anna.getByRole("region", { name: "Bo Ek", exact: true });
      await chatPage.getByLabel("Message").fill("Hello Bo, how can I help?");
      await chatPage.getByLabel("Message").press("Enter");
      await chatPage.getByRole("listitem").filter({ hasText: "Hello Bo, how can I help?" }).waitFor();
      await chatPage.getByRole("button", { name: "End" }).first().click();
      await chatPage.getByRole("radio", { name: "Resolved" }).check();
      await chatPage.getByRole("button", { name: "Submit wrap-up" }).click();
      await chatPage.getByText("This contact has ended.").waitFor();

      // The e-mail through the API: the desktop follows the server.
      await api.call("endTask", { params: { taskId: mail } });
      await api.call("wrapUpTask", { params: { taskId: mail }, body: { codeId: "resolved" } });
      await anna.getByRole("button", { name: "Expand the task list" }).click();
      await anna.getByText(/No contacts yet/).waitFor();
      expect(chat).not.toBe(mail);

      // SES-3: sessions stay open after their contacts end; eight more make ten.
      const tasks = anna.getByRole("region", { name: "Tasks" });
      const contactSessions = () => sessions.locator("li").count();
      for (let n = 3; n <= 10; n++) {
        const name = `Customer ${n}`;
        const id = await receiveContact(t, "ep-web-chat", { name, address: `c${n}@example.com` });
        await tasks
          .getByRole("article", { name: new RegExp(name) })
          .getByRole("button", { name: "Accept" })
          .click();
        await sessions.getByRole("button", { name, exact: true }).waitFor();
        await api.call("endTask", { params: { taskId: id } });
        await api.call("wrapUpTask", { params: { taskId: id }, body: { codeId: "resolved" } });
      }
      await eventually(contactSessions).toBe(11);

      // The eleventh: no session; the dialog asks to close some, the contact is handled in Home.
      await receiveContact(t, "ep-web-chat", { name: "Customer 11", address: "c11@example.com" });
      await tasks
        .getByRole("article", { name: /Customer 11/ })
        .getByRole("button", { name: "Accept" })
        .click();
      const limit = anna.getByRole("alertdialog", { name: "Too many sessions" });
      await limit.waitFor();
      expect(await contactSessions()).toBe(11);
      expect(await sessions.getByRole("button", { name: "Customer 11", exact: true }).count()).toBe(0);
      await limit.getByRole("checkbox", { name: "Bo Ek" }).check();
      await limit.getByRole("checkbox", { name: "Cleo Dahl" }).check();
      await limit.getByRole("button", { name: "Close selected sessions" }).click();
      await eventually(contactSessions).toBe(9);
      await sessions.getByRole("button", { name: "Home", exact: true }).click();
      const home = anna.getByRole("region", { name: "Handled in Home" });
      await home.getByRole("heading", { name: /Customer 11/ }).waitFor();
      await waitValue(anna, "available");
    });
  });
});
