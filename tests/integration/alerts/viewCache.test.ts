/**
 * Issue 17 point 2, the badge right after a write: a snooze or an
 * acknowledgement keeps the computed alerts (no rule reads acknowledgements)
 * and makes only the views again. Proven against a second runtime on the
 * same file, whose own cache is empty, so it computes every rule afresh;
 * any other write still recomputes; and the cache never serves one
 * salesperson's scope to another caller.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { AlertCounts, AlertList } from '../../../shared/api/alerts';
import { AppRuntime } from '../../../electron/api/runtime';
import { fixedClock } from '../../../shared/dates/clock';
import { tempRuntime, type TempRuntime } from '../../helpers/tempRuntime';
import { call, officeWithUsers, type Office } from '../roles/helpers';
import { customer, day, interaction, invoice, receipt } from './helpers';

let t: TempRuntime;
let fresh: AppRuntime | null = null;
beforeEach(async () => {
  t = await tempRuntime();
});
afterEach(() => {
  fresh?.close();
  fresh = null;
  t.cleanup();
});

/** What a runtime that never computed anything says: every rule from scratch. */
async function afresh<T>(method: 'alerts.counts' | 'alerts.list', input: Record<string, unknown>): Promise<T> {
  fresh?.close();
  fresh = await AppRuntime.start({ dbFile: t.dbFile, dataDir: t.dir, actor: { user: 'other', device: 'other-pc' }, clock: fixedClock('2026-11-24T02:00:00Z') });
  return fresh.invoke<T>(method, input);
}

describe('alert views across writes', () => {
  it('after snoozes and acknowledgements the badge and the list equal a fresh computation', async () => {
    const ids: string[] = [];
    for (const [i, days] of [1, 40, 100, 130].entries()) {
      const c = await customer(t, `S00${i}`);
      ids.push(c.id);
      await invoice(t, c.id, day(-days), 10_000 * (i + 1));
    }
    await interaction(t, ids[1], day(-5), { promiseDate: day(-1), promiseAmountFen: 5_000 });
    const before = await t.rt.invoke<AlertList>('alerts.list', {});
    expect(before.alerts.length).toBeGreaterThan(4);
    await t.rt.invoke<AlertCounts>('alerts.counts', {}); // the views are cached now

    await t.rt.invoke('alerts.snooze', { key: before.alerts[0].key, until: day(2), note: '下周' });
    await t.rt.invoke('alerts.acknowledge', { key: before.alerts[1].key, note: '已处理' });
    const counts = await t.rt.invoke<AlertCounts>('alerts.counts', {});
    expect(counts.hidden).toBe(2);
    expect(counts).toEqual(await afresh<AlertCounts>('alerts.counts', {}));
    expect(await t.rt.invoke('alerts.list', { all: true })).toEqual(await afresh('alerts.list', { all: true }));

    // A write the rules do read (a receipt paying one customer in full) recomputes: its alerts go.
    const paid = before.alerts.find((a) => a.kind === 'overdue' && a.key !== before.alerts[0].key && a.key !== before.alerts[1].key);
    expect(paid).toBeDefined();
    await receipt(t, paid!.customerId, day(0), paid!.amountFen!);
    const after = await t.rt.invoke<AlertList>('alerts.list', { all: true });
    expect(after.alerts.some((a) => a.key === paid!.key)).toBe(false);
    expect(after).toEqual(await afresh('alerts.list', { all: true }));
  });
});

describe('alert views and the salesperson scope', () => {
  let o: Office | null = null;
  afterEach(() => o?.cleanup());

  it('a salesperson reading right after the boss sees only their own customers’ alerts, and the boss all again', async () => {
    o = await officeWithUsers();
    const boss = o.as('boss');
    const sales = o.as('salesperson');
    await call(o.rt, boss, 'users.update', { id: o.ids.salesperson, displayName: '甲业务员', role: 'salesperson' });
    const mine = await call<{ id: string }>(o.rt, boss, 'customers.create', { code: 'M001', name: '甲方客户有限公司', salesperson: '甲业务员' });
    const other = await call<{ id: string }>(o.rt, boss, 'customers.create', { code: 'X001', name: '乙方客户有限公司', salesperson: '乙业务员' });
    for (const c of [mine, other]) await call(o.rt, boss, 'ledger.postInvoice', { customerId: c.id, date: '2026-09-01', amountFen: 50_000 });

    const all = await call<AlertList>(o.rt, boss, 'alerts.list', {});
    expect(new Set(all.alerts.map((a) => a.customerId))).toEqual(new Set([mine.id, other.id]));
    // No write in between: the boss's computed alerts are current, and must not be what the salesperson gets.
    const own = await call<AlertList>(o.rt, sales, 'alerts.list', {});
    expect(own.alerts.length).toBeGreaterThan(0);
    expect(own.alerts.every((a) => a.customerId === mine.id)).toBe(true);
    expect(await call<AlertList>(o.rt, boss, 'alerts.list', {})).toEqual(all);
  });
});
