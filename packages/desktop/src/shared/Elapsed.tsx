import { formatDuration } from "../format/duration.ts";
import { useNow } from "./useNow.ts";

/** A timer that counts up from a local instant, as `mm:ss`. */
export function Elapsed({ from, label }: { from: number; label: string }) {
  const now = useNow();
  return (
    <time className="timer" aria-label={label} role="timer">
      {formatDuration(now - from)}
    </time>
  );
}
