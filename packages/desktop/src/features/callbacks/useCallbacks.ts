import { useState } from "react";
import type { DeskStore, Outcome } from "../../desk/deskStore.ts";
import type { CallbackOutcome, CallbackSubmission } from "./CallbackForm.tsx";
import type { ScheduledCallback } from "./CallbacksDialog.tsx";
import { type CallbackInput, problemsOf, zonedInstant } from "./checkCallback.ts";

const outcomeOf = (o: Outcome): CallbackOutcome =>
  o.ok ? o : { ok: false, message: o.message, problems: problemsOf(o.details) };

const startOf = (r: CallbackInput) => {
  const [h, m] = r.from.split(":").map(Number) as [number, number];
  return zonedInstant(r.date, h, m, r.timeZone);
};

/**
 * The callbacks this desktop scheduled, and the commands on them. The server has no read of a
 * customer's callbacks yet, so the Manage tab lists those scheduled here since sign-in.
 */
export function useCallbacks(desk: DeskStore) {
  const [callbacks, setCallbacks] = useState<readonly ScheduledCallback[]>([]);

  const schedule = async ({ request, entryPointId, assignTo }: CallbackSubmission) => {
    const taskId = crypto.randomUUID();
    const out = await desk.command(
      "scheduleCallback",
      { body: { taskId, entryPointId, request, assignTo } },
      { quiet: true },
    );
    if (out.ok) setCallbacks((list) => [...list, { taskId, request, start: startOf(request) }]);
    return outcomeOf(out);
  };

  const update = async (taskId: string, request: CallbackInput) => {
    const out = await desk.command(
      "updateCallback",
      { params: { taskId }, body: { request } },
      { quiet: true },
    );
    if (out.ok)
      setCallbacks((list) =>
        list.map((x) => (x.taskId === taskId ? { taskId, request, start: startOf(request) } : x)),
      );
    return outcomeOf(out);
  };

  const remove = async (taskId: string) => {
    const out = await desk.command("deleteCallback", { params: { taskId } }, { quiet: true });
    if (out.ok) setCallbacks((list) => list.filter((x) => x.taskId !== taskId));
    return outcomeOf(out);
  };

  return { callbacks, schedule, update, remove };
}
