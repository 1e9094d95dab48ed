/**
 * The contract rules: installment_due (within 7 days until paid),
 * contract_expiring (within 30 days of the end date) and
 * contract_ended_with_balance (expired, completed or terminated with
 * something still open on its invoices), each around its thresholds.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { addDays } from '../../../shared/dates/calendar';
import { tempRuntime, type TempRuntime } from '../../helpers/tempRuntime';
import { activeContract, customer, invoice, ofKind, receipt } from './helpers';

let t: TempRuntime;
beforeEach(async () => {
  t = await tempRuntime();
});
afterEach(() => t.cleanup());

const view = (a: { severity: string; days: number | null; amountFen: number | null }) => [a.severity, a.days, a.amountFen];

describe('installment_due', () => {
  const DUE = '2026-12-01';

  it('starts 7 days ahead, turns warning on the due day and stays until the money is in', async () => {
    const c = await customer(t, 'C0201');
    const k = await activeContract(t, c.id, {
      contractNo: 'HT-A',
      amount: '3000.00',
      installments: [
        { label: '预付款', dueOn: DUE, amount: '1000.00' },
        { label: '尾款', dueOn: '2027-03-01', amount: '2000.00' },
      ],
    });
    const [first] = k.installments;
    const at = async (days: number) => (await ofKind(t, 'installment_due', addDays(DUE, days))).map(view);
    expect(await at(-8)).toEqual([]);
    expect(await at(-7)).toEqual([['info', 7, 100_000]]);
    expect(await at(-6)).toEqual([['info', 6, 100_000]]);
    expect(await at(-1)).toEqual([['info', 1, 100_000]]);
    expect(await at(0)).toEqual([['warning', 0, 100_000]]);
    expect(await at(1)).toEqual([['warning', -1, 100_000]]);

    const [a] = await ofKind(t, 'installment_due', DUE);
    expect(a).toMatchObject({ key: `installment_due:${first.id}`, contractNo: 'HT-A', contractId: k.id, customerCode: 'C0201' });
    expect(a.message).toBe('合同 HT-A 第 1 期（预付款） ¥1,000.00 今天到期，未收 ¥1,000.00');

    // Invoiced is not paid: still due. 600.00 received: 400.00 left. The rest: gone.
    await invoice(t, c.id, '2026-11-20', 100_000, { dueOn: '2026-12-20', contractId: k.id, installmentId: first.id });
    expect(await at(1)).toEqual([['warning', -1, 100_000]]);
    await receipt(t, c.id, '2026-11-28', 60_000);
    expect(await at(1)).toEqual([['warning', -1, 40_000]]);
    await receipt(t, c.id, '2026-12-03', 40_000);
    expect(await at(1)).toEqual([['warning', -1, 40_000]]); // 12-02: the last 400.00 not in yet
    expect(await at(2)).toEqual([]);
  });

  it('ignores draft, completed and terminated contracts', async () => {
    const c = await customer(t, 'C0202');
    const draft = await t.rt.invoke<{ id: string }>('contracts.create', {
      customerId: c.id,
      kind: 'framework',
      amount: '100.00',
      installments: [{ dueOn: '2026-11-25', amount: '100.00' }],
    });
    expect(draft.id).toBeTruthy();
    const k = await activeContract(t, c.id, { amount: '100.00', installments: [{ dueOn: '2026-11-25', amount: '100.00' }] });
    expect((await ofKind(t, 'installment_due', '2026-11-24')).map((a) => a.contractId)).toEqual([k.id]);
    await t.rt.invoke('contracts.terminate', { id: k.id, reason: '客户取消' });
    expect(await ofKind(t, 'installment_due', '2026-11-24')).toEqual([]);
  });
});

describe('contract_expiring', () => {
  const END = '2026-12-24';

  it('starts 30 days before the end date, warning on the day itself, gone the day after', async () => {
    const c = await customer(t, 'C0301');
    const k = await activeContract(t, c.id, { contractNo: 'HT-E', endsOn: END });
    const at = async (days: number) => (await ofKind(t, 'contract_expiring', addDays(END, days))).map(view);
    expect(await at(-31)).toEqual([]);
    expect(await at(-30)).toEqual([['info', 30, null]]);
    expect(await at(-29)).toEqual([['info', 29, null]]);
    expect(await at(-1)).toEqual([['info', 1, null]]);
    expect(await at(0)).toEqual([['warning', 0, null]]);
    expect(await at(1)).toEqual([]);
    const [a] = await ofKind(t, 'contract_expiring', addDays(END, -30));
    expect(a).toMatchObject({ key: `contract_expiring:${k.id}`, contractNo: 'HT-E', message: '合同 HT-E 将于 2026-12-24 到期（30 天后）' });
  });
});

describe('contract_ended_with_balance', () => {
  it('an expired contract with an open invoice alerts from the day after its end date until paid', async () => {
    const c = await customer(t, 'C0401');
    const END = '2026-11-10';
    const k = await activeContract(t, c.id, { contractNo: 'HT-X', endsOn: END });
    await invoice(t, c.id, '2026-10-01', 70_000, { dueOn: '2026-12-31', contractId: k.id });
    await invoice(t, c.id, '2026-10-01', 5_000, { dueOn: '2026-12-31' }); // not on the contract
    const at = async (days: number) => (await ofKind(t, 'contract_ended_with_balance', addDays(END, days))).map(view);
    expect(await at(-1)).toEqual([]);
    expect(await at(0)).toEqual([]);
    expect(await at(1)).toEqual([['warning', 1, 70_000]]);
    const [a] = await ofKind(t, 'contract_ended_with_balance', addDays(END, 1));
    expect(a.message).toBe('合同 HT-X 已于 2026-11-10 到期，仍有 ¥700.00 未收');

    // 750.00 received on 11-20 pays both invoices: nothing open from then on.
    await receipt(t, c.id, '2026-11-20', 75_000);
    expect(await at(14)).toEqual([]);
    expect(await at(9)).toEqual([['warning', 9, 70_000]]);
  });

  it('completed and terminated contracts with something open alert; paid ones do not', async () => {
    const c = await customer(t, 'C0402');
    const done = await activeContract(t, c.id, { contractNo: 'HT-C', endsOn: '2027-06-30' });
    const stopped = await activeContract(t, c.id, { contractNo: 'HT-T', endsOn: '2027-06-30' });
    const paid = await activeContract(t, c.id, { contractNo: 'HT-P', endsOn: '2027-06-30' });
    await invoice(t, c.id, '2026-09-01', 100_000, { dueOn: '2026-10-01', contractId: paid.id });
    await receipt(t, c.id, '2026-09-20', 100_000);
    await invoice(t, c.id, '2026-10-01', 30_000, { dueOn: '2026-12-31', contractId: done.id });
    await invoice(t, c.id, '2026-10-01', 20_000, { dueOn: '2026-12-31', contractId: stopped.id });
    for (const id of [done.id, paid.id]) await t.rt.invoke('contracts.complete', { id });
    await t.rt.invoke('contracts.terminate', { id: stopped.id, reason: '客户违约' });
    const alerts = await ofKind(t, 'contract_ended_with_balance', '2026-11-24');
    expect(alerts.map((a) => [a.contractNo, a.amountFen, a.days, a.message])).toEqual([
      ['HT-C', 30_000, null, '合同 HT-C 已完成，仍有 ¥300.00 未收'],
      ['HT-T', 20_000, null, '合同 HT-T 已终止，仍有 ¥200.00 未收'],
    ]);
  });
});
