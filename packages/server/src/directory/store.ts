import type { Account, Article, ArticleHit, Case, CaseNote, CaseStatus, Contact } from "@parley/protocol";
import type { z } from "zod";
import type { SearchQuery } from "./search.ts";

export type ContactRecord = z.output<typeof Contact>;
export type AccountRecord = z.output<typeof Account>;
export type CaseRecord = z.output<typeof Case>;
export type CaseNoteRecord = z.output<typeof CaseNote>;
export type ArticleRecord = z.output<typeof Article>;
export type ArticleHitRecord = z.output<typeof ArticleHit>;
export type CaseStatusValue = z.output<typeof CaseStatus>;

/** A LIKE pattern for "contains": `%`, `_` and `\\` typed by a user match themselves (escape `\\`). */
export const likePattern = (s: string): string => `%${s.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;

/** What a write gives: the record without the times, which the store keeps. */
type Written<T> = Omit<T, "createdAt" | "updatedAt">;

/** Lists are ordered by id; `after` is the last id already seen. */
export interface ListWindow {
  readonly after?: string | undefined;
  readonly limit: number;
}

/**
 * The customer directory and knowledge base: plain records beside the event log, every row keyed
 * by tenant, and no read or write ever crosses tenants. `put*` creates or replaces a record under
 * its id, keeping the creation time of one that exists, and answers with what is stored. The
 * store does not check references (a contact's account, a case's contact): the handlers do.
 */
export interface DirectoryStore {
  readonly kind: "sqlite" | "postgres";

  /** `keys` are the normalised addresses it is found by (see addresses.ts); they replace the old ones. */
  putContact(
    tenantId: string,
    contact: Written<ContactRecord>,
    keys: readonly string[],
    now: number,
  ): Promise<ContactRecord>;
  getContact(tenantId: string, id: string): Promise<ContactRecord | null>;
  /** Removes the contact with its cases and their notes; false if there was none. */
  deleteContact(tenantId: string, id: string): Promise<boolean>;
  /** `nameContains` is lower case and matched against the lower-cased name. */
  listContacts(
    tenantId: string,
    filter: ListWindow & {
      readonly nameContains?: string | undefined;
      readonly accountId?: string | undefined;
    },
  ): Promise<ContactRecord[]>;
  /** Contacts stored under any of the keys, by id, at most `limit`. */
  findContacts(tenantId: string, keys: readonly string[], limit: number): Promise<ContactRecord[]>;

  putAccount(tenantId: string, account: Written<AccountRecord>, now: number): Promise<AccountRecord>;
  getAccount(tenantId: string, id: string): Promise<AccountRecord | null>;
  /** Removes the account; its contacts and cases stay, with no account. */
  deleteAccount(tenantId: string, id: string): Promise<boolean>;
  listAccounts(
    tenantId: string,
    filter: ListWindow & { readonly nameContains?: string | undefined },
  ): Promise<AccountRecord[]>;

  /** Notes are not written here: a replaced case keeps its notes. */
  putCase(tenantId: string, c: Omit<Written<CaseRecord>, "notes">, now: number): Promise<CaseRecord>;
  getCase(tenantId: string, id: string): Promise<CaseRecord | null>;
  deleteCase(tenantId: string, id: string): Promise<boolean>;
  listCases(
    tenantId: string,
    filter: ListWindow & {
      readonly contactId?: string | undefined;
      readonly accountId?: string | undefined;
      readonly statuses?: readonly CaseStatusValue[] | undefined;
    },
  ): Promise<CaseRecord[]>;
  /** Appends a note and touches the case; null if there is no such case. */
  addCaseNote(tenantId: string, caseId: string, note: CaseNoteRecord): Promise<CaseRecord | null>;

  putArticle(tenantId: string, article: Written<ArticleRecord>, now: number): Promise<ArticleRecord>;
  getArticle(tenantId: string, id: string): Promise<ArticleRecord | null>;
  deleteArticle(tenantId: string, id: string): Promise<boolean>;
  listArticles(
    tenantId: string,
    filter: ListWindow & { readonly tag?: string | undefined },
  ): Promise<ArticleRecord[]>;
  /** Full-text search, best first (ties by id), with a snippet of the body around the matches. */
  searchArticles(
    tenantId: string,
    query: SearchQuery,
    options: { readonly tag?: string | undefined; readonly limit: number },
  ): Promise<ArticleHitRecord[]>;

  close(): Promise<void>;
}
