/** Settlement into the ledger: credit note and cash, refusals, reopening by void, adjustments, the statement line. */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { CustomerLedger, PostResult } from '../../../shared/api/ledger';
import type { RebateSheet, SettleResult } from '../../../shared/api/rebates';
import type { TempRuntime } from '../../helpers/tempRuntime';
import { annualContract, count, customer, invoice, progress, rebateRuntime, refusal, saveTarget, sqlite, type MovableClock } from './helpers';

let t: TempRuntime;
let clock: MovableClock;
beforeEach(async () => {
  ({ t, clock } = await rebateRuntime('2026-06-30'));
});
afterEach(() => t.cleanup());

async function threeTierYear() {
  const c = await customer(t, 'C0001');
  const k = await annualContract(t, c.id);
  const target = await saveTarget(t, {
    contractId: k.id,
    periodKind: 'year',
    periodFrom: '2026-01-01',
    periodTo: '2026-12-31',
    target: '1,000,000',
    tiers: '80%:1%;100%:2%;120%:3%',
  });
  return { c, k, target };
}

const ledgerOf = (customerId: string, from: string, to: string) => t.rt.invoke<CustomerLedger>('ledger.customerLedger', { customerId, from, to });

describe('settlement', () => {
  it('refuses a period that has not ended, settles it after, as one 返利 credit note naming the period', async () => {
    const { c, k, target } = await threeTierYear();
    await invoice(t, c.id, k.id, '2026-03-01', 60_000_000);
    await invoice(t, c.id, k.id, '2026-09-01', 50_000_000);
    const before = count(t, 'ar_documents');
    const early = await refusal(t, 'rebates.settle', { targetId: target.id });
    expect(early).toMatchObject({ code: 'validation', field: 'targetId' });
    expect(early.message).toContain('尚未结束');
    expect(count(t, 'ar_documents')).toBe(before);

    clock.set('2027-01-05');
    const [row] = await progress(t, k.id);
    expect(row).toMatchObject({ baseFen: 110_000_000, attainmentPpm: 1_100_000, tierIndex: 1, earnedFen: 2_200_000, status: 'due' });
    const r = await t.rt.invoke<SettleResult>('rebates.settle', { targetId: target.id });
    expect(r.settlement).toMatchObject({ kind: 'settlement', payout: 'credit', amountFen: 2_200_000, settledOn: '2027-01-05', voided: false });
    const doc = sqlite(t).prepare('SELECT kind, note_type, amount_fen, memo FROM ar_documents WHERE id = ?').get(r.settlement.documentId);
    expect(doc).toEqual({ kind: 'credit_note', note_type: 'rebate', amount_fen: 2_200_000, memo: '返利 2026-01-01~2026-12-31（合同 ' + k.contractNo + '）' });
    expect(r.sheet.row).toMatchObject({ status: 'settled', settledFen: 2_200_000, differenceFen: 0 });
    // The customer owes the rebate less (allocated like any credit).
    const l = await ledgerOf(c.id, '2026-01-01', '2027-01-31');
    expect(l.closingFen).toBe(110_000_000 - 2_200_000);
    // Audited.
    expect(sqlite(t).prepare(`SELECT action FROM audit_log WHERE entity = 'rebate_settlement'`).all()).toEqual([{ action: 'settle' }]);
  });

  it('refuses settling twice (service and database unique key), reopens when the credit note is voided, and redoing gives the same figures', async () => {
    const { c, k, target } = await threeTierYear();
    await invoice(t, c.id, k.id, '2026-05-01', 125_000_000);
    clock.set('2027-01-10');
    const first = await t.rt.invoke<SettleResult>('rebates.settle', { targetId: target.id });
    expect(first.settlement.amountFen).toBe(3_750_000);
    const before = [count(t, 'ar_documents'), count(t, 'rebate_settlements')];
    const twice = await refusal(t, 'rebates.settle', { targetId: target.id });
    expect(twice).toMatchObject({ code: 'conflict' });
    expect(twice.message).toContain('不能重复结算');
    expect([count(t, 'ar_documents'), count(t, 'rebate_settlements')]).toEqual(before);
    // The database refuses a second standing settlement on its own.
    expect(() =>
      sqlite(t)
        .prepare(
          `INSERT INTO rebate_settlements (id, target_id, contract_id, customer_id, period_from, period_to, kind, payout, document_id, amount_fen, base_fen, earned_fen, figures, settled_on, active_key, created_at, created_by)
           SELECT 'X', target_id, contract_id, customer_id, period_from, period_to, kind, payout, (SELECT id FROM ar_documents WHERE kind = 'invoice'), amount_fen, base_fen, earned_fen, figures, settled_on, active_key, created_at, created_by FROM rebate_settlements`,
        )
        .run(),
    ).toThrow(/UNIQUE constraint failed: rebate_settlements.active_key/);

    await t.rt.invoke<PostResult>('ledger.void', { docId: first.settlement.documentId, reason: '结算有误', date: '2027-01-11' });
    const reopened = await t.rt.invoke<RebateSheet>('rebates.sheet', { targetId: target.id, asOf: null });
    expect(reopened.row).toMatchObject({ status: 'due', settled: false, settledFen: 0 });
    expect(reopened.settlements).toMatchObject([{ voided: true }]);
    const again = await t.rt.invoke<SettleResult>('rebates.settle', { targetId: target.id, date: '2027-01-11' });
    expect(again.settlement).toMatchObject({ amountFen: first.settlement.amountFen, baseFen: first.settlement.baseFen, earnedFen: first.settlement.earnedFen });
    expect(again.sheet.bands).toEqual(first.sheet.bands);
  });

  it('pays a cash rebate as a refund plus a 返利 credit note on it: the receivable does not move', async () => {
    const { c, k, target } = await threeTierYear();
    await invoice(t, c.id, k.id, '2026-05-01', 100_000_000);
    clock.set('2027-01-05');
    const balanceBefore = (await ledgerOf(c.id, '2026-01-01', '2027-01-31')).closingFen;
    const r = await t.rt.invoke<SettleResult>('rebates.settle', { targetId: target.id, as: 'cash' });
    expect(r.settlement).toMatchObject({ payout: 'cash', amountFen: 2_000_000 });
    expect(r.settlement.refundId).not.toBeNull();
    const l = await ledgerOf(c.id, '2026-01-01', '2027-01-31');
    expect(l.closingFen).toBe(balanceBefore);
    expect(l.lines.filter((x) => x.date === '2027-01-05').map((x) => [x.kind, x.debitFen, x.creditFen])).toEqual([
      ['refund', 2_000_000, 0],
      ['credit_note', 0, 2_000_000],
    ]);
    const alloc = sqlite(t).prepare('SELECT debit_id, amount_fen FROM ar_allocations WHERE credit_id = ?').all(r.settlement.documentId);
    expect(alloc).toEqual([{ debit_id: r.settlement.refundId, amount_fen: 2_000_000 }]);
  });

  it('pays a cash rebate to a customer holding unapplied credit (预收): that credit pays the refund first, the note takes the rest, the balance does not move', async () => {
    const { c, k, target } = await threeTierYear();
    await invoice(t, c.id, k.id, '2026-05-01', 100_000_000);
    // An overpayment of ¥5,000 leaves 500,000 fen unapplied when the rebate is paid out.
    await t.rt.invoke<PostResult>('ledger.postReceipt', { customerId: c.id, date: '2026-06-01', amountFen: 100_500_000, allocations: null });
    clock.set('2027-01-05');
    const balanceBefore = (await ledgerOf(c.id, '2026-01-01', '2027-01-31')).closingFen;
    expect(balanceBefore).toBe(-500_000);
    const r = await t.rt.invoke<SettleResult>('rebates.settle', { targetId: target.id, as: 'cash' });
    expect(r.settlement).toMatchObject({ payout: 'cash', amountFen: 2_000_000 });
    expect((await ledgerOf(c.id, '2026-01-01', '2027-01-31')).closingFen).toBe(balanceBefore);
    const onRefund = (id: string) => sqlite(t).prepare('SELECT credit_id, amount_fen FROM ar_allocations WHERE debit_id = ? ORDER BY amount_fen').all(id);
    expect(onRefund(r.settlement.refundId!)).toEqual([
      { credit_id: expect.any(String), amount_fen: 500_000 },
      { credit_id: r.settlement.documentId, amount_fen: 1_500_000 },
    ]);
  });

  it('a return dated inside a settled period shows the difference and an adjusting settlement posts it; nothing is rewritten', async () => {
    const { c, k, target } = await threeTierYear();
    const inv = await invoice(t, c.id, k.id, '2026-05-01', 120_000_000);
    clock.set('2027-01-05');
    const first = await t.rt.invoke<SettleResult>('rebates.settle', { targetId: target.id });
    expect(first.settlement.amountFen).toBe(3_600_000);
    const noAdjust = await refusal(t, 'rebates.adjust', { targetId: target.id });
    expect(noAdjust.message).toContain('没有变化');
    // A return dated in the settled period (entered late) drops the customer to the 100% tier.
    await t.rt.invoke('ledger.postCreditNote', {
      customerId: c.id,
      date: '2026-12-20',
      amountFen: 10_000_000,
      noteType: 'return',
      allocations: [{ debitId: inv.document.id, amountFen: 10_000_000 }],
    });
    const [row] = await progress(t, k.id);
    expect(row).toMatchObject({ baseFen: 110_000_000, earnedFen: 2_200_000, settledFen: 3_600_000, differenceFen: -1_400_000, status: 'difference' });
    const adj = await t.rt.invoke<SettleResult>('rebates.adjust', { targetId: target.id });
    expect(adj.settlement).toMatchObject({ kind: 'adjustment', amountFen: -1_400_000 });
    expect(sqlite(t).prepare('SELECT kind, amount_fen FROM ar_documents WHERE id = ?').get(adj.settlement.documentId)).toEqual({ kind: 'refund', amount_fen: 1_400_000 });
    expect(adj.sheet.row).toMatchObject({ settledFen: 2_200_000, differenceFen: 0, status: 'settled' });
    // The original settlement is untouched.
    expect(sqlite(t).prepare('SELECT amount_fen, active_key FROM rebate_settlements WHERE id = ?').get(first.settlement.id)).toEqual({ amount_fen: 3_600_000, active_key: target.id });
    // Voiding the return afterwards gives an under-settled difference: a positive adjustment is a 返利 credit note.
    const ret = sqlite(t).prepare(`SELECT id FROM ar_documents WHERE kind = 'credit_note' AND note_type = 'return'`).get() as { id: string };
    await t.rt.invoke('ledger.void', { docId: ret.id, reason: '退货单录错', date: '2027-01-06' });
    clock.set('2027-01-06');
    const adj2 = await t.rt.invoke<SettleResult>('rebates.adjust', { targetId: target.id });
    expect(adj2.settlement.amountFen).toBe(1_400_000);
    expect(sqlite(t).prepare('SELECT memo FROM ar_documents WHERE id = ?').get(adj2.settlement.documentId)).toEqual({ memo: `返利调整 2026-01-01~2026-12-31（合同 ${k.contractNo}）` });
  });

  it('below the first tier there is nothing to settle; the confirmed-period lock applies to the settlement document', async () => {
    const { c, k, target } = await threeTierYear();
    await invoice(t, c.id, k.id, '2026-05-01', 10_000_000);
    clock.set('2027-01-05');
    const none = await refusal(t, 'rebates.settle', { targetId: target.id });
    expect(none.message).toContain('未达到返利档位');
    await invoice(t, c.id, k.id, '2026-06-01', 80_000_000);
    // The customer confirmed a statement through 2027-01-04: a settlement dated inside it needs a reason.
    const st = await t.rt.invoke<{ statement: { id: string } }>('statements.generate', { customerId: c.id, from: '2026-01-01', to: '2027-01-04' });
    await t.rt.invoke('statements.markSent', { id: st.statement.id, date: '2027-01-05' });
    await t.rt.invoke('statements.markConfirmed', { id: st.statement.id, date: '2027-01-05' });
    const locked = await refusal(t, 'rebates.settle', { targetId: target.id, date: '2027-01-04' });
    expect(locked).toMatchObject({ code: 'conflict', field: 'date' });
    expect(count(t, 'rebate_settlements')).toBe(0);
    const ok = await t.rt.invoke<SettleResult>('rebates.settle', { targetId: target.id, date: '2027-01-04', lockOverride: { reason: '年度返利' } });
    expect(ok.settlement.amountFen).toBe(900_000);
    // The next statement prints the rebate as 返利 with its period.
    const next = await t.rt.invoke<{ lines: { memo: string; creditFen: number }[] }>('statements.generate', { customerId: c.id, from: '2027-01-01', to: '2027-01-05' });
    expect(next.lines).toContainEqual(expect.objectContaining({ memo: `返利 2026-01-01~2026-12-31（合同 ${k.contractNo}）`, creditFen: 900_000 }));
  });
});
