/**
 * follow_up_due and promise_broken: the follow-up date reached with nothing
 * logged since; a promise whose date has passed with less received from the
 * day it was made up to that date (partial payment before the date: broken;
 * full payment before: none; payment after the date: broken).
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { addDays } from '../../../shared/dates/calendar';
import { tempRuntime, type TempRuntime } from '../../helpers/tempRuntime';
import { customer, interaction, invoice, ofKind, receipt } from './helpers';

let t: TempRuntime;
beforeEach(async () => {
  t = await tempRuntime();
});
afterEach(() => t.cleanup());

describe('follow_up_due', () => {
  const FOLLOW = '2026-11-20';

  it('appears on the follow-up date and stays until something is logged', async () => {
    const c = await customer(t, 'C0501');
    const i = await interaction(t, c.id, '2026-11-10', { summary: '客户说下周对账', nextFollowUp: FOLLOW });
    const at = async (days: number) => (await ofKind(t, 'follow_up_due', addDays(FOLLOW, days))).map((a) => [a.severity, a.days]);
    expect(await at(-1)).toEqual([]);
    expect(await at(0)).toEqual([['info', 0]]);
    expect(await at(1)).toEqual([['info', 1]]);
    const [a] = await ofKind(t, 'follow_up_due', '2026-11-23');
    expect(a).toMatchObject({ key: `follow_up_due:${i.id}`, customerCode: 'C0501', amountFen: null });
    expect(a.message).toBe('约定 2026-11-20 跟进，已过 3 天（上次往来 2026-11-10：客户说下周对账）');

    // A visit on 11-22 is the follow-up: gone from then on (still there before it).
    await interaction(t, c.id, '2026-11-22', { channel: 'M', summary: '上门拜访' });
    expect(await at(1)).toEqual([['info', 1]]);
    expect(await at(2)).toEqual([]);
    expect(await at(4)).toEqual([]);
  });

  it('a later interaction with its own follow-up date replaces the earlier one', async () => {
    const c = await customer(t, 'C0502');
    await interaction(t, c.id, '2026-11-01', { nextFollowUp: '2026-11-05' });
    const second = await interaction(t, c.id, '2026-11-06', { nextFollowUp: '2026-11-30' });
    expect(await ofKind(t, 'follow_up_due', '2026-11-24')).toEqual([]);
    expect((await ofKind(t, 'follow_up_due', '2026-11-30')).map((a) => a.key)).toEqual([`follow_up_due:${second.id}`]);
  });
});

describe('promise_broken', () => {
  const PROMISED = '2026-11-20';

  async function promising(code: string) {
    const c = await customer(t, code);
    await invoice(t, c.id, '2026-09-01', 1_000_000, { dueOn: '2026-10-01' });
    const p = await interaction(t, c.id, '2026-11-10', { summary: '答应付款', promiseDate: PROMISED, promiseAmountFen: 500_000 });
    return { c, p };
  }
  const at = async (days: number) =>
    (await ofKind(t, 'promise_broken', addDays(PROMISED, days))).map((a) => [a.customerCode, a.severity, a.amountFen, a.days]);

  it('is broken the day after the promised date when nothing came in', async () => {
    const { p } = await promising('C0601');
    expect(await at(-1)).toEqual([]);
    expect(await at(0)).toEqual([]); // the promised day itself is still in time
    expect(await at(1)).toEqual([['C0601', 'critical', 500_000, 1]]);
    const [a] = await ofKind(t, 'promise_broken', addDays(PROMISED, 1));
    expect(a.key).toBe(`promise_broken:${p.id}`);
    expect(a.message).toBe('承诺 2026-11-20 前付款 ¥5,000.00，期间只收到 ¥0.00，差 ¥5,000.00');
  });

  it('partial payment before the date: broken for the shortfall', async () => {
    const { c } = await promising('C0602');
    await receipt(t, c.id, '2026-11-15', 200_000);
    expect(await at(1)).toEqual([['C0602', 'critical', 300_000, 1]]);
  });

  it('full payment before (or on) the date: no alert', async () => {
    const { c } = await promising('C0603');
    await receipt(t, c.id, '2026-11-12', 200_000);
    await receipt(t, c.id, PROMISED, 300_000);
    expect(await at(1)).toEqual([]);
    expect(await at(30)).toEqual([]);
  });

  it('payment after the date: still broken (it was paid late)', async () => {
    const { c } = await promising('C0604');
    await receipt(t, c.id, addDays(PROMISED, 1), 500_000);
    expect(await at(1)).toEqual([['C0604', 'critical', 500_000, 1]]);
    expect(await at(5)).toEqual([['C0604', 'critical', 500_000, 5]]);
  });

  it('a receipt before the promise was made does not count, nor does a voided one', async () => {
    const { c } = await promising('C0605');
    await receipt(t, c.id, '2026-11-09', 500_000);
    const r = await receipt(t, c.id, '2026-11-18', 500_000);
    await t.rt.invoke('ledger.void', { docId: r.document.id, date: '2026-11-19', reason: '退票' });
    expect(await at(1)).toEqual([['C0605', 'critical', 500_000, 1]]);
  });

  it('a newer promise supersedes the broken one', async () => {
    const { c } = await promising('C0606');
    expect(await at(2)).toHaveLength(1);
    await interaction(t, c.id, addDays(PROMISED, 3), { summary: '再次承诺', promiseDate: '2026-11-30', promiseAmountFen: 500_000 });
    expect(await at(2)).toHaveLength(1); // on 11-22 the new promise was not made yet
    expect(await at(3)).toEqual([]);
  });
});
