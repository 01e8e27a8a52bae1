import type { AgentView, Me } from "@parley/protocol";
import { useId, useState } from "react";
import { t } from "../../i18n/t.ts";
import { type ChosenState, chosenOf, selectorValue } from "./chosenState.ts";
import { StateTimer } from "./StateTimer.tsx";

export interface HeaderProps {
  readonly userName: string;
  readonly roles?: readonly string[];
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
export function Header({
  userName,
  roles = [],
  agent,
  idleCodes,
  syncedAt,
  busy,
  onChoose,
  onSignOut,
}: HeaderProps) {
  const id = useId();
  const [profileOpen, setProfileOpen] = useState(false);
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
        <button
          type="button"
          className="quiet on-dark"
          title={t("header.signedInAs", { name: userName })}
          aria-expanded={profileOpen}
          aria-controls={`${id}-profile`}
          onClick={() => setProfileOpen((o) => !o)}
        >
          {userName}
        </button>
        {profileOpen && (
          <UserProfile
            id={`${id}-profile`}
            userName={userName}
            roles={roles}
            agent={agent}
            onClose={() => setProfileOpen(false)}
          />
        )}
        <button type="button" className="quiet on-dark" onClick={onSignOut}>
          {t("header.signOut")}
        </button>
      </div>
    </header>
  );
}

/**
 * The user profile popover: who is signed in, at which station, and the presence federation sync
 * status (FED-4) — in sync, delayed beyond the usual ~12 s, waiting for the feed, or off.
 */
export function UserProfile({
  id,
  userName,
  roles,
  agent,
  onClose,
}: {
  id: string;
  userName: string;
  roles: readonly string[];
  agent: AgentView;
  onClose: () => void;
}) {
  const station = agent.station;
  return (
    <section
      id={id}
      className="profile-popover"
      role="dialog"
      aria-label={t("profile.heading")}
      onKeyDown={(e) => {
        if (e.key === "Escape") onClose();
      }}
    >
      <h2>{userName}</h2>
      {roles.length > 0 && <p className="muted">{roles.join(", ")}</p>}
      <dl className="profile-fields">
        <div>
          <dt>{t("profile.station")}</dt>
          <dd>
            {t(`station.device.${station.device}`)}
            {station.address ? ` ${station.address}` : ""}
            {station.line ? ` / ${station.line}` : ""}
          </dd>
        </div>
        <div>
          <dt>{t("profile.presenceSync")}</dt>
          <dd className={`sync sync-${agent.presenceSync.status}`}>{syncText(agent.presenceSync)}</dd>
        </div>
      </dl>
      <button type="button" className="quiet" onClick={onClose}>
        {t("profile.close")}
      </button>
    </section>
  );
}

/** FED-4: the sync status in words, e.g. "Delayed: Busy, 14 s behind". */
export function syncText(sync: AgentView["presenceSync"]): string {
  if (sync.federation === "off") return t("profile.syncOff");
  if (sync.status === "waiting" || !sync.external) return t("profile.syncWaiting");
  const args = {
    presence: t(`profile.presence.${sync.external}`),
    lag: Math.round((sync.lag ?? 0) / 1000),
  };
  return sync.status === "delayed" ? t("profile.syncDelayed", args) : t("profile.syncInSync", args);
}
