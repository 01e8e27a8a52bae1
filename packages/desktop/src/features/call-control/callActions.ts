import type { OperationId } from "@parley/protocol";

/**
 * The call actions the engine may allow (`task.call.actions`) that are one click, with the
 * operation each sends. `consult` and `transfer` need a target first; `wrap_up` is the wrap-up form.
 */
export const ONE_CLICK: Readonly<Record<string, OperationId>> = {
  hold: "holdCall",
  resume: "resumeCall",
  accept_consult: "acceptConsult",
  hold_consult: "holdConsult",
  resume_consult: "resumeConsult",
  end_consult: "endConsult",
  consult_transfer: "consultTransfer",
  consult_conference: "consultConference",
  pause_recording: "pauseRecording",
  resume_recording: "resumeRecording",
  leave_conference: "leaveConference",
  end: "endTask",
};

/** Actions that open the target form before anything is sent. */
export const WITH_TARGET = ["consult", "transfer"] as const;
export type TargetAction = (typeof WITH_TARGET)[number];

export const isTargetAction = (action: string): action is TargetAction =>
  (WITH_TARGET as readonly string[]).includes(action);

/** The buttons for a call, in the order the server lists its actions; unknown ones are left out. */
export function buttonsOf(actions: readonly string[]): string[] {
  return actions.filter((a) => a in ONE_CLICK || isTargetAction(a));
}
