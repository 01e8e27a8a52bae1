/** Exponential backoff with full jitter: desktops reconnecting after an outage spread out. */
export function backoffDelay(attempt: number, baseMs = 250, maxMs = 10_000, random = Math.random): number {
  const ceiling = Math.min(maxMs, baseMs * 2 ** Math.min(attempt, 16));
  return Math.round(random() * ceiling);
}

export const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));
