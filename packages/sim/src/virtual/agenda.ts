const less = (t1: number, s1: number, t2: number, s2: number): boolean => t1 < t2 || (t1 === t2 && s1 < s2);

/**
 * The future actions of a run, earliest first, and in the order they were planned among equal
 * times, so a run is the same on every machine. A binary heap over parallel typed arrays: an
 * action is a kind and two integers, and planning one allocates nothing.
 */
export class Agenda {
  private times = new Float64Array(1024);
  private seqs = new Float64Array(1024);
  private kinds = new Uint8Array(1024);
  private as = new Int32Array(1024);
  private bs = new Int32Array(1024);
  private count = 0;
  private planned = 0;

  /** The action popped last. */
  kind = 0;
  a = 0;
  b = 0;
  time = 0;

  get size(): number {
    return this.count;
  }

  /** The time of the earliest action; Infinity when there is none. */
  peekTime(): number {
    return this.count > 0 ? (this.times[0] as number) : Number.POSITIVE_INFINITY;
  }

  push(time: number, kind: number, a: number, b = 0): void {
    if (this.count === this.times.length) this.grow();
    let i = this.count++;
    const seq = this.planned++;
    // Sift up: move parents down until the slot fits.
    while (i > 0) {
      const parent = (i - 1) >> 1;
      if (!less(time, seq, this.times[parent] as number, this.seqs[parent] as number)) break;
      this.move(parent, i);
      i = parent;
    }
    this.set(i, time, seq, kind, a, b);
  }

  /** Removes the earliest action into `time`, `kind`, `a`, `b`. */
  pop(): void {
    if (this.count === 0) throw new Error("the agenda is empty");
    this.time = this.times[0] as number;
    this.kind = this.kinds[0] as number;
    this.a = this.as[0] as number;
    this.b = this.bs[0] as number;
    const last = --this.count;
    if (last === 0) return;
    const time = this.times[last] as number;
    const seq = this.seqs[last] as number;
    const kind = this.kinds[last] as number;
    const a = this.as[last] as number;
    const b = this.bs[last] as number;
    let i = 0;
    for (;;) {
      const left = 2 * i + 1;
      if (left >= last) break;
      const right = left + 1;
      let child = left;
      if (
        right < last &&
        less(
          this.times[right] as number,
          this.seqs[right] as number,
          this.times[left] as number,
          this.seqs[left] as number,
        )
      )
        child = right;
      if (!less(this.times[child] as number, this.seqs[child] as number, time, seq)) break;
      this.move(child, i);
      i = child;
    }
    this.set(i, time, seq, kind, a, b);
  }

  private move(from: number, to: number): void {
    this.times[to] = this.times[from] as number;
    this.seqs[to] = this.seqs[from] as number;
    this.kinds[to] = this.kinds[from] as number;
    this.as[to] = this.as[from] as number;
    this.bs[to] = this.bs[from] as number;
  }

  private set(i: number, time: number, seq: number, kind: number, a: number, b: number): void {
    this.times[i] = time;
    this.seqs[i] = seq;
    this.kinds[i] = kind;
    this.as[i] = a;
    this.bs[i] = b;
  }

  private grow(): void {
    const n = this.times.length * 2;
    const grown = <T extends Float64Array | Int32Array | Uint8Array>(old: T, make: (n: number) => T): T => {
      const next = make(n);
      next.set(old);
      return next;
    };
    this.times = grown(this.times, (k) => new Float64Array(k));
    this.seqs = grown(this.seqs, (k) => new Float64Array(k));
    this.kinds = grown(this.kinds, (k) => new Uint8Array(k));
    this.as = grown(this.as, (k) => new Int32Array(k));
    this.bs = grown(this.bs, (k) => new Int32Array(k));
  }
}
