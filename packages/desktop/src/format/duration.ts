const two = (n: number) => String(n).padStart(2, "0");

/**
 * A duration as the desktop's timers show it: `mm:ss`, or `h:mm:ss` from one hour on.
 * Negative durations (clock skew) show as 00:00.
 * @example formatDuration(75_000) // "01:15"
 */
export function formatDuration(ms: number): string {
  const total = Math.max(0, Math.floor(ms / 1000));
  const hours = Math.floor(total / 3600);
  const minutes = Math.floor((total % 3600) / 60);
  const seconds = total % 60;
  return hours > 0 ? `${hours}:${two(minutes)}:${two(seconds)}` : `${two(minutes)}:${two(seconds)}`;
}
