/**
 * A chunked import still `committing` (issue 11) does not travel (issue 12
 * point 5): rounds that run while it commits publish nothing of it; once it
 * is done, the next round carries all of it; a batch discarded after a
 * kill -9 never reaches another PC, and its changes leave the outbox.
 */
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, expect, it } from 'vitest';
import { commitImport } from '../../../electron/services/imports/runImport';
import type { TempRuntime } from '../../helpers/tempRuntime';
import { importCustomers, startChildImport, writeInvoiceCsv } from '../safety/importSetup';
import { dump, office, type Office, type Replica } from './helpers';

let o: Office;
beforeEach(async () => {
  o = await office();
});
afterEach(() => o.cleanup());

const asTemp = (r: Replica) => ({ rt: r.rt }) as unknown as TempRuntime;
const sqliteOf = (r: Replica) => r.rt.database().sqlite;
const tagged = (r: Replica, tag: string): number =>
  (sqliteOf(r).prepare(`SELECT count(*) AS n FROM ar_documents WHERE doc_no LIKE ?`).get(`${tag}-%`) as { n: number }).n;
const batches = (r: Replica): { status: string }[] => sqliteOf(r).prepare(`SELECT status FROM import_batches WHERE kind = 'invoices'`).all() as { status: string }[];
const committing = (r: Replica): number => (sqliteOf(r).prepare(`SELECT count(*) AS n FROM import_batches WHERE status = 'committing'`).get() as { n: number }).n;
/** Changes of the tagged documents anywhere in this PC's outbox (published or not). */
const outboxMentions = (r: Replica, tag: string): number =>
  (sqliteOf(r).prepare(`SELECT count(*) AS n FROM sync_changes WHERE tbl = 'ar_documents' AND json_extract(val, '$.doc_no') LIKE ?`).get(`${tag}-%`) as { n: number }).n;

/**
 * The dump without all-zero customer states: the discard re-derived the customers it touched on A, which leaves
 * a row of zeros where B (which never saw the documents) has none; both mean "no documents".
 */
function books(r: Replica): Record<string, unknown[]> {
  const d = dump(r);
  d.ar_customer_state = (d.ar_customer_state as { doc_count: number; balance_fen: number }[]).filter((s) => s.doc_count !== 0 || s.balance_fen !== 0);
  return d;
}

async function twoPcsWithCustomers(): Promise<{ a: Replica; b: Replica; codes: string[] }> {
  const a = await o.open('pc-a');
  const b = await o.open('pc-b');
  await o.sync(a);
  await o.sync(b);
  const codes = await importCustomers(asTemp(a), 40);
  await o.sync(a);
  await o.sync(b);
  return { a, b, codes };
}

it('rounds during the commit publish nothing of the batch; the round after it is done carries all of it', async () => {
  const { a, b, codes } = await twoPcsWithCustomers();
  const rows = 1_500;
  const csv = writeInvoiceCsv(o.dir, codes, rows, 'HB');
  const input = { kind: 'invoices' as const, fileName: 'HB.csv', dataBase64: fs.readFileSync(csv).toString('base64') };
  const importing = commitImport(a.rt.context(), input, { chunkMs: 3, gapMs: 25, idleGapMs: 25 });
  let finished = false;
  void importing.finally(() => (finished = true));
  let roundsWhileCommitting = 0;
  // Changes A published in rounds during which the batch got done (it may finish before that round publishes).
  let publishedOnceDone = 0;
  // Sync on both PCs between the import's chunks until it is done.
  while (!finished) {
    if (committing(a) > 0 && tagged(a, 'HB') > 0) {
      const round = await o.sync(a);
      // Still committing after A's round: it was committing when A numbered its segments (it only ever moves to done).
      const heldThroughout = committing(a) > 0;
      if (!heldThroughout) publishedOnceDone += round.published;
      const rb = await o.sync(b);
      expect(rb.errors).toEqual([]);
      if (heldThroughout) {
        // Nothing of the half-written batch on the other PC: neither documents nor the batch row.
        expect(tagged(b, 'HB')).toBe(0);
        expect(batches(b)).toEqual([]);
        roundsWhileCommitting++;
      }
    }
    await new Promise((r) => setTimeout(r, 15));
  }
  await importing;
  expect(roundsWhileCommitting).toBeGreaterThan(0);
  expect(tagged(a, 'HB')).toBe(rows);

  publishedOnceDone += (await o.sync(a)).published;
  expect(publishedOnceDone).toBeGreaterThanOrEqual(rows);
  const rb = await o.sync(b);
  expect(rb.errors).toEqual([]);
  expect(tagged(b, 'HB')).toBe(rows);
  expect(batches(b)).toEqual([{ status: 'done' }]);
  await o.sync(a);
  expect(dump(b)).toEqual(dump(a));
}, 60_000);

it('a batch killed mid-commit and discarded at the next open never travels; the edits around it do', async () => {
  const { a, b, codes } = await twoPcsWithCustomers();
  const csv = writeInvoiceCsv(o.dir, codes, 8_000, 'KD');
  const child = startChildImport(a.dbFile, csv);
  await child.started;
  // Kill once some chunks are in (and before the end).
  for (let i = 0; i < 400 && tagged(a, 'KD') === 0; i++) await new Promise((r) => setTimeout(r, 25));
  child.kill();
  const { signal } = await child.exited;
  expect(signal).toBe('SIGKILL');
  expect(tagged(a, 'KD')).toBeGreaterThan(0);
  expect(committing(a)).toBe(1);

  // A round while the dead batch is still there (this process has not reopened): nothing of it goes out.
  await a.rt.invoke('customers.update', { id: (sqliteOf(a).prepare(`SELECT id FROM customers WHERE code = ?`).get(codes[0]) as { id: string }).id, notes: '导入期间的修改' });
  await o.sync(a);
  await o.sync(b);
  expect(tagged(b, 'KD')).toBe(0);
  expect(batches(b)).toEqual([]);

  // Reopen: the abandoned batch is discarded, and with it its changes in the outbox.
  a.rt.close();
  o.replicas.splice(o.replicas.indexOf(a), 1);
  const a2 = await o.open('pc-a');
  expect(tagged(a2, 'KD')).toBe(0);
  expect(committing(a2)).toBe(0);
  expect(outboxMentions(a2, 'KD')).toBe(0);
  const ra = await o.sync(a2);
  expect(ra.errors).toEqual([]);
  const rb = await o.sync(b);
  expect(rb.errors).toEqual([]);
  expect(tagged(b, 'KD')).toBe(0);
  expect(batches(b)).toEqual([]);
  // The edit made while the batch was held back did travel.
  expect((sqliteOf(b).prepare(`SELECT notes FROM customers WHERE code = ?`).get(codes[0]) as { notes: string }).notes).toBe('导入期间的修改');
  // No segment on the share mentions the batch's documents.
  const logDir = path.join(o.shareDir, 'log', ra.device);
  for (const f of fs.readdirSync(logDir)) expect(fs.readFileSync(path.join(logDir, f), 'utf8')).not.toContain('KD-0');
  await o.sync(a2);
  expect(books(b)).toEqual(books(a2));
}, 90_000);
