import type { AgentView, Me } from "@parley/protocol";
import { useId } from "react";
import { t } from "../../i18n/t.ts";
import { type ChosenState, chosenOf, selectorValue } from "./chosenState.ts";
import { StateTimer } from "./StateTimer.tsx";

export interface HeaderProps {
  readonly userName: string;
  readonly agent: AgentView;
  readonly idleCodes: Me["idleCodes"];
  readonly syncedAt: number;
  /** A state change is on its way to the server. */
  readonly busy: boolean;
  readonly onChoose: (state: ChosenState) => void;
  readonly onSignOut: () => void;
}

/**
 * The top bar: the availability selector (AGT-2, AGT-3), the state timer (TMR-1, TMR-2, hidden
 * while engaged — TMR-4), the Engaged label, and the state chosen for after the last contact.
 */
export function Header({ userName, agent, idleCodes, syncedAt, busy, onChoose, onSignOut }: HeaderProps) {
  const id = useId();
  const presence = agent.presence;
  const nameOf = (codeId: string) => idleCodes.find((c) => c.id === codeId)?.name ?? codeId;
  const pending = agent.pending;
  const pendingName =
    pending === null
      ? null
      : pending.type === "available"
        ? t("header.available")
        : pending.type === "idle"
          ? nameOf(pending.codeId)
          : t("header.signOut");

  return (
    <header className={`topbar presence-${presence.type}`}>
      <span className="brand">{t("app.title")}</span>
      <div className="availability">
        <label htmlFor={`${id}-state`} className="visually-hidden">
          {t("header.availability")}
        </label>
        <span className="state-dot" aria-hidden="true" />
        <select
          id={`${id}-state`}
          value={selectorValue(presence)}
          aria-busy={busy}
          onChange={(e) => {
            const chosen = chosenOf(e.currentTarget.value);
            if (chosen) onChoose(chosen);
          }}
        >
          {presence.type === "rona" && (
            <option value="rona" disabled>
              {t("header.rona")}
            </option>
          )}
          <option value="available">{t("header.available")}</option>
          {idleCodes.map((c) => (
            <option key={c.id} value={`idle:${c.id}`}>
              {c.name}
            </option>
          ))}
        </select>
        {agent.showStateTimer && (
          <StateTimer inState={agent.inState} idleTotal={agent.idleTotal} syncedAt={syncedAt} />
        )}
        {agent.engaged && <span className="badge engaged">{t("header.engaged")}</span>}
        {pendingName && <span className="badge pending">{t("header.next", { state: pendingName })}</span>}
      </div>
      <div className="who">
        <span title={t("header.signedInAs", { name: userName })}>{userName}</span>
        <button type="button" className="quiet on-dark" onClick={onSignOut}>
          {t("header.signOut")}
        </button>
      </div>
    </header>
  );
}
