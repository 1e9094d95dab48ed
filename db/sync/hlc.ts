/**
 * Hybrid logical clock: wall-clock milliseconds, a counter for events in the
 * same millisecond (or while the wall clock lags a stamp already seen), and
 * the device id, so two stamps never tie. The text form sorts as the clock:
 * `000001764979200000-0000-0123456789abcdef`.
 *
 * Why our own and not @actual-app/crdt: its clock is a module singleton (one
 * per process, awkward for replicas in one test) and its 16-bit counter
 * throws after 65,535 stamps while a peer's clock is ahead; here the counter
 * overflowing moves the logical millisecond on instead (an import of 10,000
 * rows stamps every field).
 */
const MS_DIGITS = 15;
const COUNTER_MAX = 0xffff;

export interface HlcParts {
  ms: number;
  counter: number;
  node: string;
}

export function formatHlc(p: HlcParts): string {
  return `${String(p.ms).padStart(MS_DIGITS, '0')}-${p.counter.toString(16).padStart(4, '0')}-${p.node}`;
}

const HLC_RE = /^(\d{15})-([0-9a-f]{4})-([0-9a-z]{1,32})$/;

export function parseHlc(s: string): HlcParts | null {
  const m = HLC_RE.exec(s);
  return m ? { ms: Number(m[1]), counter: parseInt(m[2], 16), node: m[3] } : null;
}

export class Hlc {
  private ms = 0;
  private counter = 0;

  constructor(
    readonly node: string,
    private readonly now: () => number = Date.now,
  ) {}

  /** A stamp for a local event, greater than every stamp sent or observed before. */
  send(): string {
    const wall = this.now();
    if (wall > this.ms) {
      this.ms = wall;
      this.counter = 0;
    } else if (this.counter < COUNTER_MAX) {
      this.counter++;
    } else {
      this.ms++;
      this.counter = 0;
    }
    return formatHlc({ ms: this.ms, counter: this.counter, node: this.node });
  }

  /** Moves the clock past a stamp seen from another PC (or restored from disk). */
  observe(stamp: string): void {
    const p = parseHlc(stamp);
    if (!p) return;
    if (p.ms > this.ms || (p.ms === this.ms && p.counter > this.counter)) {
      this.ms = p.ms;
      this.counter = p.counter;
    }
  }

  /** How far this clock's logical time runs ahead of the wall clock (ms), e.g. after a peer's fast clock. */
  drift(): number {
    return Math.max(0, this.ms - this.now());
  }
}
