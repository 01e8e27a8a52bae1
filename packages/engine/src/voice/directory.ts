import type { Expert } from "../config/types.ts";

const fold = new Intl.Collator("en", { sensitivity: "base", ignorePunctuation: true });
const digits = (s: string) => s.replace(/[^0-9]/g, "");

/** True when `word` starts with `query`, ignoring case, accents and punctuation. */
const startsWith = (word: string, query: string) =>
  word.length >= query.length && fold.compare(word.slice(0, query.length), query) === 0;

/**
 * Search the organization directory as the agent types: by name, role or department (any word
 * prefix), by e-mail, or by the full phone number. Only experts with a work phone are listed —
 * a consult reaches them by phone. Implements CNS-13.
 */
export function searchDirectory(experts: readonly Expert[], query: string, limit = 20): Expert[] {
  const q = query.trim();
  const callable = experts.filter((e) => e.workPhone && digits(e.workPhone).length > 0);
  if (!q) return callable.slice(0, limit);
  const qDigits = digits(q);
  const byNumber = /^[+0-9 ()-]+$/.test(q) && qDigits.length > 0;
  return callable
    .filter((e) => {
      if (byNumber) return digits(e.workPhone ?? "") === qDigits;
      const words = [e.name, e.role ?? "", e.department ?? ""].flatMap((t) => t.split(/\s+/));
      return (
        words.some((w) => startsWith(w, q)) ||
        startsWith(e.name, q) ||
        (e.email !== undefined && startsWith(e.email, q))
      );
    })
    .slice(0, limit);
}
