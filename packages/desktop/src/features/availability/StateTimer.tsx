import { formatDuration } from "../../format/duration.ts";
import { t } from "../../i18n/t.ts";
import { useNow } from "../../shared/useNow.ts";

export interface StateTimerProps {
  /** Time in the current state when the server was last read (ms). */
  readonly inState: number;
  /** TMR-2: unbroken idle time across idle reasons, when idle. */
  readonly idleTotal: number | null;
  /** The local clock when the server was last read. */
  readonly syncedAt: number;
}

/**
 * TMR-1: time in the current state, ticking locally from the server's figure; TMR-2: after a
 * change of idle reason, `current/total` idle.
 */
export function StateTimer({ inState, idleTotal, syncedAt }: StateTimerProps) {
  const elapsed = Math.max(0, useNow() - syncedAt);
  const current = formatDuration(inState + elapsed);
  const text =
    idleTotal !== null && idleTotal > inState ? `${current}/${formatDuration(idleTotal + elapsed)}` : current;
  return (
    <time className="timer state-timer" role="timer" aria-label={t("header.stateTime")}>
      {text}
    </time>
  );
}
