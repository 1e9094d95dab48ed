/**
 * Issue 17 point 4: a chunked import adds its documents to the per-day totals
 * once per date and chunk (electron/services/imports/dayTotalsDelta.ts), and
 * the insert trigger skips exactly those documents (migration 0027_a). The
 * oracle here is plain SQL sums over the documents, compared after postings,
 * imports in one-customer chunks, an undo (voids carrying the batch id, counted
 * by the trigger again) and a posting after it.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { ImportBatch } from '../../../shared/api/imports';
import { commitImport } from '../../../electron/services/imports/runImport';
import { ChunkMemo } from '../../../electron/services/imports/chunkedCommit';
import { chunkDayTotals } from '../../../electron/services/imports/dayTotalsDelta';
import { tempRuntime, type TempRuntime } from '../../helpers/tempRuntime';
import { customer, post, sqlite } from './helpers';

let t: TempRuntime;
beforeEach(async () => {
  t = await tempRuntime();
});
afterEach(() => t.cleanup());

const STORED = `SELECT doc_date, net_fen, invoiced_fen, received_fen, doc_count FROM ar_day_totals WHERE doc_count > 0 ORDER BY doc_date`;
const SUMS = `SELECT doc_date, sum(CASE WHEN side = 'debit' THEN amount_fen ELSE -amount_fen END) AS net_fen,
    sum(CASE WHEN kind = 'invoice' THEN amount_fen ELSE 0 END) AS invoiced_fen, sum(CASE WHEN kind = 'receipt' THEN amount_fen ELSE 0 END) AS received_fen,
    count(*) AS doc_count
  FROM ar_documents GROUP BY doc_date ORDER BY doc_date`;

const expectDayTotalsEqualSums = (when: string) => expect(sqlite(t).prepare(STORED).all(), when).toEqual(sqlite(t).prepare(SUMS).all());

/** One customer per chunk: every chunk ends with its own day-totals write. */
const ONE_UNIT_PER_CHUNK = { chunkMs: 0, gapMs: 0, idleGapMs: 0 };

const csv = (lines: string[]) => Buffer.from(lines.join('\r\n') + '\r\n', 'utf8').toString('base64');

describe('day totals of a chunked import', () => {
  it('equal the sums over the documents after postings, imports in many chunks, an undo and a posting after it', async () => {
    const codes = ['D001', 'D002', 'D003', 'D004'];
    const ids: string[] = [];
    for (const code of codes) ids.push((await customer(t, code, { paymentTermDays: 30 })).id);
    // Days the imports share with earlier postings, and days only the imports touch.
    await post(t, 'ledger.postInvoice', { customerId: ids[0], date: '2026-10-03', amountFen: 50_000, docNo: 'P-1' });
    await post(t, 'ledger.postReceipt', { customerId: ids[1], date: '2026-10-05', amountFen: 20_000 });
    expectDayTotalsEqualSums('after postings');

    const invoices = ['单号,客户编码,日期,到期日,金额'];
    for (let i = 0; i < 40; i++) invoices.push(`DI${i},${codes[i % 4]},2026-10-${String(1 + (i % 9)).padStart(2, '0')},,${100 + i * 7}.${i % 10}5`);
    const inv = await commitImport(t.rt.context(), { kind: 'invoices', fileName: 'i.csv', dataBase64: csv(invoices) }, ONE_UNIT_PER_CHUNK);
    expect(inv.report.imported).toBe(40);
    expectDayTotalsEqualSums('after an invoice import in one-customer chunks');

    const receipts = ['单号,客户编码,日期,金额'];
    for (let i = 0; i < 12; i++) receipts.push(`DR${i},${codes[(i * 3) % 4]},2026-10-${String(3 + (i % 11)).padStart(2, '0')},${30 + i}`);
    await commitImport(t.rt.context(), { kind: 'receipts', fileName: 'r.csv', dataBase64: csv(receipts) }, ONE_UNIT_PER_CHUNK);
    expectDayTotalsEqualSums('after a receipt import');

    await t.rt.invoke<ImportBatch>('imports.undo', { batchId: inv.batch.id, reason: '导错文件' });
    expect((sqlite(t).prepare(`SELECT count(*) AS n FROM ar_documents WHERE kind = 'void' AND import_batch_id = ?`).get(inv.batch.id) as { n: number }).n).toBe(40);
    expectDayTotalsEqualSums('after undoing the invoice import');

    await post(t, 'ledger.postInvoice', { customerId: ids[2], date: '2026-10-04', amountFen: 70_000, docNo: 'P-2' });
    expectDayTotalsEqualSums('after a posting following the imports');
  });

  it('are refused for a batch without its import_commits row (the trigger has counted those documents already)', () => {
    const ctx = t.rt.context();
    const chunk = new ChunkMemo();
    chunkDayTotals(ctx, chunk, 'NO-SUCH-BATCH').add({ docDate: '2026-10-01', side: 'debit', kind: 'invoice', amountFen: 100 });
    expect(() => t.rt.database().transaction(() => chunk.finish())).toThrow(/not being committed in chunks/);
    expect(sqlite(t).prepare(STORED).all()).toEqual([]);
  });
});
