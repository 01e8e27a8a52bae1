import type { ShiftBreak } from "../../bots/behaviour.ts";

/**
 * Shift starts that cover a staffing requirement: walking the intervals in order, every shortfall
 * starts that many shifts there (greedy, as a first-cut roster is made). Returns the start
 * interval of each shift. Shifts may run past the last interval.
 */
export function coverRequirement(required: readonly number[], shiftIntervals: number): number[] {
  const covered = new Array<number>(required.length).fill(0);
  const starts: number[] = [];
  for (let i = 0; i < required.length; i++) {
    const short = Math.ceil((required[i] as number) - (covered[i] as number));
    for (let k = 0; k < short; k++) starts.push(i);
    if (short > 0)
      for (let j = i; j < Math.min(i + shiftIntervals, required.length); j++)
        covered[j] = (covered[j] as number) + short;
  }
  return starts;
}

/**
 * The breaks of an 8-hour shift: 15 minutes after 2 h, 30 minutes' lunch after 4 h, 15 minutes
 * after 6 h — moved by `staggerSec` so that colleagues who start together do not all leave at once.
 */
export function standardBreaks(startSec: number, staggerSec: number): ShiftBreak[] {
  const at = (h: number) => startSec + h * 3_600 + staggerSec;
  return [
    { startSec: at(2), durationSec: 15 * 60, codeId: "break" },
    { startSec: at(4), durationSec: 30 * 60, codeId: "lunch" },
    { startSec: at(6), durationSec: 15 * 60, codeId: "break" },
  ];
}

/** Share of an 8-hour shift spent on its standard breaks (1 h of 8). */
export const BREAK_SHRINKAGE = 1 / 8;
