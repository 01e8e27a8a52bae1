import type { ResponseOf, Routes } from "@parley/protocol";
import { useId, useState } from "react";
import { t } from "../../i18n/t.ts";

export type ArticleSearchResult = ResponseOf<Routes["searchArticles"]>;

export interface KnowledgeSearchProps {
  /** The query as typed: kept by the session, so it survives switching (SES-5). */
  readonly query: string;
  readonly onQuery: (query: string) => void;
  readonly search: (query: string) => Promise<ArticleSearchResult>;
}

type Found =
  | { readonly status: "idle" }
  | { readonly status: "searching" }
  | { readonly status: "done"; readonly query: string; readonly results: ArticleSearchResult["results"] }
  | { readonly status: "failed"; readonly message: string };

/** SES-14: the knowledge-base search a session opens as an application tab. */
export function KnowledgeSearch({ query, onQuery, search }: KnowledgeSearchProps) {
  const id = useId();
  const [found, setFound] = useState<Found>({ status: "idle" });
  const run = (q: string) => {
    setFound({ status: "searching" });
    search(q).then(
      (r) => setFound({ status: "done", query: q, results: r.results }),
      (e: Error) => setFound({ status: "failed", message: e.message }),
    );
  };
  return (
    <section className="kb" aria-labelledby={`${id}-h`}>
      <h3 id={`${id}-h`}>{t("kb.heading")}</h3>
      <form
        className="row"
        onSubmit={(e) => {
          e.preventDefault();
          if (query.trim()) run(query.trim());
        }}
      >
        <label htmlFor={`${id}-q`} className="visually-hidden">
          {t("kb.query")}
        </label>
        <input
          id={`${id}-q`}
          type="search"
          value={query}
          placeholder={t("kb.query")}
          onChange={(e) => onQuery(e.target.value)}
        />
        <button type="submit" disabled={!query.trim() || found.status === "searching"}>
          {t("kb.search")}
        </button>
      </form>
      {found.status === "searching" && <p className="muted">{t("kb.searching")}</p>}
      {found.status === "failed" && <p role="alert">{t("kb.failed", { message: found.message })}</p>}
      {found.status === "done" &&
        (found.results.length === 0 ? (
          <p className="muted">{t("kb.noResults", { query: found.query })}</p>
        ) : (
          <ol className="kb-results">
            {found.results.map((hit) => (
              <li key={hit.id}>
                <strong>{hit.title}</strong>
                <p>
                  {hit.snippet.map((part, i) =>
                    // biome-ignore lint/suspicious/noArrayIndexKey: a snippet's parts have no other identity
                    part.match ? <mark key={i}>{part.text}</mark> : <span key={i}>{part.text}</span>,
                  )}
                </p>
              </li>
            ))}
          </ol>
        ))}
    </section>
  );
}
