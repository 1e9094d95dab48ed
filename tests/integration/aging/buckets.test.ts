/**
 * Bucket boundaries (day 0, 1, 30, 31, 365, 366) on both bases, as of today
 * (stored replay) and as of a past date (its prefix); configured bucket
 * lists; refused lists leave the settings unchanged; saves are audited.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { AgingBucket, AgingBucketSettings } from '../../../shared/api/aging';
import type { HistoryEntryDto } from '../../../shared/api/history';
import { tempRuntime, type TempRuntime } from '../../helpers/tempRuntime';
import { customer, DEFAULT_LIST, post, report, TODAY } from './helpers';

let t: TempRuntime;
beforeEach(async () => {
  t = await tempRuntime();
});
afterEach(() => t.cleanup());

const day = (offset: number): string => new Date(Date.parse(`${TODAY}T00:00:00Z`) + offset * 86_400_000).toISOString().slice(0, 10);
const OFFSETS = [0, 1, 30, 31, 365, 366];
/** Expected bucket of each offset in the default list: 0 → 未到期/当期, 1 and 30 → 1-30, 31 → 31-60, 365 → 181-365, 366 → 365+. */
const EXPECTED_BUCKET = [0, 1, 1, 2, 5, 6];
/** Amounts that say which offset landed where: 1, 10, 100, 1000 … fen. */
const amountOf = (i: number) => 10 ** i;

describe('bucket boundaries', () => {
  it('due basis: days = as-of − due date, as of today and as of a past date', async () => {
    const c = await customer(t, 'D001');
    for (let i = 0; i < OFFSETS.length; i++) {
      const due = day(-OFFSETS[i]);
      await post(t, 'ledger.postInvoice', { customerId: c.id, date: day(-OFFSETS[i] - 10), dueOn: due, amountFen: amountOf(i) });
    }
    const expected = DEFAULT_LIST.map(() => 0);
    OFFSETS.forEach((_, i) => (expected[EXPECTED_BUCKET[i]] += amountOf(i)));
    const today = await report(t, { basis: 'due' });
    expect(today.asOf).toBe(TODAY);
    expect(today.rows[0].bucketsFen).toEqual(expected);
    // Overdue means days ≥ 1: everything but the invoice due today.
    expect(today.rows[0].overdueFen).toBe(111_110);

    // The same boundaries a year earlier, with later documents already posted: the prefix path.
    const earlier = await customer(t, 'D009');
    for (let i = 0; i < OFFSETS.length; i++) {
      await post(t, 'ledger.postInvoice', { customerId: earlier.id, date: day(-OFFSETS[i] - 375), dueOn: day(-OFFSETS[i] - 365), amountFen: amountOf(i) * 7 });
    }
    await post(t, 'ledger.postInvoice', { customerId: earlier.id, date: day(-3), amountFen: 999 });
    const past = await report(t, { asOf: day(-365), basis: 'due' });
    expect(past.rows.find((r) => r.code === 'D009')?.bucketsFen).toEqual(expected.map((v) => v * 7));
  });

  it('document basis: days = as-of − document date; the first bucket is 当期', async () => {
    const c = await customer(t, 'D002', { paymentTermDays: 90 });
    for (let i = 0; i < OFFSETS.length; i++) {
      await post(t, 'ledger.postInvoice', { customerId: c.id, date: day(-OFFSETS[i]), amountFen: amountOf(i) });
    }
    const expected = DEFAULT_LIST.map(() => 0);
    OFFSETS.forEach((_, i) => (expected[EXPECTED_BUCKET[i]] += amountOf(i)));
    const r = await report(t, { basis: 'document' });
    expect(r.buckets[0]).toEqual({ key: 'current', label: '当期', minDays: null, maxDays: 0 });
    expect(r.rows[0].bucketsFen).toEqual(expected);
    // 90 days' credit: only the 365- and 366-day-old invoices are overdue.
    expect(r.rows[0].overdueFen).toBe(110_000);
    // Past date with a post-dated document in the ledger: the prefix path gives the same split.
    await post(t, 'ledger.postInvoice', { customerId: c.id, date: day(3), amountFen: 5 });
    const withFuture = await report(t, { basis: 'document' });
    expect(withFuture.rows[0].bucketsFen).toEqual(expected);
  });
});

describe('configured bucket lists', () => {
  const YEARLY: AgingBucket[] = [
    { key: '', label: '1年以内', minDays: null, maxDays: 365 },
    { key: '', label: '1-2年', minDays: 366, maxDays: 730 },
    { key: '', label: '2-3年', minDays: 731, maxDays: 1095 },
    { key: '', label: '3年以上', minDays: 1096, maxDays: null },
  ];

  it('an auditor’s yearly list for the document basis is used by the report, keys derived, the due basis untouched', async () => {
    const c = await customer(t, 'Y001');
    for (const [offset, amount] of [[0, 1], [365, 2], [366, 4], [730, 8], [731, 16], [1096, 32]] as const) {
      await post(t, 'ledger.postInvoice', { customerId: c.id, date: day(-offset), amountFen: amount });
    }
    const saved = await t.rt.invoke<AgingBucketSettings>('aging.updateBuckets', { basis: 'document', buckets: YEARLY });
    expect(saved.document.map((b) => b.key)).toEqual(['current', '366-730', '731-1095', '1095+']);
    expect(saved.documentIsDefault).toBe(false);
    expect(saved.due).toEqual(DEFAULT_LIST);

    const r = await report(t, { basis: 'document' });
    expect(r.buckets.map((b) => b.label)).toEqual(['1年以内', '1-2年', '2-3年', '3年以上']);
    expect(r.rows[0].bucketsFen).toEqual([1 + 2, 4 + 8, 16, 32]);
    expect((await report(t, { basis: 'due' })).buckets).toHaveLength(7);

    // Audited, with the list before and after.
    const history = await t.rt.invoke<HistoryEntryDto[]>('system.history', { entity: 'settings', entityId: 'aging.document' });
    expect(history).toHaveLength(1);
    expect(history[0].user).toBe('tester');

    // Back to the default.
    const reset = await t.rt.invoke<AgingBucketSettings>('aging.resetBuckets', { basis: 'document' });
    expect(reset.documentIsDefault).toBe(true);
    expect((await report(t, { basis: 'document' })).buckets).toHaveLength(7);
  });

  it('a list with a finer first bucket moves "due within a week" out of 未到期', async () => {
    const c = await customer(t, 'Y002');
    await post(t, 'ledger.postInvoice', { customerId: c.id, date: day(-1), dueOn: day(5), amountFen: 100 });
    await post(t, 'ledger.postInvoice', { customerId: c.id, date: day(-1), dueOn: day(30), amountFen: 1 });
    await t.rt.invoke('aging.updateBuckets', {
      basis: 'due',
      buckets: [
        { key: 'later', label: '7天后到期', minDays: null, maxDays: -8 },
        { key: 'soon', label: '7天内到期', minDays: -7, maxDays: 0 },
        { key: 'overdue', label: '已逾期', minDays: 1, maxDays: null },
      ],
    });
    expect((await report(t)).rows[0].bucketsFen).toEqual([1, 100, 0]);
  });
});

describe('bad bucket lists are refused and change nothing', () => {
  const cases: [string, AgingBucket[], RegExp][] = [
    ['overlap', [{ key: '', label: '未到期', minDays: null, maxDays: 0 }, { key: '', label: '0-30天', minDays: 0, maxDays: 30 }, { key: '', label: '30天以上', minDays: 31, maxDays: null }], /重叠/],
    ['gap', [{ key: '', label: '未到期', minDays: null, maxDays: 0 }, { key: '', label: '1-30天', minDays: 1, maxDays: 30 }, { key: '', label: '40天以上', minDays: 40, maxDays: null }], /空档/],
    ['no open end', [{ key: '', label: '未到期', minDays: null, maxDays: 0 }, { key: '', label: '1-30天', minDays: 1, maxDays: 30 }], /最后一个区间必须不设上限/],
    ['no open start', [{ key: '', label: '当期', minDays: 0, maxDays: 0 }, { key: '', label: '以上', minDays: 1, maxDays: null }], /第一个区间必须不设下限/],
    ['empty label', [{ key: '', label: ' ', minDays: null, maxDays: 0 }, { key: '', label: '逾期', minDays: 1, maxDays: null }], /名称不能为空/],
    ['upside down', [{ key: '', label: 'a', minDays: null, maxDays: 0 }, { key: '', label: 'b', minDays: 1, maxDays: -5 }, { key: '', label: 'c', minDays: 2, maxDays: null }], /上限不能小于下限/],
  ];
  for (const [name, buckets, message] of cases) {
    it(name, async () => {
      await t.rt.invoke('aging.updateBuckets', { basis: 'due', buckets: DEFAULT_LIST.map((b) => ({ ...b, label: `${b.label}*` })) });
      const before = await t.rt.invoke<AgingBucketSettings>('aging.buckets', {});
      const audit = (t.rt.database().sqlite.prepare(`SELECT count(*) AS n FROM audit_log`).get() as { n: number }).n;
      const r = await t.rt.call('aging.updateBuckets', { basis: 'due', buckets });
      expect(r.ok).toBe(false);
      if (r.ok) return;
      expect(r.error.code).toBe('validation');
      expect(r.error.field).toBe('buckets');
      expect(r.error.message).toMatch(message);
      expect(await t.rt.invoke<AgingBucketSettings>('aging.buckets', {})).toEqual(before);
      expect((t.rt.database().sqlite.prepare(`SELECT count(*) AS n FROM audit_log`).get() as { n: number }).n).toBe(audit);
    });
  }

  it('an as-of that is not a date is refused by the API', async () => {
    for (const asOf of ['2026-02-30', 'yesterday', '2026/11/24']) {
      const r = await t.rt.call('aging.report', { asOf });
      expect(r.ok).toBe(false);
      if (!r.ok) expect(r.error.message).toContain('截止日期应为有效日期');
    }
  });
});
