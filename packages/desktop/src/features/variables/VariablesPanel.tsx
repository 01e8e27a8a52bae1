import { type FormEvent, useId, useState } from "react";
import { t } from "../../i18n/t.ts";
import {
  type Draft,
  editsOf,
  MAX_LENGTH,
  type SaveOutcome,
  type Variable,
  type VariableConflict,
  type VariableEdit,
  withRevealed,
} from "./drafts.ts";

export interface VariablesPanelProps {
  /** The task's variables as the server last said: saved values and versions. */
  readonly variables: readonly Variable[];
  /** The reader is the consulted agent: everything reads only (CALL-9). */
  readonly consulted: boolean;
  readonly onSave?: (edits: VariableEdit[]) => Promise<SaveOutcome>;
  /** Fetches the variables again with secure values revealed ("click to retry", CALL-7). */
  readonly onReveal?: () => Promise<readonly Variable[]>;
  /** Reads the task again (CALL-9: a refresh shows updated values). */
  readonly onRefresh?: () => void;
}

type Status =
  | { readonly kind: "idle" }
  | { readonly kind: "saving" }
  | { readonly kind: "saved"; readonly conflicts: readonly VariableConflict[] }
  | { readonly kind: "failed"; readonly message: string };

/**
 * Call-associated data: editable fields change during the call, at most 256 characters, date and
 * time in ISO 8601; Save sends the changed fields with the versions they were typed over, Revert
 * drops what was not saved (CALL-6). Secure values show a lock and stay masked until fetched again
 * (CALL-7). When another agent saved a field first, their value stays and the agent is told
 * (CALL-8). A consulted agent only reads (CALL-9).
 */
export function VariablesPanel({ variables, consulted, onSave, onReveal, onRefresh }: VariablesPanelProps) {
  const id = useId();
  const [drafts, setDrafts] = useState<Record<string, Draft>>({});
  const [revealed, setRevealed] = useState<readonly Variable[]>([]);
  const [status, setStatus] = useState<Status>({ kind: "idle" });
  const [revealError, setRevealError] = useState<string | null>(null);
  const rows = withRevealed(variables, revealed);
  const edits = editsOf(rows, drafts);
  const canEdit = !consulted && onSave !== undefined && rows.some((r) => r.editable);
  const saving = status.kind === "saving";

  const edit = (row: Variable, value: string) =>
    setDrafts((d) => ({ ...d, [row.name]: { value, baseVersion: d[row.name]?.baseVersion ?? row.version } }));

  async function save(e: FormEvent) {
    e.preventDefault();
    if (!onSave || edits.length === 0) return;
    setStatus({ kind: "saving" });
    const outcome = await onSave(edits);
    if (!outcome.ok) {
      setStatus({ kind: "failed", message: outcome.message });
      return;
    }
    // Saved or lost to an earlier save: either way the server's value is the one to show now.
    setDrafts((d) =>
      Object.fromEntries(Object.entries(d).filter(([name]) => !edits.some((x) => x.name === name))),
    );
    setStatus({ kind: "saved", conflicts: outcome.conflicts });
  }

  async function reveal() {
    if (!onReveal) return;
    setRevealError(null);
    try {
      setRevealed(await onReveal());
    } catch (e) {
      setRevealError((e as Error).message ?? String(e));
    }
  }

  return (
    <form className="variables" aria-labelledby={`${id}-h`} onSubmit={save}>
      <div className="row">
        <h3 id={`${id}-h`}>{t("variables.heading")}</h3>
        {onRefresh && (
          <button type="button" className="quiet" onClick={onRefresh}>
            {t("variables.refresh")}
          </button>
        )}
      </div>
      {consulted && <p className="muted">{t("variables.readOnly")}</p>}
      <dl>
        {rows.map((row) => {
          const inputId = `${id}-${row.name}`;
          const value = drafts[row.name]?.value ?? row.value ?? "";
          const editable = canEdit && row.editable;
          return (
            <div key={row.name} className="variable">
              <dt>
                {editable ? <label htmlFor={inputId}>{row.label}</label> : row.label}
                {row.secure && (
                  <span
                    className="lock"
                    role="img"
                    aria-label={t("variables.secure")}
                    title={t("variables.secure")}
                  >
                    {/* Drawn, not an emoji: a desktop without an emoji font would show a box. */}
                    <svg
                      viewBox="0 0 16 16"
                      width="0.9em"
                      height="0.9em"
                      aria-hidden="true"
                      focusable="false"
                    >
                      <path
                        d="M4.5 7V5a3.5 3.5 0 0 1 7 0v2h.5a1 1 0 0 1 1 1v6a1 1 0 0 1-1 1H4a1 1 0 0 1-1-1V8a1 1 0 0 1 1-1zm1.5 0h4V5a2 2 0 0 0-4 0z"
                        fill="currentColor"
                      />
                    </svg>
                  </span>
                )}
              </dt>
              <dd>
                {editable ? (
                  <ValueInput id={inputId} row={row} value={value} onChange={(v) => edit(row, v)} />
                ) : (
                  <span className={row.masked ? "masked" : undefined}>
                    {row.value ?? t("variables.unset")}
                  </span>
                )}
                {row.masked === "secure" && row.revealable && onReveal && (
                  <button
                    type="button"
                    className="quiet"
                    aria-label={t("variables.retryOf", { label: row.label })}
                    onClick={() => void reveal()}
                  >
                    {t("variables.retry")}
                  </button>
                )}
              </dd>
            </div>
          );
        })}
      </dl>
      {revealError && (
        <p role="alert" className="error">
          {t("variables.revealFailed", { message: revealError })}
        </p>
      )}
      <div role="status">
        {status.kind === "saving" && <p className="muted">{t("variables.saving")}</p>}
        {status.kind === "saved" && status.conflicts.length === 0 && (
          <p className="muted">{t("variables.saved")}</p>
        )}
        {status.kind === "saved" &&
          status.conflicts.map((c) => (
            <p key={c.name} className="warning">
              {t("variables.conflict", {
                label: rows.find((r) => r.name === c.name)?.label ?? c.name,
                yours: c.yourValue ?? t("variables.unset"),
                theirs: c.currentValue ?? t("variables.unset"),
              })}
            </p>
          ))}
      </div>
      {status.kind === "failed" && (
        <p role="alert" className="error">
          {t("variables.failed", { message: status.message })}
        </p>
      )}
      {canEdit && (
        <div className="row">
          <button type="submit" className="primary" disabled={saving || edits.length === 0}>
            {t("variables.save")}
          </button>
          <button
            type="button"
            disabled={saving || Object.keys(drafts).length === 0}
            onClick={() => {
              setDrafts({});
              setStatus({ kind: "idle" });
            }}
          >
            {t("variables.revert")}
          </button>
        </div>
      )}
    </form>
  );
}

function ValueInput({
  id,
  row,
  value,
  onChange,
}: {
  id: string;
  row: Variable;
  value: string;
  onChange: (value: string) => void;
}) {
  if (row.type === "BOOLEAN")
    return (
      <select id={id} value={value} onChange={(e) => onChange(e.currentTarget.value)}>
        <option value="">{t("variables.unset")}</option>
        <option value="true">{t("variables.true")}</option>
        <option value="false">{t("variables.false")}</option>
      </select>
    );
  const hintId = `${id}-hint`;
  return (
    <>
      <input
        id={id}
        value={value}
        maxLength={MAX_LENGTH}
        inputMode={row.type === "INTEGER" ? "numeric" : row.type === "DECIMAL" ? "decimal" : undefined}
        aria-describedby={row.type === "DATETIME" ? hintId : undefined}
        // maxLength stops typing; a longer paste is cut by the browser, so this is a last guard.
        onChange={(e) => onChange(e.currentTarget.value.slice(0, MAX_LENGTH))}
      />
      {row.type === "DATETIME" && (
        <span id={hintId} className="muted hint">
          {t("variables.dateHint")}
        </span>
      )}
    </>
  );
}
