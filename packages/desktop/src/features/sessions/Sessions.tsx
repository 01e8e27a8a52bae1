import type { ClosedWorkItem, OpenWorkItem, TaskView } from "@parley/protocol";
import { type ReactNode, useId, useState } from "react";
import { t } from "../../i18n/t.ts";
import { type ContactLookupResult, CustomerCard } from "./CustomerCard.tsx";
import { HomeSession } from "./HomeSession.tsx";
import { type ArticleSearchResult, KnowledgeSearch } from "./KnowledgeSearch.tsx";
import { SessionBar, titleOf } from "./SessionBar.tsx";
import {
  callSessionState,
  HOME,
  MAX_SESSIONS,
  type Session,
  type Tab,
  type WorkspaceModel,
} from "./sessionModel.ts";
import type { SessionActions } from "./useSessions.ts";
import "./sessions.css";

export interface SessionsProps {
  readonly model: WorkspaceModel;
  readonly tasks: readonly TaskView[];
  readonly actions: SessionActions;
  readonly pending: readonly string[];
  /**
   * A contact's communication panel: call controls or the conversation. `shown` is false while
   * its session or tab is behind another (it stays mounted, so nothing typed is lost).
   */
  readonly renderInteraction: (task: TaskView, shown: boolean) => ReactNode;
  readonly lookup: (address: string) => Promise<ContactLookupResult>;
  readonly search: (query: string) => Promise<ArticleSearchResult>;
  /** SES-15: the waiting work items Home lists; Pick takes one. */
  readonly openItems: readonly OpenWorkItem[];
  /** SES-15: the closed work items Home lists; Open shows one's customer. */
  readonly closedItems: readonly ClosedWorkItem[];
  readonly onPick: (taskId: string) => void;
}

/**
 * The multi-session workspace: the session panel and one page per session. Every page stays
 * mounted and only the one in front is shown, so switching loses nothing typed (SES-5).
 */
export function Sessions(props: SessionsProps) {
  const { model, actions } = props;
  return (
    <div className={`sessions ${model.panel}`}>
      <SessionBar model={model} tasks={props.tasks} actions={actions} />
      <div className="session-pages">
        {model.sessions.map((s) => (
          <section key={s.id} className="session" aria-label={titleOf(s)} hidden={s.id !== model.activeId}>
            {s.kind === "home" ? (
              <HomeSession
                model={model}
                tasks={props.tasks}
                actions={actions}
                pending={props.pending}
                openItems={props.openItems}
                closedItems={props.closedItems}
                onPick={props.onPick}
                renderInteraction={props.renderInteraction}
              />
            ) : (
              <SessionPage {...props} session={s} />
            )}
          </section>
        ))}
        {model.activeId === null && <p className="muted">{t("sessions.homeClosed")}</p>}
      </div>
      <SessionDialogs model={model} actions={actions} />
    </div>
  );
}

function tabLabel(session: Session, tab: Tab): string {
  switch (tab.kind) {
    case "interaction":
      return tab.taskId === session.taskId ? t("sessions.tab.interaction") : t("sessions.tab.consult");
    case "pop":
      return tab.pop.kind === "url" ? (tab.pop.title ?? t("sessions.tab.url")) : t("sessions.tab.card");
    case "kb":
      return t("sessions.tab.kb");
  }
}

/** A contact's session: its tabs (SES-4, SES-14), each kept mounted while another is shown. */
function SessionPage({
  session,
  model,
  tasks,
  actions,
  renderInteraction,
  lookup,
  search,
}: SessionsProps & { session: Session }) {
  const id = useId();
  const callState = callSessionState(model, session.id, tasks);
  return (
    <div className="session-page">
      <h2>{titleOf(session)}</h2>
      {callState === "inactive" && <p className="muted">{t("sessions.inactiveCall")}</p>}
      <div className="tab-list" role="tablist" aria-label={t("sessions.tabs", { title: titleOf(session) })}>
        {session.tabs.map((tab, i) => (
          <button
            key={tab.id}
            type="button"
            role="tab"
            id={`${id}-tab${i}`}
            aria-selected={tab.id === session.activeTab}
            aria-controls={`${id}-panel${i}`}
            onClick={() => actions.selectTab(session.id, tab.id)}
          >
            {tabLabel(session, tab)}
          </button>
        ))}
      </div>
      {session.tabs.map((tab, i) => (
        <div
          key={tab.id}
          role="tabpanel"
          id={`${id}-panel${i}`}
          aria-labelledby={`${id}-tab${i}`}
          hidden={tab.id !== session.activeTab}
        >
          <TabContent
            tab={tab}
            task={tasks.find((x) => "taskId" in tab && x.id === tab.taskId) ?? null}
            shown={session.id === model.activeId && tab.id === session.activeTab}
            draft={session.drafts["kb.query"] ?? ""}
            onDraft={(v) => actions.setDraft(session.id, "kb.query", v)}
            renderInteraction={renderInteraction}
            lookup={lookup}
            search={search}
          />
        </div>
      ))}
    </div>
  );
}

function TabContent({
  tab,
  task,
  shown,
  draft,
  onDraft,
  renderInteraction,
  lookup,
  search,
}: Pick<SessionsProps, "renderInteraction" | "lookup" | "search"> & {
  tab: Tab;
  task: TaskView | null;
  shown: boolean;
  draft: string;
  onDraft: (value: string) => void;
}) {
  switch (tab.kind) {
    case "interaction":
      return task ? renderInteraction(task, shown) : <p className="muted">{t("sessions.ended")}</p>;
    case "pop":
      return tab.pop.kind === "contact_card" ? (
        <CustomerCard address={tab.pop.address} lookup={lookup} />
      ) : (
        <div className="screen-pop">
          <a href={tab.pop.url} target="_blank" rel="noopener noreferrer">
            {t("popUrl.open")}
          </a>
          <iframe
            title={tab.pop.title ?? t("sessions.tab.url")}
            src={tab.pop.url}
            sandbox="allow-scripts allow-forms allow-popups"
            referrerPolicy="no-referrer"
          />
        </div>
      );
    case "kb":
      return <KnowledgeSearch query={draft} onQuery={onDraft} search={search} />;
  }
}

/** SES-8: close with confirmation; SES-3: at the limit, choose sessions to close. */
function SessionDialogs({ model, actions }: { model: WorkspaceModel; actions: SessionActions }) {
  const id = useId();
  const [chosen, setChosen] = useState<readonly string[]>([]);
  const dialog = model.dialog;
  if (dialog.kind === "none") return null;
  if (dialog.kind === "confirm_close") {
    const session = model.sessions.find((s) => s.id === dialog.sessionId);
    if (!session) return null;
    const title = titleOf(session);
    return (
      <div className="overlay">
        <div
          className="card"
          role="alertdialog"
          aria-modal="true"
          aria-labelledby={`${id}-h`}
          aria-describedby={`${id}-b`}
        >
          <h2 id={`${id}-h`}>{t("sessions.confirmClose.title")}</h2>
          <p id={`${id}-b`}>
            {session.id === HOME
              ? t("sessions.confirmClose.home")
              : t("sessions.confirmClose.body", { title })}
          </p>
          <div className="row">
            <button type="button" className="primary" onClick={actions.confirmClose}>
              {t("sessions.confirmClose.confirm")}
            </button>
            <button type="button" onClick={actions.dismissDialog}>
              {t("sessions.cancel")}
            </button>
          </div>
        </div>
      </div>
    );
  }
  const closable = model.sessions.filter((s) => s.kind !== "home");
  return (
    <div className="overlay">
      <div
        className="card"
        role="alertdialog"
        aria-modal="true"
        aria-labelledby={`${id}-h`}
        aria-describedby={`${id}-b`}
      >
        <h2 id={`${id}-h`}>{t("sessions.limit.title")}</h2>
        <p id={`${id}-b`}>{t("sessions.limit.body", { max: MAX_SESSIONS })}</p>
        <ul className="plain">
          {closable.map((s) => (
            <li key={s.id}>
              <label>
                <input
                  type="checkbox"
                  checked={chosen.includes(s.id)}
                  onChange={(e) =>
                    setChosen((c) => (e.target.checked ? [...c, s.id] : c.filter((x) => x !== s.id)))
                  }
                />{" "}
                {titleOf(s)}
              </label>
            </li>
          ))}
        </ul>
        <div className="row">
          <button
            type="button"
            className="primary"
            disabled={chosen.length === 0}
            onClick={() => {
              actions.closeSessions(chosen);
              setChosen([]);
            }}
          >
            {t("sessions.limit.close")}
          </button>
          <button type="button" onClick={actions.dismissDialog}>
            {t("sessions.cancel")}
          </button>
        </div>
      </div>
    </div>
  );
}
