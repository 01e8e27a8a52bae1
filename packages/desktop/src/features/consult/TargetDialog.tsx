import type { CallTargets, DirectoryExpert } from "@parley/protocol";
import { type FormEvent, useId, useState } from "react";
import { t } from "../../i18n/t.ts";
import { DialNumberField } from "./DialNumberField.tsx";
import { checkNumber, type DialInput } from "./dialInput.ts";
import {
  expertDetail,
  type LoadTargets,
  matching,
  NO_TARGETS,
  type Purpose,
  type Target,
  type TargetKind,
  targetKinds,
} from "./targets.ts";
import { useCallTargets, useDirectorySearch } from "./useCallTargets.ts";

export interface TargetDialogProps {
  readonly purpose: Purpose;
  readonly busy: boolean;
  readonly load: LoadTargets;
  readonly onSubmit: (target: Target) => void;
  readonly onCancel: () => void;
}

type Presence = NonNullable<DirectoryExpert["presence"]>;

interface Choice {
  readonly value: string;
  readonly name: string;
  readonly detail?: string;
  readonly state?: "available" | "idle";
  /** An expert's presence in the collaboration tool, and the work phone a consult dials. */
  readonly presence?: Presence;
  readonly phone?: string;
}

/**
 * Where to consult or transfer: an agent (with a state icon, searchable), a queue, an entry
 * point, a dial number or, for a consult, an expert of the organization directory; the lists
 * come from the server, which lists Available and Idle agents for a consult and only Available
 * ones for a transfer (CNS-1, CNS-2, XFR-1, XFR-2), and searches the directory itself (CNS-13).
 * Reload reads them all again, the experts' presence included.
 */
export function TargetDialog({ purpose, busy, load, onSubmit, onCancel }: TargetDialogProps) {
  const id = useId();
  const { state, reload } = useCallTargets(load, purpose);
  const targets = state.targets ?? NO_TARGETS;
  const [kind, setKind] = useState<TargetKind>("agent");
  const [search, setSearch] = useState("");
  const [chosen, setChosen] = useState<Partial<Record<TargetKind, string>>>({});
  const [dial, setDial] = useState<DialInput>({ kind: "number", text: "", removed: false });
  const directory = useDirectorySearch(load, search, kind === "directory");
  // Without a query the dialog's own read lists the directory; a query is searched by the server.
  const experts =
    directory.state.status === "idle" ? (targets.directory ?? []) : (directory.state.experts ?? []);
  const loading = state.status === "loading" || directory.state.status === "loading";
  const failure =
    state.status === "failed"
      ? state.message
      : directory.state.status === "failed"
        ? directory.state.message
        : null;

  const choices = choicesOf(kind, targets, experts, search);
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
      aria-busy={loading}
      onSubmit={submit}
      onKeyDown={(e) => e.key === "Escape" && onCancel()}
    >
      <div className="row">
        <h3 id={`${id}-h`}>
          {t(purpose === "consult" ? "target.consultHeading" : "target.transferHeading")}
        </h3>
        <button
          type="button"
          className="quiet"
          onClick={() => {
            reload();
            directory.reload();
          }}
          disabled={loading}
        >
          {t("consult.reload")}
        </button>
      </div>
      <div role="tablist" aria-label={t("target.kind")} className="tabs">
        {targetKinds(purpose).map((k) => (
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
        {failure !== null && (
          <p role="alert" className="error">
            {t("consult.loadFailed", { message: failure })}
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
              {choices.length === 0 && !loading && (
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
                  {c.presence && (
                    <span
                      className={`expert-presence expert-presence-${c.presence}`}
                      role="img"
                      aria-label={t(`consult.presence.${c.presence}`)}
                      title={t(`consult.presence.${c.presence}`)}
                    />
                  )}
                  <span>{c.name}</span>
                  {c.detail && <span className="muted"> {c.detail}</span>}
                  {c.phone && <span className="muted"> {c.phone}</span>}
                </label>
              ))}
            </fieldset>
            {kind === "directory" && <p className="muted">{t("consult.presenceLags")}</p>}
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

/** The entries of one tab; agents, queues and entry points are filtered here, experts by the server. */
function choicesOf(
  kind: TargetKind,
  targets: CallTargets,
  experts: readonly DirectoryExpert[],
  search: string,
): Choice[] {
  switch (kind) {
    case "agent":
      return matching(targets.agents, search).map((a) => ({
        value: a.agentId,
        name: a.name,
        state: a.state,
      }));
    case "queue":
      return matching(targets.queues, search).map((q) => ({ value: q.id, name: q.name }));
    case "entry_point":
      return matching(targets.entryPoints, search).map((e) => ({
        value: e.id,
        name: e.name,
        ...(e.dialNumber ? { detail: e.dialNumber } : {}),
      }));
    case "directory":
      return experts.map((e) => {
        const detail = expertDetail(e);
        return {
          value: e.id,
          name: e.name,
          ...(detail ? { detail } : {}),
          phone: e.workPhone,
          presence: e.presence ?? "unknown",
        };
      });
    case "dial_number":
      return [];
  }
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
    case "directory":
      return { kind, expertId: value };
  }
}
