import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { parseBusinessDate } from '../../shared/dates/parseDate';
import { fromDayNumber, toDayNumber } from '../../shared/dates/calendar';

const value = (input: string | number | Date): string => {
  const r = parseBusinessDate(input);
  if (!r.ok) throw new Error(`expected ${String(input)} to parse, got: ${r.message}`);
  return r.value;
};
const message = (input: string | number | Date): string => {
  const r = parseBusinessDate(input);
  if (r.ok) throw new Error(`expected ${String(input)} to be refused, got ${r.value}`);
  return r.message;
};

describe('parseBusinessDate: text', () => {
  it.each([
    ['2026-03-05', '2026-03-05'],
    ['2026/3/5', '2026-03-05'],
    ['2026.3.5', '2026-03-05'],
    ['2026年3月5日', '2026-03-05'],
    ['2026年03月05日', '2026-03-05'],
    ['2026年3月5号', '2026-03-05'],
    ['2026年3月5', '2026-03-05'],
    ['2026 年 3 月 5 日', '2026-03-05'],
    ['２０２６年３月５日', '2026-03-05'],
    ['２０２６－０３－０５', '2026-03-05'],
    ['２０２６／３／５', '2026-03-05'],
    ['\u3000 2026-3-5 \u00a0', '2026-03-05'],
    ['2026 / 3 / 5', '2026-03-05'],
    ['20260305', '2026-03-05'],
    ['2026/3/5 0:00:00', '2026-03-05'],
    ['2026-03-05 14:30', '2026-03-05'],
    ['2024-02-29', '2024-02-29'],
    ['2026/12/31', '2026-12-31'],
  ])('%s -> %s', (input, iso) => {
    expect(value(input)).toBe(iso);
  });

  it('refuses days that do not exist, saying why', () => {
    expect(message('2026-02-30')).toBe('日期“2026-02-30”不存在：2026 年 2 月只有 28 天');
    expect(message('2026-02-29')).toContain('只有 28 天');
    expect(message('2026/4/31')).toContain('只有 30 天');
    expect(message('2026-13-01')).toContain('月份 13 不存在');
    expect(message('2026-00-01')).toContain('月份 0 不存在');
    expect(message('2026-01-00')).toContain('不存在');
    expect(message('20260230')).toContain('只有 28 天');
  });

  it('refuses years that are surely typing mistakes', () => {
    expect(message('0226-03-05')).toContain('年份 226 不在 1900–2100 之间');
    expect(message('2226-03-05')).toContain('年份');
  });

  it('refuses other forms and lists the accepted ones', () => {
    for (const input of [
      '3/5/2026',
      '05.03.2026',
      '26-3-5',
      '2026-3',
      '2026-03/05',
      '2026年3月',
      '3月5日',
      'March 5, 2026',
      '2026-03-05T00:00:00Z',
      '明天',
      '46086',
      '2026-3-5-1',
    ]) {
      const m = message(input);
      expect(m).toContain('无法识别');
      expect(m).toContain('2026-03-05、2026/3/5、2026.3.5、2026年3月5日');
    }
  });

  it('refuses blank input', () => {
    expect(message('')).toBe('日期不能为空');
    expect(message('\u3000')).toBe('日期不能为空');
  });

  it('uses the caller label', () => {
    expect(parseBusinessDate('', '到期日')).toEqual({ ok: false, message: '到期日不能为空' });
  });
});

describe('parseBusinessDate: Excel date cells (Date at UTC midnight)', () => {
  it('takes the UTC calendar day', () => {
    expect(value(new Date(Date.UTC(2026, 2, 5)))).toBe('2026-03-05');
    expect(value(new Date('2026-12-31T00:00:00Z'))).toBe('2026-12-31');
    // Not the local day in UTC+8 or UTC−5: the UTC fields are the cell's date.
    expect(value(new Date('2026-03-05T23:59:59Z'))).toBe('2026-03-05');
  });

  it('refuses invalid and out-of-range dates', () => {
    expect(message(new Date('not a date'))).toContain('无效');
    expect(message(new Date(Date.UTC(1850, 0, 1)))).toContain('年份 1850');
  });
});

describe('parseBusinessDate: Excel serial numbers (1900 system)', () => {
  it.each([
    [1, '1900-01-01'],
    [2, '1900-01-02'],
    [59, '1900-02-28'],
    [61, '1900-03-01'],
    [36526, '2000-01-01'],
    [44927, '2023-01-01'],
    [45658, '2025-01-01'],
    [46023, '2026-01-01'],
    [46086, '2026-03-05'],
    [73051, '2100-01-01'],
  ])('serial %d is %s', (serial, iso) => {
    expect(value(serial)).toBe(iso);
  });

  it('ignores the time of day in a date-time serial', () => {
    expect(value(46086.75)).toBe('2026-03-05');
    expect(value(46086.999)).toBe('2026-03-05');
  });

  it('refuses the fake 1900-02-29 and non-dates', () => {
    expect(message(60)).toContain('1900-02-29');
    expect(message(0)).toContain('不是有效的 Excel 日期');
    expect(message(-5)).toContain('不是有效的 Excel 日期');
    expect(message(Number.NaN)).toContain('不是有效的 Excel 日期');
    expect(message(Number.POSITIVE_INFINITY)).toContain('不是有效的 Excel 日期');
    expect(message(2958465)).toContain('年份 9999');
    expect(message(5_000_000)).toContain('年份');
  });

  it('reads an eight-digit number as YYYYMMDD', () => {
    expect(value(20260305)).toBe('2026-03-05');
    expect(message(20260230)).toContain('只有 28 天');
  });

  it('matches day counting from 1899-12-30 for every serial from 61', () => {
    const base = toDayNumber('1899-12-30');
    fc.assert(
      fc.property(fc.integer({ min: 61, max: 73415 }), (serial) => {
        expect(value(serial)).toBe(fromDayNumber(base + serial));
      }),
    );
  });
});

describe('parseBusinessDate: properties', () => {
  const day = fc.integer({ min: toDayNumber('1900-01-01'), max: toDayNumber('2100-12-31') }).map(fromDayNumber);

  it('accepts every valid date in every spelling', () => {
    fc.assert(
      fc.property(day, (iso) => {
        const [y, m, d] = iso.split('-').map(Number);
        expect(value(iso)).toBe(iso);
        expect(value(`${y}/${m}/${d}`)).toBe(iso);
        expect(value(`${y}.${m}.${d}`)).toBe(iso);
        expect(value(`${y}年${m}月${d}日`)).toBe(iso);
        expect(value(iso.replace(/-/g, ''))).toBe(iso);
        expect(value(new Date(`${iso}T00:00:00Z`))).toBe(iso);
      }),
    );
  });

  it('never throws on arbitrary text', () => {
    fc.assert(
      fc.property(fc.string(), (s) => {
        const r = parseBusinessDate(s);
        if (r.ok) expect(r.value).toMatch(/^\d{4}-\d{2}-\d{2}$/);
      }),
    );
  });
});
