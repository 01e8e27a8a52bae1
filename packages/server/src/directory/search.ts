/**
 * A knowledge-base search as typed in a search box, read once and then written as each store's
 * query: SQLite FTS5 `MATCH` syntax or a PostgreSQL `tsquery`. Raw input never reaches either
 * parser, so quotes, `AND`, `*` or `:` in what an agent types cannot make a query fail.
 *
 * - words: every one must match (`reset router`);
 * - `"a phrase"`: the words in that order (so does `wi-fi`: a word with inner punctuation);
 * - `-word`, `-"a phrase"`: articles with it are left out.
 */
export interface SearchQuery {
  /** Phrases that must all occur; a phrase is one word or more. */
  readonly include: readonly (readonly string[])[];
  /** Phrases none of which may occur. */
  readonly exclude: readonly (readonly string[])[];
}

/** More terms than this are ignored: a search box, not a document. */
export const MAX_TERMS = 16;

const TOKEN = /(-?)(?:"([^"]*)"?|(\S+))/g;
const WORD = /[\p{L}\p{N}]+/gu;

/** Null when nothing is left to look for (no words, or only exclusions): no article matches. */
export function parseSearch(q: string): SearchQuery | null {
  const include: string[][] = [];
  const exclude: string[][] = [];
  for (const m of q.matchAll(TOKEN)) {
    if (include.length + exclude.length >= MAX_TERMS) break;
    const words = ((m[2] ?? m[3] ?? "").match(WORD) ?? []).map((w) => w.toLowerCase());
    if (words.length === 0) continue;
    (m[1] === "-" ? exclude : include).push(words);
  }
  return include.length > 0 ? { include, exclude } : null;
}

/** FTS5: each phrase quoted (its words are letters and digits only), ANDed, then NOT the rest. */
export function fts5Query(q: SearchQuery): string {
  const phrase = (words: readonly string[]) => `"${words.join(" ")}"`;
  const wanted = q.include.map(phrase).join(" AND ");
  return q.exclude.length === 0 ? wanted : `(${wanted}) NOT (${q.exclude.map(phrase).join(" OR ")})`;
}

/** Marks around a match in a snippet: private-use characters, removed from articles as they are stored. */
export const MARK_START = "\uE000";
export const MARK_END = "\uE001";
const MARKS = /[\uE000\uE001]/g;

export const withoutMarks = (text: string): string => text.replace(MARKS, "");

/** A marked snippet as parts: `[{ text: "Restart the ", match: false }, { text: "router", match: true }]`. */
export function snippetParts(marked: string): { text: string; match: boolean }[] {
  const parts: { text: string; match: boolean }[] = [];
  const push = (text: string, match: boolean) => {
    if (text === "") return;
    const last = parts.at(-1);
    if (last && last.match === match) last.text += text;
    else parts.push({ text, match });
  };
  let match = false;
  let from = 0;
  for (let i = 0; i < marked.length; i++) {
    const c = marked[i];
    if (c !== MARK_START && c !== MARK_END) continue;
    push(marked.slice(from, i), match);
    match = c === MARK_START;
    from = i + 1;
  }
  push(marked.slice(from), match);
  return parts;
}
