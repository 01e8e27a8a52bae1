import { useId } from "react";
import { AUTONYMS, isLanguage, LANGUAGES, setLanguage, useLanguage } from "./language.ts";
import { t } from "./t.ts";

/** The language switch: each language by its own name; the choice is kept in localStorage. */
export function LanguageSwitch() {
  const id = useId();
  const language = useLanguage();
  return (
    <div className="language-switch">
      <label htmlFor={id}>{t("language.label")}</label>
      <select
        id={id}
        value={language}
        onChange={(e) => {
          const next = e.currentTarget.value;
          if (isLanguage(next)) setLanguage(next);
        }}
      >
        {Object.keys(LANGUAGES).map((code) => (
          <option key={code} value={code} lang={code}>
            {AUTONYMS[code as keyof typeof AUTONYMS]}
          </option>
        ))}
      </select>
    </div>
  );
}
