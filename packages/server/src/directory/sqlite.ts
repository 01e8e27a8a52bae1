import { mkdirSync } from "node:fs";
import { dirname } from "node:path";
import Database from "better-sqlite3";
import { fts5Query, MARK_END, MARK_START, type SearchQuery, snippetParts } from "./search.ts";
import type {
  AccountRecord,
  ArticleHitRecord,
  ArticleRecord,
  CaseNoteRecord,
  CaseRecord,
  CaseStatusValue,
  ContactRecord,
  DirectoryStore,
  ListWindow,
} from "./store.ts";
import { likePattern } from "./store.ts";

/**
 * Contacts are found through `dir_contact_keys`, one row per normalised address, whose primary key
 * starts with (tenant, key): a lookup is one index probe. Articles are indexed by an FTS5 table over
 * `kb_articles` (external content, kept in step by triggers); the porter stemmer makes `routers`
 * find `router`, as PostgreSQL's `english` configuration does.
 */
const SCHEMA = `
CREATE TABLE IF NOT EXISTS dir_accounts (
  tenant_id TEXT NOT NULL, id TEXT NOT NULL, name TEXT NOT NULL, name_folded TEXT NOT NULL, number TEXT,
  notes TEXT NOT NULL, created_at INTEGER NOT NULL, updated_at INTEGER NOT NULL, PRIMARY KEY (tenant_id, id)
) WITHOUT ROWID;
CREATE TABLE IF NOT EXISTS dir_contacts (
  tenant_id TEXT NOT NULL, id TEXT NOT NULL, name TEXT NOT NULL, name_folded TEXT NOT NULL, account_id TEXT,
  data TEXT NOT NULL, created_at INTEGER NOT NULL, updated_at INTEGER NOT NULL, PRIMARY KEY (tenant_id, id)
) WITHOUT ROWID;
CREATE INDEX IF NOT EXISTS dir_contacts_account ON dir_contacts (tenant_id, account_id);
CREATE TABLE IF NOT EXISTS dir_contact_keys (
  tenant_id TEXT NOT NULL, key TEXT NOT NULL, contact_id TEXT NOT NULL, PRIMARY KEY (tenant_id, key, contact_id)
) WITHOUT ROWID;
CREATE INDEX IF NOT EXISTS dir_contact_keys_contact ON dir_contact_keys (tenant_id, contact_id);
CREATE TABLE IF NOT EXISTS dir_cases (
  tenant_id TEXT NOT NULL, id TEXT NOT NULL, contact_id TEXT NOT NULL, account_id TEXT, subject TEXT NOT NULL,
  status TEXT NOT NULL, priority TEXT NOT NULL, description TEXT NOT NULL,
  created_at INTEGER NOT NULL, updated_at INTEGER NOT NULL, PRIMARY KEY (tenant_id, id)
) WITHOUT ROWID;
CREATE INDEX IF NOT EXISTS dir_cases_contact ON dir_cases (tenant_id, contact_id, status);
CREATE INDEX IF NOT EXISTS dir_cases_account ON dir_cases (tenant_id, account_id);
CREATE TABLE IF NOT EXISTS dir_case_notes (
  n INTEGER PRIMARY KEY, tenant_id TEXT NOT NULL, case_id TEXT NOT NULL, id TEXT NOT NULL,
  author_id TEXT NOT NULL, text TEXT NOT NULL, at INTEGER NOT NULL
);
CREATE INDEX IF NOT EXISTS dir_case_notes_case ON dir_case_notes (tenant_id, case_id, n);
CREATE TABLE IF NOT EXISTS kb_articles (
  rid INTEGER PRIMARY KEY, tenant_id TEXT NOT NULL, id TEXT NOT NULL, title TEXT NOT NULL, body TEXT NOT NULL,
  tags TEXT NOT NULL, tag_words TEXT NOT NULL, created_at INTEGER NOT NULL, updated_at INTEGER NOT NULL,
  UNIQUE (tenant_id, id)
);
CREATE TABLE IF NOT EXISTS kb_article_tags (
  tenant_id TEXT NOT NULL, tag TEXT NOT NULL, article_id TEXT NOT NULL, PRIMARY KEY (tenant_id, tag, article_id)
) WITHOUT ROWID;
CREATE INDEX IF NOT EXISTS kb_article_tags_article ON kb_article_tags (tenant_id, article_id);
CREATE VIRTUAL TABLE IF NOT EXISTS kb_articles_fts USING fts5(
  title, body, tag_words, content = 'kb_articles', content_rowid = 'rid',
  tokenize = 'porter unicode61 remove_diacritics 2'
);
CREATE TRIGGER IF NOT EXISTS kb_articles_ai AFTER INSERT ON kb_articles BEGIN
  INSERT INTO kb_articles_fts (rowid, title, body, tag_words) VALUES (new.rid, new.title, new.body, new.tag_words);
END;
CREATE TRIGGER IF NOT EXISTS kb_articles_ad AFTER DELETE ON kb_articles BEGIN
  INSERT INTO kb_articles_fts (kb_articles_fts, rowid, title, body, tag_words)
    VALUES ('delete', old.rid, old.title, old.body, old.tag_words);
END;
CREATE TRIGGER IF NOT EXISTS kb_articles_au AFTER UPDATE ON kb_articles BEGIN
  INSERT INTO kb_articles_fts (kb_articles_fts, rowid, title, body, tag_words)
    VALUES ('delete', old.rid, old.title, old.body, old.tag_words);
  INSERT INTO kb_articles_fts (rowid, title, body, tag_words) VALUES (new.rid, new.title, new.body, new.tag_words);
END;
`;

/** bm25 weights of title, body and tags: a word in the title counts ten times one in the body. */
const BM25 = "bm25(kb_articles_fts, 10.0, 1.0, 5.0)";
/** Tokens of body around the matches in a snippet. */
const SNIPPET_TOKENS = 24;

interface ContactRow {
  id: string;
  name: string;
  account_id: string | null;
  data: string;
  created_at: number;
  updated_at: number;
}
interface AccountRow {
  id: string;
  name: string;
  number: string | null;
  notes: string;
  created_at: number;
  updated_at: number;
}
interface CaseRow {
  id: string;
  contact_id: string;
  account_id: string | null;
  subject: string;
  status: string;
  priority: string;
  description: string;
  created_at: number;
  updated_at: number;
}
interface NoteRow {
  case_id: string;
  id: string;
  author_id: string;
  text: string;
  at: number;
}
interface ArticleRow {
  id: string;
  title: string;
  body: string;
  tags: string;
  created_at: number;
  updated_at: number;
}

/** Data of a contact kept as JSON: what no query looks inside. */
type ContactData = Pick<ContactRecord, "phones" | "emails" | "social" | "notes">;

const contactOf = (r: ContactRow): ContactRecord => {
  const d = JSON.parse(r.data) as ContactData;
  return {
    id: r.id,
    name: r.name,
    phones: d.phones,
    emails: d.emails,
    social: d.social,
    accountId: r.account_id,
    notes: d.notes,
    createdAt: r.created_at,
    updatedAt: r.updated_at,
  };
};
const accountOf = (r: AccountRow): AccountRecord => ({
  id: r.id,
  name: r.name,
  number: r.number,
  notes: r.notes,
  createdAt: r.created_at,
  updatedAt: r.updated_at,
});
const articleOf = (r: ArticleRow): ArticleRecord => ({
  id: r.id,
  title: r.title,
  body: r.body,
  tags: JSON.parse(r.tags) as string[],
  createdAt: r.created_at,
  updatedAt: r.updated_at,
});
const noteOf = (r: NoteRow): CaseNoteRecord => ({ id: r.id, authorId: r.author_id, text: r.text, at: r.at });

/**
 * The directory on SQLite: a connection of its own to the event store's file (WAL lets both
 * connections work on it; better-sqlite3 runs one statement at a time, so they never wait long).
 */
export class SqliteDirectoryStore implements DirectoryStore {
  readonly kind = "sqlite";
  private readonly db: Database.Database;

  constructor(path: string) {
    if (path !== ":memory:") mkdirSync(dirname(path), { recursive: true });
    this.db = new Database(path);
    this.db.pragma("journal_mode = WAL");
    this.db.pragma("synchronous = FULL");
    this.db.pragma("busy_timeout = 5000");
    this.db.exec(SCHEMA);
  }

  private all<T>(sql: string, ...params: unknown[]): T[] {
    return this.db.prepare(sql).all(...params) as T[];
  }
  private get<T>(sql: string, ...params: unknown[]): T | undefined {
    return this.db.prepare(sql).get(...params) as T | undefined;
  }
  private run(sql: string, ...params: unknown[]): number {
    return this.db.prepare(sql).run(...params).changes;
  }

  async putContact(
    tenantId: string,
    c: Omit<ContactRecord, "createdAt" | "updatedAt">,
    keys: readonly string[],
    now: number,
  ): Promise<ContactRecord> {
    const data: ContactData = { phones: c.phones, emails: c.emails, social: c.social, notes: c.notes };
    this.db.transaction(() => {
      this.run(
        `INSERT INTO dir_contacts (tenant_id, id, name, name_folded, account_id, data, created_at, updated_at)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?)
         ON CONFLICT (tenant_id, id) DO UPDATE SET name = excluded.name, name_folded = excluded.name_folded,
           account_id = excluded.account_id, data = excluded.data, updated_at = excluded.updated_at`,
        tenantId,
        c.id,
        c.name,
        c.name.toLowerCase(),
        c.accountId,
        JSON.stringify(data),
        now,
        now,
      );
      this.run("DELETE FROM dir_contact_keys WHERE tenant_id = ? AND contact_id = ?", tenantId, c.id);
      const insert = this.db.prepare(
        "INSERT OR IGNORE INTO dir_contact_keys (tenant_id, key, contact_id) VALUES (?, ?, ?)",
      );
      for (const key of keys) insert.run(tenantId, key, c.id);
    })();
    return (await this.getContact(tenantId, c.id)) as ContactRecord;
  }

  async getContact(tenantId: string, id: string): Promise<ContactRecord | null> {
    const row = this.get<ContactRow>(
      "SELECT * FROM dir_contacts WHERE tenant_id = ? AND id = ?",
      tenantId,
      id,
    );
    return row ? contactOf(row) : null;
  }

  async deleteContact(tenantId: string, id: string): Promise<boolean> {
    return this.db.transaction(() => {
      this.run(
        "DELETE FROM dir_case_notes WHERE tenant_id = ? AND case_id IN (SELECT id FROM dir_cases WHERE tenant_id = ? AND contact_id = ?)",
        tenantId,
        tenantId,
        id,
      );
      this.run("DELETE FROM dir_cases WHERE tenant_id = ? AND contact_id = ?", tenantId, id);
      this.run("DELETE FROM dir_contact_keys WHERE tenant_id = ? AND contact_id = ?", tenantId, id);
      return this.run("DELETE FROM dir_contacts WHERE tenant_id = ? AND id = ?", tenantId, id) > 0;
    })();
  }

  async listContacts(
    tenantId: string,
    f: ListWindow & { nameContains?: string | undefined; accountId?: string | undefined },
  ): Promise<ContactRecord[]> {
    const where = ["tenant_id = ?"];
    const params: unknown[] = [tenantId];
    if (f.nameContains !== undefined) {
      where.push("name_folded LIKE ? ESCAPE '\\'");
      params.push(likePattern(f.nameContains));
    }
    if (f.accountId !== undefined) {
      where.push("account_id = ?");
      params.push(f.accountId);
    }
    if (f.after !== undefined) {
      where.push("id > ?");
      params.push(f.after);
    }
    return this.all<ContactRow>(
      `SELECT * FROM dir_contacts WHERE ${where.join(" AND ")} ORDER BY id LIMIT ?`,
      ...params,
      f.limit,
    ).map(contactOf);
  }

  async findContacts(tenantId: string, keys: readonly string[], limit: number): Promise<ContactRecord[]> {
    if (keys.length === 0) return [];
    return this.all<ContactRow>(
      `SELECT * FROM dir_contacts c WHERE c.tenant_id = ? AND c.id IN (
         SELECT contact_id FROM dir_contact_keys WHERE tenant_id = ? AND key IN (${keys.map(() => "?").join(", ")})
       ) ORDER BY c.id LIMIT ?`,
      tenantId,
      tenantId,
      ...keys,
      limit,
    ).map(contactOf);
  }

  async putAccount(
    tenantId: string,
    a: Omit<AccountRecord, "createdAt" | "updatedAt">,
    now: number,
  ): Promise<AccountRecord> {
    this.run(
      `INSERT INTO dir_accounts (tenant_id, id, name, name_folded, number, notes, created_at, updated_at)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?)
       ON CONFLICT (tenant_id, id) DO UPDATE SET name = excluded.name, name_folded = excluded.name_folded,
         number = excluded.number, notes = excluded.notes, updated_at = excluded.updated_at`,
      tenantId,
      a.id,
      a.name,
      a.name.toLowerCase(),
      a.number,
      a.notes,
      now,
      now,
    );
    return (await this.getAccount(tenantId, a.id)) as AccountRecord;
  }

  async getAccount(tenantId: string, id: string): Promise<AccountRecord | null> {
    const row = this.get<AccountRow>(
      "SELECT * FROM dir_accounts WHERE tenant_id = ? AND id = ?",
      tenantId,
      id,
    );
    return row ? accountOf(row) : null;
  }

  async deleteAccount(tenantId: string, id: string): Promise<boolean> {
    return this.db.transaction(() => {
      this.run(
        "UPDATE dir_contacts SET account_id = NULL WHERE tenant_id = ? AND account_id = ?",
        tenantId,
        id,
      );
      this.run("UPDATE dir_cases SET account_id = NULL WHERE tenant_id = ? AND account_id = ?", tenantId, id);
      return this.run("DELETE FROM dir_accounts WHERE tenant_id = ? AND id = ?", tenantId, id) > 0;
    })();
  }

  async listAccounts(
    tenantId: string,
    f: ListWindow & { nameContains?: string | undefined },
  ): Promise<AccountRecord[]> {
    const where = ["tenant_id = ?"];
    const params: unknown[] = [tenantId];
    if (f.nameContains !== undefined) {
      where.push("name_folded LIKE ? ESCAPE '\\'");
      params.push(likePattern(f.nameContains));
    }
    if (f.after !== undefined) {
      where.push("id > ?");
      params.push(f.after);
    }
    return this.all<AccountRow>(
      `SELECT * FROM dir_accounts WHERE ${where.join(" AND ")} ORDER BY id LIMIT ?`,
      ...params,
      f.limit,
    ).map(accountOf);
  }

  async putCase(
    tenantId: string,
    c: Omit<CaseRecord, "notes" | "createdAt" | "updatedAt">,
    now: number,
  ): Promise<CaseRecord> {
    this.run(
      `INSERT INTO dir_cases (tenant_id, id, contact_id, account_id, subject, status, priority, description, created_at, updated_at)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
       ON CONFLICT (tenant_id, id) DO UPDATE SET contact_id = excluded.contact_id, account_id = excluded.account_id,
         subject = excluded.subject, status = excluded.status, priority = excluded.priority,
         description = excluded.description, updated_at = excluded.updated_at`,
      tenantId,
      c.id,
      c.contactId,
      c.accountId,
      c.subject,
      c.status,
      c.priority,
      c.description,
      now,
      now,
    );
    return (await this.getCase(tenantId, c.id)) as CaseRecord;
  }

  async getCase(tenantId: string, id: string): Promise<CaseRecord | null> {
    const row = this.get<CaseRow>("SELECT * FROM dir_cases WHERE tenant_id = ? AND id = ?", tenantId, id);
    return row ? (this.withNotes(tenantId, [row])[0] ?? null) : null;
  }

  async deleteCase(tenantId: string, id: string): Promise<boolean> {
    return this.db.transaction(() => {
      this.run("DELETE FROM dir_case_notes WHERE tenant_id = ? AND case_id = ?", tenantId, id);
      return this.run("DELETE FROM dir_cases WHERE tenant_id = ? AND id = ?", tenantId, id) > 0;
    })();
  }

  async listCases(
    tenantId: string,
    f: ListWindow & {
      contactId?: string | undefined;
      accountId?: string | undefined;
      statuses?: readonly CaseStatusValue[] | undefined;
    },
  ): Promise<CaseRecord[]> {
    const where = ["tenant_id = ?"];
    const params: unknown[] = [tenantId];
    if (f.contactId !== undefined) {
      where.push("contact_id = ?");
      params.push(f.contactId);
    }
    if (f.accountId !== undefined) {
      where.push("account_id = ?");
      params.push(f.accountId);
    }
    if (f.statuses !== undefined) {
      where.push(`status IN (${f.statuses.map(() => "?").join(", ") || "NULL"})`);
      params.push(...f.statuses);
    }
    if (f.after !== undefined) {
      where.push("id > ?");
      params.push(f.after);
    }
    const rows = this.all<CaseRow>(
      `SELECT * FROM dir_cases WHERE ${where.join(" AND ")} ORDER BY id LIMIT ?`,
      ...params,
      f.limit,
    );
    return this.withNotes(tenantId, rows);
  }

  async addCaseNote(tenantId: string, caseId: string, note: CaseNoteRecord): Promise<CaseRecord | null> {
    const added = this.db.transaction(() => {
      if (
        this.run(
          "UPDATE dir_cases SET updated_at = ? WHERE tenant_id = ? AND id = ?",
          note.at,
          tenantId,
          caseId,
        ) === 0
      )
        return false;
      this.run(
        "INSERT INTO dir_case_notes (tenant_id, case_id, id, author_id, text, at) VALUES (?, ?, ?, ?, ?, ?)",
        tenantId,
        caseId,
        note.id,
        note.authorId,
        note.text,
        note.at,
      );
      return true;
    })();
    return added ? this.getCase(tenantId, caseId) : null;
  }

  /** The cases with their notes, oldest note first: one query for the notes of all of them. */
  private withNotes(tenantId: string, rows: CaseRow[]): CaseRecord[] {
    const notes = new Map<string, CaseNoteRecord[]>();
    if (rows.length > 0)
      for (const n of this.all<NoteRow>(
        `SELECT case_id, id, author_id, text, at FROM dir_case_notes
         WHERE tenant_id = ? AND case_id IN (${rows.map(() => "?").join(", ")}) ORDER BY n`,
        tenantId,
        ...rows.map((r) => r.id),
      )) {
        const list = notes.get(n.case_id) ?? [];
        list.push(noteOf(n));
        notes.set(n.case_id, list);
      }
    return rows.map((r) => ({
      id: r.id,
      contactId: r.contact_id,
      accountId: r.account_id,
      subject: r.subject,
      status: r.status as CaseRecord["status"],
      priority: r.priority as CaseRecord["priority"],
      description: r.description,
      notes: notes.get(r.id) ?? [],
      createdAt: r.created_at,
      updatedAt: r.updated_at,
    }));
  }

  async putArticle(
    tenantId: string,
    a: Omit<ArticleRecord, "createdAt" | "updatedAt">,
    now: number,
  ): Promise<ArticleRecord> {
    this.db.transaction(() => {
      this.run(
        `INSERT INTO kb_articles (tenant_id, id, title, body, tags, tag_words, created_at, updated_at)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?)
         ON CONFLICT (tenant_id, id) DO UPDATE SET title = excluded.title, body = excluded.body,
           tags = excluded.tags, tag_words = excluded.tag_words, updated_at = excluded.updated_at`,
        tenantId,
        a.id,
        a.title,
        a.body,
        JSON.stringify(a.tags),
        a.tags.join(" "),
        now,
        now,
      );
      this.run("DELETE FROM kb_article_tags WHERE tenant_id = ? AND article_id = ?", tenantId, a.id);
      const insert = this.db.prepare(
        "INSERT OR IGNORE INTO kb_article_tags (tenant_id, tag, article_id) VALUES (?, ?, ?)",
      );
      for (const tag of a.tags) insert.run(tenantId, tag, a.id);
    })();
    return (await this.getArticle(tenantId, a.id)) as ArticleRecord;
  }

  async getArticle(tenantId: string, id: string): Promise<ArticleRecord | null> {
    const row = this.get<ArticleRow>(
      "SELECT * FROM kb_articles WHERE tenant_id = ? AND id = ?",
      tenantId,
      id,
    );
    return row ? articleOf(row) : null;
  }

  async deleteArticle(tenantId: string, id: string): Promise<boolean> {
    return this.db.transaction(() => {
      this.run("DELETE FROM kb_article_tags WHERE tenant_id = ? AND article_id = ?", tenantId, id);
      return this.run("DELETE FROM kb_articles WHERE tenant_id = ? AND id = ?", tenantId, id) > 0;
    })();
  }

  async listArticles(
    tenantId: string,
    f: ListWindow & { tag?: string | undefined },
  ): Promise<ArticleRecord[]> {
    const where = ["a.tenant_id = ?"];
    const params: unknown[] = [tenantId];
    if (f.tag !== undefined) {
      where.push(
        "EXISTS (SELECT 1 FROM kb_article_tags t WHERE t.tenant_id = a.tenant_id AND t.tag = ? AND t.article_id = a.id)",
      );
      params.push(f.tag);
    }
    if (f.after !== undefined) {
      where.push("a.id > ?");
      params.push(f.after);
    }
    return this.all<ArticleRow>(
      `SELECT a.* FROM kb_articles a WHERE ${where.join(" AND ")} ORDER BY a.id LIMIT ?`,
      ...params,
      f.limit,
    ).map(articleOf);
  }

  async searchArticles(
    tenantId: string,
    query: SearchQuery,
    options: { tag?: string | undefined; limit: number },
  ): Promise<ArticleHitRecord[]> {
    const tag =
      options.tag === undefined
        ? ""
        : "AND EXISTS (SELECT 1 FROM kb_article_tags t WHERE t.tenant_id = a.tenant_id AND t.tag = ? AND t.article_id = a.id)";
    const rows = this.all<ArticleRow & { score: number; snippet: string | null }>(
      `SELECT a.id, a.title, a.tags, a.updated_at, -${BM25} AS score,
         snippet(kb_articles_fts, 1, ?, ?, '…', ${SNIPPET_TOKENS}) AS snippet
       FROM kb_articles_fts JOIN kb_articles a ON a.rid = kb_articles_fts.rowid
       WHERE kb_articles_fts MATCH ? AND a.tenant_id = ? ${tag}
       ORDER BY ${BM25}, a.id LIMIT ?`,
      MARK_START,
      MARK_END,
      fts5Query(query),
      tenantId,
      ...(options.tag === undefined ? [] : [options.tag]),
      options.limit,
    );
    return rows.map((r) => ({
      id: r.id,
      title: r.title,
      tags: JSON.parse(r.tags) as string[],
      updatedAt: r.updated_at,
      score: r.score,
      snippet: snippetParts(r.snippet ?? ""),
    }));
  }

  async close(): Promise<void> {
    this.db.close();
  }
}
