/** The rebate alerts: close to the next tier near the period end (setting), and a period ended without settlement. */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { AlertList } from '../../../shared/api/alerts';
import type { TempRuntime } from '../../helpers/tempRuntime';
import { annualContract, customer, invoice, rebateRuntime, saveTarget, type MovableClock } from './helpers';

let t: TempRuntime;
let clock: MovableClock;
beforeEach(async () => {
  ({ t, clock } = await rebateRuntime('2026-12-10'));
});
afterEach(() => t.cleanup());

const rebateAlerts = async (asOf: string | null = null) =>
  (await t.rt.invoke<AlertList>('alerts.list', { asOf })).alerts.filter((a) => a.kind.startsWith('rebate_'));

describe('rebate alerts', () => {
  it('warns near the next tier within N days of the period end, and about an ended period not settled until it is', async () => {
    const c = await customer(t, 'C0001');
    const k = await annualContract(t, c.id);
    const target = await saveTarget(t, { contractId: k.id, periodFrom: '2026-01-01', periodTo: '2026-12-31', target: '1000000', tiers: '80%:1%;100%:2%' });
    await invoice(t, c.id, k.id, '2026-05-01', 92_000_000);
    // 21 days left, 8% of the target to the 100% tier: inside 30 days and 10%.
    let alerts = await rebateAlerts();
    expect(alerts.map((a) => [a.kind, a.amountFen, a.days, a.contractNo])).toEqual([['rebate_near_tier', 8_000_000, 21, k.contractNo]]);
    expect(alerts[0].message).toBe(`合同 ${k.contractNo} 再完成 ¥80,000.00 可达 2% 档（期间 2026-12-31 结束，还剩 21 天）`);
    // Too early in the year, or too far from the tier with a stricter setting: nothing.
    expect(await rebateAlerts('2026-11-01')).toEqual([]);
    const settings = await t.rt.invoke<Record<string, unknown>>('alerts.settings', {});
    await t.rt.invoke('alerts.updateSettings', { ...settings, rebate_near_tier: { enabled: true, withinDays: 30, gapPercent: 5 } });
    expect(await rebateAlerts()).toEqual([]);
    // The new kinds can be snoozed (alert_acks accepts them).
    await t.rt.invoke('alerts.updateSettings', { ...settings });
    await t.rt.invoke('alerts.snooze', { key: alerts[0].key, until: '2026-12-20' });
    expect(await rebateAlerts()).toEqual([]);

    clock.set('2027-01-10');
    alerts = await rebateAlerts();
    expect(alerts.map((a) => [a.kind, a.severity, a.amountFen, a.days])).toEqual([['rebate_unsettled', 'warning', 920_000, 10]]);
    await t.rt.invoke('rebates.settle', { targetId: target.id });
    expect(await rebateAlerts()).toEqual([]);
  });
});
