import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import {
  addDays,
  addMonths,
  compareDates,
  daysInMonth,
  diffDays,
  endOfMonth,
  fromDayNumber,
  isIsoDate,
  isLeapYear,
  isValidYmd,
  monthKey,
  startOfMonth,
  toDayNumber,
} from '../../shared/dates/calendar';

/** Reference through Date in UTC, valid for years 1000–9999 used here. */
const viaDate = (dayNumber: number): string => new Date(dayNumber * 86_400_000).toISOString().slice(0, 10);

describe('isIsoDate', () => {
  it('accepts real days in YYYY-MM-DD', () => {
    for (const d of ['2026-03-05', '2024-02-29', '2000-02-29', '1900-02-28', '0001-01-01', '9999-12-31']) {
      expect(isIsoDate(d)).toBe(true);
    }
  });

  it('refuses impossible days and other spellings', () => {
    for (const d of [
      '2026-02-29',
      '1900-02-29',
      '2026-02-30',
      '2026-04-31',
      '2026-13-01',
      '2026-00-10',
      '2026-01-00',
      '0000-01-01',
      '2026-3-5',
      '2026/03/05',
      '20260305',
      ' 2026-03-05',
      '2026-03-05T00:00:00Z',
      '',
    ]) {
      expect(isIsoDate(d)).toBe(false);
    }
  });
});

describe('leap years and month lengths', () => {
  it('follows the Gregorian rule', () => {
    expect(isLeapYear(2024)).toBe(true);
    expect(isLeapYear(2026)).toBe(false);
    expect(isLeapYear(1900)).toBe(false);
    expect(isLeapYear(2000)).toBe(true);
    expect(daysInMonth(2026, 2)).toBe(28);
    expect(daysInMonth(2028, 2)).toBe(29);
    expect(daysInMonth(2026, 4)).toBe(30);
    expect(daysInMonth(2026, 12)).toBe(31);
    expect(isValidYmd(2026, 2, 29)).toBe(false);
    expect(isValidYmd(2026, 2, 28)).toBe(true);
  });
});

describe('day numbers', () => {
  it('counts from 1970-01-01 like UTC days', () => {
    expect(toDayNumber('1970-01-01')).toBe(0);
    expect(toDayNumber('1969-12-31')).toBe(-1);
    expect(toDayNumber('2026-03-05')).toBe(Date.UTC(2026, 2, 5) / 86_400_000);
    expect(fromDayNumber(0)).toBe('1970-01-01');
  });

  it('agrees with Date over a wide range and round-trips', () => {
    const min = toDayNumber('1000-01-01');
    const max = toDayNumber('9999-12-31');
    fc.assert(
      fc.property(fc.integer({ min, max }), (n) => {
        const d = fromDayNumber(n);
        expect(d).toBe(viaDate(n));
        expect(toDayNumber(d)).toBe(n);
        expect(isIsoDate(d)).toBe(true);
      }),
    );
  });

  it('handles years below 100 that Date.UTC would shift to the 1900s', () => {
    expect(fromDayNumber(toDayNumber('0050-03-01') - 1)).toBe('0050-02-28');
    expect(addDays('0001-01-01', 365)).toBe('0002-01-01');
  });

  it('throws outside years 0001–9999', () => {
    expect(() => addDays('9999-12-31', 1)).toThrow(RangeError);
    expect(() => addDays('0001-01-01', -1)).toThrow(RangeError);
  });
});

describe('addDays / diffDays', () => {
  it('crosses month, year and leap-day boundaries', () => {
    expect(addDays('2026-03-05', 30)).toBe('2026-04-04');
    expect(addDays('2026-12-31', 1)).toBe('2027-01-01');
    expect(addDays('2024-02-28', 1)).toBe('2024-02-29');
    expect(addDays('2026-02-28', 1)).toBe('2026-03-01');
    expect(addDays('2026-03-01', -1)).toBe('2026-02-28');
    expect(addDays('2026-03-05', 0)).toBe('2026-03-05');
  });

  it('is unaffected by daylight-saving transitions anywhere', () => {
    // Dates that are DST switch days in Europe and the US.
    expect(addDays('2026-03-28', 2)).toBe('2026-03-30');
    expect(addDays('2026-11-01', 1)).toBe('2026-11-02');
    expect(diffDays('2026-03-30', '2026-03-28')).toBe(2);
  });

  it('computes a − b', () => {
    expect(diffDays('2026-03-05', '2026-03-01')).toBe(4);
    expect(diffDays('2026-03-01', '2026-03-05')).toBe(-4);
    expect(diffDays('2027-01-01', '2026-01-01')).toBe(365);
    expect(diffDays('2025-01-01', '2024-01-01')).toBe(366);
  });

  it('addDays and diffDays are inverse', () => {
    const day = fc.integer({ min: toDayNumber('1900-01-01'), max: toDayNumber('2100-12-31') }).map(fromDayNumber);
    fc.assert(
      fc.property(day, fc.integer({ min: -40_000, max: 40_000 }), (d, n) => {
        expect(diffDays(addDays(d, n), d)).toBe(n);
      }),
    );
  });

  it('reads exactly the dates isIsoDate accepts (the parser by character codes = the regular expression)', () => {
    const valid = fc.integer({ min: toDayNumber('0001-01-01'), max: toDayNumber('9999-12-31') }).map(fromDayNumber);
    const ch = fc.constantFrom(...'0123456789-/: x\n'.split(''), '０', '\u0663', '.');
    const nearDates = fc.array(ch, { minLength: 8, maxLength: 12 }).map((a) => a.join(''));
    const oneCharChanged = fc.tuple(valid, fc.nat(10), ch).map(([d, i, c]) => d.slice(0, i) + c + d.slice(i + 1));
    const extended = fc.tuple(valid, fc.constantFrom('\n', ' ', '0', 'T00:00')).map(([d, tail]) => d + tail);
    fc.assert(
      fc.property(fc.oneof(valid, nearDates, oneCharChanged, extended, fc.string({ maxLength: 12 })), (s) => {
        let read = true;
        try {
          toDayNumber(s);
        } catch (e) {
          expect(e).toBeInstanceOf(RangeError);
          read = false;
        }
        expect(read, JSON.stringify(s)).toBe(isIsoDate(s));
      }),
      { numRuns: 3_000 },
    );
  });

  it('throws on invalid dates and non-integer days', () => {
    expect(() => addDays('2026-02-30', 1)).toThrow(RangeError);
    expect(() => addDays('2026-03-05', 1.5)).toThrow(RangeError);
    expect(() => diffDays('2026/03/05', '2026-03-05')).toThrow(RangeError);
  });
});

describe('addMonths', () => {
  it('keeps the day when it exists', () => {
    expect(addMonths('2026-03-05', 1)).toBe('2026-04-05');
    expect(addMonths('2026-03-05', -3)).toBe('2025-12-05');
    expect(addMonths('2026-11-15', 2)).toBe('2027-01-15');
    expect(addMonths('2026-03-05', 12)).toBe('2027-03-05');
    expect(addMonths('2026-03-05', 0)).toBe('2026-03-05');
    expect(addMonths('2026-01-15', -13)).toBe('2024-12-15');
  });

  it('clamps to the last day of a shorter month', () => {
    expect(addMonths('2026-01-31', 1)).toBe('2026-02-28');
    expect(addMonths('2024-01-31', 1)).toBe('2024-02-29');
    expect(addMonths('2026-03-31', 1)).toBe('2026-04-30');
    expect(addMonths('2024-02-29', 12)).toBe('2025-02-28');
    expect(addMonths('2026-05-31', -1)).toBe('2026-04-30');
  });

  it('throws on bad input', () => {
    expect(() => addMonths('2026-03-05', 0.5)).toThrow(RangeError);
    expect(() => addMonths('9999-12-01', 1)).toThrow(RangeError);
  });
});

describe('month boundaries and keys', () => {
  it('finds the first and last day of the month', () => {
    expect(startOfMonth('2026-03-05')).toBe('2026-03-01');
    expect(endOfMonth('2026-03-05')).toBe('2026-03-31');
    expect(endOfMonth('2026-02-10')).toBe('2026-02-28');
    expect(endOfMonth('2024-02-10')).toBe('2024-02-29');
    expect(endOfMonth('2026-04-30')).toBe('2026-04-30');
  });

  it('builds month keys', () => {
    expect(monthKey('2026-11-05')).toBe('202611');
    expect(monthKey('2026-03-31')).toBe('202603');
  });

  it('compares dates', () => {
    expect(compareDates('2026-03-05', '2026-03-06')).toBe(-1);
    expect(compareDates('2026-03-06', '2026-03-05')).toBe(1);
    expect(compareDates('2026-03-05', '2026-03-05')).toBe(0);
    expect(['2026-12-01', '2026-02-15', '2025-12-31'].sort(compareDates)).toEqual([
      '2025-12-31',
      '2026-02-15',
      '2026-12-01',
    ]);
    expect(() => compareDates('2026-3-5', '2026-03-05')).toThrow(RangeError);
  });
});
