import pg from "pg";
import { transaction } from "../store/postgres.ts";
import { MARK_END, MARK_START, type SearchQuery, snippetParts } from "./search.ts";
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
 * The same tables as on SQLite. Articles carry a generated `tsvector` (title weighted A, tags B,
 * body D, `english` configuration) under a GIN index; the rank is `ts_rank` normalised by length
 * and the snippet is `ts_headline`, computed for the page of results only.
 */
const SCHEMA = `
CREATE TABLE IF NOT EXISTS dir_accounts (
  tenant_id text NOT NULL, id text NOT NULL, name text NOT NULL, name_folded text NOT NULL, number text,
  notes text NOT NULL, created_at bigint NOT NULL, updated_at bigint NOT NULL, PRIMARY KEY (tenant_id, id)
);
CREATE TABLE IF NOT EXISTS dir_contacts (
  tenant_id text NOT NULL, id text NOT NULL, name text NOT NULL, name_folded text NOT NULL, account_id text,
  data text NOT NULL, created_at bigint NOT NULL, updated_at bigint NOT NULL, PRIMARY KEY (tenant_id, id)
);
CREATE INDEX IF NOT EXISTS dir_contacts_account ON dir_contacts (tenant_id, account_id);
CREATE TABLE IF NOT EXISTS dir_contact_keys (
  tenant_id text NOT NULL, key text NOT NULL, contact_id text NOT NULL, PRIMARY KEY (tenant_id, key, contact_id)
);
CREATE INDEX IF NOT EXISTS dir_contact_keys_contact ON dir_contact_keys (tenant_id, contact_id);
CREATE TABLE IF NOT EXISTS dir_cases (
  tenant_id text NOT NULL, id text NOT NULL, contact_id text NOT NULL, account_id text, subject text NOT NULL,
  status text NOT NULL, priority text NOT NULL, description text NOT NULL,
  created_at bigint NOT NULL, updated_at bigint NOT NULL, PRIMARY KEY (tenant_id, id)
);
CREATE INDEX IF NOT EXISTS dir_cases_contact ON dir_cases (tenant_id, contact_id, status);
CREATE INDEX IF NOT EXISTS dir_cases_account ON dir_cases (tenant_id, account_id);
CREATE TABLE IF NOT EXISTS dir_case_notes (
  n bigserial PRIMARY KEY, tenant_id text NOT NULL, case_id text NOT NULL, id text NOT NULL,
  author_id text NOT NULL, text text NOT NULL, at bigint NOT NULL
);
CREATE INDEX IF NOT EXISTS dir_case_notes_case ON dir_case_notes (tenant_id, case_id, n);
CREATE TABLE IF NOT EXISTS kb_articles (
  tenant_id text NOT NULL, id text NOT NULL, title text NOT NULL, body text NOT NULL,
  tags text NOT NULL, tag_words text NOT NULL, created_at bigint NOT NULL, updated_at bigint NOT NULL,
  search tsvector GENERATED ALWAYS AS (
    setweight(to_tsvector('english', title), 'A') ||
    setweight(to_tsvector('english', tag_words), 'B') ||
    setweight(to_tsvector('english', body), 'D')
  ) STORED,
  PRIMARY KEY (tenant_id, id)
);
CREATE INDEX IF NOT EXISTS kb_articles_search ON kb_articles USING gin (search);
CREATE TABLE IF NOT EXISTS kb_article_tags (
  tenant_id text NOT NULL, tag text NOT NULL, article_id text NOT NULL, PRIMARY KEY (tenant_id, tag, article_id)
);
CREATE INDEX IF NOT EXISTS kb_article_tags_article ON kb_article_tags (tenant_id, article_id);
`;

/** ts_rank normalisation 1: divided by 1 + the log of the length, as bm25 favours shorter articles. */
const RANK_NORMALIZATION = 1;
const HEADLINE = `StartSel="${MARK_START}", StopSel="${MARK_END}", MinWords=12, MaxWords=30, ShortWord=2, MaxFragments=2, FragmentDelimiter=" … "`;

type Num = string | number;
interface ContactRow {
  id: string;
  name: string;
  account_id: string | null;
  data: string;
  created_at: Num;
  updated_at: Num;
}
interface AccountRow {
  id: string;
  name: string;
  number: string | null;
  notes: string;
  created_at: Num;
  updated_at: Num;
}
interface CaseRow {
  id: string;
  contact_id: string;
  account_id: string | null;
  subject: string;
  status: string;
  priority: string;
  description: string;
  created_at: Num;
  updated_at: Num;
}
interface NoteRow {
  case_id: string;
  id: string;
  author_id: string;
  text: string;
  at: Num;
}
interface ArticleRow {
  id: string;
  title: string;
  body: string;
  tags: string;
  created_at: Num;
  updated_at: Num;
}

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
    createdAt: Number(r.created_at),
    updatedAt: Number(r.updated_at),
  };
};
const accountOf = (r: AccountRow): AccountRecord => ({
  id: r.id,
  name: r.name,
  number: r.number,
  notes: r.notes,
  createdAt: Number(r.created_at),
  updatedAt: Number(r.updated_at),
});
const articleOf = (r: ArticleRow): ArticleRecord => ({
  id: r.id,
  title: r.title,
  body: r.body,
  tags: JSON.parse(r.tags) as string[],
  createdAt: Number(r.created_at),
  updatedAt: Number(r.updated_at),
});

type Queryable = Pick<pg.Pool, "query"> | pg.PoolClient;

/** A WHERE clause built up with numbered parameters. */
class Where {
  readonly parts: string[] = [];
  constructor(readonly params: unknown[]) {}
  add(sql: (p: string) => string, value: unknown): void {
    this.params.push(value);
    this.parts.push(sql(`$${this.params.length}`));
  }
  next(value: unknown): string {
    this.params.push(value);
    return `$${this.params.length}`;
  }
  get sql(): string {
    return this.parts.join(" AND ");
  }
}

/** The directory on PostgreSQL 15: a small pool of its own on the event store's database. */
export class PostgresDirectoryStore implements DirectoryStore {
  readonly kind = "postgres";

  private constructor(private readonly pool: pg.Pool) {}

  static async open(url: string): Promise<PostgresDirectoryStore> {
    const pool = new pg.Pool({ connectionString: url, application_name: "parley-directory", max: 5 });
    pool.on("error", () => {});
    try {
      await transaction(pool, async (client) => {
        await client.query("SELECT pg_advisory_xact_lock(hashtext('parley.directory.schema'))");
        await client.query(SCHEMA);
      });
    } catch (error) {
      await pool.end();
      throw error;
    }
    return new PostgresDirectoryStore(pool);
  }

  async putContact(
    tenantId: string,
    c: Omit<ContactRecord, "createdAt" | "updatedAt">,
    keys: readonly string[],
    now: number,
  ): Promise<ContactRecord> {
    const data: ContactData = { phones: c.phones, emails: c.emails, social: c.social, notes: c.notes };
    let row: ContactRow | undefined;
    await transaction(this.pool, async (client) => {
      ({
        rows: [row],
      } = await client.query<ContactRow>(
        `INSERT INTO dir_contacts (tenant_id, id, name, name_folded, account_id, data, created_at, updated_at)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $7)
         ON CONFLICT (tenant_id, id) DO UPDATE SET name = excluded.name, name_folded = excluded.name_folded,
           account_id = excluded.account_id, data = excluded.data, updated_at = excluded.updated_at
         RETURNING *`,
        [tenantId, c.id, c.name, c.name.toLowerCase(), c.accountId, JSON.stringify(data), now],
      ));
      await client.query("DELETE FROM dir_contact_keys WHERE tenant_id = $1 AND contact_id = $2", [
        tenantId,
        c.id,
      ]);
      await client.query(
        `INSERT INTO dir_contact_keys (tenant_id, key, contact_id)
         SELECT $1, k, $2 FROM unnest($3::text[]) AS k ON CONFLICT DO NOTHING`,
        [tenantId, c.id, [...new Set(keys)]],
      );
    });
    return contactOf(row as ContactRow);
  }

  async getContact(tenantId: string, id: string): Promise<ContactRecord | null> {
    const { rows } = await this.pool.query<ContactRow>(
      "SELECT * FROM dir_contacts WHERE tenant_id = $1 AND id = $2",
      [tenantId, id],
    );
    return rows[0] ? contactOf(rows[0]) : null;
  }

  async deleteContact(tenantId: string, id: string): Promise<boolean> {
    let deleted = false;
    await transaction(this.pool, async (client) => {
      await client.query(
        "DELETE FROM dir_case_notes WHERE tenant_id = $1 AND case_id IN (SELECT id FROM dir_cases WHERE tenant_id = $1 AND contact_id = $2)",
        [tenantId, id],
      );
      await client.query("DELETE FROM dir_cases WHERE tenant_id = $1 AND contact_id = $2", [tenantId, id]);
      await client.query("DELETE FROM dir_contact_keys WHERE tenant_id = $1 AND contact_id = $2", [
        tenantId,
        id,
      ]);
      const r = await client.query("DELETE FROM dir_contacts WHERE tenant_id = $1 AND id = $2", [
        tenantId,
        id,
      ]);
      deleted = (r.rowCount ?? 0) > 0;
    });
    return deleted;
  }

  async listContacts(
    tenantId: string,
    f: ListWindow & { nameContains?: string | undefined; accountId?: string | undefined },
  ): Promise<ContactRecord[]> {
    const w = new Where([]);
    w.add((p) => `tenant_id = ${p}`, tenantId);
    if (f.nameContains !== undefined) w.add((p) => `name_folded LIKE ${p}`, likePattern(f.nameContains));
    if (f.accountId !== undefined) w.add((p) => `account_id = ${p}`, f.accountId);
    if (f.after !== undefined) w.add((p) => `id COLLATE "C" > ${p}`, f.after);
    const { rows } = await this.pool.query<ContactRow>(
      `SELECT * FROM dir_contacts WHERE ${w.sql} ORDER BY id COLLATE "C" LIMIT ${w.next(f.limit)}`,
      w.params,
    );
    return rows.map(contactOf);
  }

  async findContacts(tenantId: string, keys: readonly string[], limit: number): Promise<ContactRecord[]> {
    if (keys.length === 0) return [];
    const { rows } = await this.pool.query<ContactRow>(
      `SELECT * FROM dir_contacts c WHERE c.tenant_id = $1 AND c.id IN (
         SELECT contact_id FROM dir_contact_keys WHERE tenant_id = $1 AND key = ANY($2::text[])
       ) ORDER BY c.id COLLATE "C" LIMIT $3`,
      [tenantId, [...keys], limit],
    );
    return rows.map(contactOf);
  }

  async putAccount(
    tenantId: string,
    a: Omit<AccountRecord, "createdAt" | "updatedAt">,
    now: number,
  ): Promise<AccountRecord> {
    const { rows } = await this.pool.query<AccountRow>(
      `INSERT INTO dir_accounts (tenant_id, id, name, name_folded, number, notes, created_at, updated_at)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $7)
       ON CONFLICT (tenant_id, id) DO UPDATE SET name = excluded.name, name_folded = excluded.name_folded,
         number = excluded.number, notes = excluded.notes, updated_at = excluded.updated_at
       RETURNING *`,
      [tenantId, a.id, a.name, a.name.toLowerCase(), a.number, a.notes, now],
    );
    return accountOf(rows[0] as AccountRow);
  }

  async getAccount(tenantId: string, id: string): Promise<AccountRecord | null> {
    const { rows } = await this.pool.query<AccountRow>(
      "SELECT * FROM dir_accounts WHERE tenant_id = $1 AND id = $2",
      [tenantId, id],
    );
    return rows[0] ? accountOf(rows[0]) : null;
  }

  async deleteAccount(tenantId: string, id: string): Promise<boolean> {
    let deleted = false;
    await transaction(this.pool, async (client) => {
      await client.query(
        "UPDATE dir_contacts SET account_id = NULL WHERE tenant_id = $1 AND account_id = $2",
        [tenantId, id],
      );
      await client.query("UPDATE dir_cases SET account_id = NULL WHERE tenant_id = $1 AND account_id = $2", [
        tenantId,
        id,
      ]);
      const r = await client.query("DELETE FROM dir_accounts WHERE tenant_id = $1 AND id = $2", [
        tenantId,
        id,
      ]);
      deleted = (r.rowCount ?? 0) > 0;
    });
    return deleted;
  }

  async listAccounts(
    tenantId: string,
    f: ListWindow & { nameContains?: string | undefined },
  ): Promise<AccountRecord[]> {
    const w = new Where([]);
    w.add((p) => `tenant_id = ${p}`, tenantId);
    if (f.nameContains !== undefined) w.add((p) => `name_folded LIKE ${p}`, likePattern(f.nameContains));
    if (f.after !== undefined) w.add((p) => `id COLLATE "C" > ${p}`, f.after);
    const { rows } = await this.pool.query<AccountRow>(
      `SELECT * FROM dir_accounts WHERE ${w.sql} ORDER BY id COLLATE "C" LIMIT ${w.next(f.limit)}`,
      w.params,
    );
    return rows.map(accountOf);
  }

  async putCase(
    tenantId: string,
    c: Omit<CaseRecord, "notes" | "createdAt" | "updatedAt">,
    now: number,
  ): Promise<CaseRecord> {
    const { rows } = await this.pool.query<CaseRow>(
      `INSERT INTO dir_cases (tenant_id, id, contact_id, account_id, subject, status, priority, description, created_at, updated_at)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $9)
       ON CONFLICT (tenant_id, id) DO UPDATE SET contact_id = excluded.contact_id, account_id = excluded.account_id,
         subject = excluded.subject, status = excluded.status, priority = excluded.priority,
         description = excluded.description, updated_at = excluded.updated_at
       RETURNING *`,
      [tenantId, c.id, c.contactId, c.accountId, c.subject, c.status, c.priority, c.description, now],
    );
    return (await this.withNotes(this.pool, tenantId, rows))[0] as CaseRecord;
  }

  async getCase(tenantId: string, id: string): Promise<CaseRecord | null> {
    const { rows } = await this.pool.query<CaseRow>(
      "SELECT * FROM dir_cases WHERE tenant_id = $1 AND id = $2",
      [tenantId, id],
    );
    return (await this.withNotes(this.pool, tenantId, rows))[0] ?? null;
  }

  async deleteCase(tenantId: string, id: string): Promise<boolean> {
    let deleted = false;
    await transaction(this.pool, async (client) => {
      await client.query("DELETE FROM dir_case_notes WHERE tenant_id = $1 AND case_id = $2", [tenantId, id]);
      const r = await client.query("DELETE FROM dir_cases WHERE tenant_id = $1 AND id = $2", [tenantId, id]);
      deleted = (r.rowCount ?? 0) > 0;
    });
    return deleted;
  }

  async listCases(
    tenantId: string,
    f: ListWindow & {
      contactId?: string | undefined;
      accountId?: string | undefined;
      statuses?: readonly CaseStatusValue[] | undefined;
    },
  ): Promise<CaseRecord[]> {
    const w = new Where([]);
    w.add((p) => `tenant_id = ${p}`, tenantId);
    if (f.contactId !== undefined) w.add((p) => `contact_id = ${p}`, f.contactId);
    if (f.accountId !== undefined) w.add((p) => `account_id = ${p}`, f.accountId);
    if (f.statuses !== undefined) w.add((p) => `status = ANY(${p}::text[])`, [...f.statuses]);
    if (f.after !== undefined) w.add((p) => `id COLLATE "C" > ${p}`, f.after);
    const { rows } = await this.pool.query<CaseRow>(
      `SELECT * FROM dir_cases WHERE ${w.sql} ORDER BY id COLLATE "C" LIMIT ${w.next(f.limit)}`,
      w.params,
    );
    return this.withNotes(this.pool, tenantId, rows);
  }

  async addCaseNote(tenantId: string, caseId: string, note: CaseNoteRecord): Promise<CaseRecord | null> {
    let found = false;
    await transaction(this.pool, async (client) => {
      const r = await client.query("UPDATE dir_cases SET updated_at = $3 WHERE tenant_id = $1 AND id = $2", [
        tenantId,
        caseId,
        note.at,
      ]);
      found = (r.rowCount ?? 0) > 0;
      if (found)
        await client.query(
          "INSERT INTO dir_case_notes (tenant_id, case_id, id, author_id, text, at) VALUES ($1, $2, $3, $4, $5, $6)",
          [tenantId, caseId, note.id, note.authorId, note.text, note.at],
        );
    });
    return found ? this.getCase(tenantId, caseId) : null;
  }

  private async withNotes(db: Queryable, tenantId: string, rows: CaseRow[]): Promise<CaseRecord[]> {
    const notes = new Map<string, CaseNoteRecord[]>();
    if (rows.length > 0) {
      const { rows: found } = await db.query<NoteRow>(
        `SELECT case_id, id, author_id, text, at FROM dir_case_notes
         WHERE tenant_id = $1 AND case_id = ANY($2::text[]) ORDER BY n`,
        [tenantId, rows.map((r) => r.id)],
      );
      for (const n of found) {
        const list = notes.get(n.case_id) ?? [];
        list.push({ id: n.id, authorId: n.author_id, text: n.text, at: Number(n.at) });
        notes.set(n.case_id, list);
      }
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
      createdAt: Number(r.created_at),
      updatedAt: Number(r.updated_at),
    }));
  }

  async putArticle(
    tenantId: string,
    a: Omit<ArticleRecord, "createdAt" | "updatedAt">,
    now: number,
  ): Promise<ArticleRecord> {
    let row: ArticleRow | undefined;
    await transaction(this.pool, async (client) => {
      ({
        rows: [row],
      } = await client.query<ArticleRow>(
        `INSERT INTO kb_articles (tenant_id, id, title, body, tags, tag_words, created_at, updated_at)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $7)
         ON CONFLICT (tenant_id, id) DO UPDATE SET title = excluded.title, body = excluded.body,
           tags = excluded.tags, tag_words = excluded.tag_words, updated_at = excluded.updated_at
         RETURNING id, title, body, tags, created_at, updated_at`,
        [tenantId, a.id, a.title, a.body, JSON.stringify(a.tags), a.tags.join(" "), now],
      ));
      await client.query("DELETE FROM kb_article_tags WHERE tenant_id = $1 AND article_id = $2", [
        tenantId,
        a.id,
      ]);
      await client.query(
        `INSERT INTO kb_article_tags (tenant_id, tag, article_id)
         SELECT $1, t, $2 FROM unnest($3::text[]) AS t ON CONFLICT DO NOTHING`,
        [tenantId, a.id, [...new Set(a.tags)]],
      );
    });
    return articleOf(row as ArticleRow);
  }

  async getArticle(tenantId: string, id: string): Promise<ArticleRecord | null> {
    const { rows } = await this.pool.query<ArticleRow>(
      "SELECT id, title, body, tags, created_at, updated_at FROM kb_articles WHERE tenant_id = $1 AND id = $2",
      [tenantId, id],
    );
    return rows[0] ? articleOf(rows[0]) : null;
  }

  async deleteArticle(tenantId: string, id: string): Promise<boolean> {
    let deleted = false;
    await transaction(this.pool, async (client) => {
      await client.query("DELETE FROM kb_article_tags WHERE tenant_id = $1 AND article_id = $2", [
        tenantId,
        id,
      ]);
      const r = await client.query("DELETE FROM kb_articles WHERE tenant_id = $1 AND id = $2", [
        tenantId,
        id,
      ]);
      deleted = (r.rowCount ?? 0) > 0;
    });
    return deleted;
  }

  async listArticles(
    tenantId: string,
    f: ListWindow & { tag?: string | undefined },
  ): Promise<ArticleRecord[]> {
    const w = new Where([]);
    w.add((p) => `a.tenant_id = ${p}`, tenantId);
    if (f.tag !== undefined)
      w.add(
        (p) =>
          `EXISTS (SELECT 1 FROM kb_article_tags t WHERE t.tenant_id = a.tenant_id AND t.tag = ${p} AND t.article_id = a.id)`,
        f.tag,
      );
    if (f.after !== undefined) w.add((p) => `a.id COLLATE "C" > ${p}`, f.after);
    const { rows } = await this.pool.query<ArticleRow>(
      `SELECT a.id, a.title, a.body, a.tags, a.created_at, a.updated_at FROM kb_articles a
       WHERE ${w.sql} ORDER BY a.id COLLATE "C" LIMIT ${w.next(f.limit)}`,
      w.params,
    );
    return rows.map(articleOf);
  }

  async searchArticles(
    tenantId: string,
    query: SearchQuery,
    options: { tag?: string | undefined; limit: number },
  ): Promise<ArticleHitRecord[]> {
    const w = new Where([]);
    const phrase = (words: readonly string[]) => `phraseto_tsquery('english', ${w.next(words.join(" "))})`;
    const wanted = query.include.map(phrase).join(" && ");
    const unwanted = query.exclude.map(phrase).join(" || ");
    const tsquery = unwanted ? `(${wanted}) && !!(${unwanted})` : wanted;
    w.add((p) => `a.tenant_id = ${p}`, tenantId);
    w.parts.push("a.search @@ q.query");
    if (options.tag !== undefined)
      w.add(
        (p) =>
          `EXISTS (SELECT 1 FROM kb_article_tags t WHERE t.tenant_id = a.tenant_id AND t.tag = ${p} AND t.article_id = a.id)`,
        options.tag,
      );
    const { rows } = await this.pool.query<{
      id: string;
      title: string;
      tags: string;
      updated_at: Num;
      score: number;
      snippet: string;
    }>(
      `WITH q AS (SELECT ${tsquery} AS query),
       hits AS (
         SELECT a.id, a.title, a.body, a.tags, a.updated_at,
           ts_rank(a.search, q.query, ${RANK_NORMALIZATION}) AS score
         FROM kb_articles a, q WHERE ${w.sql}
         ORDER BY score DESC, a.id COLLATE "C" LIMIT ${w.next(options.limit)}
       )
       SELECT h.id, h.title, h.tags, h.updated_at, h.score::float8 AS score,
         ts_headline('english', h.body, q.query, ${w.next(HEADLINE)}) AS snippet
       FROM hits h, q ORDER BY h.score DESC, h.id COLLATE "C"`,
      w.params,
    );
    return rows.map((r) => ({
      id: r.id,
      title: r.title,
      tags: JSON.parse(r.tags) as string[],
      updatedAt: Number(r.updated_at),
      score: Number(r.score),
      snippet: snippetParts(r.snippet),
    }));
  }

  async close(): Promise<void> {
    await this.pool.end();
  }
}
