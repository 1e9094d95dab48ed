/**
 * The report as of a past date reads the PREFIX of the stored full replay
 * (allocations dated ≤ D), except for customers with an original dated ≤ D
 * voided by a void dated > D, which are replayed. These tests check that
 * shortcut against a full replay as of D (aging.openItems replays one
 * customer's documents): a worked example with crossing voids, and a sweep
 * over every week of random histories.
 */
import fc from 'fast-check';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { tempRuntime, type TempRuntime } from '../../helpers/tempRuntime';
import { customer, openItems, post, report, sum } from './helpers';
import { dayDate, historyArb, LAST_DAY, postHistory } from './randomHistory';

describe('crossing voids, worked example', () => {
  let t: TempRuntime;
  beforeEach(async () => {
    t = await tempRuntime();
  });
  afterEach(() => t.cleanup());

  it('a receipt voided later still paid the invoice before its void; an invoice voided later was still owed', async () => {
    const c = await customer(t, 'X001', { paymentTermDays: 30 });
    const i1 = await post(t, 'ledger.postInvoice', { customerId: c.id, date: '2026-03-01', amountFen: 100_000 });
    const r1 = await post(t, 'ledger.postReceipt', { customerId: c.id, date: '2026-03-10', amountFen: 60_000 });
    const i2 = await post(t, 'ledger.postInvoice', { customerId: c.id, date: '2026-04-01', amountFen: 50_000 });
    await post(t, 'ledger.void', { docId: r1.document.id, date: '2026-04-15', reason: '银行退票' });
    await post(t, 'ledger.void', { docId: i2.document.id, date: '2026-05-20', reason: '金额录入错误' });

    const row = async (asOf: string) => (await report(t, { asOf })).rows.find((r) => r.customerId === c.id);
    // 04-10: the receipt still stands (40,000 of I1 open, due 03-31: 10 days), I2 not yet due.
    expect((await row('2026-04-10'))?.bucketsFen).toEqual([50_000, 40_000, 0, 0, 0, 0, 0]);
    // 04-20: the receipt has bounced: all of I1 is open again (20 days), I2 still counts.
    expect((await row('2026-04-20'))?.bucketsFen).toEqual([50_000, 100_000, 0, 0, 0, 0, 0]);
    // 05-25: I2 has been voided.
    expect((await row('2026-05-25'))?.bucketsFen).toEqual([0, 0, 100_000, 0, 0, 0, 0]);
    expect((await row('2026-05-25'))?.balanceFen).toBe(100_000);
    // The stored replay (today) knows only the final state.
    expect((await row('2026-11-24'))?.bucketsFen).toEqual([0, 0, 0, 0, 0, 100_000, 0]);

    const items = await openItems(t, { customerId: c.id, asOf: '2026-04-10' });
    expect(items.items.map((i) => [i.docNo, i.openFen, i.days])).toEqual([
      [i1.document.docNo, 40_000, 10],
      [i2.document.docNo, 50_000, -21],
    ]);
  });

  it('a prepayment voided later was unapplied credit before its void', async () => {
    const c = await customer(t, 'X002');
    const pre = await post(t, 'ledger.postReceipt', { customerId: c.id, date: '2026-02-01', amountFen: 30_000 });
    await post(t, 'ledger.postInvoice', { customerId: c.id, date: '2026-03-01', amountFen: 10_000 });
    await post(t, 'ledger.void', { docId: pre.document.id, date: '2026-04-01', reason: '误录' });
    const at = async (asOf: string) => (await report(t, { asOf })).rows.find((r) => r.customerId === c.id);
    expect(await at('2026-02-15')).toMatchObject({ unappliedFen: 30_000, balanceFen: -30_000 });
    expect(await at('2026-03-15')).toMatchObject({ unappliedFen: 20_000, balanceFen: -20_000 });
    expect(await at('2026-04-15')).toMatchObject({ unappliedFen: 0, balanceFen: 10_000, bucketsFen: [0, 10_000, 0, 0, 0, 0, 0] });
  });
});

describe('prefix shortcut = full replay as of D', () => {
  it('every week of random histories, every customer, every bucket', async () => {
    await fc.assert(
      fc.asyncProperty(historyArb, fc.integer({ min: 0, max: 6 }), async (ops, phase) => {
        const t = await tempRuntime();
        try {
          const ids = await postHistory(t, ops);
          for (let day = phase - 7; day <= LAST_DAY + 7; day += 7) {
            const asOf = dayDate(day);
            const r = await report(t, { asOf });
            for (const id of ids) {
              const replayed = await openItems(t, { customerId: id, asOf });
              const row = r.rows.find((x) => x.customerId === id);
              const perBucket = r.buckets.map((_, b) => sum(replayed.items.filter((i) => i.bucket === b).map((i) => i.openFen)));
              if (row === undefined) {
                expect(replayed.totalFen + replayed.unappliedFen, `${asOf}: left out only when nothing is open`).toBe(0);
                continue;
              }
              expect({ buckets: row.bucketsFen, unapplied: row.unappliedFen }, asOf).toEqual({ buckets: perBucket, unapplied: replayed.unappliedFen });
            }
          }
        } finally {
          t.cleanup();
        }
      }),
      { numRuns: 12 },
    );
  }, 240_000);
});
