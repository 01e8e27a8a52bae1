import { useDesk } from "./desk/useDesk.ts";
import { SignInForm } from "./features/sign-in/SignInForm.tsx";
import { StationScreen } from "./features/station/StationScreen.tsx";
import { Workspace } from "./features/workspace/Workspace.tsx";
import { t } from "./i18n/t.ts";

const TENANT_KEY = "parley.tenant";

/** Which screen the desk's state calls for: sign-in, station, the workspace. */
export function App() {
  const { desk, state } = useDesk();
  switch (state.phase) {
    case "signed_out":
      return (
        <SignInForm
          reason={state.reason}
          defaultTenant={localStorage.getItem(TENANT_KEY) ?? ""}
          onSubmit={(tenantId, userId, password) => {
            localStorage.setItem(TENANT_KEY, tenantId);
            return desk.signIn(tenantId, userId, password);
          }}
        />
      );
    case "connecting":
      // AGT-7: a reload shows Idle until the server's state is back — never an unconfirmed Available.
      if (state.resumed)
        return (
          <div className="workspace" aria-busy="true">
            <header className="topbar presence-idle">
              <span className="brand">{t("app.title")}</span>
              <div className="availability">
                <span className="state-dot" aria-hidden="true" />
                <span className="state-label" role="status">
                  {t("header.idle")}
                </span>
              </div>
            </header>
            <p className="muted">{t("app.loading")}</p>
          </div>
        );
      return (
        <main className="card-page" aria-busy="true">
          <p className="muted">{t("app.loading")}</p>
        </main>
      );
    case "replaced":
      return (
        <main className="card-page">
          <div className="card" role="alert">
            <p>{t("connection.replaced")}</p>
            <button type="button" className="primary" onClick={() => desk.restart()}>
              {t("connection.signInAgain")}
            </button>
          </div>
        </main>
      );
    case "ready": {
      const { me } = state;
      if (!me.agent)
        return (
          <StationScreen
            desk={desk}
            me={me}
            connection={state.connection}
            failedReconnects={state.failedReconnects}
            pending={state.pending}
            notice={state.notice}
          />
        );
      return (
        <Workspace
          desk={desk}
          me={{ ...me, agent: me.agent }}
          syncedAt={state.syncedAt}
          connection={state.connection}
          failedReconnects={state.failedReconnects}
          pending={state.pending}
          notice={state.notice}
        />
      );
    }
  }
}
