/** §4 allocation through the services: suggestion, explicit choices, back-dated entries, voids. */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { AllocationSuggestion, OpenItems } from '../../../shared/api/ledger';
import { tempRuntime, type TempRuntime } from '../../helpers/tempRuntime';
import { allocations, customer, footprint, ledger, openOf, post, refusal, sqlite, unappliedOf } from './helpers';

let t: TempRuntime;
beforeEach(async () => {
  t = await tempRuntime();
});
afterEach(() => t.cleanup());

async function threeInvoices() {
  const c = await customer(t, 'C0001');
  const a = await post(t, 'ledger.postInvoice', { customerId: c.id, date: '2026-09-01', dueOn: '2026-10-01', amountFen: 10_000 });
  const b = await post(t, 'ledger.postInvoice', { customerId: c.id, date: '2026-09-10', dueOn: '2026-10-10', amountFen: 20_000 });
  const d = await post(t, 'ledger.postInvoice', { customerId: c.id, date: '2026-09-20', dueOn: '2026-10-20', amountFen: 30_000 });
  return { c, a: a.document.id, b: b.document.id, d: d.document.id };
}

const suggest = (customerId: string, date: string, amountFen: number) =>
  t.rt.invoke<AllocationSuggestion>('ledger.suggestAllocation', { customerId, date, amountFen });

describe('the receipt screen allocation', () => {
  it('suggests FIFO over every open debit, with what is open just before the receipt', async () => {
    const { c, a, b, d } = await threeInvoices();
    await post(t, 'ledger.postReceipt', { customerId: c.id, date: '2026-09-25', amountFen: 4_000 });
    const s = await suggest(c.id, '2026-11-01', 15_000);
    expect(s.docNo).toBe('SK202611-0001');
    expect(s.lines.map((l) => [l.debitId, l.openFen, l.suggestedFen])).toEqual([
      [a, 6_000, 6_000],
      [b, 20_000, 9_000],
      [d, 30_000, 0],
    ]);
    expect(s.unappliedFen).toBe(0);
    // A back-dated receipt only sees what existed on its date.
    const early = await suggest(c.id, '2026-09-12', 100_000);
    expect(early.lines.map((l) => l.debitId)).toEqual([a, b]);
    expect(early.lines.map((l) => l.openFen)).toEqual([10_000, 20_000]);
    expect(early.unappliedFen).toBe(100_000 - 10_000 - 20_000);
  });

  it('saving the pre-filled suggestion unchanged stays automatic (no explicit targets)', async () => {
    const { c, a, b } = await threeInvoices();
    const s = await suggest(c.id, '2026-11-01', 15_000);
    const submitted = s.lines.filter((l) => l.suggestedFen > 0).map((l) => ({ debitId: l.debitId, amountFen: l.suggestedFen }));
    expect(submitted).toEqual([
      { debitId: a, amountFen: 10_000 },
      { debitId: b, amountFen: 5_000 },
    ]);
    const r = await post(t, 'ledger.postReceipt', { customerId: c.id, date: '2026-11-01', amountFen: 15_000, allocations: [...submitted].reverse() });
    expect(r.document.explicitTargets).toEqual([]);
    expect(r.document.allocations.every((x) => !x.explicit)).toBe(true);
    expect(count('ar_explicit_targets')).toBe(0);
  });

  it('a hand-changed allocation is stored as explicit and kept through later back-dated entries', async () => {
    const { c, a, b, d } = await threeInvoices();
    const r = await post(t, 'ledger.postReceipt', {
      customerId: c.id,
      date: '2026-11-01',
      amountFen: 25_000,
      allocations: [{ debitId: d, amountFen: 20_000 }],
    });
    expect(r.document.explicitTargets).toEqual([expect.objectContaining({ debitId: d, amountFen: 20_000 })]);
    // 20,000 to d by hand, the remaining 5,000 by FIFO to a.
    expect([openOf(t, a), openOf(t, b), openOf(t, d)]).toEqual([5_000, 20_000, 10_000]);
    // A back-dated receipt re-derives the automatic part only.
    await post(t, 'ledger.postReceipt', { customerId: c.id, date: '2026-09-15', amountFen: 10_000 });
    expect([openOf(t, a), openOf(t, b), openOf(t, d)]).toEqual([0, 15_000, 10_000]);
    const rows = allocations(t, c.id).filter((x) => x.credit_id === r.document.id);
    expect(rows.map((x) => [x.debit_id, x.amount_fen, x.explicit])).toEqual(
      [
        [d, 20_000, 1],
        [b, 5_000, 0],
      ].sort((x, y) => (String(x[0]) < String(y[0]) ? -1 : 1)),
    );
  });

  it('refuses allocating more than is open on an invoice, or more than the receipt, naming the field; nothing written', async () => {
    const { c, a, b } = await threeInvoices();
    await post(t, 'ledger.postReceipt', { customerId: c.id, date: '2026-09-25', amountFen: 4_000 });
    const before = footprint(t);
    expect(
      await refusal(t, 'ledger.postReceipt', {
        customerId: c.id,
        date: '2026-11-01',
        amountFen: 50_000,
        allocations: [
          { debitId: b, amountFen: 1_000 },
          { debitId: a, amountFen: 6_001 },
        ],
      }),
    ).toMatchObject({ code: 'validation', field: 'allocations.1.amountFen' });
    expect(
      await refusal(t, 'ledger.postReceipt', { customerId: c.id, date: '2026-11-01', amountFen: 5_000, allocations: [{ debitId: b, amountFen: 5_001 }] }),
    ).toMatchObject({ code: 'validation', field: 'allocations' });
    // A debit dated after the receipt, or another customer's, cannot be chosen.
    const other = await customer(t, 'C0002');
    const foreign = await post(t, 'ledger.postInvoice', { customerId: other.id, date: '2026-09-01', amountFen: 100 });
    expect(
      await refusal(t, 'ledger.postReceipt', { customerId: c.id, date: '2026-09-05', amountFen: 100, allocations: [{ debitId: b, amountFen: 100 }] }),
    ).toMatchObject({ field: 'allocations.0.debitId' });
    expect(
      await refusal(t, 'ledger.postReceipt', {
        customerId: c.id,
        date: '2026-11-01',
        amountFen: 100,
        allocations: [{ debitId: foreign.document.id, amountFen: 100 }],
      }),
    ).toMatchObject({ field: 'allocations.0.debitId' });
    expect(footprint(t).slice(0, 4)).toEqual(before.slice(0, 4).map((n, i) => (i === 0 ? n + 1 : i === 3 ? n + 1 : n)));
  });

  it('a back-dated invoice re-derives FIFO: earlier receipts move to it', async () => {
    const c = await customer(t, 'C0001');
    const inv2 = await post(t, 'ledger.postInvoice', { customerId: c.id, date: '2026-10-10', dueOn: '2026-10-10', amountFen: 10_000 });
    const rec = await post(t, 'ledger.postReceipt', { customerId: c.id, date: '2026-10-20', amountFen: 10_000 });
    expect(openOf(t, inv2.document.id)).toBe(0);
    const inv1 = await post(t, 'ledger.postInvoice', { customerId: c.id, date: '2026-10-01', dueOn: '2026-10-01', amountFen: 6_000 });
    expect(openOf(t, inv1.document.id)).toBe(0);
    expect(openOf(t, inv2.document.id)).toBe(6_000);
    expect(allocations(t, c.id).map((x) => [x.debit_id, x.amount_fen])).toEqual(
      [
        [inv1.document.id, 6_000],
        [inv2.document.id, 4_000],
      ].sort((x, y) => (String(x[0]) < String(y[0]) ? -1 : 1)),
    );
    // The change of allocations is audited against the customer.
    const audit = sqlite(t)
      .prepare(`SELECT before, after FROM audit_log WHERE entity = 'ar_allocations' AND entity_id = ? ORDER BY at DESC, id DESC LIMIT 1`)
      .get(c.id) as { before: string; after: string };
    expect(JSON.parse(audit.before).rows).toEqual([
      expect.objectContaining({ creditId: rec.document.id, debitId: inv2.document.id, amountFen: 10_000 }),
    ]);
    expect(JSON.parse(audit.after).rows).toHaveLength(2);
  });
});

describe('voids (冲销)', () => {
  it('a voided receipt gives its invoices back from the void date on; before that date it still counts', async () => {
    const c = await customer(t, 'C0001');
    const inv = await post(t, 'ledger.postInvoice', { customerId: c.id, date: '2026-10-01', amountFen: 10_000 });
    const rec = await post(t, 'ledger.postReceipt', { customerId: c.id, date: '2026-10-05', amountFen: 4_000 });
    const v = await post(t, 'ledger.void', { docId: rec.document.id, date: '2026-10-20', reason: '银行退票' });
    expect(v.document).toMatchObject({ kind: 'void', side: 'debit', amountFen: 4_000, docNo: 'CX202610-0001', voidsId: rec.document.id });
    expect(v.document.memo).toBe(`冲销回款 ${rec.document.docNo}：银行退票`);
    expect(v.summary.balanceFen).toBe(10_000);
    expect(openOf(t, inv.document.id)).toBe(10_000);
    expect(unappliedOf(t, rec.document.id)).toBe(0);
    expect(openOf(t, v.document.id)).toBeNull();
    const asOf = async (d: string) => (await t.rt.invoke<OpenItems>('ledger.openItems', { customerId: c.id, asOf: d })).openDebitFen;
    expect(await asOf('2026-10-19')).toBe(6_000);
    expect(await asOf('2026-10-20')).toBe(10_000);

    const l = await ledger(t, c.id, '2026-10-01', '2026-10-31');
    expect(l.lines.map((x) => [x.kind, x.debitFen, x.creditFen, x.balanceFen, x.voided ?? false, x.isVoid ?? false])).toEqual([
      ['invoice', 10_000, 0, 10_000, false, false],
      ['receipt', 0, 4_000, 6_000, true, false],
      ['void', 4_000, 0, 10_000, false, true],
    ]);
    // A period ending before the void: the receipt is not (yet) marked.
    expect((await ledger(t, c.id, '2026-10-01', '2026-10-10')).lines[1].voided).toBeUndefined();
    const detail = await t.rt.invoke<{ voidedBy: { docNo: string; reason: string } | null }>('ledger.document', { id: rec.document.id });
    expect(detail.voidedBy).toMatchObject({ docNo: 'CX202610-0001', reason: '银行退票' });
  });

  it('voiding an invoice moves its receipts to the next invoice; re-posting it restores the totals', async () => {
    const c = await customer(t, 'C0001');
    const a = await post(t, 'ledger.postInvoice', { customerId: c.id, date: '2026-10-01', amountFen: 7_000 });
    const b = await post(t, 'ledger.postInvoice', { customerId: c.id, date: '2026-10-02', amountFen: 5_000 });
    const r = await post(t, 'ledger.postReceipt', { customerId: c.id, date: '2026-10-03', amountFen: 8_000 });
    const before = r.summary;
    await post(t, 'ledger.void', { docId: a.document.id, date: '2026-10-01', reason: '金额开错' });
    expect(openOf(t, b.document.id)).toBe(0);
    expect(unappliedOf(t, r.document.id)).toBe(3_000);
    const again = await post(t, 'ledger.postInvoice', { customerId: c.id, date: '2026-10-01', amountFen: 7_000 });
    expect(again.summary).toMatchObject({ balanceFen: before.balanceFen, openDebitFen: before.openDebitFen, unappliedFen: before.unappliedFen });
  });

  it('refuses: void before the original, voiding twice, voiding a void, voiding an invoice a live write-off names', async () => {
    const c = await customer(t, 'C0001');
    const inv = await post(t, 'ledger.postInvoice', { customerId: c.id, date: '2026-10-01', amountFen: 7_000 });
    expect(await refusal(t, 'ledger.void', { docId: inv.document.id, date: '2026-09-30', reason: 'x' })).toMatchObject({ field: 'date' });
    expect(await refusal(t, 'ledger.void', { docId: inv.document.id, reason: '  ' })).toMatchObject({ field: 'reason' });
    const wo = await post(t, 'ledger.postWriteOff', { debitId: inv.document.id, date: '2026-11-01', amountFen: 7_000, memo: '无法收回' });
    expect(await refusal(t, 'ledger.void', { docId: inv.document.id, reason: 'x' })).toMatchObject({ code: 'conflict', field: 'docId' });
    const v = await post(t, 'ledger.void', { docId: wo.document.id, reason: '核销错误' });
    expect(v.document.date).toBe('2026-11-24');
    expect(await refusal(t, 'ledger.void', { docId: wo.document.id, reason: 'again' })).toMatchObject({ code: 'conflict' });
    expect(await refusal(t, 'ledger.void', { docId: v.document.id, reason: 'undo' })).toMatchObject({ code: 'conflict' });
    expect(openOf(t, inv.document.id)).toBe(7_000);
    await post(t, 'ledger.void', { docId: inv.document.id, reason: '开错客户' });
    expect((await ledger(t, c.id)).closingFen).toBe(0);
  });
});

function count(table: string): number {
  return (sqlite(t).prepare(`SELECT count(*) AS n FROM ${table}`).get() as { n: number }).n;
}

describe('write-off displaced by a back-dated receipt', () => {
  it('posts, re-derives by §4, and warns that the write-off now pays something else', async () => {
    const c = await customer(t, 'C0001');
    const a = await post(t, 'ledger.postInvoice', { customerId: c.id, date: '2026-01-05', dueOn: '2026-01-05', amountFen: 1_000 });
    const b = await post(t, 'ledger.postInvoice', { customerId: c.id, date: '2026-02-05', dueOn: '2026-02-05', amountFen: 5_000 });
    await post(t, 'ledger.postWriteOff', { debitId: a.document.id, date: '2026-10-01', amountFen: 1_000, memo: '坏账' });
    const late = await post(t, 'ledger.postReceipt', { customerId: c.id, date: '2026-03-01', amountFen: 1_000 });
    expect(late.warnings).toEqual([expect.stringContaining('坏账核销单 HX202610-0001 现在只核销了')]);
    // §4: the receipt paid a (due first); the write-off's explicit target got nothing, the rest went by FIFO to b.
    expect([openOf(t, a.document.id), openOf(t, b.document.id)]).toEqual([0, 4_000]);
  });
});
