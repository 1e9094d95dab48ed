/**
 * Issue 17 point 4: a ledger import writes its derived data incrementally
 * (one replay per customer before inserting, allocations compared only from
 * the earliest imported date, spans only for the new documents and those
 * whose allocations changed). The oracle: copy the database, throw every
 * derived row away, re-derive every customer from scratch through the full
 * path (rederiveCustomer without any hint), recompute the per-day totals with
 * plain SQL sums, and compare every derived table row by row with what the
 * import stored. Random histories (receipts with and without hand-made
 * allocations, prepayments, write-offs, voids) get back-dated imports of
 * invoices, receipts and openings on top, then more postings.
 * Most customers' replays resume at the earliest imported date
 * (shared/receivables/resume.ts), the rest replay the whole history; both are
 * compared. IMPORT_ORACLE_RUNS sets the number of histories (deep runs: e.g. 100).
 */
import fs from 'node:fs';
import path from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { AppRuntime } from '../../../electron/api/runtime';
import { rederiveCustomer } from '../../../electron/services/ledger/rederive';
import { collectImportPhases, takeImportPhases } from '../../../electron/services/imports/importPhases';
import type { ImportCommitResult } from '../../../shared/api/imports';
import type { Sqlite } from '../../../db/query';
import { tempRuntime, type TempRuntime } from '../../helpers/tempRuntime';
import { CUSTOMER_SETUP, dayDate, historyArb, postHistory, postOps } from '../aging/randomHistory';

const RUNS = Number(process.env.IMPORT_ORACLE_RUNS ?? 5);

/**
 * Every derived table, in a fixed order, with the columns a re-derivation decides. The void-window
 * digests (ar_void_window_inputs) are left out: they hash the documents in load order, so another
 * order only costs one needless rebuild (db/voidWindowDigest.ts); the spans they guard are compared.
 */
const DERIVED: Record<string, string> = {
  allocations: `SELECT credit_id, debit_id, explicit, customer_id, amount_fen, allocated_on FROM ar_allocations ORDER BY credit_id, debit_id, explicit`,
  documents: `SELECT id, open_fen, unapplied_fen FROM ar_documents ORDER BY id`,
  customerState: `SELECT customer_id, balance_fen, debit_fen, credit_fen, open_debit_fen, unapplied_fen, first_doc_on, last_doc_on,
      last_invoice_on, last_receipt_on, doc_count FROM ar_customer_state ORDER BY customer_id`,
  openSpans: `SELECT customer_id, doc_id, from_on, until_on, from_month, side, due_on, doc_date, open_fen FROM ar_open_spans ORDER BY customer_id, doc_id, from_on`,
  voidWindowSpans: `SELECT customer_id, doc_id, from_on, until_on, from_month, side, due_on, doc_date, open_fen FROM ar_void_window_spans ORDER BY customer_id, doc_id, from_on`,
  dayTotals: `SELECT doc_date, net_fen, invoiced_fen, received_fen, doc_count FROM ar_day_totals WHERE doc_count > 0 ORDER BY doc_date`,
};

const derivedRows = (db: Sqlite): Record<string, unknown[]> => Object.fromEntries(Object.entries(DERIVED).map(([name, sql]) => [name, db.prepare(sql).all()]));

/** A copy of the database whose derived data is rebuilt from the documents alone. */
async function freshDerivation(t: TempRuntime): Promise<Record<string, unknown[]>> {
  const copy = path.join(t.dir, `oracle-${Date.now()}.db`);
  t.rt.database().sqlite.exec(`VACUUM INTO '${copy}'`);
  const rt = await AppRuntime.start({ dbFile: copy, dataDir: t.dir, actor: { user: 'oracle', device: 'oracle' } });
  try {
    const db = rt.database();
    db.transaction(() => {
      db.sqlite.exec(`DELETE FROM ar_allocations; DELETE FROM ar_open_spans; DELETE FROM ar_void_window_spans; DELETE FROM ar_void_window_inputs; DELETE FROM ar_customer_state; DELETE FROM ar_day_totals;
        UPDATE ar_documents SET
          open_fen = CASE WHEN kind <> 'void' AND side = 'debit' THEN amount_fen END,
          unapplied_fen = CASE WHEN kind <> 'void' AND side = 'credit' THEN amount_fen END;
        INSERT INTO ar_day_totals (doc_date, net_fen, invoiced_fen, received_fen, doc_count)
          SELECT doc_date, sum(CASE WHEN side = 'debit' THEN amount_fen ELSE -amount_fen END),
            sum(CASE WHEN kind = 'invoice' THEN amount_fen ELSE 0 END), sum(CASE WHEN kind = 'receipt' THEN amount_fen ELSE 0 END), count(*)
          FROM ar_documents GROUP BY doc_date;`);
      const ctx = rt.context();
      for (const { id } of db.sqlite.prepare(`SELECT DISTINCT customer_id AS id FROM ar_documents`).all() as { id: string }[]) {
        rederiveCustomer(ctx, id, { action: 'oracle' });
      }
    });
    return derivedRows(db.sqlite);
  } finally {
    rt.close();
    fs.rmSync(copy, { force: true });
  }
}

type ImportKind = 'invoices' | 'receipts' | 'opening';
interface ImportRow {
  customer: number;
  day: number;
  yuan: number;
  dueDelta: number | null;
}

const importArb = fc.array(
  fc.record({
    kind: fc.constantFrom<ImportKind>('invoices', 'invoices', 'receipts', 'opening'),
    rows: fc.array(
      fc.record({
        customer: fc.integer({ min: 0, max: 2 }),
        day: fc.integer({ min: 0, max: 419 }),
        yuan: fc.oneof(fc.integer({ min: 1, max: 50 }), fc.integer({ min: 100, max: 8_000 })),
        dueDelta: fc.option(fc.integer({ min: 0, max: 90 }), { freq: 2 }),
      }),
      { minLength: 1, maxLength: 12 },
    ),
  }),
  { minLength: 1, maxLength: 3 },
);

let serial = 0;
function importFile(kind: ImportKind, rows: readonly ImportRow[]): { kind: ImportKind; fileName: string; dataBase64: string } {
  const code = (r: ImportRow) => CUSTOMER_SETUP[r.customer].code;
  const lines =
    kind === 'invoices'
      ? ['单号,客户编码,日期,到期日,金额', ...rows.map((r) => `OI${serial++},${code(r)},${dayDate(r.day)},${r.dueDelta === null ? '' : dayDate(r.day + r.dueDelta)},${r.yuan}`)]
      : kind === 'receipts'
        ? ['单号,客户编码,日期,金额', ...rows.map((r) => `OR${serial++},${code(r)},${dayDate(r.day)},${r.yuan}`)]
        : // 期初: a negative amount is a prepayment.
          ['客户编码,日期,金额', ...rows.map((r, i) => `${code(r)},${dayDate(r.day)},${i % 3 === 2 ? -r.yuan : r.yuan}`)];
  return { kind, fileName: `${kind}.csv`, dataBase64: Buffer.from(lines.join('\n') + '\n', 'utf8').toString('base64') };
}

describe('a ledger import stores exactly what a fresh re-derivation gives', () => {
  it('every derived table, row by row, after back-dated imports on random histories', async () => {
    // Counts which replays the imports took (resumed at the earliest imported date, or the whole history).
    collectImportPhases();
    await fc.assert(
      fc.asyncProperty(historyArb, importArb, historyArb, async (before, imports, after) => {
        const t = await tempRuntime();
        try {
          const ids = await postHistory(t, before);
          for (const imp of imports) {
            const r = await t.rt.invoke<ImportCommitResult>('imports.commit', importFile(imp.kind, imp.rows));
            expect(r.report.imported).toBe(imp.rows.length);
            expect(derivedRows(t.rt.database().sqlite), 'right after the import').toEqual(await freshDerivation(t));
          }
          await postOps(t, ids, after);
          expect(derivedRows(t.rt.database().sqlite), 'after more postings').toEqual(await freshDerivation(t));
        } finally {
          t.cleanup();
        }
      }),
      { numRuns: RUNS, endOnFailure: true },
    );
    // Not vacuous: the resumed replay (shared/receivables/resume.ts) is what most imports take.
    const replays = takeImportPhases().replays;
    expect(replays?.resumed).toBeGreaterThan(0);
  }, 60_000 + RUNS * 20_000);

  it('an import dated before a prepayment was applied moves that allocation, and only the changed rows are written', async () => {
    const t = await tempRuntime();
    try {
      const [a] = await postHistory(t, []);
      // A prepayment of 1,000 on day 100, then an invoice on day 200 that it pays.
      await t.rt.invoke('ledger.postReceipt', { customerId: a, date: dayDate(100), amountFen: 100_000 });
      await t.rt.invoke('ledger.postInvoice', { customerId: a, date: dayDate(200), amountFen: 100_000, docNo: 'LATE' });
      // Imported: an invoice on day 150, which the prepayment now pays first (oldest debit when it arrives).
      await t.rt.invoke<ImportCommitResult>('imports.commit', importFile('invoices', [{ customer: 0, day: 150, yuan: 600, dueDelta: null }]));
      const db = t.rt.database().sqlite;
      const late = db.prepare(`SELECT open_fen FROM ar_documents WHERE doc_no = 'LATE'`).get() as { open_fen: number };
      expect(late.open_fen).toBe(60_000);
      expect(derivedRows(db)).toEqual(await freshDerivation(t));
    } finally {
      t.cleanup();
    }
  }, 30_000);
});
