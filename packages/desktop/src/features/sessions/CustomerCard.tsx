import type { ResponseOf, Routes } from "@parley/protocol";
import { useEffect, useId, useRef, useState } from "react";
import { t } from "../../i18n/t.ts";

export type ContactLookupResult = ResponseOf<Routes["lookupContacts"]>;
type Match = ContactLookupResult["matches"][number];

export interface CustomerCardProps {
  /** The caller's number or the customer's address; null when the contact has none. */
  readonly address: string | null;
  readonly lookup: (address: string) => Promise<ContactLookupResult>;
}

type Lookup =
  | { readonly status: "loading" }
  | { readonly status: "done"; readonly matches: readonly Match[] }
  | { readonly status: "failed"; readonly message: string };

/**
 * The built-in screen pop (SES-16) and the customer's details of a session (SES-14): the
 * contacts the address belongs to, with their account and open cases, from the directory.
 */
export function CustomerCard({ address, lookup }: CustomerCardProps) {
  const id = useId();
  const [found, setFound] = useState<Lookup>({ status: "loading" });
  // The card looks up once per address, whatever function identity the parent passes each render.
  const lookupRef = useRef(lookup);
  lookupRef.current = lookup;
  useEffect(() => {
    if (!address) return;
    let live = true;
    setFound({ status: "loading" });
    lookupRef.current(address).then(
      (r) => live && setFound({ status: "done", matches: r.matches }),
      (e: Error) => live && setFound({ status: "failed", message: e.message }),
    );
    return () => {
      live = false;
    };
  }, [address]);

  let body: React.ReactNode;
  if (!address) body = <p className="muted">{t("customer.noAddress")}</p>;
  else if (found.status === "loading") body = <p className="muted">{t("customer.loading")}</p>;
  else if (found.status === "failed")
    body = <p role="alert">{t("customer.failed", { message: found.message })}</p>;
  else if (found.matches.length === 0) body = <p className="muted">{t("customer.notFound", { address })}</p>;
  else body = found.matches.map((m) => <MatchCard key={m.contact.id} match={m} />);

  return (
    <section className="customer-card" aria-labelledby={`${id}-h`}>
      <h3 id={`${id}-h`}>{t("customer.heading")}</h3>
      {body}
    </section>
  );
}

function MatchCard({ match }: { match: Match }) {
  const { contact, account, openCases } = match;
  return (
    <article className="card contact" aria-label={contact.name}>
      <h4>{contact.name}</h4>
      <dl className="facts">
        {contact.phones.length > 0 && (
          <>
            <dt>{t("customer.phones")}</dt>
            <dd>{contact.phones.map((p) => p.number).join(", ")}</dd>
          </>
        )}
        {contact.emails.length > 0 && (
          <>
            <dt>{t("customer.emails")}</dt>
            <dd>{contact.emails.join(", ")}</dd>
          </>
        )}
        {account && (
          <>
            <dt>{t("customer.account")}</dt>
            <dd>{account.number ? `${account.name} (${account.number})` : account.name}</dd>
          </>
        )}
      </dl>
      {contact.notes && <p className="notes">{contact.notes}</p>}
      <h5>{t("customer.openCases")}</h5>
      {openCases.length === 0 ? (
        <p className="muted">{t("customer.noCases")}</p>
      ) : (
        <ul className="cases">
          {openCases.map((c) => (
            <li key={c.id}>
              <strong>{c.subject}</strong> <span className="muted">{`${c.status} · ${c.priority}`}</span>
            </li>
          ))}
        </ul>
      )}
    </article>
  );
}
