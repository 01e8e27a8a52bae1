import type { TaskView } from "@parley/protocol";
import { useId } from "react";
import { formatDuration } from "../../format/duration.ts";
import { t } from "../../i18n/t.ts";
import { Elapsed } from "../../shared/Elapsed.tsx";
import { useNow } from "../../shared/useNow.ts";
import { acceptTarget, keysOf } from "../shortcuts/shortcuts.ts";
import { popoverStack, popoverVariables } from "./popoverStack.ts";

/** What a callback request shows besides the customer (POP-8). */
export interface CallbackDetails {
  /** The customer's number, cut to its last four digits by the server under POP-7. */
  readonly number: string;
  /** The number the customer first dialled. */
  readonly dnis: string;
  readonly queue: string;
  /** Local time the offer reached this desktop: the popover's timer counts from here. */
  readonly offeredAt: number;
}

export interface PopoverStackProps {
  readonly tasks: readonly TaskView[];
  /** The server's clock minus the local one. */
  readonly clockOffset: number;
  readonly pending: readonly string[];
  /** The callback a request is, if it is one; null for a plain contact. */
  readonly callbackOf?: (task: TaskView) => CallbackDetails | null;
  readonly onAccept: (taskId: string) => void;
  readonly onDecline: (taskId: string) => void;
  readonly onAcceptAll: () => void;
}

const customerOf = (task: TaskView) =>
  task.customer.name ?? task.customer.address ?? t("tasks.unknownCustomer");

/**
 * The request popovers, bottom-right (POP-1): stacked in POP-3 order, five at most with
 * `1–5 of N` above (POP-2), Accept on each and "Accept N requests" for the digital ones (POP-4),
 * the action flashing for the last five seconds (RTE-4).
 */
export function PopoverStack({
  tasks,
  clockOffset,
  pending,
  callbackOf = () => null,
  onAccept,
  onDecline,
  onAcceptAll,
}: PopoverStackProps) {
  const now = useNow() + clockOffset;
  const stack = popoverStack(tasks);
  const acceptedByShortcut = acceptTarget(tasks)?.id;
  if (stack.total === 0) return null;
  const acceptingAll = pending.includes("acceptAllDigital:");
  return (
    <section className="popover-stack" aria-label={t("popovers.heading")}>
      {(stack.total > stack.shown.length || stack.acceptAllCount > 1) && (
        <div className="popover-stack-head row">
          {stack.total > stack.shown.length && (
            <span className="muted">
              {t("popovers.range", { from: 1, to: stack.shown.length, total: stack.total })}
            </span>
          )}
          {stack.acceptAllCount > 1 && (
            <button type="button" className="primary" disabled={acceptingAll} onClick={onAcceptAll}>
              {t("popovers.acceptAll", { count: stack.acceptAllCount })}
            </button>
          )}
        </div>
      )}
      <ol>
        {stack.shown.map((task) => (
          <li key={task.id}>
            <PopoverCard
              task={task}
              now={now}
              busy={
                acceptingAll ||
                pending.includes(`acceptTask:${task.id}`) ||
                pending.includes(`declineTask:${task.id}`)
              }
              callback={callbackOf(task)}
              shortcut={task.id === acceptedByShortcut ? keysOf("accept") : undefined}
              onAccept={onAccept}
              onDecline={onDecline}
            />
          </li>
        ))}
      </ol>
    </section>
  );
}

function PopoverCard({
  task,
  now,
  busy,
  callback,
  shortcut,
  onAccept,
  onDecline,
}: {
  task: TaskView;
  now: number;
  /** The keys that accept this request, when the accept shortcut would take it. */
  shortcut?: string | undefined;
  busy: boolean;
  callback: CallbackDetails | null;
  onAccept: (taskId: string) => void;
  onDecline: (taskId: string) => void;
}) {
  const id = useId();
  const offer = task.offer;
  if (!offer) return null;
  const connecting = offer.phase === "connecting";
  const flashing = offer.flashAt !== null && now >= offer.flashAt;
  const variables = popoverVariables(task);
  const label = callback ? t("popovers.callback") : t(`channel.${task.channel}`);
  return (
    <article
      className={`popover-card channel-${task.channel}${callback ? " callback" : ""}`}
      aria-labelledby={`${id}-title`}
      aria-describedby={`${id}-status`}
    >
      <div className="task-title" id={`${id}-title`}>
        <span className="channel">{label}</span>
        <strong>{customerOf(task)}</strong>
      </div>
      <div className="task-status" id={`${id}-status`}>
        {connecting
          ? t("popovers.connecting")
          : `${task.channel === "voice" ? t("tasks.ringing") : t("tasks.request")} · ${t("tasks.expiresIn", {
              time: formatDuration(offer.expiresAt - now),
            })}`}
      </div>
      {!connecting && (callback || variables.length > 0) && (
        <dl className="popover-fields">
          {callback && (
            <>
              <div>
                <dt>{t("popovers.customerNumber")}</dt>
                <dd>{callback.number}</dd>
              </div>
              <div>
                <dt>{t("popovers.dnis")}</dt>
                <dd>{callback.dnis}</dd>
              </div>
              <div>
                <dt>{t("popovers.queue")}</dt>
                <dd>{callback.queue}</dd>
              </div>
              <div>
                <dt>{t("popovers.offeredFor")}</dt>
                <dd>
                  <Elapsed from={callback.offeredAt} label={t("popovers.offeredFor")} />
                </dd>
              </div>
            </>
          )}
          {variables.map((v) => (
            <div key={v.name}>
              <dt>{v.label}</dt>
              <dd>
                {v.value}
                {v.masked === "lastFour" && (
                  <span className="visually-hidden"> {t("popovers.lastFour")}</span>
                )}
              </dd>
            </div>
          ))}
        </dl>
      )}
      {!connecting && (
        <div className="row">
          <button
            type="button"
            className={`primary${flashing ? " flash" : ""}`}
            disabled={busy}
            aria-keyshortcuts={shortcut}
            title={shortcut}
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
