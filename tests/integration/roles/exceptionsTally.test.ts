/**
 * The exceptions report against an independent tally (issue 13 point 5):
 * random months of entries — invoices, receipts and credit notes (some
 * back-dated), write-offs, voids — entered day by day; for each month the
 * report's count per action equals what the generator itself counted.
 * EXCEPTIONS_PROPERTY_RUNS raises the number of generated histories.
 */
import fc from 'fast-check';
import { afterAll, describe, expect, it } from 'vitest';
import { exceptionsDefaultPeriod, type ExceptionRow } from '../../../shared/api/controls';
import { addDays } from '../../../shared/dates/calendar';
import { fixedClock } from '../../../shared/dates/clock';
import { call, officeWithUsers, type Office } from './helpers';

const RUNS = Number(process.env.EXCEPTIONS_PROPERTY_RUNS ?? 2);
const offices: Office[] = [];
afterAll(() => offices.forEach((o) => o.cleanup()));

const step = fc.record({
  kind: fc.constantFrom('invoice', 'receipt', 'credit_note', 'write_off', 'void'),
  backDays: fc.integer({ min: 0, max: 20 }),
  gapDays: fc.integer({ min: 1, max: 4 }),
});

describe('exceptions report', () => {
  it('counts per month and action equal an independent tally', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(step, { minLength: 8, maxLength: 30 }), async (steps) => {
        const o = await officeWithUsers();
        offices.push(o);
        const boss = o.as('boss');
        const c = await call<{ id: string }>(o.rt, boss, 'customers.create', { code: 'C0001', name: '成都测试商贸有限公司' });
        const tally = new Map<string, number>();
        const count = (month: string, action: string) => tally.set(`${month} ${action}`, (tally.get(`${month} ${action}`) ?? 0) + 1);
        let day = '2026-09-01';
        let lastInvoice: string | null = null;
        const receipts: string[] = [];
        for (const s of steps) {
          day = addDays(day, s.gapDays);
          o.rt.clock = fixedClock(`${day}T02:00:00Z`);
          const month = day.slice(0, 7);
          const date = addDays(day, -s.backDays);
          const backdated = s.backDays > 7;
          if (s.kind === 'invoice' || (s.kind === 'write_off' && !lastInvoice)) {
            lastInvoice = (await call<{ document: { id: string } }>(o.rt, boss, 'ledger.postInvoice', { customerId: c.id, date, amountFen: 100_000 })).document.id;
            if (backdated) count(month, 'backdated');
          } else if (s.kind === 'receipt' || (s.kind === 'void' && !receipts.length)) {
            receipts.push((await call<{ document: { id: string } }>(o.rt, boss, 'ledger.postReceipt', { customerId: c.id, date, amountFen: 300 })).document.id);
            if (backdated) count(month, 'backdated');
          } else if (s.kind === 'credit_note') {
            await call(o.rt, boss, 'ledger.postCreditNote', { customerId: c.id, date, amountFen: 200 });
            count(month, 'credit_note');
            if (backdated) count(month, 'backdated');
          } else if (s.kind === 'write_off') {
            await call(o.rt, boss, 'ledger.postWriteOff', { debitId: lastInvoice, date: day, amountFen: 1, memo: '尾差核销' });
            count(month, 'write_off');
          } else {
            await call(o.rt, boss, 'ledger.void', { docId: receipts.pop(), reason: '录入错误' });
            count(month, 'void');
          }
        }
        const months = [...new Set([...tally.keys()].map((k) => k.slice(0, 7)))];
        for (const month of months) {
          const [y, m] = month.split('-').map(Number);
          const lastDay = addDays(new Date(Date.UTC(y, m, 1)).toISOString().slice(0, 10), -1);
          const rows = await call<ExceptionRow[]>(o.rt, o.as('accountant'), 'exceptions.report', { from: `${month}-01`, to: lastDay });
          const got = new Map<string, number>();
          for (const r of rows) got.set(`${month} ${r.action}`, (got.get(`${month} ${r.action}`) ?? 0) + 1);
          const want = new Map([...tally].filter(([k]) => k.startsWith(month)));
          expect(Object.fromEntries(got)).toEqual(Object.fromEntries(want));
          // The boss entered them himself: each line says so (本人录入并批准).
          expect(rows.every((r) => r.approvedBy === 'laoban' && r.user === 'laoban')).toBe(true);
        }
        o.cleanup();
        offices.pop();
      }),
      { numRuns: RUNS, endOnFailure: true },
    );
  }, 60_000 + RUNS * 20_000);

  it('a reviewed line stays reviewed and leaves the unreviewed count', async () => {
    const o = await officeWithUsers();
    offices.push(o);
    const c = await call<{ id: string }>(o.rt, o.as('boss'), 'customers.create', { code: 'C0001', name: '成都测试商贸有限公司' });
    await call(o.rt, o.as('boss'), 'ledger.postCreditNote', { customerId: c.id, date: '2026-11-24', amountFen: 500 });
    await call(o.rt, o.as('boss'), 'ledger.postCreditNote', { customerId: c.id, date: '2026-11-24', amountFen: 600 });
    expect(await call(o.rt, o.as('accountant'), 'exceptions.unreviewedCount')).toEqual({ count: 2 });
    const rows = await call<ExceptionRow[]>(o.rt, o.as('accountant'), 'exceptions.report', { from: '2026-11-01', to: '2026-11-30' });
    expect(await call(o.rt, o.as('accountant'), 'exceptions.review', { auditIds: [rows[0].auditId] })).toEqual({ reviewed: 1 });
    expect(await call(o.rt, o.as('boss'), 'exceptions.unreviewedCount')).toEqual({ count: 1 });
    const after = await call<ExceptionRow[]>(o.rt, o.as('boss'), 'exceptions.report', { from: '2026-11-01', to: '2026-11-30' });
    expect(after.find((r) => r.auditId === rows[0].auditId)?.reviewedBy).toBe('kuaiji');
    expect((await o.rt.call('exceptions.review', { auditIds: [rows[1].auditId] }, o.as('clerk'))).ok).toBe(false);
    const xlsx = await call<{ rows: number }>(o.rt, o.as('accountant'), 'exceptions.exportXlsx', { from: '2026-11-01', to: '2026-11-30' });
    expect(xlsx.rows).toBe(2);
  });

  it("the dashboard's unreviewed count covers the exceptions page's default period (the last 30 days through today), and only for boss and accountant", async () => {
    const o = await officeWithUsers();
    offices.push(o);
    o.rt.clock = fixedClock('2026-10-24T02:00:00Z');
    const c = await call<{ id: string }>(o.rt, o.as('boss'), 'customers.create', { code: 'C0001', name: '成都测试商贸有限公司' });
    await call(o.rt, o.as('boss'), 'ledger.postCreditNote', { customerId: c.id, date: '2026-10-24', amountFen: 500 });
    // 2026-11-23 − 30 days = 2026-10-24: the line is still in the page's opening period, and in the count.
    o.rt.clock = fixedClock('2026-11-23T02:00:00Z');
    expect(exceptionsDefaultPeriod('2026-11-23')).toEqual({ from: '2026-10-24', to: '2026-11-23' });
    expect(await call(o.rt, o.as('boss'), 'exceptions.unreviewedCount')).toEqual({ count: 1 });
    // One day later it has left both.
    o.rt.clock = fixedClock('2026-11-24T02:00:00Z');
    expect(await call(o.rt, o.as('accountant'), 'exceptions.unreviewedCount')).toEqual({ count: 0 });
    for (const role of ['clerk', 'salesperson'] as const) expect((await o.rt.call('exceptions.unreviewedCount', {}, o.as(role))).ok).toBe(false);
  });
});
