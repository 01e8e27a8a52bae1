import type { Me } from "@parley/protocol";
import type { SocketStatus } from "@parley/sdk";
import type { DeskStore } from "../../desk/deskStore.ts";
import { t } from "../../i18n/t.ts";
import { ConnectionBanner } from "../workspace/Workspace.tsx";
import { SupervisorPanel } from "./SupervisorPanel.tsx";

export interface SupervisorDeskProps {
  readonly desk: DeskStore;
  readonly me: Me;
  readonly connection: SocketStatus;
  readonly failedReconnects: number;
  readonly pending: readonly string[];
  readonly notice: string | null;
  /** Back to the station form, to log in as an agent. */
  readonly onLogInAsAgent: () => void;
}

/**
 * The supervisor's screen without an agent login (SUP-1…SUP-3): a supervisor who only supervises
 * watches their teams here, with no availability to keep, and may log in as an agent later.
 */
export function SupervisorDesk({
  desk,
  me,
  connection,
  failedReconnects,
  pending,
  notice,
  onLogInAsAgent,
}: SupervisorDeskProps) {
  return (
    <div className="workspace supervise-only">
      <header className="topbar">
        <span className="brand">{t("app.title")}</span>
        <div className="who">
          <span>{me.user.name}</span>
          <button type="button" className="quiet on-dark" onClick={onLogInAsAgent}>
            {t("supervisor.logInAsAgent")}
          </button>
          <button type="button" className="quiet on-dark" onClick={() => void desk.signOut()}>
            {t("header.signOut")}
          </button>
        </div>
      </header>
      {connection === "reconnecting" && <ConnectionBanner failed={failedReconnects} />}
      {notice && (
        <div className="banner error" role="alert">
          <span>{notice}</span>
          <button type="button" className="quiet" onClick={() => desk.dismissNotice()}>
            {t("notice.dismiss")}
          </button>
        </div>
      )}
      <main>
        <SupervisorPanel desk={desk} me={me} connection={connection} pending={pending} />
      </main>
    </div>
  );
}
