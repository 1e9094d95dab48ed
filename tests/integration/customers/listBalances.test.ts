/**
 * The customer list's 余额 and 逾期 columns and totals row (issue 16): the
 * same figures as the customer card (ledger.summary), sortable in SQL, and
 * totals over every matching customer, not just the page.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CustomerListInput, CustomerPage } from '../../../shared/api/customers';
import type { CustomerArSummary } from '../../../shared/api/ledger';
import { fixedClock } from '../../../shared/dates/clock';
import { tempRuntime } from '../../helpers/tempRuntime';

let t: Awaited<ReturnType<typeof tempRuntime>>;
const ids: Record<string, string> = {};
const list = (input: CustomerListInput) => t.rt.invoke<CustomerPage>('customers.list', input);

beforeAll(async () => {
  t = await tempRuntime({ clock: fixedClock('2026-12-05T02:00:00Z') });
  const make = async (code: string, name: string) => {
    ids[code] = (await t.rt.invoke<{ id: string }>('customers.create', { code, name, paymentTermDays: 30 })).id;
  };
  await make('C0001', '福州闽江批发部');
  await make('C0002', '泉州刺桐商行');
  await make('C0003', '漳州芗城超市');
  await make('C0004', '莆田木兰商行');
  const inv = (code: string, date: string, dueOn: string | null, amountFen: number) =>
    t.rt.invoke('ledger.postInvoice', { customerId: ids[code], date, dueOn, amountFen });
  // C0001: 800.00 overdue (due 11-01) + 500.00 not yet due; paid 300.00 → FIFO takes it off the overdue one.
  await inv('C0001', '2026-10-01', '2026-11-01', 80_000);
  await inv('C0001', '2026-11-20', '2026-12-20', 50_000);
  await t.rt.invoke('ledger.postReceipt', { customerId: ids.C0001, date: '2026-11-25', amountFen: 30_000 });
  // C0002: 2,000.00 overdue.
  await inv('C0002', '2026-09-01', '2026-10-01', 200_000);
  // C0003: prepaid 100.00, nothing owed.
  await t.rt.invoke('ledger.postReceipt', { customerId: ids.C0003, date: '2026-11-25', amountFen: 10_000 });
  // C0004: nothing at all.
});
afterAll(() => t.cleanup());

describe('customer list balances', () => {
  it('each row carries the balance and overdue the card shows', async () => {
    const page = await list({ limit: 10 });
    const byCode = Object.fromEntries(page.rows.map((r) => [r.code, [r.balanceFen, r.overdueFen]]));
    expect(byCode).toEqual({ C0001: [100_000, 50_000], C0002: [200_000, 200_000], C0003: [-10_000, 0], C0004: [0, 0] });
    for (const r of page.rows) {
      const card = await t.rt.invoke<CustomerArSummary>('ledger.summary', { customerId: r.id });
      expect([card.balanceFen, card.overdueFen]).toEqual([r.balanceFen, r.overdueFen]);
    }
  });

  it('sorts by balance and by overdue in SQL', async () => {
    const codes = async (column: 'balanceFen' | 'overdueFen', direction: 'asc' | 'desc') =>
      (await list({ sort: { column, direction } })).rows.map((r) => r.code);
    expect(await codes('balanceFen', 'desc')).toEqual(['C0002', 'C0001', 'C0004', 'C0003']);
    expect(await codes('balanceFen', 'asc')).toEqual(['C0003', 'C0004', 'C0001', 'C0002']);
    // Ties (no overdue) fall back to the code.
    expect(await codes('overdueFen', 'desc')).toEqual(['C0002', 'C0001', 'C0003', 'C0004']);
  });

  it('totals cover every matching customer, not only the page shown', async () => {
    const first = await list({ limit: 1 });
    expect(first.rows).toHaveLength(1);
    expect(first.totals).toEqual({ balanceFen: 100_000 + 200_000 - 10_000, overdueFen: 250_000 });
    const filtered = await list({ search: '商行' });
    expect(filtered.rows.map((r) => r.code)).toEqual(['C0002', 'C0004']);
    expect(filtered.totals).toEqual({ balanceFen: 200_000, overdueFen: 200_000 });
  });

  it('a searched list pages through its matches with the count and totals of all of them', async () => {
    // A search is matched once and paged from that list (search.ts): page, count and totals must still agree.
    expect(await list({ search: '商行', offset: 1, limit: 1 })).toMatchObject({
      rows: [{ code: 'C0004' }],
      total: 2,
      totals: { balanceFen: 200_000, overdueFen: 200_000 },
    });
    expect(await list({ search: '商行', offset: 5, limit: 1 })).toMatchObject({ rows: [], total: 2, totals: { balanceFen: 200_000 } });
    expect(await list({ search: '没有这个客户' })).toEqual({ rows: [], total: 0, totals: { balanceFen: 0, overdueFen: 0 } });
    // Two words narrow: both must match; the totals follow.
    expect(await list({ search: '商行 泉州' })).toMatchObject({ rows: [{ code: 'C0002' }], total: 1, totals: { balanceFen: 200_000, overdueFen: 200_000 } });
  });
});

describe('customer card money strip', () => {
  it('carries balance, overdue with the oldest days, limit, prepayment, last receipt and the next promise', async () => {
    const h = await t.rt.invoke<Record<string, unknown>>('customers.moneyHeader', { id: ids.C0001 });
    // Oldest overdue item due 2026-11-01, today 2026-12-05: 34 days.
    expect(h).toEqual({
      balanceFen: 100_000,
      overdueFen: 50_000,
      oldestOverdueDays: 34,
      creditLimitFen: null,
      unappliedFen: 0,
      lastReceipt: { date: '2026-11-25', amountFen: 30_000 },
      nextPromise: null,
    });
    // A promise already past is not "next"; the nearest one ahead is.
    await t.rt.invoke('interactions.create', { customerId: ids.C0002, date: '2026-12-05', channel: 'T', summary: '周三付', promiseDate: '2026-12-16', promiseAmountFen: 90_000 });
    await t.rt.invoke('interactions.create', { customerId: ids.C0002, date: '2026-12-05', channel: 'T', summary: '下周一先付', promiseDate: '2026-12-08', promiseAmountFen: 50_000 });
    const c2 = await t.rt.invoke<{ nextPromise: unknown; oldestOverdueDays: number; lastReceipt: unknown }>('customers.moneyHeader', { id: ids.C0002 });
    expect(c2).toMatchObject({ nextPromise: { date: '2026-12-08', amountFen: 50_000 }, oldestOverdueDays: 65, lastReceipt: null });
    const prepaid = await t.rt.invoke<{ unappliedFen: number; overdueFen: number; oldestOverdueDays: null }>('customers.moneyHeader', { id: ids.C0003 });
    expect(prepaid).toMatchObject({ balanceFen: -10_000, unappliedFen: 10_000, overdueFen: 0, oldestOverdueDays: null });
  });
});
