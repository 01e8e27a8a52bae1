import { type FormEvent, useId, useState } from "react";
import { t } from "../../i18n/t.ts";
import { DialNumberField } from "./DialNumberField.tsx";
import { checkNumber, type DialInput } from "./dialInput.ts";
import {
  type LoadTargets,
  matching,
  NO_TARGETS,
  type Purpose,
  TARGET_KINDS,
  type Target,
  type TargetKind,
} from "./targets.ts";
import { useCallTargets } from "./useCallTargets.ts";

export interface TargetDialogProps {
  readonly purpose: Purpose;
  readonly busy: boolean;
  readonly load: LoadTargets;
  readonly onSubmit: (target: Target) => void;
  readonly onCancel: () => void;
}

interface Choice {
  readonly value: string;
  readonly name: string;
  readonly detail?: string;
  readonly state?: "available" | "idle";
}

/**
 * Where to consult or transfer: an agent (with a state icon, searchable), a queue, an entry
 * point or a dial number; the lists come from the server, which lists Available and Idle agents
 * for a consult and only Available ones for a transfer (CNS-1, CNS-2, XFR-1, XFR-2). Reload
 * reads them all again.
 */
export function TargetDialog({ purpose, busy, load, onSubmit, onCancel }: TargetDialogProps) {
  const id = useId();
  const { state, reload } = useCallTargets(load, purpose);
  const targets = state.targets ?? NO_TARGETS;
  const [kind, setKind] = useState<TargetKind>("agent");
  const [search, setSearch] = useState("");
  const [chosen, setChosen] = useState<Partial<Record<TargetKind, string>>>({});
  const [dial, setDial] = useState<DialInput>({ kind: "number", text: "", removed: false });

  const choices: Choice[] =
    kind === "agent"
      ? matching(targets.agents, search).map((a) => ({ value: a.agentId, name: a.name, state: a.state }))
      : kind === "queue"
        ? matching(targets.queues, search).map((q) => ({ value: q.id, name: q.name }))
        : kind === "entry_point"
          ? matching(targets.entryPoints, search).map((e) => ({
              value: e.id,
              name: e.name,
              ...(e.dialNumber ? { detail: e.dialNumber } : {}),
            }))
          : [];
  const picked = chosen[kind];
  const target = targetOf(
    kind,
    kind === "dial_number" ? dialable(dial) : choices.some((c) => c.value === picked) ? picked : undefined,
  );

  function submit(e: FormEvent) {
    e.preventDefault();
    if (target) onSubmit(target);
  }

  return (
    <form
      className="subform target-dialog"
      aria-labelledby={`${id}-h`}
      aria-busy={state.status === "loading"}
      onSubmit={submit}
      onKeyDown={(e) => e.key === "Escape" && onCancel()}
    >
      <div className="row">
        <h3 id={`${id}-h`}>
          {t(purpose === "consult" ? "target.consultHeading" : "target.transferHeading")}
        </h3>
        <button type="button" className="quiet" onClick={reload} disabled={state.status === "loading"}>
          {t("consult.reload")}
        </button>
      </div>
      <div role="tablist" aria-label={t("target.kind")} className="tabs">
        {TARGET_KINDS.map((k) => (
          <button
            key={k}
            type="button"
            role="tab"
            id={`${id}-tab-${k}`}
            aria-selected={kind === k}
            aria-controls={`${id}-panel`}
            onClick={() => setKind(k)}
          >
            {t(`target.kind.${k}`)}
          </button>
        ))}
      </div>
      <div role="tabpanel" id={`${id}-panel`} aria-labelledby={`${id}-tab-${kind}`}>
        {state.status === "failed" && (
          <p role="alert" className="error">
            {t("consult.loadFailed", { message: state.message })}
          </p>
        )}
        {kind === "dial_number" ? (
          <DialNumberField input={dial} addressBook={targets.addressBook} onInput={setDial} />
        ) : (
          <>
            <input
              type="search"
              aria-label={t(`consult.search.${kind}`)}
              placeholder={t(`consult.search.${kind}`)}
              value={search}
              onChange={(e) => setSearch(e.currentTarget.value)}
            />
            <fieldset className="choices">
              <legend className="visually-hidden">{t(`target.kind.${kind}`)}</legend>
              {choices.length === 0 && state.status !== "loading" && (
                <p className="muted">{t(search.trim() ? "consult.noMatch" : `consult.none.${kind}`)}</p>
              )}
              {choices.map((c) => (
                <label key={c.value} className="choice">
                  <input
                    type="radio"
                    name={`${id}-${kind}`}
                    value={c.value}
                    checked={picked === c.value}
                    onChange={() => setChosen({ ...chosen, [kind]: c.value })}
                  />
                  {c.state && (
                    <span
                      className={`agent-state agent-state-${c.state}`}
                      role="img"
                      aria-label={t(`consult.state.${c.state}`)}
                      title={t(`consult.state.${c.state}`)}
                    />
                  )}
                  <span>{c.name}</span>
                  {c.detail && <span className="muted"> {c.detail}</span>}
                </label>
              ))}
            </fieldset>
          </>
        )}
      </div>
      <div className="row">
        <button type="submit" className="primary" disabled={busy || !target}>
          {t(purpose === "consult" ? "target.submit.consult" : "target.submit.transfer")}
        </button>
        <button type="button" onClick={onCancel}>
          {t("target.cancel")}
        </button>
      </div>
    </form>
  );
}

/** DIAL-2: only a clean number that passes DIAL-1 and DIAL-3 may be sent. */
const dialable = (input: DialInput): string | undefined => (checkNumber(input)?.ok ? input.text : undefined);

function targetOf(kind: TargetKind, value: string | undefined): Target | null {
  if (value === undefined) return null;
  switch (kind) {
    case "agent":
      return { kind, agentId: value };
    case "queue":
      return { kind, queueId: value };
    case "entry_point":
      return { kind, entryPointId: value };
    case "dial_number":
      return { kind, number: value };
  }
}
