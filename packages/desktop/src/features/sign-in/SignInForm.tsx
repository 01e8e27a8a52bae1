import { type FormEvent, useId, useState } from "react";
import type { Outcome, SignedOutReason } from "../../desk/deskStore.ts";
import { t } from "../../i18n/t.ts";

export interface SignInFormProps {
  readonly reason: SignedOutReason;
  readonly defaultTenant?: string;
  readonly onSubmit: (tenantId: string, userId: string, password: string) => Promise<Outcome>;
}

/** User and password; the tenant names the contact center. */
export function SignInForm({ reason, defaultTenant = "", onSubmit }: SignInFormProps) {
  const id = useId();
  const [error, setError] = useState<string | null>(
    reason === "session_ended" ? t("signIn.sessionEnded") : null,
  );
  const [working, setWorking] = useState(false);

  async function submit(e: FormEvent<HTMLFormElement>) {
    e.preventDefault();
    const form = new FormData(e.currentTarget);
    setWorking(true);
    setError(null);
    const out = await onSubmit(
      String(form.get("tenant")).trim(),
      String(form.get("user")).trim(),
      String(form.get("password")),
    );
    setWorking(false);
    if (!out.ok) setError(out.message);
  }

  return (
    <main className="card-page">
      <form className="card" onSubmit={submit} aria-labelledby={`${id}-h`}>
        <h1 id={`${id}-h`}>{t("signIn.heading")}</h1>
        <label htmlFor={`${id}-tenant`}>{t("signIn.tenant")}</label>
        <input
          id={`${id}-tenant`}
          name="tenant"
          defaultValue={defaultTenant}
          required
          autoComplete="organization"
        />
        <label htmlFor={`${id}-user`}>{t("signIn.user")}</label>
        <input id={`${id}-user`} name="user" required autoComplete="username" />
        <label htmlFor={`${id}-password`}>{t("signIn.password")}</label>
        <input
          id={`${id}-password`}
          name="password"
          type="password"
          required
          autoComplete="current-password"
        />
        {error && (
          <p className="form-error" role="alert">
            {error}
          </p>
        )}
        <button type="submit" className="primary" disabled={working} aria-busy={working}>
          {working ? t("signIn.working") : t("signIn.submit")}
        </button>
      </form>
    </main>
  );
}
