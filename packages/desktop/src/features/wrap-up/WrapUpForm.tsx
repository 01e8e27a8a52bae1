import type { Me } from "@parley/protocol";
import { type FormEvent, useId, useState } from "react";
import { formatDuration } from "../../format/duration.ts";
import { t } from "../../i18n/t.ts";
import { useNow } from "../../shared/useNow.ts";

export interface WrapUpFormProps {
  readonly codes: Me["wrapUpCodes"];
  readonly busy: boolean;
  readonly onSubmit: (codeId: string) => void;
  /** WRP-3: when, on the local clock, the wrap-up submits itself with the default reason; null if it does not. */
  readonly autoWrapUpAt?: number | null;
}

/**
 * WRP-1: the wrap-up reasons with a search box; submitting ends the interaction for the agent.
 * WRP-3: with auto wrap-up, a countdown to when the server submits the default reason itself.
 */
export function WrapUpForm({ codes, busy, onSubmit, autoWrapUpAt = null }: WrapUpFormProps) {
  const id = useId();
  const [query, setQuery] = useState("");
  const [chosen, setChosen] = useState<string | null>(null);
  const q = query.trim().toLocaleLowerCase();
  const shown = q ? codes.filter((c) => c.name.toLocaleLowerCase().includes(q)) : codes;

  function submit(e: FormEvent) {
    e.preventDefault();
    if (chosen) onSubmit(chosen);
  }

  return (
    <form className="subform wrap-up" onSubmit={submit} aria-labelledby={`${id}-h`}>
      <h3 id={`${id}-h`}>{t("wrapUp.heading")}</h3>
      {autoWrapUpAt !== null && <AutoWrapUpCountdown at={autoWrapUpAt} />}
      <label htmlFor={`${id}-search`}>{t("wrapUp.search")}</label>
      <input
        id={`${id}-search`}
        type="search"
        value={query}
        onChange={(e) => setQuery(e.currentTarget.value)}
      />
      <fieldset className="choices">
        <legend>{t("wrapUp.reasons")}</legend>
        {shown.length === 0 && <p className="muted">{t("wrapUp.noMatch", { query })}</p>}
        {shown.map((c) => (
          <label key={c.id} className="choice">
            <input
              type="radio"
              name={`${id}-code`}
              value={c.id}
              checked={chosen === c.id}
              onChange={() => setChosen(c.id)}
            />
            {c.name}
          </label>
        ))}
      </fieldset>
      <button type="submit" className="primary" disabled={busy || chosen === null} aria-busy={busy}>
        {t("wrapUp.submit")}
      </button>
    </form>
  );
}

function AutoWrapUpCountdown({ at }: { at: number }) {
  const left = formatDuration(at - useNow());
  return (
    <p className="muted">
      {t("wrapUp.autoIn")}{" "}
      <span role="timer" aria-label={t("wrapUp.autoTimer")}>
        {left}
      </span>
    </p>
  );
}
