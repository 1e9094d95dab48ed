/** Joining from a snapshot: a new PC copies the newest snapshot locally, verifies it, and applies only what came after. */
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, expect, it } from 'vitest';
import type { CustomerDetail } from '../../../shared/api/customers';
import { syncRound } from '../../../electron/services/sync/engine';
import { dump, office, type Office } from './helpers';

let o: Office;
beforeEach(async () => {
  o = await office();
});
afterEach(() => o.cleanup());

it('a new PC joins from the snapshot plus the segments after it, and its own edits still win by the clock', async () => {
  const a = await o.open('pc-a');
  const c = await a.rt.invoke<CustomerDetail>('customers.create', { code: 'K1', name: '甲公司' });
  await a.rt.invoke('ledger.postInvoice', { customerId: c.id, date: '2026-10-01', dueOn: '2026-11-01', amountFen: 5_000 });
  const first = await syncRound(a.rt.context(), { share: o.share, dbFile: a.dbFile, snapshot: true, pause: async () => {} });
  expect(fs.readdirSync(path.join(o.shareDir, 'snap')).sort()).toEqual([
    `${first.device}-0000000001.json`,
    `${first.device}-0000000001.sqlite.gz`,
  ]);
  // After the snapshot: one more change, only in a segment.
  await a.rt.invoke('ledger.postReceipt', { customerId: c.id, date: '2026-10-05', amountFen: 2_000 });
  await o.sync(a);

  const b = await o.open('pc-b');
  const rb = await o.sync(b);
  // Only the segment after the snapshot was applied; nothing of A's was published again by B.
  expect(rb.applied).toBeLessThan(first.published);
  expect(rb.applied).toBeGreaterThan(0);
  expect(rb.published).toBe(0);
  await o.sync(a);
  expect(dump(b)).toEqual(dump(a));

  await b.rt.invoke('customers.update', { id: c.id, notes: 'B 加入后修改' });
  await o.sync(b);
  await o.sync(a);
  expect((await a.rt.invoke<CustomerDetail>('customers.get', { id: c.id })).notes).toBe('B 加入后修改');
  expect(dump(b)).toEqual(dump(a));
});

it('a damaged snapshot is refused with a message and nothing is copied', async () => {
  const a = await o.open('pc-a');
  await a.rt.invoke('customers.create', { code: 'K1', name: '甲公司' });
  const r = await syncRound(a.rt.context(), { share: o.share, dbFile: a.dbFile, snapshot: true, pause: async () => {} });
  const gz = path.join(o.shareDir, 'snap', `${r.device}-0000000001.sqlite.gz`);
  const bytes = fs.readFileSync(gz);
  bytes[bytes.length - 10] ^= 0xff;
  fs.writeFileSync(gz, bytes);
  const b = await o.open('pc-b');
  await expect(o.sync(b)).rejects.toThrow('快照校验和不符');
  expect(b.rt.database().sqlite.prepare('SELECT count(*) AS n FROM customers').get()).toEqual({ n: 0 });
});
