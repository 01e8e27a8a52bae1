import type { TaskView } from "@parley/protocol";
import { t } from "../../i18n/t.ts";
import { type Badge, type LabelWords, sessionBadge, sessionIcon, sessionTitle } from "./sessionLabels.ts";
import { callDot, closableInPanel, type Session, type WorkspaceModel } from "./sessionModel.ts";
import type { SessionActions } from "./useSessions.ts";

export const labelWords = (): LabelWords => ({
  visitor: (n) => t("sessions.visitor", { n }),
  unknown: t("sessions.unknown"),
});

/** A session's title as the agent reads it (SES-10). */
export const titleOf = (s: Session): string =>
  s.kind === "home" || !s.source ? t("sessions.home") : sessionTitle(s.source, s.visitor, labelWords());

/** The badge of a session: from the conversation of its own contact (SES-11, SES-12). */
export const badgeOf = (s: Session, tasks: readonly TaskView[]): Badge =>
  s.kind === "contact" ? sessionBadge(tasks.find((x) => x.id === s.taskId)?.conversation) : { kind: "none" };

/** SES-11, SES-12: the icon's tooltip, which is also the session's accessible name. */
export function tooltipOf(title: string, badge: Badge): string {
  if (badge.kind === "alert") return t("sessions.sentimentAlert", { title });
  if (badge.kind === "unread") return t("sessions.unread", { title, count: badge.count });
  return title;
}

export interface SessionBarProps {
  readonly model: WorkspaceModel;
  readonly tasks: readonly TaskView[];
  readonly actions: SessionActions;
}

/**
 * The session panel: Home first and anchored (SES-1), then a session per contact with its
 * two-letter icon (SES-10), alert or unread badge (SES-11, SES-12), the active-call dot (SES-6)
 * and a close button (SES-8). It expands and collapses (SES-13).
 */
export function SessionBar({ model, tasks, actions }: SessionBarProps) {
  const expanded = model.panel === "expanded";
  const dot = callDot(model, tasks);
  return (
    <nav className={`session-bar ${model.panel}`} aria-label={t("sessions.panel")}>
      <button
        type="button"
        className="quiet session-toggle"
        aria-expanded={expanded}
        aria-label={expanded ? t("sessions.collapse") : t("sessions.expand")}
        title={expanded ? t("sessions.collapse") : t("sessions.expand")}
        onClick={actions.togglePanel}
      >
        {expanded ? "«" : "»"}
      </button>
      <ul>
        {model.sessions.map((s) => {
          const title = titleOf(s);
          const badge = badgeOf(s, tasks);
          const tooltip = tooltipOf(title, badge);
          return (
            <li key={s.id} className={s.id === model.activeId ? "current" : undefined}>
              <button
                type="button"
                className="session-tab"
                aria-pressed={s.id === model.activeId}
                aria-label={tooltip}
                title={tooltip}
                onClick={() => actions.focus(s.id)}
              >
                {/* The letters are drawn by CSS (data-text): text in the button that its name does not
                    hold would break "label in name" (WCAG 2.5.3) for the title shown beside. */}
                <span
                  className={`session-icon${s.kind === "home" ? " home" : ""}`}
                  data-text={s.kind === "home" ? "⌂" : sessionIcon(title)}
                  aria-hidden="true"
                >
                  {badge.kind === "alert" && <span className="badge alert" data-text="!" />}
                  {badge.kind === "unread" && <span className="badge" data-text={badge.text} />}
                </span>
                {expanded && <span className="session-title">{title}</span>}
                {dot === s.id && (
                  <span className="call-dot" role="img" aria-label={t("sessions.activeCall", { title })} />
                )}
              </button>
              {closableInPanel(s) && (
                <button
                  type="button"
                  className="quiet session-close"
                  aria-label={t("sessions.close", { title })}
                  title={t("sessions.close", { title })}
                  onClick={() => actions.requestClose(s.id)}
                >
                  ×
                </button>
              )}
            </li>
          );
        })}
      </ul>
    </nav>
  );
}
