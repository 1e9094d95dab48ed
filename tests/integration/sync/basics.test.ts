/** Two PCs through a real temp folder: capture, publish, apply, field merge, re-derivation, idempotence. */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { CustomerDetail } from '../../../shared/api/customers';
import type { PostResult } from '../../../shared/api/ledger';
import { dump, office, type Office } from './helpers';

let o: Office;
beforeEach(async () => {
  o = await office();
});
afterEach(() => o.cleanup());

const createCustomer = (r: Office['replicas'][number], code: string, name: string) =>
  r.rt.invoke<CustomerDetail>('customers.create', { code, name, creditLimitFen: null, paymentTermDays: 30 });

describe('two PCs through a shared folder', () => {
  it('a customer and its documents entered on one PC appear on the other with identical allocations', async () => {
    const a = await o.open('pc-a');
    const b = await o.open('pc-b');
    const c = await createCustomer(a, 'C0001', '华东五金有限公司');
    await a.rt.invoke<PostResult>('ledger.postInvoice', { customerId: c.id, date: '2026-09-01', dueOn: '2026-10-01', amountFen: 10_000 });
    await a.rt.invoke<PostResult>('ledger.postInvoice', { customerId: c.id, date: '2026-09-05', dueOn: '2026-10-05', amountFen: 5_000 });
    const ra = await o.sync(a);
    expect(ra.published).toBeGreaterThan(0);
    const rb = await o.sync(b);
    expect(rb.applied).toBe(ra.published);
    expect(rb.errors).toEqual([]);
    // A receipt on B pays A's invoices; after both sync, the allocations agree.
    await b.rt.invoke<PostResult>('ledger.postReceipt', { customerId: c.id, date: '2026-09-10', amountFen: 12_000 });
    await o.sync(b);
    await o.sync(a);
    expect(dump(a)).toEqual(dump(b));
    const alloc = a.rt.database().sqlite.prepare('SELECT sum(amount_fen) AS s FROM ar_allocations').get() as { s: number };
    expect(alloc.s).toBe(12_000);
  });

  it('two PCs changing different fields of one customer offline both keep their change', async () => {
    const a = await o.open('pc-a');
    const b = await o.open('pc-b');
    const c = await createCustomer(a, 'C0001', '华东五金有限公司');
    await o.sync(a);
    await o.sync(b);
    await a.rt.invoke('customers.update', { id: c.id, creditLimitFen: 500_000 });
    await b.rt.invoke('customers.update', { id: c.id, address: '上海市浦东新区' });
    await o.sync(a);
    await o.sync(b);
    await o.sync(a);
    for (const r of [a, b]) {
      const got = await r.rt.invoke<CustomerDetail>('customers.get', { id: c.id });
      expect(got.creditLimitFen).toBe(500_000);
      expect(got.address).toBe('上海市浦东新区');
    }
    expect(dump(a)).toEqual(dump(b));
  });

  it('applying the same segments again changes nothing', async () => {
    const a = await o.open('pc-a');
    const b = await o.open('pc-b');
    const c = await createCustomer(a, 'C0001', '华东五金有限公司');
    await a.rt.invoke<PostResult>('ledger.postInvoice', { customerId: c.id, date: '2026-09-01', dueOn: '2026-10-01', amountFen: 10_000 });
    await o.sync(a);
    await o.sync(b);
    const before = dump(b);
    // Forget how far B got: every segment is applied a second time.
    b.rt.database().sqlite.prepare('DELETE FROM sync_cursors').run();
    const again = await o.sync(b);
    expect(again.applied).toBeGreaterThan(0);
    expect(dump(b)).toEqual(before);
    const round = await o.sync(b);
    expect(round.applied).toBe(0);
    expect(round.published).toBe(0);
  });
});
