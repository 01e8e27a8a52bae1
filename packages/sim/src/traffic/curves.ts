/**
 * A weekday's shape of inbound contacts per hour of the day (relative weights): a quiet night,
 * a ramp from 07:00, the morning peak at 10:00, a dip over lunch, a second, lower peak at 14:00,
 * then a long evening tail — the curve most service lines show.
 */
const WEEKDAY_HOURLY = [
  0.8, 0.5, 0.4, 0.35, 0.4, 0.7, 1.8, 4.0, 7.5, 9.5, 10.0, 9.2, 7.8, 8.6, 9.0, 8.4, 7.2, 5.6, 4.0, 3.0, 2.4,
  1.8, 1.3, 1.0,
];

/** An hourly shape refined to `perHour` intervals, each interval linearly between its hour's neighbours. */
export function refine(hourly: readonly number[], perHour: number): number[] {
  const out: number[] = [];
  const n = hourly.length;
  for (let h = 0; h < n; h++) {
    const here = hourly[h] as number;
    const next = hourly[(h + 1) % n] as number;
    for (let k = 0; k < perHour; k++) out.push(here + ((next - here) * k) / perHour);
  }
  return out;
}

/** The weekday shape per 30 minutes (48 weights). Scale it with `scaleCurve`. */
export const WEEKDAY_CURVE_30MIN: readonly number[] = refine(WEEKDAY_HOURLY, 2);

/** The weekday shape per 15 minutes (96 weights). */
export const WEEKDAY_CURVE_15MIN: readonly number[] = refine(WEEKDAY_HOURLY, 4);
