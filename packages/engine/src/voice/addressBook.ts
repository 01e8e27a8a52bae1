import { type DialNumberErrorCode, type DialNumberOptions, parseDialNumber } from "./dialNumber.ts";

/** One contact of the enterprise address book offered in the dial-number field (DIAL-4). */
export interface AddressBookEntry {
  readonly id: string;
  readonly name: string;
  /** As entered, formatting allowed: "+46 8 123 456 78" is sanitised when dialled (DIAL-2). */
  readonly number: string;
}

export interface AddressBookIssue {
  /** Where in the list, e.g. `[3].number`. */
  readonly path: string;
  readonly code: "MISSING" | "DUPLICATE_ID" | DialNumberErrorCode;
  readonly message: string;
}

// The root collation under a fixed locale, so results never depend on the host's locale. At base
// strength it folds case and accents, including letters that do not decompose ("Bjørn" ~ "bjorn",
// "Straße" ~ "strasse"); ignoring punctuation lets "obrien" find "O'Brien".
const searchCollator = new Intl.Collator("en", {
  usage: "search",
  sensitivity: "base",
  ignorePunctuation: true,
});
const sortCollator = new Intl.Collator("en", { numeric: true });

const WORD = /[\p{L}\p{M}\p{N}]+/gu;

/**
 * The entries matching what the agent has typed so far, best first (DIAL-4).
 *
 * A name matches when it starts with the query (first) or when one of its later words does; a
 * query without letters also matches numbers whose digits contain the query's digits, formatting
 * ignored on both sides (last). Case and accents never matter. Within a tier an earlier match
 * comes first, then names in alphabetical order, then the list's order. A query without letters
 * or digits offers the whole book by name.
 *
 * @example filterAddressBook(book, "lind") // finds "Anna Lindqvist"
 */
export function filterAddressBook(
  entries: readonly AddressBookEntry[],
  query: string,
  limit = 20,
): AddressBookEntry[] {
  const q = query.normalize("NFC").trim().replace(/\s+/g, " ");
  const hasLetters = /\p{L}/u.test(q);
  const queryDigits = hasLetters ? "" : digitsOf(q);
  const everything = !hasLetters && !/\p{N}/u.test(q);

  const matches: Match[] = [];
  entries.forEach((entry, index) => {
    const match = everything ? { tier: 0, position: 0 } : rank(entry, q, queryDigits);
    if (match) matches.push({ entry, index, ...match });
  });
  matches.sort(
    (a, b) =>
      a.tier - b.tier ||
      a.position - b.position ||
      sortCollator.compare(a.entry.name, b.entry.name) ||
      a.index - b.index,
  );
  return matches.slice(0, Math.max(0, limit)).map((m) => m.entry);
}

/** What a desktop cannot offer: duplicate or empty ids, empty names, numbers that cannot be dialled. */
export function validateAddressBook(
  entries: readonly AddressBookEntry[],
  options?: DialNumberOptions,
): AddressBookIssue[] {
  const issues: AddressBookIssue[] = [];
  const seen = new Set<string>();
  entries.forEach((entry, i) => {
    if (!entry.id.trim())
      issues.push({ path: `[${i}].id`, code: "MISSING", message: `Entry ${i} has no id` });
    else if (seen.has(entry.id))
      issues.push({
        path: `[${i}].id`,
        code: "DUPLICATE_ID",
        message: `Duplicate id "${entry.id}" in the address book`,
      });
    seen.add(entry.id);
    if (!entry.name.trim())
      issues.push({ path: `[${i}].name`, code: "MISSING", message: `Entry "${entry.id}" has no name` });
    const dial = parseDialNumber(entry.number, options);
    if (!dial.ok)
      issues.push({
        path: `[${i}].number`,
        code: dial.code,
        message: `Entry "${entry.id}": ${dial.message}`,
      });
  });
  return issues;
}

interface Match {
  readonly entry: AddressBookEntry;
  readonly index: number;
  /** 0: the name starts with the query; 1: a later word does; 2: the number's digits contain it. */
  readonly tier: number;
  /** Where in the name (word index) or the number's digits the match begins. */
  readonly position: number;
}

function rank(
  entry: AddressBookEntry,
  q: string,
  queryDigits: string,
): Omit<Match, "entry" | "index"> | undefined {
  const name = entry.name.normalize("NFC");
  let word = 0;
  for (const { index } of name.matchAll(WORD)) {
    if (startsWith(name, index, q)) return { tier: word === 0 ? 0 : 1, position: word };
    word++;
  }
  if (queryDigits) {
    const at = digitsOf(entry.number).indexOf(queryDigits);
    if (at >= 0) return { tier: 2, position: at };
  }
  return undefined;
}

/**
 * Whether `text` from `start` begins with `query` under the search collator. Folding changes
 * lengths ("ß" ~ "ss", ignored punctuation and spaces), so ends up to three characters of text per
 * character of query are tried rather than `query.length` alone; the bound keeps the work per word
 * proportional to the query, not to the rest of the name.
 */
function startsWith(text: string, start: number, query: string): boolean {
  const last = Math.min(text.length, start + 3 * query.length + 3);
  for (let end = start + 1; end <= last; end++)
    if (searchCollator.compare(text.slice(start, end), query) === 0) return true;
  return false;
}

const digitsOf = (s: string): string => s.replace(/[^0-9]/g, "");
