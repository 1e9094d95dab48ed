/**
 * localDateOf computes Asia/Shanghai dates by plain arithmetic (a fixed
 * UTC+8 offset) instead of the time-zone database; this property checks the
 * fast path against Intl's answer for random instants from 1992 on, around
 * midnight in particular.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { localDateOf, localDateTimeOf } from '../../shared/dates/clock';

const RUNS = Number(process.env.CLOCK_PROPERTY_RUNS ?? 500);

function intlDate(instant: Date, timeZone: string): string {
  const parts = new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' }).formatToParts(instant);
  const get = (type: string) => parts.find((p) => p.type === type)?.value ?? '';
  return `${get('year')}-${get('month')}-${get('day')}`;
}

describe('localDateOf fast path', () => {
  it('equals the time-zone database for Asia/Shanghai', () => {
    const from = Date.UTC(1992, 0, 1);
    const to = Date.UTC(2100, 0, 1);
    const instant = fc.oneof(
      fc.integer({ min: from, max: to }),
      // 16:00 UTC is midnight in Shanghai: the minutes either side of it.
      fc.tuple(fc.integer({ min: 8036, max: 47482 }), fc.integer({ min: -120, max: 120 })).map(([day, min]) => day * 86_400_000 + 16 * 3_600_000 + min * 60_000),
    );
    fc.assert(
      fc.property(instant, (ms) => {
        const d = new Date(ms);
        expect(localDateOf(d, 'Asia/Shanghai')).toBe(intlDate(d, 'Asia/Shanghai'));
      }),
      { numRuns: RUNS },
    );
  });

  it('other zones still go through the time-zone database', () => {
    const d = new Date('2026-03-29T00:30:00Z');
    expect(localDateOf(d, 'America/Los_Angeles')).toBe('2026-03-28');
    expect(localDateOf(d, 'Europe/Berlin')).toBe('2026-03-29');
  });

describe('localDateTimeOf', () => {
  it('gives the office time to the minute, by the fast path and through the time-zone database alike', () => {
    const d = new Date('2026-03-29T16:05:00Z');
    expect(localDateTimeOf(d)).toBe('2026-03-30 00:05');
    expect(localDateTimeOf(d, 'Europe/Berlin')).toBe('2026-03-29 18:05');
    expect(localDateTimeOf(new Date('2026-03-29T00:30:00Z'), 'America/Los_Angeles')).toBe('2026-03-28 17:30');
    expect(localDateTimeOf(new Date('1980-06-01T16:00:00Z'), 'Asia/Shanghai')).toBe('1980-06-02 00:00');
  });
});
});
