import type { TaskView } from "@parley/protocol";
import { useId } from "react";
import { formatDuration } from "../../format/duration.ts";
import { t } from "../../i18n/t.ts";
import { useNow } from "../../shared/useNow.ts";
import { isActive, orderTasks } from "./orderTasks.ts";

export interface TaskListProps {
  readonly tasks: readonly TaskView[];
  /** The server's clock minus the local one, to count offers down in server time. */
  readonly clockOffset: number;
  readonly selectedId: string | null;
  /** Keys of commands on their way (`acceptTask:t1`). */
  readonly pending: readonly string[];
  readonly onSelect: (taskId: string) => void;
  readonly onAccept: (taskId: string) => void;
  readonly onDecline: (taskId: string) => void;
  /** POP-1: collapsed, the list hides and requests show as popovers instead. */
  readonly collapsed?: boolean;
  readonly onToggleCollapsed?: () => void;
  /** CB-4: the "+" that opens the callbacks dialog. */
  readonly onNewCallback?: () => void;
}

const customerOf = (task: TaskView) =>
  task.customer.name ?? task.customer.address ?? t("tasks.unknownCustomer");

/**
 * Every incoming and active contact (POP-1): requests with Accept and Decline, connecting ones
 * while the offer reaches the desktop (RTE-2), voice requests as Ringing (POP-9).
 */
export function TaskList({
  tasks,
  clockOffset,
  selectedId,
  pending,
  onSelect,
  onAccept,
  onDecline,
  collapsed = false,
  onToggleCollapsed,
  onNewCallback,
}: TaskListProps) {
  const id = useId();
  const now = useNow() + clockOffset;
  const ordered = orderTasks(tasks);
  return (
    <section className="tasks" aria-labelledby={`${id}-h`}>
      <div className="row tasks-head">
        <h2 id={`${id}-h`}>{t("tasks.heading")}</h2>
        {onNewCallback && (
          <button type="button" className="quiet" aria-label={t("tasks.newCallback")} onClick={onNewCallback}>
            +
          </button>
        )}
        {onToggleCollapsed && (
          <button
            type="button"
            className="quiet"
            aria-expanded={!collapsed}
            aria-label={collapsed ? t("tasks.expand") : t("tasks.collapse")}
            onClick={onToggleCollapsed}
          >
            {collapsed ? "▸" : "▾"}
          </button>
        )}
      </div>
      {collapsed ? null : ordered.length === 0 ? (
        <p className="muted">{t("tasks.empty")}</p>
      ) : (
        <ul>
          {ordered.map((task) => (
            <li key={task.id}>
              {task.offer ? (
                <OfferItem
                  task={task}
                  offer={task.offer}
                  now={now}
                  pending={pending}
                  onAccept={onAccept}
                  onDecline={onDecline}
                />
              ) : (
                <ActiveItem task={task} selected={task.id === selectedId} onSelect={onSelect} />
              )}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}

function OfferItem({
  task,
  offer,
  now,
  pending,
  onAccept,
  onDecline,
}: {
  task: TaskView;
  offer: NonNullable<TaskView["offer"]>;
  now: number;
  pending: readonly string[];
  onAccept: (taskId: string) => void;
  onDecline: (taskId: string) => void;
}) {
  const id = useId();
  const connecting = offer.phase === "connecting";
  const busy = pending.includes(`acceptTask:${task.id}`) || pending.includes(`declineTask:${task.id}`);
  // RTE-4: the action flashes for the last seconds of a long offer.
  const flashing = offer.flashAt !== null && now >= offer.flashAt;
  const status = connecting
    ? t("tasks.connecting")
    : task.channel === "voice"
      ? t("tasks.ringing")
      : t("tasks.request");
  return (
    <article
      className={`task offer channel-${task.channel}`}
      aria-labelledby={`${id}-title`}
      aria-describedby={`${id}-status`}
    >
      <div className="task-title" id={`${id}-title`}>
        <span className="channel">{t(`channel.${task.channel}`)}</span>
        <strong>{customerOf(task)}</strong>
      </div>
      <div className="task-status" id={`${id}-status`}>
        {status}
        {!connecting && (
          <>
            {" · "}
            {t("tasks.expiresIn", { time: formatDuration(offer.expiresAt - now) })}
          </>
        )}
      </div>
      {!connecting && (
        <div className="row">
          <button
            type="button"
            className={`primary${flashing ? " flash" : ""}`}
            disabled={busy}
            onClick={() => onAccept(task.id)}
          >
            {t("tasks.accept")}
          </button>
          <button type="button" disabled={busy} onClick={() => onDecline(task.id)}>
            {t("tasks.decline")}
          </button>
        </div>
      )}
    </article>
  );
}

function ActiveItem({
  task,
  selected,
  onSelect,
}: {
  task: TaskView;
  selected: boolean;
  onSelect: (taskId: string) => void;
}) {
  if (!isActive(task)) return null;
  const status = task.wrapping ? t("tasks.wrapping") : t("tasks.active");
  return (
    <button
      type="button"
      className={`task active channel-${task.channel}`}
      aria-pressed={selected}
      onClick={() => onSelect(task.id)}
    >
      <span className="task-title">
        <span className="channel">{t(`channel.${task.channel}`)}</span>
        <strong>{customerOf(task)}</strong>
      </span>
      <span className="task-status">
        {status}
        {(task.conversation?.unread ?? 0) > 0 && (
          <span className="badge unread">{t("tasks.unread", { count: task.conversation?.unread ?? 0 })}</span>
        )}
      </span>
    </button>
  );
}
