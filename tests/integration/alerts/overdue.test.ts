/**
 * overdue: one alert per customer with items open past their due date as of
 * D; count, total and oldest days; severity info 1–30, warning 31–90,
 * critical over 90 — checked the day before, the day of and the day after
 * each boundary, and "as of" a past date that later receipts must not touch.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { addDays } from '../../../shared/dates/calendar';
import { tempRuntime, type TempRuntime } from '../../helpers/tempRuntime';
import { customer, invoice, ofKind, receipt } from './helpers';

let t: TempRuntime;
beforeEach(async () => {
  t = await tempRuntime();
});
afterEach(() => t.cleanup());

const DUE = '2026-08-01';

describe('overdue', () => {
  it('starts the day after the due date, with the severity bands at 30/31 and 90/91 days', async () => {
    const c = await customer(t, 'C0001');
    await invoice(t, c.id, '2026-07-01', 500_000, { dueOn: DUE });

    const at = async (days: number) => {
      const alerts = await ofKind(t, 'overdue', addDays(DUE, days));
      return alerts.map((a) => [a.severity, a.days, a.amountFen]);
    };
    expect(await at(-1)).toEqual([]);
    expect(await at(0)).toEqual([]); // due today is not late
    expect(await at(1)).toEqual([['info', 1, 500_000]]);
    expect(await at(29)).toEqual([['info', 29, 500_000]]);
    expect(await at(30)).toEqual([['info', 30, 500_000]]);
    expect(await at(31)).toEqual([['warning', 31, 500_000]]);
    expect(await at(89)).toEqual([['warning', 89, 500_000]]);
    expect(await at(90)).toEqual([['warning', 90, 500_000]]);
    expect(await at(91)).toEqual([['critical', 91, 500_000]]);
  });

  it('is one alert per customer with count, total and the oldest item deciding the severity', async () => {
    const c = await customer(t, 'C0002');
    await invoice(t, c.id, '2026-07-01', 100_000, { dueOn: '2026-07-10' });
    await invoice(t, c.id, '2026-10-01', 250_000, { dueOn: '2026-11-01' });
    await invoice(t, c.id, '2026-11-20', 999_900, { dueOn: '2026-12-20' }); // not due yet
    // 30,000.00 pays the oldest item (FIFO by due date) partly.
    await receipt(t, c.id, '2026-11-02', 30_000);

    const [a] = await ofKind(t, 'overdue', '2026-11-24');
    expect(a).toMatchObject({
      key: `overdue:${c.id}`,
      customerCode: 'C0002',
      amountFen: 70_000 + 250_000,
      days: 137, // 2026-07-10 → 2026-11-24
      severity: 'critical',
      contractNo: null,
      docNo: null,
      facts: { count: 2, totalFen: 320_000, oldestDays: 137, latestDueOn: '2026-11-01' },
    });
    expect(a.message).toBe('逾期 2 笔，合计 ¥3,200.00，最长逾期 137 天');
  });

  it('as of a past date ignores later receipts and later voids; a fully paid customer has none', async () => {
    const c = await customer(t, 'C0003');
    await invoice(t, c.id, '2026-09-01', 800_000, { dueOn: '2026-09-30' });
    await receipt(t, c.id, '2026-11-10', 800_000);
    // Today: paid, nothing overdue.
    expect(await ofKind(t, 'overdue', '2026-11-24')).toEqual([]);
    // On 2026-11-01 it was 32 days overdue and the receipt did not exist yet.
    const [past] = await ofKind(t, 'overdue', '2026-11-01');
    expect(past).toMatchObject({ amountFen: 800_000, days: 32, severity: 'warning' });

    // A void dated 2026-11-20 of the invoice: it existed until then.
    const other = await customer(t, 'C0004');
    const second = await invoice(t, other.id, '2026-09-01', 120_000, { dueOn: '2026-09-30' });
    await t.rt.invoke('ledger.void', { docId: second.document.id, date: '2026-11-20', reason: '开错客户' });
    expect((await ofKind(t, 'overdue', '2026-11-24')).map((a) => a.customerCode)).toEqual([]);
    // On 2026-11-19 C0003 had paid (11-10) and C0004's invoice was not voided yet.
    const before = await ofKind(t, 'overdue', '2026-11-19');
    expect(before.map((a) => [a.customerCode, a.amountFen, a.days])).toEqual([['C0004', 120_000, 50]]);
  });

  it('includes paused and closed customers: they still owe it', async () => {
    const p = await customer(t, 'C0005', { status: 'paused' });
    const x = await customer(t, 'C0006', { status: 'closed' });
    await invoice(t, p.id, '2026-10-01', 10_000, { dueOn: '2026-10-10' });
    await invoice(t, x.id, '2026-10-01', 20_000, { dueOn: '2026-10-10' });
    expect((await ofKind(t, 'overdue', '2026-11-24')).map((a) => a.customerCode)).toEqual(['C0006', 'C0005']);
  });

  it('follows the thresholds in settings', async () => {
    const c = await customer(t, 'C0007');
    await invoice(t, c.id, '2026-11-01', 10_000, { dueOn: '2026-11-04' }); // 20 days late on 11-24
    expect((await ofKind(t, 'overdue', '2026-11-24'))[0].severity).toBe('info');
    const settings = await t.rt.invoke<Record<string, unknown>>('alerts.settings', {});
    await t.rt.invoke('alerts.updateSettings', { ...settings, overdue: { enabled: true, warningAfterDays: 10, criticalAfterDays: 19 } });
    expect((await ofKind(t, 'overdue', '2026-11-24'))[0].severity).toBe('critical');
    await t.rt.invoke('alerts.updateSettings', { ...settings, overdue: { enabled: false, warningAfterDays: 10, criticalAfterDays: 19 } });
    expect(await ofKind(t, 'overdue', '2026-11-24')).toEqual([]);
  });
});
