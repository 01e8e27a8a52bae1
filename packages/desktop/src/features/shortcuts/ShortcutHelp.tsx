import { t } from "../../i18n/t.ts";
import { SHORTCUTS } from "./shortcuts.ts";

/** The keyboard shortcuts, listed where the agent can look them up. */
export function ShortcutHelp() {
  return (
    <details className="shortcut-help">
      <summary>{t("shortcuts.heading")}</summary>
      <dl>
        {SHORTCUTS.map((s) => (
          <div key={s.shortcut}>
            <dt>
              <kbd aria-keyshortcuts={s.keys}>{s.keys}</kbd>
            </dt>
            <dd>{t(s.help)}</dd>
          </div>
        ))}
      </dl>
    </details>
  );
}
