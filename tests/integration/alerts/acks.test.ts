/**
 * Snooze and acknowledge: hidden until the snooze date or until the facts get
 * worse (the overdue total grows, the oldest item crosses into a higher
 * band); stored, audited; counts leave them out; bad input refused with
 * nothing saved.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { AckResult, AlertCounts } from '../../../shared/api/alerts';
import { fixedClock } from '../../../shared/dates/clock';
import { tempRuntime, type TempRuntime } from '../../helpers/tempRuntime';
import { count, customer, invoice, ofKind, refusal } from './helpers';

let t: TempRuntime;
beforeEach(async () => {
  t = await tempRuntime();
});
afterEach(() => t.cleanup());

/** Today is 2026-11-24; the invoice is 14 days overdue (info). */
async function overdueCustomer() {
  const c = await customer(t, 'C0901');
  await invoice(t, c.id, '2026-10-01', 100_000, { dueOn: '2026-11-10' });
  const [a] = await ofKind(t, 'overdue', '2026-11-24');
  return { c, key: a.key };
}

const setToday = (date: string) => {
  t.rt.clock = fixedClock(`${date}T02:00:00Z`);
};

describe('snooze', () => {
  it('hides the alert until the snooze date, shows it again on that date, and is audited', async () => {
    const { key } = await overdueCustomer();
    const r = await t.rt.invoke<AckResult>('alerts.snooze', { key, until: '2026-11-27', note: '客户说月底付' });
    expect(r.ack).toMatchObject({ snoozedUntil: '2026-11-27', acknowledged: false, note: '客户说月底付', user: 'tester', ackedOn: '2026-11-24', severity: 'info' });

    expect(await ofKind(t, 'overdue', '2026-11-24')).toEqual([]);
    expect(await ofKind(t, 'overdue', '2026-11-26')).toEqual([]);
    expect((await ofKind(t, 'overdue', '2026-11-27')).map((a) => a.key)).toEqual([key]);
    // Before it was snoozed, it was not snoozed.
    expect((await ofKind(t, 'overdue', '2026-11-23')).map((a) => a.key)).toEqual([key]);

    const [all] = await ofKind(t, 'overdue', '2026-11-25', true);
    expect(all).toMatchObject({ key, state: 'snoozed', resurfaced: false, ack: { note: '客户说月底付' } });

    const counts = await t.rt.invoke<AlertCounts>('alerts.counts', {});
    expect(counts).toMatchObject({ total: 0, hidden: 1, byKind: { overdue: 0 } });

    const audit = t.rt.database().sqlite.prepare(`SELECT action, user FROM audit_log WHERE entity = 'alert_ack' AND entity_id = ?`).all(key);
    expect(audit).toEqual([{ action: 'snooze', user: 'tester' }]);
  });

  it('comes back before the snooze date when the overdue total grows', async () => {
    const { c, key } = await overdueCustomer();
    await t.rt.invoke('alerts.snooze', { key, until: '2026-12-31', note: '' });
    expect(await ofKind(t, 'overdue', '2026-11-24')).toEqual([]);
    // Another invoice falls overdue: worse.
    await invoice(t, c.id, '2026-10-05', 30_000, { dueOn: '2026-11-20' });
    const [back] = await ofKind(t, 'overdue', '2026-11-24');
    expect(back).toMatchObject({ key, state: 'active', resurfaced: true, amountFen: 130_000 });
  });
});

describe('acknowledge', () => {
  it('hides the alert for good while it is no worse; crossing into a higher band brings it back', async () => {
    const { key } = await overdueCustomer();
    await t.rt.invoke('alerts.acknowledge', { key, note: '已与客户财务确认，下周付' });
    expect(await ofKind(t, 'overdue', '2026-11-24')).toEqual([]);
    // Still info (30 days late on 12-10), no new debt: still hidden.
    expect(await ofKind(t, 'overdue', '2026-12-10')).toEqual([]);
    const [hidden] = await ofKind(t, 'overdue', '2026-12-10', true);
    expect(hidden).toMatchObject({ state: 'acknowledged', ack: { acknowledged: true, note: '已与客户财务确认，下周付' } });
    // 31 days late on 12-11: warning, worse than the info it was acknowledged at.
    const [back] = await ofKind(t, 'overdue', '2026-12-11');
    expect(back).toMatchObject({ key, severity: 'warning', state: 'active', resurfaced: true });
  });

  it('a snooze after an acknowledgement replaces it (one row per key, both audited)', async () => {
    const { key } = await overdueCustomer();
    await t.rt.invoke('alerts.acknowledge', { key, note: '知道了' });
    await t.rt.invoke('alerts.snooze', { key, until: '2026-11-30', note: '改为暂缓' });
    expect(count(t, 'alert_acks')).toBe(1);
    expect((await ofKind(t, 'overdue', '2026-11-30')).map((a) => a.key)).toEqual([key]);
    const actions = t.rt.database().sqlite.prepare(`SELECT action FROM audit_log WHERE entity = 'alert_ack' ORDER BY at, id`).all();
    expect(actions.map((a) => (a as { action: string }).action).sort()).toEqual(['acknowledge', 'snooze']);
  });
});

describe('bad input', () => {
  it('refuses a snooze date today or in the past, an acknowledgement without a note, and an unknown key; nothing saved', async () => {
    const { key } = await overdueCustomer();
    const before = count(t, 'audit_log');
    expect(await refusal(t, 'alerts.snooze', { key, until: '2026-11-23', note: '' })).toMatchObject({ code: 'validation', field: 'until' });
    expect(await refusal(t, 'alerts.snooze', { key, until: '2026-11-24', note: '' })).toMatchObject({ code: 'validation', field: 'until' });
    expect(await refusal(t, 'alerts.snooze', { key, until: '2026-13-01', note: '' })).toMatchObject({ code: 'validation', field: 'until' });
    expect(await refusal(t, 'alerts.acknowledge', { key, note: '  ' })).toMatchObject({ code: 'validation', field: 'note' });
    expect(await refusal(t, 'alerts.snooze', { key: 'overdue:nobody', until: '2026-12-01', note: '' })).toMatchObject({ code: 'not_found' });
    expect(await refusal(t, 'alerts.acknowledge', { key: 'bogus:1', note: 'x' })).toMatchObject({ code: 'not_found' });
    expect(count(t, 'alert_acks')).toBe(0);
    expect(count(t, 'audit_log')).toBe(before);
  });

  it('a snooze taken on a later day is judged against that day', async () => {
    const { key } = await overdueCustomer();
    setToday('2026-12-01');
    expect(await refusal(t, 'alerts.snooze', { key, until: '2026-11-30', note: '' })).toMatchObject({ field: 'until' });
    await t.rt.invoke('alerts.snooze', { key, until: '2026-12-02', note: '' });
    expect(await ofKind(t, 'overdue', '2026-12-01')).toEqual([]);
    // On 11-25 the snooze (made 12-01) did not exist yet.
    expect((await ofKind(t, 'overdue', '2026-11-25')).map((a) => a.key)).toEqual([key]);
  });
});
