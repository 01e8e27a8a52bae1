import { normaliseContact } from "../directory/handlers.ts";
import type { DirectoryStore } from "../directory/store.ts";

/**
 * Lumen Telecom's customers and knowledge base, so a screen pop works in the demo (SES-14,
 * SES-16): a call from +46 70 123 45 67 opens Eva Johansson's card with her account and open case.
 * Written with fixed ids and `put`, so seeding twice changes nothing but the times.
 */
export async function seedDirectory(
  dir: DirectoryStore,
  tenantId = "lumen",
  now = Date.now(),
): Promise<void> {
  for (const a of ACCOUNTS) await dir.putAccount(tenantId, a, now);
  for (const { id, ...c } of CONTACTS) {
    const { contact, keys } = normaliseContact(id, c);
    await dir.putContact(tenantId, contact, keys, now);
  }
  for (const c of CASES) await dir.putCase(tenantId, c, now);
  await dir.addCaseNote(tenantId, "case-1001", {
    id: "note-1001-1",
    authorId: "anna",
    text: "Customer restarted the ONT twice; the fiber light stays red. Technician visit proposed.",
    at: now,
  });
  for (const a of ARTICLES) await dir.putArticle(tenantId, a, now);
}

const ACCOUNTS = [
  {
    id: "acc-nordvik",
    name: "Nordvik Bygg AB",
    number: "B-204518",
    notes: "Business fiber 1000/1000, 12 mobile lines.",
  },
  {
    id: "acc-johansson",
    name: "Johansson household",
    number: "P-771203",
    notes: "Home fiber 250/250 and TV.",
  },
  { id: "acc-haddad", name: "Haddad Consulting Ltd", number: "B-309912", notes: "" },
];

const CONTACTS = [
  {
    id: "ct-eva",
    name: "Eva Johansson",
    phones: [{ number: "+46701234567", label: "mobile" }],
    emails: ["eva.johansson@example.se"],
    social: [{ network: "instagram", handle: "@eva.johansson" }],
    accountId: "acc-johansson",
    notes: "Prefers SMS for appointment reminders.",
  },
  {
    id: "ct-henrik",
    name: "Henrik Nordvik",
    phones: [
      { number: "+46 8 123 456 78", label: "office" },
      { number: "+46 70 987 65 43", label: "mobile" },
    ],
    emails: ["henrik@nordvikbygg.example"],
    social: [],
    accountId: "acc-nordvik",
    notes: "Decision maker for the Nordvik Bygg contract.",
  },
  {
    id: "ct-lina",
    name: "Lina Berg",
    phones: [{ number: "+46 73 555 12 34", label: "mobile" }],
    emails: ["lina.berg@nordvikbygg.example"],
    social: [],
    accountId: "acc-nordvik",
    notes: "",
  },
  {
    id: "ct-amir",
    name: "Amir Haddad",
    phones: [{ number: "+44 20 7946 0018", label: "office" }],
    emails: ["Amir.Haddad@example.co.uk"],
    social: [{ network: "whatsapp", handle: "+447700900123" }],
    accountId: "acc-haddad",
    notes: "Calls from London; speaks English.",
  },
];

const CASES = [
  {
    id: "case-1001",
    contactId: "ct-eva",
    accountId: "acc-johansson",
    subject: "No internet: fiber light red",
    status: "open" as const,
    priority: "high" as const,
    description: "Fiber connection down since Monday morning.",
  },
  {
    id: "case-0987",
    contactId: "ct-eva",
    accountId: "acc-johansson",
    subject: "Invoice higher than expected",
    status: "closed" as const,
    priority: "normal" as const,
    description: "Roaming charges from a trip to Norway; explained and credited.",
  },
  {
    id: "case-1002",
    contactId: "ct-henrik",
    accountId: "acc-nordvik",
    subject: "Add five mobile lines",
    status: "pending" as const,
    priority: "normal" as const,
    description: "Waiting for the signed order form.",
  },
];

const ARTICLES = [
  {
    id: "kb-router-restart",
    title: "Restart your router or fiber box",
    tags: ["internet", "router", "fiber"],
    body:
      "Many connection problems go away after a restart. Unplug the router's power cable, wait 30 seconds and plug it in again. " +
      "Wait two minutes until the internet light is steady green. If the fiber light (PON) stays red, the fiber box has no signal: " +
      "check that the fiber cable is not bent, then book a technician visit.",
  },
  {
    id: "kb-fiber-outage",
    title: "Fiber outage: what to check first",
    tags: ["internet", "fiber", "outage"],
    body:
      "Look up the customer's address on the outage map before troubleshooting. During a planned outage the fiber light is red " +
      "for every customer in the area and no restart helps. Tell the customer the expected end time and offer an SMS when service is back.",
  },
  {
    id: "kb-wifi-slow",
    title: "Slow Wi-Fi at home",
    tags: ["internet", "wifi"],
    body:
      "Slow Wi-Fi is usually the radio, not the line. Move the router away from walls and metal, switch devices to the 5 GHz network, " +
      "and run a speed test with a cable. If the cable test is slow too, restart the router and check for an outage.",
  },
  {
    id: "kb-number-porting",
    title: "Port a mobile number to Lumen",
    tags: ["mobile", "porting"],
    body:
      "The customer keeps their number. We need the number, the personal or organisation number of the owner and a porting date " +
      "at least three working days ahead. The old operator's contract is ended automatically when the porting completes.",
  },
  {
    id: "kb-roaming",
    title: "Roaming charges abroad",
    tags: ["mobile", "billing", "roaming"],
    body:
      "Within the EU/EEA calls, texts and data cost the same as at home. Outside the EU, data roaming is charged per megabyte unless " +
      "the customer buys a travel pass. Invoices show roaming charges as a separate line.",
  },
  {
    id: "kb-billing-address",
    title: "Change the billing address",
    tags: ["billing"],
    body:
      "Verify the caller is the account holder, then update the billing address on the account. The next invoice goes to the new address; " +
      "e-invoice customers are not affected.",
  },
];
