import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { CalendarMonth } from '../../../shared/api/customers';
import { createCustomer, tempRuntime } from './helpers';

type T = Awaited<ReturnType<typeof tempRuntime>>;
let t: T;
beforeEach(async () => {
  t = await tempRuntime();
});
afterEach(() => t.cleanup());

const calendar = (input: Record<string, unknown>) => t.rt.invoke<CalendarMonth>('interactions.calendar', input);

describe('contact calendar (往来日历)', () => {
  it('marks each day with the channels of that day, plus follow-up and promise days', async () => {
    const a = await createCustomer(t.rt, { code: 'C0001', name: '甲', grade: 'A', salesperson: '陈立' });
    const b = await createCustomer(t.rt, { code: 'C0002', name: '乙', grade: 'C', salesperson: '周敏' });
    await createCustomer(t.rt, { code: 'C0003', name: '丙', grade: 'A', salesperson: '陈立' });
    const log = (customerId: string, date: string, channel: string, extra: Record<string, unknown> = {}) =>
      t.rt.invoke('interactions.create', { customerId, date, channel, summary: `${channel} ${date}`, ...extra });
    await log(a.id, '2026-11-03', 'T');
    await log(a.id, '2026-11-03', 'M');
    await log(a.id, '2026-11-03', 'T');
    await log(a.id, '2026-11-20', 'E', { nextFollowUp: '2026-11-27', promiseDate: '2026-12-05', promiseAmountFen: 100_000 });
    await log(a.id, '2026-10-31', 'T', { nextFollowUp: '2026-11-02' });
    await log(b.id, '2026-11-30', 'O');
    await log(b.id, '2026-12-01', 'T');

    const nov = await calendar({ month: '2026-11' });
    expect(nov.daysInMonth).toBe(30);
    expect(nov.truncated).toBe(false);
    expect(nov.rows.map((r) => r.code)).toEqual(['C0001', 'C0002']);
    const cellsA = Object.fromEntries(nov.rows[0].cells.map((c) => [c.day, c]));
    expect(Object.keys(cellsA).map(Number)).toEqual([2, 3, 20, 27]);
    expect(cellsA[3].marks).toEqual(['T', 'M', 'T']);
    expect(cellsA[3].interactionIds).toHaveLength(3);
    expect(cellsA[2]).toMatchObject({ marks: [], followUpDue: true });
    expect(cellsA[20]).toMatchObject({ marks: ['E'], followUpDue: false, promiseDue: false });
    expect(cellsA[27]).toMatchObject({ marks: [], followUpDue: true });
    expect(nov.rows[1].cells).toEqual([expect.objectContaining({ date: '2026-11-30', marks: ['O'] })]);

    const dec = await calendar({ month: '2026-12' });
    expect(dec.daysInMonth).toBe(31);
    expect(dec.rows.find((r) => r.code === 'C0001')?.cells).toEqual([expect.objectContaining({ day: 5, promiseDue: true, marks: [] })]);

    expect((await calendar({ month: '2026-11', salesperson: '周敏' })).rows.map((r) => r.code)).toEqual(['C0002']);
    expect((await calendar({ month: '2026-11', grade: ['A'] })).rows.map((r) => r.code)).toEqual(['C0001']);
    // All customers in use, so an empty row can be clicked to log the first contact.
    const all = await calendar({ month: '2026-11', grade: ['A'], onlyWithEntries: false });
    expect(all.rows.map((r) => [r.code, r.cells.length])).toEqual([
      ['C0001', 4],
      ['C0003', 0],
    ]);
  });

  it('February of a leap year has 29 days; a bad month is refused', async () => {
    expect((await calendar({ month: '2028-02' })).daysInMonth).toBe(29);
    await expect(calendar({ month: '2026-13' })).rejects.toMatchObject({ code: 'validation', field: 'month' });
  });
});
