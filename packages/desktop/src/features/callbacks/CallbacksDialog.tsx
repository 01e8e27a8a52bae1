import type { TeamAgent } from "@parley/protocol";
import { useId, useState } from "react";
import { t } from "../../i18n/t.ts";
import { CallbackForm, type CallbackOutcome, type CallbackSubmission } from "./CallbackForm.tsx";
import type { CallbackInput } from "./checkCallback.ts";

/** A scheduled callback as the Manage tab lists it. */
export interface ScheduledCallback {
  readonly taskId: string;
  readonly request: CallbackInput;
  /** When its window opens (server time): from then on it can neither change nor go (CB-5). */
  readonly start: number;
  /** The number as the server showed it, e.g. cut to its last four digits (POP-7). */
  readonly shownNumber?: string;
}

export interface CallbacksDialogProps {
  readonly now: () => number;
  /** The active callback entry points the agent may choose (CB-8); with none, nothing can be scheduled. */
  readonly entryPoints: readonly { id: string; name: string }[];
  /** CB-6: the login team's agents a personal callback can be for. */
  readonly teamAgents: readonly TeamAgent[];
  /** Why the list of callbacks could not be read. */
  readonly listError?: string | null;
  /** The active contact's customer, to prefill the Schedule tab. */
  readonly customer?: { name?: string; address?: string };
  readonly callbacks: readonly ScheduledCallback[];
  readonly onSchedule: (submission: CallbackSubmission) => Promise<CallbackOutcome>;
  readonly onUpdate: (taskId: string, request: CallbackInput) => Promise<CallbackOutcome>;
  readonly onDelete: (taskId: string) => Promise<CallbackOutcome>;
  readonly onClose: () => void;
}

type Tab = "schedule" | "manage";

/**
 * Callbacks from an active contact or the task list "+": Schedule (CB-4, CB-6) and Manage, with
 * Edit and Delete only before a callback's start time (CB-5).
 */
export function CallbacksDialog({
  now,
  entryPoints,
  teamAgents,
  listError = null,
  customer,
  callbacks,
  onSchedule,
  onUpdate,
  onDelete,
  onClose,
}: CallbacksDialogProps) {
  const id = useId();
  const [tab, setTab] = useState<Tab>("schedule");
  const [editing, setEditing] = useState<ScheduledCallback | null>(null);
  const [done, setDone] = useState<string | null>(null);
  const [manageError, setManageError] = useState<string | null>(null);
  const tabs: Tab[] = ["schedule", "manage"];

  const schedule = async (s: CallbackSubmission) => {
    const outcome = await onSchedule(s);
    if (outcome.ok) setDone(t("callbacks.scheduled", { when: windowText(s.request) }));
    return outcome;
  };
  const update = async (s: CallbackSubmission) => {
    if (!editing) return { ok: true } as const;
    const outcome = await onUpdate(editing.taskId, s.request);
    if (outcome.ok) setEditing(null);
    return outcome;
  };
  const remove = async (taskId: string) => {
    const outcome = await onDelete(taskId);
    setManageError(outcome.ok ? null : outcome.message);
  };

  return (
    <section className="dialog callbacks" role="dialog" aria-labelledby={`${id}-title`}>
      <div className="row dialog-head">
        <h2 id={`${id}-title`}>{t("callbacks.heading")}</h2>
        <button type="button" className="quiet" onClick={onClose}>
          {t("callbacks.close")}
        </button>
      </div>
      <div role="tablist" aria-label={t("callbacks.heading")} className="tabs">
        {tabs.map((x) => (
          <button
            key={x}
            type="button"
            role="tab"
            id={`${id}-tab-${x}`}
            aria-selected={tab === x}
            aria-controls={`${id}-panel-${x}`}
            onClick={() => {
              setTab(x);
              setEditing(null);
            }}
          >
            {x === "schedule" ? t("callbacks.tabSchedule") : t("callbacks.tabManage")}
          </button>
        ))}
      </div>
      <div role="tabpanel" id={`${id}-panel-${tab}`} aria-labelledby={`${id}-tab-${tab}`}>
        {tab === "schedule" &&
          (done ? (
            <p role="status">{done}</p>
          ) : (
            <CallbackForm
              now={now}
              entryPoints={entryPoints}
              teamAgents={teamAgents}
              initial={{
                customerName: customer?.name ?? "",
                // POP-7: a number the server cut to its last four digits is no number to call back.
                customerNumber: customer?.address?.includes("•") ? "" : (customer?.address ?? ""),
              }}
              onSubmit={schedule}
            />
          ))}
        {tab === "manage" &&
          (editing ? (
            <CallbackForm
              now={now}
              entryPoints={entryPoints}
              teamAgents={teamAgents}
              initial={editing.request}
              editing
              onSubmit={update}
              onCancel={() => setEditing(null)}
            />
          ) : (
            <>
              {(manageError ?? listError) && (
                <p className="form-error" role="alert">
                  {manageError ?? listError}
                </p>
              )}
              {callbacks.length === 0 ? (
                <p className="muted">{t("callbacks.none")}</p>
              ) : (
                <ul className="callback-list">
                  {callbacks.map((cb) => {
                    const started = now() >= cb.start;
                    return (
                      <li key={cb.taskId} aria-label={cb.request.customerName}>
                        <strong>{cb.request.customerName}</strong>{" "}
                        {cb.shownNumber ?? cb.request.customerNumber}
                        <div className="muted">{windowText(cb.request)}</div>
                        {started ? <div className="muted">{t("callbacks.started")}</div> : null}
                        <div className="row">
                          <button type="button" disabled={started} onClick={() => setEditing(cb)}>
                            {t("callbacks.edit")}
                          </button>
                          <button type="button" disabled={started} onClick={() => void remove(cb.taskId)}>
                            {t("callbacks.delete")}
                          </button>
                        </div>
                      </li>
                    );
                  })}
                </ul>
              )}
            </>
          ))}
      </div>
    </section>
  );
}

const windowText = (r: CallbackInput) =>
  t("callbacks.window", { date: r.date, from: r.from, to: r.to, zone: r.timeZone });
