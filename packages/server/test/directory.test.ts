import { demoTenant } from "@parley/engine/demo-tenant";
import { ParleyClient, ParleyError } from "@parley/sdk";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { hashPassword } from "../src/auth/passwords.ts";
import { DEMO_PASSWORD } from "../src/index.ts";
import { startTestServer, type TestServer } from "./harness.ts";

let t: TestServer;
let admin: ParleyClient;
let agent: ParleyClient;
let supervisor: ParleyClient;
/** The administrator of a second tenant, to check that tenants never see each other's records. */
let acme: ParleyClient;

/** The refusal a call ends in. */
async function refusal(call: Promise<unknown>): Promise<ParleyError> {
  const e = await call.then(
    () => null,
    (error: unknown) => error,
  );
  if (!(e instanceof ParleyError)) throw new Error(`expected a refusal, got ${JSON.stringify(e)}`);
  return e;
}

/** A raw request, for what the SDK's types would not let through. */
async function raw(method: string, path: string, token: string | null, body?: unknown) {
  const response = await fetch(`${t.url}${path}`, {
    method,
    headers: {
      ...(token ? { authorization: `Bearer ${token}` } : {}),
      ...(body !== undefined ? { "content-type": "application/json" } : {}),
    },
    ...(body !== undefined ? { body: JSON.stringify(body) } : {}),
  });
  return { status: response.status, body: (await response.json()) as Record<string, unknown> };
}

const text = (parts: { text: string }[]) => parts.map((p) => p.text).join("");
const matched = (parts: { text: string; match: boolean }[]) =>
  parts.filter((p) => p.match).map((p) => p.text.toLowerCase());

beforeAll(async () => {
  t = await startTestServer();
  admin = await t.as("lars");
  agent = await t.as("anna");
  supervisor = await t.as("karin");
  const other = { ...demoTenant(), tenantId: "acme", name: "Acme" } as unknown as Parameters<
    typeof t.server.tenants.create
  >[0];
  await t.server.tenants.create(other);
  await t.server.store.setCredentials({
    tenantId: "acme",
    userId: "lars",
    passwordHash: await hashPassword(DEMO_PASSWORD),
  });
  acme = new ParleyClient({ baseUrl: t.url });
  await acme.signIn("acme", "lars", DEMO_PASSWORD);
});
afterAll(async () => {
  await t?.close();
});

describe("customer directory: screen pops by the caller's address", { timeout: 30_000 }, () => {
  it("SES-16: a call from the demo customer's number, written any way, pops her card with account and open cases", async () => {
    for (const address of ["+46701234567", "+46 70-123 45 67", "+46 (0)70 123 45 67", "0046701234567"]) {
      const { matches } = await agent.call("lookupContacts", { query: { address } });
      expect(
        matches.map((m) => m.contact.id),
        address,
      ).toEqual(["ct-eva"]);
      const [eva] = matches;
      expect(eva?.contact.name).toBe("Eva Johansson");
      expect(eva?.contact.phones[0]?.normalized).toBe("+46701234567");
      expect(eva?.account?.id).toBe("acc-johansson");
      // SES-14: the open case with its notes; the closed one is not shown.
      expect(eva?.openCases.map((c) => c.id)).toEqual(["case-1001"]);
      expect(eva?.openCases[0]?.notes[0]?.authorId).toBe("anna");
    }
  });

  it("SES-16: an e-mail sender is found whatever the case of the address", async () => {
    const { matches } = await agent.call("lookupContacts", {
      query: { address: "amir.haddad@EXAMPLE.co.uk" },
    });
    expect(matches.map((m) => m.contact.id)).toEqual(["ct-amir"]);
    expect(matches[0]?.contact.emails).toEqual(["Amir.Haddad@example.co.uk"]);
    const mailto = await agent.call("lookupContacts", {
      query: { address: "mailto:AMIR.HADDAD@example.co.uk", kind: "email" },
    });
    expect(mailto.matches.map((m) => m.contact.id)).toEqual(["ct-amir"]);
  });

  it("SES-16: a social handle is found with or without its network and @", async () => {
    for (const address of ["@eva.johansson", "EVA.JOHANSSON", "instagram:@eva.johansson"]) {
      const { matches } = await agent.call("lookupContacts", { query: { address } });
      expect(
        matches.map((m) => m.contact.id),
        address,
      ).toEqual(["ct-eva"]);
    }
    // The same handle on another network is someone else.
    const { matches } = await agent.call("lookupContacts", { query: { address: "facebook:eva.johansson" } });
    expect(matches).toEqual([]);
  });

  it("SES-16: an address nobody has pops no card; a number that cannot be one is refused when said to be a phone", async () => {
    const none = await agent.call("lookupContacts", { query: { address: "+46 70 000 00 00" } });
    expect(none.matches).toEqual([]);
    const guessed = await agent.call("lookupContacts", { query: { address: "12" } });
    expect(guessed.matches).toEqual([]);
    const e = await refusal(agent.call("lookupContacts", { query: { address: "+46 1", kind: "phone" } }));
    expect(e.status).toBe(422);
    expect(e.code).toMatch(/^DIAL_NUMBER_/);
    expect(e.details).toEqual({ path: "query.address" });
  });

  it("SES-16: several contacts sharing a number all pop, each with their own account", async () => {
    const a = await admin.call("createContact", {
      body: { name: "Shared Line One", phones: [{ number: "+46 8 555 000 11" }], accountId: "acc-nordvik" },
    });
    const b = await admin.call("createContact", {
      body: { name: "Shared Line Two", phones: [{ number: "+46855500011" }] },
    });
    const { matches } = await agent.call("lookupContacts", { query: { address: "08-555 000 11" } });
    // A national-format number is a local number to the engine, not the E.164 one.
    expect(matches).toEqual([]);
    const found = await agent.call("lookupContacts", { query: { address: "+46 8 555 000 11" } });
    expect(found.matches.map((m) => m.contact.id).sort()).toEqual([a.id, b.id].sort());
    expect(found.matches.find((m) => m.contact.id === a.id)?.account?.name).toBe("Nordvik Bygg AB");
    expect(found.matches.find((m) => m.contact.id === b.id)?.account).toBeNull();
    await admin.call("deleteContact", { params: { contactId: a.id } });
    await admin.call("deleteContact", { params: { contactId: b.id } });
  });
});

describe("customer directory: contacts, accounts and cases", { timeout: 30_000 }, () => {
  it("SES-14: contacts are created, read, replaced, listed and deleted; lookups follow the changes", async () => {
    const account = await admin.call("createAccount", { body: { name: "Ström Fastigheter", number: "B-1" } });
    const created = await admin.call("createContact", {
      body: {
        name: "Kim Ström",
        phones: [{ number: "+46 70 111 22 33", label: "mobile" }],
        emails: ["kim@strom.example", "KIM@strom.example"],
        accountId: account.id,
      },
    });
    expect(created).toMatchObject({
      name: "Kim Ström",
      phones: [{ number: "+46 70 111 22 33", label: "mobile", normalized: "+46701112233" }],
      // The same address twice is kept once.
      emails: ["kim@strom.example"],
      social: [],
      accountId: account.id,
      notes: "",
    });
    expect(await agent.call("getContact", { params: { contactId: created.id } })).toEqual(created);

    const replaced = await admin.call("putContact", {
      params: { contactId: created.id },
      body: { name: "Kim Ström", phones: [{ number: "+46 70 444 55 66" }] },
    });
    expect(replaced.createdAt).toBe(created.createdAt);
    expect(replaced.accountId).toBeNull();
    expect(replaced.emails).toEqual([]);
    const old = await agent.call("lookupContacts", { query: { address: "+46701112233" } });
    expect(old.matches).toEqual([]);
    const now = await agent.call("lookupContacts", { query: { address: "+46704445566" } });
    expect(now.matches.map((m) => m.contact.id)).toEqual([created.id]);

    // PUT under a CRM's own id creates.
    const crm = await admin.call("putContact", {
      params: { contactId: "crm:0042" },
      body: { name: "Kimberly Strömberg", emails: ["kimberly@example.com"] },
    });
    expect(crm.id).toBe("crm:0042");

    const byName = await supervisor.call("listContacts", { query: { q: "STRÖM" } });
    expect(byName.items.map((c) => c.id).sort()).toEqual([created.id, "crm:0042"].sort());
    const percent = await supervisor.call("listContacts", { query: { q: "%" } });
    expect(percent.items).toEqual([]);

    await admin.call("deleteContact", { params: { contactId: created.id } });
    await admin.call("deleteContact", { params: { contactId: "crm:0042" } });
    const gone = await refusal(agent.call("getContact", { params: { contactId: created.id } }));
    expect([gone.status, gone.code]).toEqual([404, "UNKNOWN_CONTACT"]);
    const twice = await refusal(admin.call("deleteContact", { params: { contactId: created.id } }));
    expect([twice.status, twice.code]).toEqual([404, "UNKNOWN_CONTACT"]);
    expect((await agent.call("lookupContacts", { query: { address: "+46704445566" } })).matches).toEqual([]);
  });

  it("SES-14: lists come in pages ordered by id", async () => {
    for (const n of [1, 2, 3, 4, 5])
      await admin.call("putContact", { params: { contactId: `page-${n}` }, body: { name: `Pager ${n}` } });
    const seen: string[] = [];
    let after: string | undefined;
    for (;;) {
      const page = await agent.call("listContacts", {
        query: { q: "pager", limit: "2", ...(after ? { after } : {}) },
      });
      seen.push(...page.items.map((c) => c.id));
      expect(page.items.length).toBeLessThanOrEqual(2);
      if (!page.next) break;
      after = page.next;
    }
    expect(seen).toEqual(["page-1", "page-2", "page-3", "page-4", "page-5"]);
    const all = await agent.call("listAccounts", {});
    expect(all.items.map((a) => a.id)).toEqual(
      expect.arrayContaining(["acc-haddad", "acc-johansson", "acc-nordvik"]),
    );
    expect(all.items.map((a) => a.id)).toEqual([...all.items.map((a) => a.id)].sort());
    const byAccount = await agent.call("listContacts", { query: { accountId: "acc-nordvik" } });
    expect(byAccount.items.map((c) => c.id)).toEqual(["ct-henrik", "ct-lina"]);
  });

  it("SES-14: deleting an account keeps its contacts and cases, without the account", async () => {
    const account = await admin.call("putAccount", {
      params: { accountId: "acc-temp" },
      body: { name: "Temp AB" },
    });
    expect(account).toMatchObject({ id: "acc-temp", name: "Temp AB", number: null, notes: "" });
    const contact = await admin.call("createContact", {
      body: { name: "Temp Person", accountId: "acc-temp" },
    });
    const kase = await admin.call("createCase", { body: { contactId: contact.id, subject: "Temp case" } });
    expect(kase.accountId).toBe("acc-temp");
    await admin.call("deleteAccount", { params: { accountId: "acc-temp" } });
    expect((await agent.call("getContact", { params: { contactId: contact.id } })).accountId).toBeNull();
    expect((await agent.call("getCase", { params: { caseId: kase.id } })).accountId).toBeNull();
    const e = await refusal(agent.call("getAccount", { params: { accountId: "acc-temp" } }));
    expect([e.status, e.code]).toEqual([404, "UNKNOWN_ACCOUNT"]);
    // Deleting the contact takes its cases along.
    await admin.call("deleteContact", { params: { contactId: contact.id } });
    const c = await refusal(agent.call("getCase", { params: { caseId: kase.id } }));
    expect([c.status, c.code]).toEqual([404, "UNKNOWN_CASE"]);
  });

  it("SES-14: cases take the contact's account, agents add notes, and closed cases leave the screen pop", async () => {
    const kase = await admin.call("createCase", {
      body: { contactId: "ct-henrik", subject: "Router replacement", priority: "high" },
    });
    expect(kase).toMatchObject({
      contactId: "ct-henrik",
      accountId: "acc-nordvik",
      subject: "Router replacement",
      status: "open",
      priority: "high",
      description: "",
      notes: [],
    });
    const noted = await agent.call("addCaseNote", {
      params: { caseId: kase.id },
      body: { text: "Customer confirmed the delivery address." },
    });
    const again = await supervisor.call("addCaseNote", {
      params: { caseId: kase.id },
      body: { text: "Approved." },
    });
    expect(noted.notes.map((n) => n.authorId)).toEqual(["anna"]);
    expect(again.notes.map((n) => [n.authorId, n.text])).toEqual([
      ["anna", "Customer confirmed the delivery address."],
      ["karin", "Approved."],
    ]);

    const pop = async () =>
      (
        await agent.call("lookupContacts", { query: { address: "+46 70 987 65 43" } })
      ).matches[0]?.openCases.map((c) => c.id);
    expect(await pop()).toEqual(expect.arrayContaining([kase.id, "case-1002"]));

    // Replacing the case keeps its notes.
    const closed = await admin.call("putCase", {
      params: { caseId: kase.id },
      body: { contactId: "ct-henrik", subject: "Router replacement", status: "closed" },
    });
    expect(closed.notes).toHaveLength(2);
    expect(closed.priority).toBe("normal");
    expect(await pop()).toEqual(["case-1002"]);

    const listed = await agent.call("listCases", { query: { contactId: "ct-henrik", status: "closed" } });
    expect(listed.items.map((c) => c.id)).toEqual([kase.id]);
    await admin.call("deleteCase", { params: { caseId: kase.id } });
    const e = await refusal(
      agent.call("addCaseNote", { params: { caseId: kase.id }, body: { text: "late" } }),
    );
    expect([e.status, e.code]).toEqual([404, "UNKNOWN_CASE"]);
  });

  it("a create retried under its Idempotency-Key (an answer lost on the way) makes one record, not two", async () => {
    const body = { name: "Retried Contact", phones: [{ number: "+46 70 555 12 12", label: "mobile" }] };
    const first = await admin.call("createContact", { body }, { idempotencyKey: "crm-sync-1" });
    const retry = await admin.call("createContact", { body }, { idempotencyKey: "crm-sync-1" });
    expect(retry.id).toBe(first.id);
    const other = await admin.call("createContact", { body }, { idempotencyKey: "crm-sync-2" });
    expect(other.id).not.toBe(first.id);
    const named = await admin.call("listContacts", { query: { q: "retried contact" } });
    expect(named.items.map((c) => c.id).sort()).toEqual([first.id, other.id].sort());

    const note = { params: { caseId: "case-1002" }, body: { text: "Called back, no answer." } };
    const noted = await agent.call("addCaseNote", note, { idempotencyKey: "note-1" });
    const noteAgain = await agent.call("addCaseNote", note, { idempotencyKey: "note-1" });
    expect(noteAgain.notes).toHaveLength(noted.notes.length);
    for (const id of [first.id, other.id]) await admin.call("deleteContact", { params: { contactId: id } });
  });

  it("bad input is refused with a 4xx and a code, and nothing is written", async () => {
    const before = await agent.call("listContacts", { query: { limit: "100" } });
    const cases: [unknown, number, string][] = [
      [{ name: "X", extra: 1 }, 400, "VALIDATION_FAILED"],
      [{ name: "" }, 400, "VALIDATION_FAILED"],
      [{ name: "x".repeat(251) }, 400, "VALIDATION_FAILED"],
      [{ name: "X", emails: ["not-an-address"] }, 400, "VALIDATION_FAILED"],
      [
        { name: "X", phones: Array.from({ length: 11 }, () => ({ number: "+46701234567" })) },
        400,
        "VALIDATION_FAILED",
      ],
      [{ name: "X", social: [{ network: "my network", handle: "x" }] }, 400, "VALIDATION_FAILED"],
      [{ name: "X", phones: [{ number: "+46 9000 0000" }] }, 422, "DIAL_NUMBER_INVALID"],
      [{ name: "X", phones: [{ number: "call me" }] }, 422, "DIAL_NUMBER_EMPTY"],
      [{ name: "X", accountId: "no-such-account" }, 404, "UNKNOWN_ACCOUNT"],
    ];
    for (const [body, status, code] of cases) {
      const r = await raw("POST", "/v1/directory/contacts", admin.token, body);
      expect([r.status, r.body.code], JSON.stringify(body)).toEqual([status, code]);
      expect(typeof r.body.message).toBe("string");
    }
    const phone = await raw("POST", "/v1/directory/contacts", admin.token, {
      name: "X",
      phones: [{ number: "+46701234567" }, { number: "+1 2" }],
    });
    expect(phone.body.details).toEqual({ path: "body.phones.1.number" });

    for (const query of ["limit=0", "limit=101", "limit=ten", "after=a%20b", "nope=1"]) {
      const r = await raw("GET", `/v1/directory/contacts?${query}`, agent.token);
      expect([r.status, r.body.code], query).toEqual([400, "VALIDATION_FAILED"]);
    }
    const noAddress = await raw("GET", "/v1/directory/lookup", agent.token);
    expect([noAddress.status, noAddress.body.code]).toEqual([400, "VALIDATION_FAILED"]);
    const noQuery = await raw("GET", "/v1/kb/search?q=", agent.token);
    expect([noQuery.status, noQuery.body.code]).toEqual([400, "VALIDATION_FAILED"]);
    const badCase = await raw("POST", "/v1/directory/cases", admin.token, {
      contactId: "nobody",
      subject: "x",
    });
    expect([badCase.status, badCase.body.code]).toEqual([404, "UNKNOWN_CONTACT"]);
    const badStatus = await raw("POST", "/v1/directory/cases", admin.token, {
      contactId: "ct-eva",
      subject: "x",
      status: "done",
    });
    expect([badStatus.status, badStatus.body.code]).toEqual([400, "VALIDATION_FAILED"]);
    const longArticle = await raw("POST", "/v1/kb/articles", admin.token, {
      title: "x",
      body: "y".repeat(50_001),
    });
    expect([longArticle.status, longArticle.body.code]).toEqual([400, "VALIDATION_FAILED"]);

    expect(await agent.call("listContacts", { query: { limit: "100" } })).toEqual(before);
  });

  it("roles: everyone reads, administrators write, agents may only add case notes", async () => {
    for (const client of [agent, supervisor, admin]) {
      await client.call("getContact", { params: { contactId: "ct-eva" } });
      await client.call("searchArticles", { query: { q: "router" } });
    }
    const writes = [
      () => agent.call("createContact", { body: { name: "Sneaky" } }),
      () => supervisor.call("putContact", { params: { contactId: "ct-eva" }, body: { name: "Renamed" } }),
      () => agent.call("deleteContact", { params: { contactId: "ct-eva" } }),
      () => agent.call("createAccount", { body: { name: "Sneaky AB" } }),
      () => agent.call("createCase", { body: { contactId: "ct-eva", subject: "Sneaky" } }),
      () => supervisor.call("deleteCase", { params: { caseId: "case-1001" } }),
      () => agent.call("createArticle", { body: { title: "Sneaky", body: "" } }),
      () => supervisor.call("deleteArticle", { params: { articleId: "kb-roaming" } }),
    ];
    for (const write of writes) {
      const e = await refusal(write());
      expect([e.status, e.code]).toEqual([403, "FORBIDDEN"]);
    }
    expect((await agent.call("getContact", { params: { contactId: "ct-eva" } })).name).toBe("Eva Johansson");
    const anonymous = await raw("GET", "/v1/directory/lookup?address=%2B46701234567", null);
    expect([anonymous.status, anonymous.body.code]).toEqual([401, "UNAUTHENTICATED"]);
  });
});

describe("knowledge base: articles and full-text search", { timeout: 30_000 }, () => {
  it("SES-14: articles are created, read, replaced and deleted, and search follows", async () => {
    const a = await admin.call("createArticle", {
      body: {
        title: "Reset a voicemail PIN",
        body: "Dial 333 and follow the prompts.",
        tags: ["Voicemail", "voicemail"],
      },
    });
    expect(a).toMatchObject({ title: "Reset a voicemail PIN", tags: ["voicemail"] });
    expect(await agent.call("getArticle", { params: { articleId: a.id } })).toEqual(a);
    expect(
      (await agent.call("searchArticles", { query: { q: "voicemail" } })).results.map((r) => r.id),
    ).toEqual([a.id]);

    const replaced = await admin.call("putArticle", {
      params: { articleId: a.id },
      body: { title: "Change a mailbox code", body: "Dial 333 and choose settings.", tags: ["mailbox"] },
    });
    expect(replaced.createdAt).toBe(a.createdAt);
    expect((await agent.call("searchArticles", { query: { q: "voicemail" } })).results).toEqual([]);
    expect(
      (await agent.call("searchArticles", { query: { q: "mailbox" } })).results.map((r) => r.id),
    ).toEqual([a.id]);
    expect((await agent.call("listArticles", { query: { tag: "mailbox" } })).items.map((r) => r.id)).toEqual([
      a.id,
    ]);

    await admin.call("deleteArticle", { params: { articleId: a.id } });
    expect((await agent.call("searchArticles", { query: { q: "mailbox" } })).results).toEqual([]);
    const e = await refusal(agent.call("getArticle", { params: { articleId: a.id } }));
    expect([e.status, e.code]).toEqual([404, "UNKNOWN_ARTICLE"]);
  });

  it("SES-14: search ranks a match in the title above one in the body, and snippets mark the matches", async () => {
    const { results } = await agent.call("searchArticles", { query: { q: "router" } });
    // The seeded knowledge base: "Restart your router…" has it in the title; "Slow Wi-Fi" in the body.
    expect(results.map((r) => r.id)).toEqual(["kb-router-restart", "kb-wifi-slow"]);
    expect(results[0]?.score).toBeGreaterThan(results[1]?.score ?? Number.POSITIVE_INFINITY);
    for (const r of results) {
      expect(matched(r.snippet)).toContain("router");
      expect(text(r.snippet).length).toBeGreaterThan(20);
      expect(text(r.snippet).length).toBeLessThan(400);
    }
    expect(results[0]?.title).toBe("Restart your router or fiber box");
    expect(results[0]?.tags).toEqual(["internet", "router", "fiber"]);
  });

  it("SES-14: words are stemmed, all must match, phrases keep their order and -word excludes", async () => {
    const ids = async (q: string, tag?: string) =>
      (await agent.call("searchArticles", { query: { q, ...(tag ? { tag } : {}) } })).results
        .map((r) => r.id)
        .sort();
    expect(await ids("routers")).toEqual(["kb-router-restart", "kb-wifi-slow"]);
    expect(await ids("fiber light")).toEqual(["kb-fiber-outage", "kb-router-restart"]);
    expect(await ids("fiber light -outage")).toEqual(["kb-router-restart"]);
    expect(await ids('"light fiber"')).toEqual([]);
    expect(await ids('"fiber light"')).toEqual(["kb-fiber-outage", "kb-router-restart"]);
    expect(await ids("roaming invoice")).toEqual(["kb-roaming"]);
    expect(await ids("internet", "outage")).toEqual(["kb-fiber-outage"]);
    expect(await ids("router banana")).toEqual([]);
    // What a person might type never breaks the query.
    for (const q of [
      '"unbalanced',
      "AND OR NOT",
      "fiber*",
      "title:router",
      "(router",
      "-",
      "NEAR(a b)",
      "'; DROP",
    ])
      await agent.call("searchArticles", { query: { q } });
    expect(await ids("-router")).toEqual([]);
  });

  it("SES-14: search results are capped by limit", async () => {
    const { results } = await agent.call("searchArticles", { query: { q: "internet", limit: "2" } });
    expect(results).toHaveLength(2);
  });
});

describe("tenant isolation", { timeout: 30_000 }, () => {
  it("SES-16: another tenant sees none of this tenant's contacts, cases or articles, and its own ids do not collide", async () => {
    expect((await acme.call("lookupContacts", { query: { address: "+46701234567" } })).matches).toEqual([]);
    expect((await acme.call("searchArticles", { query: { q: "router" } })).results).toEqual([]);
    expect((await acme.call("listContacts", {})).items).toEqual([]);
    expect((await acme.call("listAccounts", {})).items).toEqual([]);
    expect((await acme.call("listCases", {})).items).toEqual([]);
    expect((await acme.call("listArticles", {})).items).toEqual([]);
    for (const [call, code] of [
      [() => acme.call("getContact", { params: { contactId: "ct-eva" } }), "UNKNOWN_CONTACT"],
      [() => acme.call("getAccount", { params: { accountId: "acc-johansson" } }), "UNKNOWN_ACCOUNT"],
      [() => acme.call("getCase", { params: { caseId: "case-1001" } }), "UNKNOWN_CASE"],
      [() => acme.call("getArticle", { params: { articleId: "kb-roaming" } }), "UNKNOWN_ARTICLE"],
      [() => acme.call("deleteContact", { params: { contactId: "ct-eva" } }), "UNKNOWN_CONTACT"],
      [
        () => acme.call("addCaseNote", { params: { caseId: "case-1001" }, body: { text: "x" } }),
        "UNKNOWN_CASE",
      ],
      [
        () => acme.call("createContact", { body: { name: "X", accountId: "acc-johansson" } }),
        "UNKNOWN_ACCOUNT",
      ],
      [() => acme.call("createCase", { body: { contactId: "ct-eva", subject: "x" } }), "UNKNOWN_CONTACT"],
    ] as const) {
      const e = await refusal(call());
      expect([e.status, e.code]).toEqual([404, code]);
    }

    // The same ids in the other tenant are other records.
    await acme.call("putContact", {
      params: { contactId: "ct-eva" },
      body: { name: "Eve Acme", phones: [{ number: "+46701234567" }] },
    });
    await acme.call("putArticle", {
      params: { articleId: "kb-roaming" },
      body: { title: "Acme router guide", body: "Acme routers only." },
    });
    expect(
      (await acme.call("lookupContacts", { query: { address: "+46701234567" } })).matches[0]?.contact.name,
    ).toBe("Eve Acme");
    const mine = await agent.call("lookupContacts", { query: { address: "+46701234567" } });
    expect(mine.matches.map((m) => m.contact.name)).toEqual(["Eva Johansson"]);
    expect((await agent.call("getArticle", { params: { articleId: "kb-roaming" } })).title).toBe(
      "Roaming charges abroad",
    );
    expect((await agent.call("searchArticles", { query: { q: "acme" } })).results).toEqual([]);
    expect((await acme.call("searchArticles", { query: { q: "router" } })).results.map((r) => r.id)).toEqual([
      "kb-roaming",
    ]);
    await acme.call("deleteContact", { params: { contactId: "ct-eva" } });
    expect((await agent.call("getContact", { params: { contactId: "ct-eva" } })).name).toBe("Eva Johansson");
  });
});
