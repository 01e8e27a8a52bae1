import type { ClosedWorkItem, OpenWorkItem, TaskView } from "@parley/protocol";
import type { ReactNode } from "react";
import { useId } from "react";
import { formatDateTime, formatDurationWords } from "../../format/intl.ts";
import { t } from "../../i18n/t.ts";
import { labelWords } from "./SessionBar.tsx";
import { sessionTitle } from "./sessionLabels.ts";
import {
  closedRecord,
  HOME,
  type RecordSource,
  type Seen,
  type WorkspaceModel,
  workItems,
} from "./sessionModel.ts";
import type { SessionActions } from "./useSessions.ts";

export interface HomeSessionProps {
  readonly model: WorkspaceModel;
  readonly tasks: readonly TaskView[];
  readonly actions: SessionActions;
  readonly pending: readonly string[];
  /** SES-15: waiting work items of the team's queues (`Me.openWorkItems`). */
  readonly openItems: readonly OpenWorkItem[];
  /** SES-15: the contacts the agent wrapped up or left, newest first (`Me.closedWorkItems`). */
  readonly closedItems: readonly ClosedWorkItem[];
  readonly onPick: (taskId: string) => void;
  readonly renderInteraction: (task: TaskView, shown: boolean) => ReactNode;
}

const seenOf = (model: WorkspaceModel, task: TaskView): Seen =>
  model.seen[task.id] ?? {
    taskId: task.id,
    source: { channel: task.channel, customer: task.customer },
    visitor: null,
    entryPointId: task.entryPointId,
  };

/**
 * The Home session (SES-1): the work-item streams (SES-15) and the contacts handled here — after a
 * reload (SES-9) or while the session limit is reached (SES-3). Home may be closed from here; the
 * session panel offers no close for it (SES-8).
 */
export function HomeSession({
  model,
  tasks,
  actions,
  pending,
  openItems,
  closedItems,
  onPick,
  renderInteraction,
}: HomeSessionProps) {
  const id = useId();
  const items = workItems(tasks, openItems, closedItems);
  const title = (s: RecordSource) => sessionTitle(s.source, s.visitor, labelWords());
  // Contacts handled here, and a consult that reached this agent while Home was in front (SES-2).
  const homeTabs = model.sessions.find((s) => s.id === HOME)?.tabs ?? [];
  const here = new Set([
    ...model.inHome,
    ...homeTabs.flatMap((x) => (x.kind === "interaction" ? [x.taskId] : [])),
  ]);
  const inHome = [...here].flatMap((taskId) => tasks.filter((x) => x.id === taskId));
  return (
    <div className="home">
      <div className="row home-head">
        <h2>{t("home.heading")}</h2>
        <button type="button" className="quiet" onClick={() => actions.requestClose(HOME)}>
          {t("home.close")}
        </button>
      </div>
      {inHome.length > 0 && (
        <section aria-labelledby={`${id}-in`}>
          <h3 id={`${id}-in`}>{t("home.inHome")}</h3>
          {inHome.map((task) => (
            <div key={task.id}>{renderInteraction(task, model.activeId === HOME)}</div>
          ))}
        </section>
      )}
      <p className="muted">{t("home.shiftHint")}</p>
      <div className="work-items">
        <section aria-labelledby={`${id}-my`}>
          <h3 id={`${id}-my`}>{t("home.myItems")}</h3>
          {items.mine.length === 0 && <p className="muted">{t("home.none")}</p>}
          <ul>
            {items.mine.map((task) => {
              const seen = seenOf(model, task);
              return (
                <li key={task.id}>
                  <button
                    type="button"
                    className="quiet"
                    onClick={(e) => (e.shiftKey ? actions.openRecord(seen) : actions.showTask(task.id))}
                  >
                    {`${t(`channel.${task.channel}`)} · ${title(seen)}`}
                  </button>
                </li>
              );
            })}
          </ul>
        </section>
        <section aria-labelledby={`${id}-open`}>
          <h3 id={`${id}-open`}>{t("home.openItems")}</h3>
          {items.open.length === 0 && <p className="muted">{t("home.none")}</p>}
          <ul>
            {items.open.map((item) => {
              const customer = {
                ...(item.customerName ? { name: item.customerName } : {}),
                ...(item.customerAddress ? { address: item.customerAddress } : {}),
              };
              const name = `${t(`channel.${item.channel}`)} · ${sessionTitle({ channel: item.channel, customer }, null, labelWords())}`;
              return (
                <li key={item.taskId} className="row">
                  <span>{name}</span>
                  <span className="muted">{t("home.waitingIn", { queue: item.queueName })}</span>
                  <button
                    type="button"
                    aria-label={`${t("home.pick")}: ${name}`}
                    disabled={pending.includes(`pickTask:${item.taskId}`)}
                    onClick={() => onPick(item.taskId)}
                  >
                    {t("home.pick")}
                  </button>
                </li>
              );
            })}
          </ul>
        </section>
        <section aria-labelledby={`${id}-closed`}>
          <h3 id={`${id}-closed`}>{t("home.closedItems")}</h3>
          {items.closed.length === 0 && <p className="muted">{t("home.none")}</p>}
          <ul>
            {items.closed.map((item) => {
              const record = closedRecord(model, item);
              const name = `${t(`channel.${item.channel}`)} · ${title(record)}`;
              const detail = t("home.closedDetail", {
                queue: item.queueName,
                when: formatDateTime(item.closedAt),
                duration: formatDurationWords(item.closedAt - item.startedAt),
              });
              // Owners wrap up; a consulted agent or conferee has no code, so their part is named.
              const note =
                item.wrapUpCodeName !== null
                  ? t("home.wrapUpCode", { code: item.wrapUpCodeName })
                  : item.role === "owner"
                    ? null
                    : t(`home.role.${item.role}`);
              return (
                <li key={item.taskId} className="row">
                  <span>{name}</span>
                  <span className="muted">{detail}</span>
                  {note && <span className="muted">{note}</span>}
                  <button
                    type="button"
                    aria-label={`${t("home.open")}: ${name}`}
                    onClick={() => actions.openRecord(record)}
                  >
                    {t("home.open")}
                  </button>
                </li>
              );
            })}
          </ul>
        </section>
      </div>
    </div>
  );
}
