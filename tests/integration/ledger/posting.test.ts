/** Each document kind through the API: numbers, due dates, sides, derived amounts and audit rows. */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { CustomerArSummary, OpenItems } from '../../../shared/api/ledger';
import { tempRuntime, type TempRuntime } from '../../helpers/tempRuntime';
import { allocations, customer, ledger, openOf, post, refusal, sqlite, unappliedOf } from './helpers';

let t: TempRuntime;
beforeEach(async () => {
  t = await tempRuntime();
});
afterEach(() => t.cleanup());

const auditOf = (id: string) =>
  sqlite(t).prepare(`SELECT entity, action, after FROM audit_log WHERE entity_id = ? ORDER BY at, id`).all(id) as {
    entity: string;
    action: string;
    after: string;
  }[];

describe('invoices (应收单)', () => {
  it('numbers per kind and month, resolves the due date by §4, audits the posting', async () => {
    const own = await customer(t, 'C0001', { paymentTermDays: 45 });
    const sameDay = await customer(t, 'C0002', { paymentTermDays: 0 });
    const noTerm = await customer(t, 'C0003');
    const a = await post(t, 'ledger.postInvoice', { customerId: own.id, date: '2026-11-01', amountFen: 100_000 });
    const b = await post(t, 'ledger.postInvoice', { customerId: sameDay.id, date: '2026-11-02', amountFen: 100 });
    const c = await post(t, 'ledger.postInvoice', { customerId: noTerm.id, date: '2026-10-31', amountFen: 100 });
    const d = await post(t, 'ledger.postInvoice', { customerId: noTerm.id, date: '2026-11-03', dueOn: '2026-11-03', amountFen: 100 });
    expect([a, b, c, d].map((r) => [r.document.docNo, r.document.dueOn])).toEqual([
      ['YS202611-0001', '2026-12-16'],
      ['YS202611-0002', '2026-11-02'],
      ['YS202610-0001', '2026-11-30'],
      ['YS202611-0003', '2026-11-03'],
    ]);
    expect(a.document).toMatchObject({ kind: 'invoice', side: 'debit', amountFen: 100_000, openFen: 100_000, unappliedFen: null });
    expect(a.summary).toMatchObject({ balanceFen: 100_000, openDebitFen: 100_000, unappliedFen: 0, lastInvoiceOn: '2026-11-01' });
    const audit = auditOf(a.document.id);
    expect(audit).toHaveLength(1);
    expect(audit[0]).toMatchObject({ entity: 'ar_document', action: 'post' });
    expect(JSON.parse(audit[0].after)).toMatchObject({ docNo: 'YS202611-0001', amountFen: 100_000, dueOn: '2026-12-16' });
  });

  it('keeps a typed number, refuses a number already used by an invoice, allows it for another kind', async () => {
    const c = await customer(t, 'C0001');
    await post(t, 'ledger.postInvoice', { customerId: c.id, date: '2026-11-01', amountFen: 100, docNo: 'FH-0815' });
    expect(await refusal(t, 'ledger.postInvoice', { customerId: c.id, date: '2026-11-01', amountFen: 100, docNo: 'FH-0815' })).toMatchObject({
      code: 'conflict',
      field: 'docNo',
    });
    const r = await post(t, 'ledger.postReceipt', { customerId: c.id, date: '2026-11-02', amountFen: 100, docNo: 'FH-0815' });
    expect(r.document.docNo).toBe('FH-0815');
    // The automatic series continues after typed numbers in its own pattern.
    await post(t, 'ledger.postInvoice', { customerId: c.id, date: '2026-11-01', amountFen: 100, docNo: 'YS202611-0041' });
    expect((await post(t, 'ledger.postInvoice', { customerId: c.id, date: '2026-11-05', amountFen: 100 })).document.docNo).toBe('YS202611-0042');
  });
});

describe('receipts (回款), credit notes, write-offs, refunds, openings', () => {
  it('a receipt pays the earliest due invoice first and records method and bill', async () => {
    const c = await customer(t, 'C0001', { paymentTermDays: 30 });
    const late = await post(t, 'ledger.postInvoice', { customerId: c.id, date: '2026-10-01', dueOn: '2026-12-31', amountFen: 50_000 });
    const early = await post(t, 'ledger.postInvoice', { customerId: c.id, date: '2026-10-05', dueOn: '2026-10-20', amountFen: 30_000 });
    const r = await post(t, 'ledger.postReceipt', {
      customerId: c.id,
      date: '2026-11-01',
      amountFen: 40_000,
      method: 'acceptance_bill',
      billNo: '31300051 2026 1101',
      billMaturityOn: '2027-05-01',
    });
    expect(r.document).toMatchObject({ docNo: 'SK202611-0001', method: 'acceptance_bill', billMaturityOn: '2027-05-01', unappliedFen: 0 });
    expect(openOf(t, early.document.id)).toBe(0);
    expect(openOf(t, late.document.id)).toBe(40_000);
    expect(r.document.allocations.map((a) => [a.debitDocNo, a.amountFen, a.allocatedOn, a.explicit])).toEqual([
      [early.document.docNo, 30_000, '2026-11-01', false],
      [late.document.docNo, 10_000, '2026-11-01', false],
    ]);
    expect(r.summary.lastReceiptOn).toBe('2026-11-01');
  });

  it('a credit note lowers the balance and pays like a receipt; its type is kept', async () => {
    const c = await customer(t, 'C0001');
    const inv = await post(t, 'ledger.postInvoice', { customerId: c.id, date: '2026-11-01', amountFen: 10_000 });
    const cn = await post(t, 'ledger.postCreditNote', { customerId: c.id, date: '2026-11-03', amountFen: 2_500, noteType: 'rebate', memo: '季度返利' });
    expect(cn.document).toMatchObject({ kind: 'credit_note', side: 'credit', noteType: 'rebate', docNo: 'TH202611-0001' });
    expect(openOf(t, inv.document.id)).toBe(7_500);
    expect(cn.summary.balanceFen).toBe(7_500);
  });

  it('a write-off names its invoice and pays exactly it, even when another is due earlier', async () => {
    const c = await customer(t, 'C0001');
    const early = await post(t, 'ledger.postInvoice', { customerId: c.id, date: '2026-01-05', dueOn: '2026-01-05', amountFen: 1_000 });
    const bad = await post(t, 'ledger.postInvoice', { customerId: c.id, date: '2026-01-10', amountFen: 9_000 });
    const wo = await post(t, 'ledger.postWriteOff', { debitId: bad.document.id, date: '2026-11-01', amountFen: 9_000, memo: '客户破产清算' });
    expect(wo.document).toMatchObject({ kind: 'write_off', docNo: 'HX202611-0001', customerId: c.id });
    expect(wo.document.explicitTargets).toEqual([{ debitId: bad.document.id, debitDocNo: bad.document.docNo, amountFen: 9_000 }]);
    expect(openOf(t, bad.document.id)).toBe(0);
    expect(openOf(t, early.document.id)).toBe(1_000);
    expect(wo.document.allocations).toEqual([expect.objectContaining({ debitId: bad.document.id, amountFen: 9_000, explicit: true })]);
  });

  it('a refund pays back a prepayment; more than the prepayment posts with a warning', async () => {
    const c = await customer(t, 'C0001');
    const pre = await post(t, 'ledger.postReceipt', { customerId: c.id, date: '2026-11-01', amountFen: 5_000 });
    expect(unappliedOf(t, pre.document.id)).toBe(5_000);
    const refund = await post(t, 'ledger.postRefund', { customerId: c.id, date: '2026-11-10', amountFen: 3_000, method: 'bank_transfer', reference: 'HX8899' });
    expect(refund.document).toMatchObject({ kind: 'refund', side: 'debit', dueOn: '2026-11-10', openFen: 0, docNo: 'TK202611-0001' });
    expect(refund.warnings).toEqual([]);
    expect(unappliedOf(t, pre.document.id)).toBe(2_000);
    const tooMuch = await post(t, 'ledger.postRefund', { customerId: c.id, date: '2026-11-11', amountFen: 2_500 });
    expect(tooMuch.warnings[0]).toContain('超过该客户在 2026-11-11 的预收余额 ¥20.00');
    expect(tooMuch.summary.balanceFen).toBe(500);
  });

  it('openings: positive is a debit due on its date unless given, negative is a prepayment (credit), zero is refused', async () => {
    const c = await customer(t, 'C0001');
    const owe = await post(t, 'ledger.postOpening', { customerId: c.id, date: '2025-12-31', amountFen: 80_000 });
    const owe2 = await post(t, 'ledger.postOpening', { customerId: c.id, date: '2025-12-31', dueOn: '2026-01-31', amountFen: 1_000 });
    const prepaid = await post(t, 'ledger.postOpening', { customerId: c.id, date: '2025-12-31', amountFen: -20_000 });
    expect(owe.document).toMatchObject({ kind: 'opening', side: 'debit', dueOn: '2025-12-31', docNo: 'QC202512-0001' });
    expect(owe2.document.dueOn).toBe('2026-01-31');
    expect(prepaid.document).toMatchObject({ kind: 'opening', side: 'credit', amountFen: 20_000, dueOn: null, unappliedFen: 0 });
    // The prepayment paid the opening debit that is due first.
    expect(openOf(t, owe.document.id)).toBe(60_000);
    expect(prepaid.summary.balanceFen).toBe(61_000);
    expect(await refusal(t, 'ledger.postOpening', { customerId: c.id, date: '2025-12-31', amountFen: 0 })).toMatchObject({ field: 'amountFen' });
    const l = await ledger(t, c.id);
    expect(l.lines.map((x) => [x.kind, x.debitFen, x.creditFen])).toEqual([
      ['opening', 80_000, 0],
      ['opening', 1_000, 0],
      ['opening', 0, 20_000],
    ]);
  });

  it('a prepayment (预收) pays a later invoice as soon as it is posted', async () => {
    const c = await customer(t, 'C0001');
    const pre = await post(t, 'ledger.postReceipt', { customerId: c.id, date: '2026-10-01', amountFen: 30_000 });
    const inv = await post(t, 'ledger.postInvoice', { customerId: c.id, date: '2026-11-01', amountFen: 50_000 });
    expect(openOf(t, inv.document.id)).toBe(20_000);
    expect(unappliedOf(t, pre.document.id)).toBe(0);
    expect(allocations(t, c.id)).toEqual([
      { credit_id: pre.document.id, debit_id: inv.document.id, explicit: 0, amount_fen: 30_000, allocated_on: '2026-11-01' },
    ]);
    const items = await t.rt.invoke<OpenItems>('ledger.openItems', { customerId: c.id, asOf: '2026-10-15' });
    expect(items).toMatchObject({ openDebitFen: 0, unappliedFen: 30_000, balanceFen: -30_000 });
  });

  it('summary: balance, open, unapplied, overdue as of today, credit available', async () => {
    const c = await customer(t, 'C0001', { creditLimitFen: 1_000_000, paymentTermDays: 10 });
    await post(t, 'ledger.postInvoice', { customerId: c.id, date: '2026-10-01', amountFen: 100_000 });
    await post(t, 'ledger.postInvoice', { customerId: c.id, date: '2026-11-20', amountFen: 50_000 });
    const s = await t.rt.invoke<CustomerArSummary>('ledger.summary', { customerId: c.id });
    expect(s).toMatchObject({
      balanceFen: 150_000,
      openDebitFen: 150_000,
      overdueFen: 100_000,
      creditAvailableFen: 850_000,
      docCount: 2,
      customer: { code: 'C0001', creditLimitFen: 1_000_000, effectivePaymentTermDays: 10 },
    });
  });
});
