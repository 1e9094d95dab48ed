/**
 * The void-window spans (migration 0025) are kept on every PC, also when the
 * documents arrive by sync: one PC voids a receipt a fortnight after it was
 * posted while the other back-dates an invoice before it; after the sync
 * rounds both PCs hold the same window spans, equal to a fresh derivation,
 * and the report as of a date inside the window is the replay's. Merging
 * the customer into another (documents move) and undoing it move the window
 * spans along.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { AgingReport } from '../../../shared/api/aging';
import type { CustomerDetail } from '../../../shared/api/customers';
import type { CustomerMergeView } from '../../../shared/api/sync';
import type { PostResult } from '../../../shared/api/ledger';
import { agingOf, DEFAULT_DUE_BUCKETS } from '../../../shared/receivables/aging';
import { voidWindowSpansOf } from '../../../shared/receivables/voidWindows';
import { loadCustomerDocs } from '../../../electron/services/ledger/docRows';
import { office, type Office, type Replica } from '../sync/helpers';

let o: Office;
beforeEach(async () => {
  o = await office();
});
afterEach(() => o.cleanup());

const windowRows = (r: Replica) =>
  r.rt.database().sqlite.prepare(`SELECT customer_id, doc_id, from_on, until_on, side, due_on, doc_date, open_fen FROM ar_void_window_spans ORDER BY doc_id, from_on`).all();

const engineRows = (r: Replica, customerId: string) =>
  voidWindowSpansOf(loadCustomerDocs(r.rt.context(), customerId))
    .map((s) => ({ customer_id: customerId, doc_id: s.docId, from_on: s.fromOn, until_on: s.untilOn, side: s.side, due_on: s.dueOn, doc_date: s.docDate, open_fen: s.openFen }))
    .sort((a, b) => (a.doc_id + a.from_on < b.doc_id + b.from_on ? -1 : 1));

describe('void-window spans across PCs', () => {
  it('a void from one PC and a back-dated invoice from the other: same window spans on both, report = replay', async () => {
    const a = await o.open('pc-a');
    const b = await o.open('pc-b');
    const c = await a.rt.invoke<CustomerDetail>('customers.create', { code: 'W001', name: '华北窗口测试有限公司', paymentTermDays: 30 });
    await a.rt.invoke<PostResult>('ledger.postInvoice', { customerId: c.id, date: '2026-09-01', dueOn: '2026-10-01', amountFen: 100_000 });
    const receipt = await a.rt.invoke<PostResult>('ledger.postReceipt', { customerId: c.id, date: '2026-09-10', amountFen: 60_000 });
    await o.sync(a);
    await o.sync(b);

    // Offline on both PCs: B voids the receipt on 09-25; A back-dates an invoice due 09-05, which the receipt then paid first.
    await b.rt.invoke<PostResult>('ledger.void', { docId: receipt.document.id, date: '2026-09-25', reason: '银行退票' });
    await a.rt.invoke<PostResult>('ledger.postInvoice', { customerId: c.id, date: '2026-09-05', dueOn: '2026-09-05', amountFen: 50_000 });
    await o.sync(a);
    await o.sync(b);
    await o.sync(a);

    for (const r of [a, b]) {
      expect(windowRows(r), r.name).toEqual(engineRows(r, c.id));
      for (const asOf of ['2026-09-10', '2026-09-15', '2026-09-24', '2026-09-25']) {
        const row = (await r.rt.invoke<AgingReport>('aging.report', { asOf })).rows.find((x) => x.customerId === c.id);
        const replayed = agingOf(loadCustomerDocs(r.rt.context(), c.id), asOf, 'due', DEFAULT_DUE_BUCKETS);
        expect(row?.bucketsFen, `${r.name} ${asOf}`).toEqual(replayed.bucketsFen);
      }
      // Inside the window the receipt still stood: the 09-05 invoice paid, 10,000 of the 09-01 one, 90,000 not yet due.
      const inside = (await r.rt.invoke<AgingReport>('aging.report', { asOf: '2026-09-15' })).rows.find((x) => x.customerId === c.id);
      expect(inside).toMatchObject({ balanceFen: 90_000, bucketsFen: [90_000, 0, 0, 0, 0, 0, 0] });
      // From the void on it never happened: both invoices open, the 09-05 one 20 days overdue.
      const after = (await r.rt.invoke<AgingReport>('aging.report', { asOf: '2026-09-25' })).rows.find((x) => x.customerId === c.id);
      expect(after).toMatchObject({ balanceFen: 150_000, bucketsFen: [100_000, 50_000, 0, 0, 0, 0, 0] });
    }
    expect(windowRows(a)).toEqual(windowRows(b));
    expect(windowRows(a).length).toBeGreaterThan(0);
  });

  it('a customer merge moves the window spans to the survivor, and its undo moves them back', async () => {
    const a = await o.open('pc-a');
    const from = await a.rt.invoke<CustomerDetail>('customers.create', { code: 'W002', name: '合并来源有限公司', paymentTermDays: 30 });
    const into = await a.rt.invoke<CustomerDetail>('customers.create', { code: 'W003', name: '合并保留有限公司', paymentTermDays: 30 });
    await a.rt.invoke<PostResult>('ledger.postInvoice', { customerId: from.id, date: '2026-09-01', dueOn: '2026-09-01', amountFen: 30_000 });
    const receipt = await a.rt.invoke<PostResult>('ledger.postReceipt', { customerId: from.id, date: '2026-09-10', amountFen: 30_000 });
    await a.rt.invoke<PostResult>('ledger.void', { docId: receipt.document.id, date: '2026-09-20', reason: '退票' });
    await a.rt.invoke<PostResult>('ledger.postInvoice', { customerId: into.id, date: '2026-09-02', dueOn: '2026-09-02', amountFen: 5_000 });
    const before = windowRows(a);
    expect(before).toEqual(engineRows(a, from.id));

    const merge = await a.rt.invoke<CustomerMergeView>('sync.mergeCustomer', { fromId: from.id, intoId: into.id });
    expect(windowRows(a)).toEqual(engineRows(a, into.id));
    expect(windowRows(a).every((r) => (r as { customer_id: string }).customer_id === into.id)).toBe(true);
    // On 09-15 the receipt (not yet voided) paid the survivor's older debt first: 5,000 of it, then 25,000 of the moved invoice.
    const row = (await a.rt.invoke<AgingReport>('aging.report', { asOf: '2026-09-15' })).rows.find((x) => x.customerId === into.id);
    expect(row?.bucketsFen).toEqual(agingOf(loadCustomerDocs(a.rt.context(), into.id), '2026-09-15', 'due', DEFAULT_DUE_BUCKETS).bucketsFen);
    expect(row?.balanceFen).toBe(5_000);

    await a.rt.invoke<CustomerMergeView>('sync.undoMerge', { mergeId: merge.id });
    expect(windowRows(a)).toEqual(before);
  });
});
