/**
 * The salesperson scope covers the figures kept outside the customer tables
 * too: the dashboard's per-day totals (ar_day_totals, issue 17), after-sales
 * cases (issue 14) and rebate targets (issue 15). A salesperson's dashboard
 * counts only their own customers' invoices and receipts.
 */
import { afterAll, describe, expect, it } from 'vitest';
import type { AlertList } from '../../../shared/api/alerts';
import type { ContractDetail } from '../../../shared/api/contracts';
import type { Dashboard } from '../../../shared/api/dashboard';
import { call, officeWithUsers, type Office } from './helpers';

const offices: Office[] = [];
afterAll(() => offices.forEach((o) => o.cleanup()));

describe('salesperson scope over stored totals', () => {
  it('the dashboard collections and the case list hold only the own customers', async () => {
    const o = await officeWithUsers();
    offices.push(o);
    const boss = o.as('boss');
    await call(o.rt, boss, 'users.update', { id: o.ids.salesperson, displayName: '甲业务员', role: 'salesperson' });
    const mine = await call<{ id: string }>(o.rt, boss, 'customers.create', { code: 'S001', name: '甲方客户有限公司', salesperson: '甲业务员' });
    const other = await call<{ id: string }>(o.rt, boss, 'customers.create', { code: 'S002', name: '乙方客户有限公司', salesperson: '乙业务员' });
    const dashAsOf = '2026-11-24';
    await call(o.rt, boss, 'ledger.postInvoice', { customerId: mine.id, date: '2026-11-03', amountFen: 1_000_00 });
    await call(o.rt, boss, 'ledger.postReceipt', { customerId: mine.id, date: '2026-11-05', amountFen: 300_00 });
    await call(o.rt, boss, 'ledger.postInvoice', { customerId: other.id, date: '2026-11-03', amountFen: 7_000_00 });
    await call(o.rt, boss, 'ledger.postReceipt', { customerId: other.id, date: '2026-11-05', amountFen: 5_000_00 });

    const office = await call<Dashboard>(o.rt, boss, 'dashboard.get', { asOf: dashAsOf });
    expect(office.collections.thisMonth.receivedFen).toBe(5_300_00);
    const scoped = await call<Dashboard>(o.rt, o.as('salesperson'), 'dashboard.get', { asOf: dashAsOf });
    expect(scoped.collections.thisMonth.receivedFen).toBe(300_00);
    expect(scoped.collections.thisMonth.invoicedFen).toBe(1_000_00);
    expect(scoped.receivablesFen).toBe(700_00);

    await call(o.rt, boss, 'cases.create', { customerId: other.id, type: 'quality', description: '乙方的质量投诉', receivedOn: '2026-11-20', promisedOn: '2026-11-22' });
    await call(o.rt, boss, 'cases.create', { customerId: mine.id, type: 'delivery', description: '甲方的交付投诉', receivedOn: '2026-11-20', promisedOn: '2026-11-22' });
    const cases = JSON.stringify(await call(o.rt, o.as('salesperson'), 'cases.list', {}));
    expect(cases).toContain('甲方的交付投诉');
    expect(cases).not.toContain('乙方');
  });

  it("a contract ended with something open: the salesperson sees their own contract's outstanding, not the office's", async () => {
    // Under the scope the rule reads through the views without its index hint (alerts/rules/contracts.ts):
    // the sums must still be the own contracts' alone.
    const o = await officeWithUsers();
    offices.push(o);
    const boss = o.as('boss');
    await call(o.rt, boss, 'users.update', { id: o.ids.salesperson, displayName: '甲业务员', role: 'salesperson' });
    const ended = async (customerId: string, contractNo: string, openFen: number, paidFen: number) => {
      const k = await call<ContractDetail>(o.rt, boss, 'contracts.create', {
        customerId, contractNo, kind: 'framework', signedOn: '2026-01-05', startsOn: '2026-01-05', endsOn: null, amount: '100000.00', installments: [],
      });
      await call(o.rt, boss, 'contracts.activate', { id: k.id, overrideReason: '测试' });
      await call(o.rt, boss, 'ledger.postInvoice', { customerId, date: '2026-10-01', amountFen: openFen + paidFen, dueOn: '2026-10-31', contractId: k.id });
      await call(o.rt, boss, 'ledger.postInvoice', { customerId, date: '2026-10-02', amountFen: 9_00, dueOn: '2026-10-31' }); // not on the contract
      if (paidFen > 0) await call(o.rt, boss, 'ledger.postReceipt', { customerId, date: '2026-10-20', amountFen: paidFen });
      await call(o.rt, boss, 'contracts.complete', { id: k.id });
    };
    const mine = await call<{ id: string }>(o.rt, boss, 'customers.create', { code: 'S101', name: '甲方合同客户', salesperson: '甲业务员' });
    const other = await call<{ id: string }>(o.rt, boss, 'customers.create', { code: 'S102', name: '乙方合同客户', salesperson: '乙业务员' });
    await ended(mine.id, 'HT-JIA', 400_00, 100_00);
    await ended(other.id, 'HT-YI', 7_000_00, 0);
    const view = (list: AlertList) => list.alerts.filter((a) => a.kind === 'contract_ended_with_balance').map((a) => [a.contractNo, a.amountFen]).sort();
    expect(view(await call<AlertList>(o.rt, boss, 'alerts.list', {}))).toEqual([['HT-JIA', 400_00], ['HT-YI', 7_000_00]]);
    expect(view(await call<AlertList>(o.rt, o.as('salesperson'), 'alerts.list', {}))).toEqual([['HT-JIA', 400_00]]);
  });
});
