import type { Instant } from "@parley/engine";
import type { SwitchCommand } from "./port.ts";

interface Entry {
  readonly at: Instant;
  readonly command: SwitchCommand;
}

/**
 * The switch's own future: far-end outcomes at the instants they will happen, in time order and,
 * at equal instants, in the order they were scheduled — so two runs report the same sequence.
 */
export class Timeline {
  private entries: Entry[] = [];

  add(at: Instant, command: SwitchCommand): void {
    // After every entry due at or before `at`: equal instants keep the order they were added in.
    let lo = 0;
    let hi = this.entries.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if ((this.entries[mid] as Entry).at <= at) lo = mid + 1;
      else hi = mid;
    }
    this.entries.splice(lo, 0, { at, command });
  }

  /** Forgets the outcomes that no longer apply. */
  drop(noLongerApplies: (command: SwitchCommand) => boolean): void {
    this.entries = this.entries.filter((e) => !noLongerApplies(e.command));
  }

  /** Removes and returns everything due at or before `now`, oldest first. */
  takeDue(now: Instant): SwitchCommand[] {
    let n = 0;
    while (n < this.entries.length && (this.entries[n] as Entry).at <= now) n++;
    return this.entries.splice(0, n).map((e) => e.command);
  }

  nextAt(): Instant | null {
    return this.entries[0]?.at ?? null;
  }
}
