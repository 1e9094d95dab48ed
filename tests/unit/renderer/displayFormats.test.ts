/**
 * Issue 16 point 12: the one date formatter and the chart axis money of the
 * screens. Dates are YYYY-MM-DD (instants in local time, here the test's
 * TZ), months 2026-02 (never 26/02), axis amounts carry ¥.
 */
import { describe, expect, it } from 'vitest';
import { axisMoney } from '../../../renderer/src/components/chartMoney';
import { dateOf, dateTimeOf, dateTimeSecondsOf, monthText } from '../../../renderer/src/components/dateText';

const local = (iso: string) => new Date(iso);
const pad = (n: number) => String(n).padStart(2, '0');
/** The same instant written by hand from the Date's local fields (the oracle). */
const byHand = (iso: string) => {
  const d = local(iso);
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())} ${pad(d.getHours())}:${pad(d.getMinutes())}:${pad(d.getSeconds())}`;
};

describe('dates on screen', () => {
  it.each(['2026-12-07T06:05:09Z', '2026-02-28T23:59:59Z', '2025-01-01T00:00:00Z'])('%s as YYYY-MM-DD [HH:mm[:ss]] in local time', (iso) => {
    const full = byHand(iso);
    expect(dateTimeSecondsOf(iso)).toBe(full);
    expect(dateTimeOf(iso)).toBe(full.slice(0, 16));
    expect(dateOf(iso)).toBe(full.slice(0, 10));
    expect(dateOf(iso)).toMatch(/^\d{4}-\d{2}-\d{2}$/);
  });

  it('months are 2026-02, also from a full date', () => {
    expect(monthText('2026-02')).toBe('2026-02');
    expect(monthText('2026-02-28')).toBe('2026-02');
  });
});

describe('chart axis amounts', () => {
  it('carry ¥ and the unit of the language', () => {
    expect(axisMoney(12_000_000, 'zh-CN')).toBe('¥1200万');
    expect(axisMoney(250_000_000, 'zh-CN')).toBe('¥2.5亿');
    expect(axisMoney(800, 'zh-CN')).toBe('¥800');
    expect(axisMoney(0, 'zh-CN')).toBe('¥0');
    expect(axisMoney(-35_000, 'zh-CN')).toBe('-¥3.5万');
    expect(axisMoney(1_200_000, 'en')).toBe('¥1.2M');
    expect(axisMoney(4_500, 'en')).toBe('¥4.5k');
  });
});
