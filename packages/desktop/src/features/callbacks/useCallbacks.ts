import type { ManagedCallback } from "@parley/protocol";
import { useCallback, useEffect, useState } from "react";
import type { DeskStore, Outcome } from "../../desk/deskStore.ts";
import type { CallbackOutcome, CallbackSubmission } from "./CallbackForm.tsx";
import type { ScheduledCallback } from "./CallbacksDialog.tsx";
import { type CallbackInput, problemsOf, wallClock } from "./checkCallback.ts";

const outcomeOf = (o: Outcome): CallbackOutcome =>
  o.ok ? o : { ok: false, message: o.message, problems: problemsOf(o.details) };

/**
 * A callback of the server's list as the Manage tab edits it: the window back in its own zone's
 * wall clock. A number the server cut to its last four digits (POP-7) is shown, not prefilled:
 * the mask must not be saved back as the number.
 */
export function scheduledOf(cb: ManagedCallback): ScheduledCallback {
  const from = wallClock(cb.window.start, cb.window.timeZone);
  const to = wallClock(cb.window.end, cb.window.timeZone);
  const request: CallbackInput = {
    customerNumber: cb.numberMasked ? "" : cb.customerNumber,
    customerName: cb.customerName ?? "",
    date: from.date,
    from: from.time,
    to: to.time,
    timeZone: cb.window.timeZone,
    ...(cb.reason ? { reason: cb.reason } : {}),
  };
  return { taskId: cb.taskId, request, start: cb.window.start, shownNumber: cb.customerNumber };
}

/**
 * The scheduled callbacks the user may manage, read from the server (`listCallbacks`, CB-5) when
 * the dialog opens and after each change, and the commands on them.
 */
export function useCallbacks(desk: DeskStore, open: boolean) {
  const [callbacks, setCallbacks] = useState<readonly ScheduledCallback[]>([]);
  const [error, setError] = useState<string | null>(null);

  const reload = useCallback(async () => {
    try {
      const { callbacks: list } = await desk.read("listCallbacks", {});
      setCallbacks(list.map(scheduledOf));
      setError(null);
    } catch (e) {
      setError((e as Error).message ?? String(e));
    }
  }, [desk]);

  useEffect(() => {
    if (open) void reload();
  }, [open, reload]);

  const schedule = async ({ request, entryPointId, assignTo }: CallbackSubmission) => {
    const taskId = crypto.randomUUID();
    const out = await desk.command(
      "scheduleCallback",
      { body: { taskId, entryPointId, request, assignTo } },
      { quiet: true },
    );
    if (out.ok) await reload();
    return outcomeOf(out);
  };

  const update = async (taskId: string, request: CallbackInput) => {
    const out = await desk.command(
      "updateCallback",
      { params: { taskId }, body: { request } },
      { quiet: true },
    );
    if (out.ok) await reload();
    return outcomeOf(out);
  };

  const remove = async (taskId: string) => {
    const out = await desk.command("deleteCallback", { params: { taskId } }, { quiet: true });
    await reload();
    return outcomeOf(out);
  };

  return { callbacks, error, schedule, update, remove };
}
