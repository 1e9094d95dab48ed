/**
 * The dashboard keeps the voided invoices and receipts of its window between
 * calls while the voids stay the same (dashboard/dailyTotals.ts): a receipt
 * voided after the dashboard was first read must leave this month's
 * collections, an invoice voided must leave the trailing invoices of the
 * DSO, and a new receipt (no void) still counts, each on the very next call.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Dashboard } from '../../../shared/api/dashboard';
import type { PostResult } from '../../../shared/api/ledger';
import { tempRuntime, type TempRuntime } from '../../helpers/tempRuntime';
import { customer, post, TODAY } from './helpers';

let t: TempRuntime;
let customerId = '';

beforeAll(async () => {
  t = await tempRuntime();
  customerId = (await customer(t, 'V001')).id;
}, 60_000);
afterAll(() => t.cleanup());

const dashboard = () => t.rt.invoke<Dashboard>('dashboard.get', {});

describe('voided flows kept by the dashboard', () => {
  it('follow every void, and only voids change them', async () => {
    const receipt = await post(t, 'ledger.postReceipt', { customerId, date: '2026-11-20', amountFen: 200_00 });
    const invoice = await post(t, 'ledger.postInvoice', { customerId, date: '2026-11-02', amountFen: 900_00, override: { reason: '测试' } });
    let d = await dashboard();
    expect(d.collections.thisMonth.receivedFen).toBe(200_00);
    expect(d.dso.current.invoicedFen).toBe(900_00);

    await post(t, 'ledger.void', { docId: receipt.document.id, date: TODAY, reason: '退票' });
    d = await dashboard();
    expect(d.collections.thisMonth.receivedFen).toBe(0);

    await post(t, 'ledger.postReceipt', { customerId, date: '2026-11-21', amountFen: 300_00 });
    d = await dashboard();
    expect(d.collections.thisMonth.receivedFen).toBe(300_00);

    const voided: PostResult = await post(t, 'ledger.void', { docId: invoice.document.id, date: TODAY, reason: '开错' });
    expect(voided.document.kind).toBe('void');
    d = await dashboard();
    expect(d.dso.current.invoicedFen).toBe(0);
    expect(d.collections.thisMonth.receivedFen).toBe(300_00);
  });
});
