import { createHash, randomUUID } from "node:crypto";
import type { ContactInput, DirectoryOperation, ErrorCode } from "@parley/protocol";
import type { z } from "zod";
import type { Context } from "../http/context.ts";
import type { Handler } from "../http/handlers.ts";
import { checkKey } from "../http/idempotency.ts";
import { Problem } from "../http/problem.ts";
import { emailKey, lookupKeys, phoneKey, socialKeys } from "./addresses.ts";
import { parseSearch, withoutMarks } from "./search.ts";
import type { CaseStatusValue, ContactRecord, DirectoryStore, ListWindow } from "./store.ts";

/** A page when the caller names no `limit`. */
const DEFAULT_PAGE = 50;
/** A screen pop shows at most this many contacts for one address, each with at most this many open cases. */
const MAX_MATCHES = 20;
const OPEN: readonly CaseStatusValue[] = ["open", "pending"];
const DEFAULT_SEARCH = 10;

const tenant = (ctx: { principal: { tenantId: string } }) => ctx.principal.tenantId;

/**
 * The id of what a POST creates. With an Idempotency-Key it is derived from the caller, the key
 * and the request, so a retry after a lost answer names the record the first attempt made and
 * finds it instead of making a second one; without a key, a fresh id.
 */
function newId(ctx: Context<DirectoryOperation>, kind: string): string {
  const key = ctx.request.headers["idempotency-key"];
  if (typeof key !== "string") return randomUUID();
  checkKey(key);
  const h = createHash("sha256")
    .update(JSON.stringify([ctx.principal.userId, kind, ctx.params, key, ctx.body]))
    .digest("hex");
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20, 32)}`;
}

/** Creates a record once: a retry of the same request answers with what the first attempt stored. */
async function createOnce<T>(
  ctx: Context<DirectoryOperation>,
  kind: string,
  existing: (id: string) => Promise<T | null>,
  create: (id: string) => Promise<T>,
): Promise<T> {
  const id = newId(ctx, kind);
  return (await existing(id)) ?? create(id);
}

/** Reads one page more than asked, to tell whether there is a next one. */
async function page<T extends { id: string }>(
  limit: number | undefined,
  after: string | undefined,
  fetch: (w: ListWindow) => Promise<T[]>,
): Promise<{ items: T[]; next: string | null }> {
  const n = limit ?? DEFAULT_PAGE;
  const rows = await fetch({ after, limit: n + 1 });
  const items = rows.slice(0, n);
  return { items, next: rows.length > n ? (items.at(-1)?.id ?? null) : null };
}

const unknown = (code: ErrorCode, what: string, id: string) => new Problem(code, `No ${what} ${id}`);

async function existingAccount(
  dir: DirectoryStore,
  tenantId: string,
  id: string | null,
): Promise<string | null> {
  if (id !== null && !(await dir.getAccount(tenantId, id))) throw unknown("UNKNOWN_ACCOUNT", "account", id);
  return id;
}

/** Checks and normalises the addresses; the keys are what a lookup finds the contact by. */
export function normaliseContact(id: string, body: z.output<typeof ContactInput>) {
  const keys = new Set<string>();
  const phones = (body.phones ?? []).map((p, i) => {
    const parsed = phoneKey(p.number);
    if (!parsed.ok)
      throw new Problem(parsed.code as ErrorCode, parsed.message, { path: `body.phones.${i}.number` });
    keys.add(parsed.key);
    return {
      number: p.number,
      ...(p.label !== undefined ? { label: p.label } : {}),
      normalized: parsed.normalized,
    };
  });
  const emails: string[] = [];
  for (const e of body.emails ?? []) {
    const key = emailKey(e);
    if (keys.has(key)) continue;
    keys.add(key);
    emails.push(e.trim());
  }
  const social = (body.social ?? []).map((s) => {
    for (const k of socialKeys(s.network, s.handle)) keys.add(k);
    return { network: s.network, handle: s.handle };
  });
  const contact: Omit<ContactRecord, "createdAt" | "updatedAt"> = {
    id,
    name: body.name,
    phones,
    emails,
    social,
    accountId: body.accountId ?? null,
    notes: body.notes ?? "",
  };
  return { contact, keys: [...keys] };
}

async function putContact(
  ctx: Context<"createContact" | "putContact">,
  dir: DirectoryStore,
  id: string,
): Promise<ContactRecord> {
  const { contact, keys } = normaliseContact(id, ctx.body);
  await existingAccount(dir, tenant(ctx), contact.accountId);
  return dir.putContact(tenant(ctx), contact, keys, ctx.now);
}

async function putCase(ctx: Context<"createCase" | "putCase">, dir: DirectoryStore, id: string) {
  const b = ctx.body;
  const contact = await dir.getContact(tenant(ctx), b.contactId);
  if (!contact) throw unknown("UNKNOWN_CONTACT", "contact", b.contactId);
  const accountId =
    b.accountId === undefined ? contact.accountId : await existingAccount(dir, tenant(ctx), b.accountId);
  return dir.putCase(
    tenant(ctx),
    {
      id,
      contactId: b.contactId,
      accountId,
      subject: b.subject,
      status: b.status ?? "open",
      priority: b.priority ?? "normal",
      description: b.description ?? "",
    },
    ctx.now,
  );
}

async function putArticle(ctx: Context<"createArticle" | "putArticle">, dir: DirectoryStore, id: string) {
  const b = ctx.body;
  return dir.putArticle(
    tenant(ctx),
    {
      id,
      // The snippet marks may not occur in what is searched.
      title: withoutMarks(b.title),
      body: withoutMarks(b.body),
      tags: [...new Set(b.tags ?? [])],
    },
    ctx.now,
  );
}

function found<T>(value: T | null, problem: () => Problem): T {
  if (value === null) throw problem();
  return value;
}

const gone = (deleted: boolean, code: ErrorCode, what: string, id: string) => {
  if (!deleted) throw unknown(code, what, id);
  return {};
};

/**
 * The customer directory and knowledge base (SES-14, SES-16). Every call is confined to the
 * caller's tenant: ids of another tenant's records are answered as unknown.
 */
export const DIRECTORY_HANDLERS: { [K in DirectoryOperation]: Handler<K> } = {
  listContacts: (ctx, { directory }) =>
    page(ctx.query.limit, ctx.query.after, (w) =>
      directory.listContacts(tenant(ctx), {
        ...w,
        nameContains: ctx.query.q?.toLowerCase(),
        accountId: ctx.query.accountId,
      }),
    ),
  createContact: (ctx, { directory }) =>
    createOnce(
      ctx,
      "contact",
      (id) => directory.getContact(tenant(ctx), id),
      (id) => putContact(ctx, directory, id),
    ),
  getContact: async (ctx, { directory }) =>
    found(await directory.getContact(tenant(ctx), ctx.params.contactId), () =>
      unknown("UNKNOWN_CONTACT", "contact", ctx.params.contactId),
    ),
  putContact: (ctx, { directory }) => putContact(ctx, directory, ctx.params.contactId),
  deleteContact: async (ctx, { directory }) =>
    gone(
      await directory.deleteContact(tenant(ctx), ctx.params.contactId),
      "UNKNOWN_CONTACT",
      "contact",
      ctx.params.contactId,
    ),
  lookupContacts: async (ctx, { directory }) => {
    const found = lookupKeys(ctx.query.address, ctx.query.kind);
    if (!found.ok) throw new Problem(found.code as ErrorCode, found.message, { path: "query.address" });
    const contacts = await directory.findContacts(tenant(ctx), found.keys, MAX_MATCHES);
    const matches = await Promise.all(
      contacts.map(async (contact) => ({
        contact,
        account: contact.accountId ? await directory.getAccount(tenant(ctx), contact.accountId) : null,
        openCases: await directory.listCases(tenant(ctx), {
          contactId: contact.id,
          statuses: OPEN,
          limit: MAX_MATCHES,
        }),
      })),
    );
    return { matches };
  },

  listAccounts: (ctx, { directory }) =>
    page(ctx.query.limit, ctx.query.after, (w) =>
      directory.listAccounts(tenant(ctx), { ...w, nameContains: ctx.query.q?.toLowerCase() }),
    ),
  createAccount: (ctx, { directory }) =>
    createOnce(
      ctx,
      "account",
      (id) => directory.getAccount(tenant(ctx), id),
      (id) =>
        directory.putAccount(
          tenant(ctx),
          { id, name: ctx.body.name, number: ctx.body.number ?? null, notes: ctx.body.notes ?? "" },
          ctx.now,
        ),
    ),
  getAccount: async (ctx, { directory }) =>
    found(await directory.getAccount(tenant(ctx), ctx.params.accountId), () =>
      unknown("UNKNOWN_ACCOUNT", "account", ctx.params.accountId),
    ),
  putAccount: (ctx, { directory }) =>
    directory.putAccount(
      tenant(ctx),
      {
        id: ctx.params.accountId,
        name: ctx.body.name,
        number: ctx.body.number ?? null,
        notes: ctx.body.notes ?? "",
      },
      ctx.now,
    ),
  deleteAccount: async (ctx, { directory }) =>
    gone(
      await directory.deleteAccount(tenant(ctx), ctx.params.accountId),
      "UNKNOWN_ACCOUNT",
      "account",
      ctx.params.accountId,
    ),

  listCases: (ctx, { directory }) =>
    page(ctx.query.limit, ctx.query.after, (w) =>
      directory.listCases(tenant(ctx), {
        ...w,
        contactId: ctx.query.contactId,
        accountId: ctx.query.accountId,
        statuses: ctx.query.status ? [ctx.query.status] : undefined,
      }),
    ),
  createCase: (ctx, { directory }) =>
    createOnce(
      ctx,
      "case",
      (id) => directory.getCase(tenant(ctx), id),
      (id) => putCase(ctx, directory, id),
    ),
  getCase: async (ctx, { directory }) =>
    found(await directory.getCase(tenant(ctx), ctx.params.caseId), () =>
      unknown("UNKNOWN_CASE", "case", ctx.params.caseId),
    ),
  putCase: (ctx, { directory }) => putCase(ctx, directory, ctx.params.caseId),
  deleteCase: async (ctx, { directory }) =>
    gone(
      await directory.deleteCase(tenant(ctx), ctx.params.caseId),
      "UNKNOWN_CASE",
      "case",
      ctx.params.caseId,
    ),
  addCaseNote: async (ctx, { directory }) => {
    const id = newId(ctx, "note");
    const before = await directory.getCase(tenant(ctx), ctx.params.caseId);
    // A retry of a note already added answers with the case as it is.
    if (before?.notes.some((n) => n.id === id)) return before;
    return found(
      await directory.addCaseNote(tenant(ctx), ctx.params.caseId, {
        id,
        authorId: ctx.principal.userId,
        text: ctx.body.text,
        at: ctx.now,
      }),
      () => unknown("UNKNOWN_CASE", "case", ctx.params.caseId),
    );
  },

  listArticles: (ctx, { directory }) =>
    page(ctx.query.limit, ctx.query.after, (w) =>
      directory.listArticles(tenant(ctx), { ...w, tag: ctx.query.tag }),
    ),
  createArticle: (ctx, { directory }) =>
    createOnce(
      ctx,
      "article",
      (id) => directory.getArticle(tenant(ctx), id),
      (id) => putArticle(ctx, directory, id),
    ),
  getArticle: async (ctx, { directory }) =>
    found(await directory.getArticle(tenant(ctx), ctx.params.articleId), () =>
      unknown("UNKNOWN_ARTICLE", "article", ctx.params.articleId),
    ),
  putArticle: (ctx, { directory }) => putArticle(ctx, directory, ctx.params.articleId),
  deleteArticle: async (ctx, { directory }) =>
    gone(
      await directory.deleteArticle(tenant(ctx), ctx.params.articleId),
      "UNKNOWN_ARTICLE",
      "article",
      ctx.params.articleId,
    ),
  searchArticles: async (ctx, { directory }) => {
    const query = parseSearch(ctx.query.q);
    if (!query) return { results: [] };
    const results = await directory.searchArticles(tenant(ctx), query, {
      tag: ctx.query.tag,
      limit: ctx.query.limit ?? DEFAULT_SEARCH,
    });
    return { results };
  },
};
