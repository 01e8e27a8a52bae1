/** Milliseconds since the Unix epoch. The engine never reads a clock: every instant is passed in. */
export type Instant = number;
/** Milliseconds. */
export type Duration = number;

export const seconds = (s: number): Duration => s * 1000;
export const minutes = (m: number): Duration => m * 60_000;
export const days = (d: number): Duration => d * 86_400_000;
