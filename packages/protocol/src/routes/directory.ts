import { z } from "zod";
import { Id } from "../shared.ts";
import { action, read } from "./build.ts";

/**
 * The built-in customer directory (contacts, accounts, cases) and knowledge base (SES-14, SES-16).
 * It lives beside the engine's log, not in it: these are plain records, changed by `action`s.
 * A CRM replaces it through the same operations: its integration signs in as an administrator
 * and keeps the records in step with `PUT` (create or replace under the CRM's own ids).
 */
const DIRECTORY = "Customer directory";
const KB = "Knowledge base";
/** Everyone on the desktop reads: a screen pop and its knowledge-base tab are for agents. */
const READERS = ["agent", "supervisor", "admin"] as const;
/** Records are kept by administrators, or a CRM integration signed in as one. */
const WRITERS = ["admin"] as const;

/** Milliseconds since the Unix epoch. */
const Instant = z.int().nonnegative();
/** A one-line name or title typed by a person. */
const Line = (max: number) => z.string().trim().min(1).max(max);
/** Free text, possibly several paragraphs. */
const Prose = (max: number) => z.string().max(max);

/** A query-string integer (query values are strings on the wire). */
const QueryInt = (min: number, max: number) =>
  z
    .string()
    .regex(/^\d{1,6}$/, "a whole number")
    .transform(Number)
    .pipe(z.int().min(min).max(max));
const Limit = QueryInt(1, 100).optional();
/** Lists are ordered by id; `after` is the last id of the previous page. */
const After = Id.optional();

export const PhoneNumberInput = z.strictObject({
  /** As typed: `+46 70-123 45 67`, `0046701234567`, an extension. */
  number: Line(40),
  label: Line(40).optional(),
});

export const PhoneNumber = z
  .strictObject({
    number: z.string(),
    label: z.string().optional(),
    /** E.164 for an international number (`+46701234567`), else the dialled digits. */
    normalized: z.string(),
  })
  .meta({
    id: "PhoneNumber",
    description: "A contact's phone number as entered, with the normalised form lookups match on.",
  });

export const SocialAddress = z
  .strictObject({
    /** `twitter`, `facebook`, `whatsapp`, … (lower case). */
    network: z
      .string()
      .trim()
      .toLowerCase()
      .regex(/^[a-z0-9._-]{1,32}$/, "1 to 32 of a-z 0-9 . _ -"),
    /** The customer's handle or id on that network, `@` optional. */
    handle: Line(200),
  })
  .meta({ id: "SocialAddress", description: "A customer's handle on a social or messaging network." });

const Email = z.email().max(320);

export const ContactInput = z
  .strictObject({
    name: Line(250),
    phones: z.array(PhoneNumberInput).max(10).optional(),
    emails: z.array(Email).max(10).optional(),
    social: z.array(SocialAddress).max(10).optional(),
    accountId: Id.nullable().optional(),
    notes: Prose(4000).optional(),
  })
  .meta({
    id: "ContactInput",
    description: "A customer contact as written: phone numbers are checked and normalised by the server.",
  });

export const Contact = z
  .strictObject({
    id: Id,
    name: z.string(),
    phones: z.array(PhoneNumber),
    emails: z.array(z.string()),
    social: z.array(SocialAddress),
    accountId: Id.nullable(),
    notes: z.string(),
    createdAt: Instant,
    updatedAt: Instant,
  })
  .meta({
    id: "Contact",
    description: "A customer of the directory: the person a screen pop opens (SES-16).",
  });

export const AccountInput = z
  .strictObject({
    name: Line(250),
    /** The customer's account or contract number, as the business knows it. */
    number: Line(64).nullable().optional(),
    notes: Prose(4000).optional(),
  })
  .meta({ id: "AccountInput", description: "A customer account as written." });

export const Account = z
  .strictObject({
    id: Id,
    name: z.string(),
    number: z.string().nullable(),
    notes: z.string(),
    createdAt: Instant,
    updatedAt: Instant,
  })
  .meta({
    id: "Account",
    description: "A customer account (a company or household) its contacts belong to.",
  });

/** `open` and `pending` cases are the open ones a screen pop shows. */
export const CaseStatus = z.enum(["open", "pending", "closed"]);
export const CasePriority = z.enum(["low", "normal", "high", "urgent"]);

export const CaseInput = z
  .strictObject({
    contactId: Id,
    /** The contact's account when left out. */
    accountId: Id.nullable().optional(),
    subject: Line(250),
    /** `open` when left out. */
    status: CaseStatus.optional(),
    /** `normal` when left out. */
    priority: CasePriority.optional(),
    description: Prose(8000).optional(),
  })
  .meta({ id: "CaseInput", description: "A case as written; its notes are added one at a time." });

export const CaseNote = z
  .strictObject({
    id: Id,
    /** The user who wrote it. */
    authorId: Id,
    text: z.string(),
    at: Instant,
  })
  .meta({ id: "CaseNote", description: "A note on a case, oldest first." });

export const Case = z
  .strictObject({
    id: Id,
    contactId: Id,
    accountId: Id.nullable(),
    subject: z.string(),
    status: CaseStatus,
    priority: CasePriority,
    description: z.string(),
    notes: z.array(CaseNote),
    createdAt: Instant,
    updatedAt: Instant,
  })
  .meta({ id: "Case", description: "A customer's case (ticket), with its notes." });

/** A knowledge-base tag: a word or a few, lower case. */
const Tag = z
  .string()
  .trim()
  .toLowerCase()
  .regex(/^[\p{L}\p{N}][\p{L}\p{N} _-]{0,39}$/u, "1 to 40 letters, digits, spaces, _ or -");

export const ArticleInput = z
  .strictObject({
    title: Line(200),
    body: Prose(50_000),
    tags: z.array(Tag).max(20).optional(),
  })
  .meta({ id: "ArticleInput", description: "A knowledge-base article as written (plain text)." });

export const Article = z
  .strictObject({
    id: Id,
    title: z.string(),
    body: z.string(),
    tags: z.array(z.string()),
    createdAt: Instant,
    updatedAt: Instant,
  })
  .meta({ id: "Article", description: "A knowledge-base article." });

export const SnippetPart = z.strictObject({ text: z.string(), match: z.boolean() });

export const ArticleHit = z
  .strictObject({
    id: Id,
    title: z.string(),
    tags: z.array(z.string()),
    updatedAt: Instant,
    /** Higher is better; only the order means something, not the number. */
    score: z.number(),
    /** A passage of the body around the matches; the matched words have `match: true`. */
    snippet: z.array(SnippetPart),
  })
  .meta({ id: "ArticleHit", description: "One search result: an article, its rank and a snippet." });

const page = <T extends z.ZodType>(item: T, id: string, what: string) =>
  z
    .strictObject({
      items: z.array(item),
      /** Pass as `after` for the next page; null on the last page. */
      next: Id.nullable(),
    })
    .meta({ id, description: `A page of ${what}, ordered by id.` });

export const ContactPage = page(Contact, "ContactPage", "contacts");
export const AccountPage = page(Account, "AccountPage", "accounts");
export const CasePage = page(Case, "CasePage", "cases");
export const ArticlePage = page(Article, "ArticlePage", "articles");

export const ContactMatch = z
  .strictObject({ contact: Contact, account: Account.nullable(), openCases: z.array(Case) })
  .meta({
    id: "ContactMatch",
    description: "A contact found by an address, with its account and open cases: a screen pop's card.",
  });

export const ContactLookup = z
  .strictObject({ matches: z.array(ContactMatch) })
  .meta({ id: "ContactLookup", description: "The contacts an address belongs to (SES-16), at most 20." });

export const ArticleSearch = z
  .strictObject({ results: z.array(ArticleHit) })
  .meta({ id: "ArticleSearch", description: "Articles matching a search, best first (SES-14)." });

const ContactParams = z.strictObject({ contactId: Id });
const AccountParams = z.strictObject({ accountId: Id });
const CaseParams = z.strictObject({ caseId: Id });
const ArticleParams = z.strictObject({ articleId: Id });
const Deleted = z
  .strictObject({})
  .meta({ id: "Deleted", description: "The record is gone (or was not there)." });

export const directoryRoutes = {
  listContacts: read({
    path: "/v1/directory/contacts",
    summary: "Customer contacts, by id; `q` matches part of the name, `accountId` an account's contacts",
    tag: DIRECTORY,
    roles: READERS,
    query: z.strictObject({ q: Line(100).optional(), accountId: Id.optional(), limit: Limit, after: After }),
    response: ContactPage,
    spec: ["SES-14"],
  }),
  createContact: action({
    method: "POST",
    path: "/v1/directory/contacts",
    summary: "Add a customer contact; the server gives it an id",
    tag: DIRECTORY,
    roles: WRITERS,
    body: ContactInput,
    response: Contact,
    status: 201,
  }),
  getContact: read({
    path: "/v1/directory/contacts/{contactId}",
    summary: "One customer contact",
    tag: DIRECTORY,
    roles: READERS,
    params: ContactParams,
    response: Contact,
    spec: ["SES-14"],
  }),
  putContact: action({
    method: "PUT",
    path: "/v1/directory/contacts/{contactId}",
    summary: "Create or replace a customer contact under the given id (a CRM's own id)",
    tag: DIRECTORY,
    roles: WRITERS,
    params: ContactParams,
    body: ContactInput,
    response: Contact,
  }),
  deleteContact: action({
    method: "DELETE",
    path: "/v1/directory/contacts/{contactId}",
    summary: "Remove a customer contact and its cases",
    tag: DIRECTORY,
    roles: WRITERS,
    params: ContactParams,
    body: z.strictObject({}),
    response: Deleted,
  }),
  lookupContacts: read({
    path: "/v1/directory/lookup",
    summary:
      "The contacts a caller's number, e-mail or social address belongs to, with account and open cases (screen pop)",
    tag: DIRECTORY,
    roles: READERS,
    query: z.strictObject({
      /** Phone numbers match in any format (`+46 70-123 45 67` = `+46701234567`); e-mail ignores case. */
      address: Line(320),
      /** Which kind of address it is; guessed from its form when left out. */
      kind: z.enum(["phone", "email", "social"]).optional(),
    }),
    response: ContactLookup,
    spec: ["SES-14", "SES-16"],
  }),

  listAccounts: read({
    path: "/v1/directory/accounts",
    summary: "Customer accounts, by id; `q` matches part of the name",
    tag: DIRECTORY,
    roles: READERS,
    query: z.strictObject({ q: Line(100).optional(), limit: Limit, after: After }),
    response: AccountPage,
    spec: ["SES-14"],
  }),
  createAccount: action({
    method: "POST",
    path: "/v1/directory/accounts",
    summary: "Add a customer account; the server gives it an id",
    tag: DIRECTORY,
    roles: WRITERS,
    body: AccountInput,
    response: Account,
    status: 201,
  }),
  getAccount: read({
    path: "/v1/directory/accounts/{accountId}",
    summary: "One customer account",
    tag: DIRECTORY,
    roles: READERS,
    params: AccountParams,
    response: Account,
    spec: ["SES-14"],
  }),
  putAccount: action({
    method: "PUT",
    path: "/v1/directory/accounts/{accountId}",
    summary: "Create or replace a customer account under the given id",
    tag: DIRECTORY,
    roles: WRITERS,
    params: AccountParams,
    body: AccountInput,
    response: Account,
  }),
  deleteAccount: action({
    method: "DELETE",
    path: "/v1/directory/accounts/{accountId}",
    summary: "Remove a customer account; its contacts and cases stay, without an account",
    tag: DIRECTORY,
    roles: WRITERS,
    params: AccountParams,
    body: z.strictObject({}),
    response: Deleted,
  }),

  listCases: read({
    path: "/v1/directory/cases",
    summary: "Cases, by id; filtered by contact, account or status",
    tag: DIRECTORY,
    roles: READERS,
    query: z.strictObject({
      contactId: Id.optional(),
      accountId: Id.optional(),
      status: CaseStatus.optional(),
      limit: Limit,
      after: After,
    }),
    response: CasePage,
    spec: ["SES-14"],
  }),
  createCase: action({
    method: "POST",
    path: "/v1/directory/cases",
    summary: "Open a case for a contact; the server gives it an id",
    tag: DIRECTORY,
    roles: WRITERS,
    body: CaseInput,
    response: Case,
    status: 201,
  }),
  getCase: read({
    path: "/v1/directory/cases/{caseId}",
    summary: "One case with its notes",
    tag: DIRECTORY,
    roles: READERS,
    params: CaseParams,
    response: Case,
    spec: ["SES-14"],
  }),
  putCase: action({
    method: "PUT",
    path: "/v1/directory/cases/{caseId}",
    summary: "Create or replace a case under the given id; its notes are kept",
    tag: DIRECTORY,
    roles: WRITERS,
    params: CaseParams,
    body: CaseInput,
    response: Case,
  }),
  deleteCase: action({
    method: "DELETE",
    path: "/v1/directory/cases/{caseId}",
    summary: "Remove a case and its notes",
    tag: DIRECTORY,
    roles: WRITERS,
    params: CaseParams,
    body: z.strictObject({}),
    response: Deleted,
  }),
  addCaseNote: action({
    method: "POST",
    path: "/v1/directory/cases/{caseId}/notes",
    summary: "Add a note to a case: agents note what the customer said during or after the contact",
    tag: DIRECTORY,
    roles: READERS,
    params: CaseParams,
    body: z.strictObject({ text: Line(4000) }),
    response: Case,
    status: 201,
    spec: ["SES-14"],
  }),

  listArticles: read({
    path: "/v1/kb/articles",
    summary: "Knowledge-base articles, by id; `tag` keeps those with the tag",
    tag: KB,
    roles: READERS,
    query: z.strictObject({ tag: Tag.optional(), limit: Limit, after: After }),
    response: ArticlePage,
  }),
  createArticle: action({
    method: "POST",
    path: "/v1/kb/articles",
    summary: "Add a knowledge-base article; the server gives it an id",
    tag: KB,
    roles: WRITERS,
    body: ArticleInput,
    response: Article,
    status: 201,
  }),
  getArticle: read({
    path: "/v1/kb/articles/{articleId}",
    summary: "One knowledge-base article",
    tag: KB,
    roles: READERS,
    params: ArticleParams,
    response: Article,
    spec: ["SES-14"],
  }),
  putArticle: action({
    method: "PUT",
    path: "/v1/kb/articles/{articleId}",
    summary: "Create or replace a knowledge-base article under the given id",
    tag: KB,
    roles: WRITERS,
    params: ArticleParams,
    body: ArticleInput,
    response: Article,
  }),
  deleteArticle: action({
    method: "DELETE",
    path: "/v1/kb/articles/{articleId}",
    summary: "Remove a knowledge-base article",
    tag: KB,
    roles: WRITERS,
    params: ArticleParams,
    body: z.strictObject({}),
    response: Deleted,
  }),
  searchArticles: read({
    path: "/v1/kb/search",
    summary:
      'Full-text search of the knowledge base, best first, with snippets: words must all match; "a phrase" and -word work',
    tag: KB,
    roles: READERS,
    query: z.strictObject({ q: Line(200), tag: Tag.optional(), limit: QueryInt(1, 50).optional() }),
    response: ArticleSearch,
    spec: ["SES-14"],
  }),
};

export type DirectoryOperation = keyof typeof directoryRoutes;
