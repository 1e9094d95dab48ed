/**
 * 今日催收: who is on the list (overdue or a broken promise), the ranking
 * (broken promises first, then Σ open × (1 + days / 30), pending promises
 * last), what a row shows, and 记录电话 (a T interaction dated today whose
 * promise moves the customer to the bottom); bad input saves nothing.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Interaction } from '../../../shared/api/customers';
import { tempRuntime, type TempRuntime } from '../../helpers/tempRuntime';
import { collection, count, customer, interaction, invoice, receipt, refusal, TODAY } from './helpers';
import { weightedOverdueFen } from '../../../electron/services/collection/ranking';

let t: TempRuntime;
beforeEach(async () => {
  t = await tempRuntime();
});
afterEach(() => t.cleanup());

describe('collection.today', () => {
  it("lists each row's overdue items: oldest due first, then document date and number; nothing not yet due", async () => {
    // The items of a page are read together (LedgerAsOf.overdueItemsOf): every row must get exactly its own.
    const x = await customer(t, 'C1101');
    const y = await customer(t, 'C1102');
    const z = await customer(t, 'C1103');
    const no = (n: string) => ({ docNo: n });
    await invoice(t, x.id, '2026-09-05', 20_000, { dueOn: '2026-10-01', ...no('X-B') });
    await invoice(t, x.id, '2026-09-01', 10_000, { dueOn: '2026-10-01', ...no('X-C') });
    await invoice(t, x.id, '2026-09-01', 30_000, { dueOn: '2026-10-01', ...no('X-A') });
    await invoice(t, x.id, '2026-08-01', 5_000, { dueOn: '2026-11-20', ...no('X-D') });
    await invoice(t, x.id, '2026-11-01', 99_000, { dueOn: '2026-12-31', ...no('X-LATER') });
    await invoice(t, y.id, '2026-07-01', 40_000, { dueOn: '2026-07-31', ...no('Y-A') });
    await invoice(t, y.id, '2026-10-01', 1_000, { dueOn: '2026-11-23', ...no('Y-B') });
    await invoice(t, z.id, '2026-11-01', 7_000, { dueOn: '2026-11-10', ...no('Z-A') });
    const list = await collection(t);
    const items = Object.fromEntries(list.rows.map((r) => [r.customerCode, r.items.map((i) => [i.docNo, i.dueOn, i.openFen, i.days])]));
    expect(items).toEqual({
      C1101: [
        ['X-A', '2026-10-01', 30_000, 54],
        ['X-C', '2026-10-01', 10_000, 54],
        ['X-B', '2026-10-01', 20_000, 54],
        ['X-D', '2026-11-20', 5_000, 4],
      ],
      C1102: [
        ['Y-A', '2026-07-31', 40_000, 116],
        ['Y-B', '2026-11-23', 1_000, 1],
      ],
      C1103: [['Z-A', '2026-11-10', 7_000, 14]],
    });
    // A page of one row gets the same items.
    const second = await t.rt.invoke<typeof list>('collection.today', { offset: 1, limit: 1 });
    expect(second.rows.map((r) => [r.customerCode, r.items.length])).toEqual([[list.rows[1].customerCode, list.rows[1].items.length]]);
  });

  it('ranks broken promises first, then by age-weighted overdue amount, pending promises last', async () => {
    // A: ¥10,000 90 days late → 40,000 weighted. B: ¥30,000 5 days late → 35,000. C: ¥1,000 with a broken promise.
    const a = await customer(t, 'C1001');
    const b = await customer(t, 'C1002');
    const c = await customer(t, 'C1003');
    const d = await customer(t, 'C1004');
    const e = await customer(t, 'C1005'); // paid up: not listed
    await invoice(t, a.id, '2026-08-01', 1_000_000, { dueOn: '2026-08-26' });
    await invoice(t, b.id, '2026-11-01', 3_000_000, { dueOn: '2026-11-19' });
    await invoice(t, c.id, '2026-11-01', 100_000, { dueOn: '2026-11-20' });
    await interaction(t, c.id, '2026-11-15', { promiseDate: '2026-11-21', promiseAmountFen: 100_000 });
    // D owes the most, but promised (on 11-22) to pay by 11-28: pending, last.
    await invoice(t, d.id, '2026-06-01', 9_000_000, { dueOn: '2026-06-30' });
    await interaction(t, d.id, '2026-11-22', { promiseDate: '2026-11-28', promiseAmountFen: 9_000_000 });
    await invoice(t, e.id, '2026-06-01', 50_000, { dueOn: '2026-06-30' });
    await receipt(t, e.id, '2026-07-01', 50_000);

    const list = await collection(t);
    expect(list.asOf).toBe(TODAY);
    expect(list.rows.map((r) => [r.rank, r.customerCode, r.group, r.weightedFen])).toEqual([
      [1, 'C1003', 'broken', weightedOverdueFen([{ openFen: 100_000, days: 4 }])],
      [2, 'C1001', 'normal', 4_000_000],
      [3, 'C1002', 'normal', 3_500_000],
      [4, 'C1004', 'promised', weightedOverdueFen([{ openFen: 9_000_000, days: 147 }])],
    ]);
    expect(list.total).toBe(4);
    expect(list.overdueFen).toBe(1_000_000 + 3_000_000 + 100_000 + 9_000_000);
    const top = list.rows[0];
    expect(top).toMatchObject({
      customerName: '预警客户C1003有限公司',
      contact: { name: '联系人C1003', mobile: '13800138000' },
      lastInteraction: { date: '2026-11-15', channel: 'T', summary: '电话沟通' },
      promise: { madeOn: '2026-11-15', promiseDate: '2026-11-21', amountFen: 100_000, receivedFen: 0, status: 'broken' },
      overdueFen: 100_000,
      overdueCount: 1,
      oldestDays: 4,
      balanceFen: 100_000,
    });
    expect(top.items).toEqual([expect.objectContaining({ dueOn: '2026-11-20', openFen: 100_000, days: 4 })]);
  });

  it('weights Σ open × (1 + days / 30), rounded half up once', () => {
    expect(weightedOverdueFen([])).toBe(0);
    expect(weightedOverdueFen([{ openFen: 300, days: 30 }])).toBe(600);
    expect(weightedOverdueFen([{ openFen: 1, days: 15 }])).toBe(2); // 1.5 → 2
    expect(weightedOverdueFen([{ openFen: 100, days: 1 }, { openFen: 200, days: 2 }])).toBe(Math.round(100 * (31 / 30) + 200 * (32 / 30)));
  });
});

describe('collection.logCall', () => {
  it('logs a phone call dated today; a promise to pay puts the customer at the bottom', async () => {
    const a = await customer(t, 'C1101');
    const b = await customer(t, 'C1102');
    await invoice(t, a.id, '2026-06-01', 5_000_000, { dueOn: '2026-06-30' });
    await invoice(t, b.id, '2026-11-01', 100_000, { dueOn: '2026-11-20' });
    expect((await collection(t)).rows.map((r) => r.customerCode)).toEqual(['C1101', 'C1102']);

    const call = await t.rt.invoke<Interaction>('collection.logCall', {
      customerId: a.id,
      summary: '财务说周五付 5,000',
      promiseDate: '2026-11-27',
      promiseAmountFen: 500_000,
      nextFollowUp: '2026-11-30',
    });
    expect(call).toMatchObject({ date: TODAY, channel: 'T', promiseDate: '2026-11-27', promiseAmountFen: 500_000, nextFollowUp: '2026-11-30', user: 'tester' });
    const list = await collection(t);
    expect(list.rows.map((r) => [r.customerCode, r.group])).toEqual([
      ['C1102', 'normal'],
      ['C1101', 'promised'],
    ]);
    expect(list.rows[1].lastInteraction).toEqual({ date: TODAY, channel: 'T', summary: '财务说周五付 5,000' });
    // A call without a promise changes nothing in the order.
    await t.rt.invoke('collection.logCall', { customerId: b.id, summary: '没人接' });
    expect((await collection(t)).rows.map((r) => r.customerCode)).toEqual(['C1102', 'C1101']);
  });

  it('refuses a promise without an amount (or date) and a promise or follow-up dated before today; nothing saved', async () => {
    const a = await customer(t, 'C1201');
    const before = [count(t, 'interactions'), count(t, 'audit_log')];
    expect(await refusal(t, 'collection.logCall', { customerId: a.id, summary: '答应付款', promiseDate: '2026-11-27' })).toMatchObject({
      code: 'validation',
    });
    expect(JSON.stringify(await refusal(t, 'collection.logCall', { customerId: a.id, summary: 'x', promiseDate: '2026-11-27' }))).toContain(
      'promiseAmountFen',
    );
    expect(await refusal(t, 'collection.logCall', { customerId: a.id, summary: 'x', promiseAmountFen: 100 })).toMatchObject({ code: 'validation' });
    expect(
      await refusal(t, 'collection.logCall', { customerId: a.id, summary: 'x', promiseDate: '2026-11-23', promiseAmountFen: 100 }),
    ).toMatchObject({ code: 'validation', field: 'promiseDate' });
    expect(await refusal(t, 'collection.logCall', { customerId: a.id, summary: 'x', promiseDate: TODAY, promiseAmountFen: 0 })).toMatchObject({
      code: 'validation',
    });
    expect(await refusal(t, 'collection.logCall', { customerId: a.id, summary: 'x', nextFollowUp: '2026-11-01' })).toMatchObject({
      field: 'nextFollowUp',
    });
    expect(await refusal(t, 'collection.logCall', { customerId: a.id, summary: '  ' })).toMatchObject({ code: 'validation' });
    expect([count(t, 'interactions'), count(t, 'audit_log')]).toEqual(before);
    // A promise for today is fine.
    await t.rt.invoke('collection.logCall', { customerId: a.id, summary: '今天付', promiseDate: TODAY, promiseAmountFen: 100 });
  });
});
