/** Credit limit (warn / block / override, audited) on invoices and contract activation; contract progress. */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { ContractDetail } from '../../../shared/api/contracts';
import type { ContractProgress, CreditLimitCheck } from '../../../shared/api/ledger';
import { tempRuntime, type TempRuntime } from '../../helpers/tempRuntime';
import { customer, footprint, post, refusal, sqlite } from './helpers';

let t: TempRuntime;
beforeEach(async () => {
  t = await tempRuntime();
});
afterEach(() => t.cleanup());

const setMode = (creditLimitMode: 'warn' | 'block') => t.rt.invoke('ledger.updateSettings', { creditLimitMode });

describe('credit limit on invoices', () => {
  it('warns by default: refused with the figures until a reason is given; the override is audited', async () => {
    const c = await customer(t, 'C0001', { creditLimitFen: 100_000 });
    await post(t, 'ledger.postInvoice', { customerId: c.id, date: '2026-11-01', amountFen: 80_000 });
    // Reaching the limit exactly is fine.
    await post(t, 'ledger.postInvoice', { customerId: c.id, date: '2026-11-02', amountFen: 20_000 });
    const before = footprint(t);
    const err = await refusal(t, 'ledger.postInvoice', { customerId: c.id, date: '2026-11-03', amountFen: 1 });
    expect(err).toMatchObject({ code: 'credit_limit', field: 'override' });
    expect(err.details).toEqual({
      customerId: c.id,
      limitFen: 100_000,
      balanceFen: 100_000,
      addedFen: 1,
      projectedFen: 100_001,
      overByFen: 1,
      mode: 'warn',
      overrideAllowed: true,
    } satisfies CreditLimitCheck);
    expect(err.message).toContain('超出 ¥0.01');
    expect(footprint(t)).toEqual(before);

    const ok = await post(t, 'ledger.postInvoice', {
      customerId: c.id,
      date: '2026-11-03',
      amountFen: 1,
      override: { reason: '老板电话同意' },
    });
    expect(ok.creditLimit).toMatchObject({ overByFen: 1 });
    const audit = sqlite(t).prepare(`SELECT after FROM audit_log WHERE entity_id = ? AND action = 'post'`).get(ok.document.id) as { after: string };
    expect(JSON.parse(audit.after).creditLimitOverride).toMatchObject({ reason: '老板电话同意', limitFen: 100_000, projectedFen: 100_001 });
  });

  it('blocks when the setting says so, whatever the reason; the setting change is audited', async () => {
    const c = await customer(t, 'C0001', { creditLimitFen: 0 });
    await setMode('block');
    expect(await t.rt.invoke('ledger.settings', {})).toEqual({ creditLimitMode: 'block' });
    const err = await refusal(t, 'ledger.postInvoice', { customerId: c.id, date: '2026-11-03', amountFen: 100, override: { reason: '急单' } });
    expect(err).toMatchObject({ code: 'credit_limit', details: { mode: 'block', overrideAllowed: false } });
    expect(sqlite(t).prepare(`SELECT count(*) AS n FROM audit_log WHERE entity = 'settings' AND entity_id = 'receivables'`).get()).toEqual({ n: 1 });
    // Receipts and customers without a limit are never checked.
    const free = await customer(t, 'C0002');
    await post(t, 'ledger.postInvoice', { customerId: free.id, date: '2026-11-03', amountFen: 99_999_999 });
    await post(t, 'ledger.postReceipt', { customerId: c.id, date: '2026-11-03', amountFen: 100 });
  });
});

async function activeContract(customerId: string, amount: string) {
  const k = await t.rt.invoke<ContractDetail>('contracts.create', {
    customerId,
    title: '年度经销协议',
    kind: 'framework',
    signedOn: '2026-11-01',
    startsOn: '2026-11-01',
    endsOn: '2027-10-31',
    amount,
    installments: [
      { label: '预付款', dueOn: '2026-11-10', amount: String(Number(amount) * 0.3) },
      { label: '到货款', dueOn: '2026-12-10', amount: String(Number(amount) * 0.7) },
    ],
  });
  return k;
}

describe('contracts', () => {
  it('activation checks balance + not-yet-invoiced amount against the limit (warn, then override with reason)', async () => {
    const c = await customer(t, 'C0001', { creditLimitFen: 1_000_000 });
    await post(t, 'ledger.postInvoice', { customerId: c.id, date: '2026-11-01', amountFen: 500_000 });
    const k = await activeContract(c.id, '6000');
    const err = await refusal(t, 'contracts.activate', { id: k.id });
    expect(err).toMatchObject({ code: 'credit_limit', field: 'overrideReason', details: { balanceFen: 500_000, addedFen: 600_000, overByFen: 100_000 } });
    const done = await t.rt.invoke<ContractDetail>('contracts.activate', { id: k.id, overrideReason: '预付款到账后发货' });
    expect(done.status).toBe('active');
    const audit = sqlite(t).prepare(`SELECT after FROM audit_log WHERE entity_id = ? AND action = 'activate'`).get(k.id) as { after: string };
    expect(JSON.parse(audit.after).creditLimitOverride).toMatchObject({ reason: '预付款到账后发货', addedFen: 600_000 });
  });

  it('progress: invoiced, received, credited, outstanding, per installment', async () => {
    const c = await customer(t, 'C0001');
    const k = await activeContract(c.id, '10000');
    await t.rt.invoke('contracts.activate', { id: k.id });
    const [pre, rest] = k.installments;
    const inv1 = await post(t, 'ledger.postInvoice', {
      customerId: c.id,
      date: '2026-11-10',
      amountFen: 300_000,
      contractId: k.id,
      installmentId: pre.id,
    });
    await post(t, 'ledger.postInvoice', { customerId: c.id, date: '2026-12-10', amountFen: 200_000, contractId: k.id, installmentId: rest.id });
    const other = await post(t, 'ledger.postInvoice', { customerId: c.id, date: '2026-11-01', amountFen: 5_000 });
    await post(t, 'ledger.postReceipt', {
      customerId: c.id,
      date: '2026-11-12',
      amountFen: 250_000,
      allocations: [{ debitId: inv1.document.id, amountFen: 250_000 }],
    });
    await post(t, 'ledger.postCreditNote', { customerId: c.id, date: '2026-12-11', amountFen: 10_000, noteType: 'allowance' });
    const p = await t.rt.invoke<ContractProgress>('ledger.contractProgress', { contractId: k.id });
    expect(p).toMatchObject({
      amountFen: 1_000_000,
      invoicedFen: 500_000,
      receivedFen: 250_000,
      // The allowance pays by FIFO: the other invoice (due first) 5,000, then 5,000 of inv1.
      creditedFen: 5_000,
      outstandingFen: 245_000,
      notInvoicedFen: 500_000,
    });
    expect(p.invoicedFen - p.receivedFen - p.creditedFen).toBe(p.outstandingFen);
    expect(p.installments.map((i) => [i.label, i.amountFen, i.invoicedFen, i.receivedFen, i.outstandingFen])).toEqual([
      ['预付款', 300_000, 300_000, 250_000, 45_000],
      ['到货款', 700_000, 200_000, 0, 200_000],
    ]);
    expect(other.document.contractId).toBeNull();
  });

  it('refuses an invoice on a draft contract, another customer\'s contract, or an installment of another contract', async () => {
    const c = await customer(t, 'C0001');
    const d = await customer(t, 'C0002');
    const draft = await activeContract(c.id, '1000');
    expect(await refusal(t, 'ledger.postInvoice', { customerId: c.id, date: '2026-11-10', amountFen: 1, contractId: draft.id })).toMatchObject({
      field: 'contractId',
    });
    await t.rt.invoke('contracts.activate', { id: draft.id });
    expect(await refusal(t, 'ledger.postInvoice', { customerId: d.id, date: '2026-11-10', amountFen: 1, contractId: draft.id })).toMatchObject({
      field: 'contractId',
    });
    const second = await activeContract(c.id, '2000');
    expect(
      await refusal(t, 'ledger.postInvoice', {
        customerId: c.id,
        date: '2026-11-10',
        amountFen: 1,
        contractId: draft.id,
        installmentId: second.installments[0].id,
      }),
    ).toMatchObject({ field: 'installmentId' });
    const over = await post(t, 'ledger.postInvoice', { customerId: c.id, date: '2026-11-10', amountFen: 200_000, contractId: draft.id });
    expect(over.warnings[0]).toContain('超过合同金额');
  });
});
