import { useEffect, useId, useRef } from "react";
import { t } from "../../i18n/t.ts";

export interface RonaDialogProps {
  readonly busy: boolean;
  readonly onGoAvailable: () => void;
  readonly onGoIdle: () => void;
}

/** AGT-5, RTE-3: after a missed request the agent leaves RONA only by one of these two choices. */
export function RonaDialog({ busy, onGoAvailable, onGoIdle }: RonaDialogProps) {
  const id = useId();
  const first = useRef<HTMLButtonElement>(null);
  useEffect(() => first.current?.focus(), []);
  return (
    <section
      className="popover rona"
      role="alertdialog"
      aria-labelledby={`${id}-title`}
      aria-describedby={`${id}-body`}
    >
      <h2 id={`${id}-title`}>{t("rona.title")}</h2>
      <p id={`${id}-body`}>{t("rona.body")}</p>
      <div className="row">
        <button ref={first} type="button" className="primary" disabled={busy} onClick={onGoAvailable}>
          {t("rona.goAvailable")}
        </button>
        <button type="button" disabled={busy} onClick={onGoIdle}>
          {t("rona.goIdle")}
        </button>
      </div>
    </section>
  );
}
