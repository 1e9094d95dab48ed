/**
 * Issue 16.7–16.8 (backend): the badge counts what needs action today —
 * active alerts that are critical or new today — not every open alert, and
 * follows every write (the views are cached until the database changes);
 * the dashboard compares month-to-date with the same days of last month and
 * its overdue count agrees with 今日催收, which says how its total splits.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { AlertCounts, CollectionList } from '../../../shared/api/alerts';
import type { Dashboard } from '../../../shared/api/dashboard';
import { tempRuntime, type TempRuntime } from '../../helpers/tempRuntime';
import { customer, day, interaction, invoice, receipt, TODAY } from './helpers';

let t: TempRuntime;
beforeEach(async () => {
  t = await tempRuntime();
});
afterEach(() => t.cleanup());

const counts = () => t.rt.invoke<AlertCounts>('alerts.counts', {});

describe('alerts.counts: the badge', () => {
  it('counts critical and new-today alerts among the active ones, and follows every write', async () => {
    const fresh = await customer(t, 'N001'); // overdue since today: 1 day, info, new
    await invoice(t, fresh.id, day(-1), 10_000);
    const old = await customer(t, 'O001'); // 40 days: warning, not new
    await invoice(t, old.id, day(-40), 20_000);
    const bad = await customer(t, 'B001'); // 100 days: critical
    await invoice(t, bad.id, day(-100), 30_000);

    let c = await counts();
    // Three overdue alerts, and B001 has not bought for 100 days (churn, info, not new).
    expect(c.byKind).toMatchObject({ overdue: 3, churn: 1 });
    expect(c.total).toBe(4);
    expect(c.newToday).toBe(1);
    expect(c.bySeverity.critical).toBe(1);
    expect(c.needsAction).toBe(2);

    // A broken promise is critical; promised for yesterday, it is also new today (counted once).
    await interaction(t, old.id, day(-5), { promiseDate: day(-1), promiseAmountFen: 5_000 });
    c = await counts();
    expect(c.total).toBe(5);
    expect(c.needsAction).toBe(3);

    // Paying the critical customer in full removes its alert at once (no stale badge).
    await receipt(t, bad.id, TODAY, 30_000);
    c = await counts();
    expect(c.total).toBe(4);
    expect(c.needsAction).toBe(2);

    // A snoozed critical alert is hidden, so it needs no action today.
    const list = await t.rt.invoke<{ alerts: { key: string; kind: string }[] }>('alerts.list', {});
    const promise = list.alerts.find((a) => a.kind === 'promise_broken');
    await t.rt.invoke('alerts.snooze', { key: promise?.key, until: day(3), note: '下周再打' });
    c = await counts();
    expect(c.hidden).toBe(1);
    expect(c.needsAction).toBe(1);
  });
});

describe('dashboard: like with like, counts that agree', () => {
  it('month to date against the same days of last month, saying which days', async () => {
    const a = await customer(t, 'D001');
    await invoice(t, a.id, '2026-10-05', 100_000);
    await receipt(t, a.id, '2026-10-10', 10_000); // inside 10-01..10-24
    await receipt(t, a.id, '2026-10-28', 40_000); // last month, after the same day
    await receipt(t, a.id, '2026-11-20', 5_000);
    const d = await t.rt.invoke<Dashboard>('dashboard.get', {});
    expect(d.collections.thisMonth).toMatchObject({ from: '2026-11-01', to: TODAY, receivedFen: 5_000 });
    expect(d.collections.lastMonthSameDays).toMatchObject({ month: '2026-10', from: '2026-10-01', to: '2026-10-24', receivedFen: 10_000, invoicedFen: 100_000 });
    expect(d.collections.lastMonth).toMatchObject({ to: '2026-10-31', receivedFen: 50_000 });
  });

  it('a 31st compares with the last day of a shorter month', async () => {
    const d = await t.rt.invoke<Dashboard>('dashboard.get', { asOf: '2026-12-31' });
    expect(d.collections.lastMonthSameDays).toMatchObject({ from: '2026-11-01', to: '2026-11-30' });
  });

  it('the overdue customers on the dashboard are the overdue customers of 今日催收, whose total adds the broken promises', async () => {
    const a = await customer(t, 'E001');
    await invoice(t, a.id, day(-20), 10_000);
    const b = await customer(t, 'E002');
    await invoice(t, b.id, day(-50), 20_000);
    const c = await customer(t, 'E003'); // a broken promise, nothing overdue
    await invoice(t, c.id, day(-3), 5_000, { dueOn: day(10) });
    await interaction(t, c.id, day(-6), { promiseDate: day(-2), promiseAmountFen: 3_000 });

    const d = await t.rt.invoke<Dashboard>('dashboard.get', {});
    const list = await t.rt.invoke<CollectionList>('collection.today', {});
    expect(d.overdueCustomers).toBe(2);
    expect(list.overdueCustomers).toBe(d.overdueCustomers);
    expect(list.overdueFen).toBe(d.overdueFen);
    expect(list.brokenPromiseCustomers).toBe(1);
    expect(list.total).toBe(list.overdueCustomers + list.brokenPromiseCustomers);
  });
});
