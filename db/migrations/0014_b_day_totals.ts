import { sql, type Kysely } from 'kysely';

/**
 * The dashboard's per-day totals (issue 17): ar_day_totals holds, per
 * document date, the net of all documents (debits − credits, voids
 * included), the invoices and the receipts — what dashboard/dailyTotals.ts
 * used to sum over ~15 months of documents on every call (~400,000 index
 * rows on the large data set), now ~450 rows.
 *
 * Kept by a trigger rather than by the services: ledger documents are only
 * ever inserted (their amounts, kinds and dates are immutable and they are
 * never deleted, migration 0004), so adding each new document to its day is
 * the whole maintenance, and it holds for every path that inserts one —
 * posting, import, undo, bulk load and sync applying another PC's documents.
 * Derived and local to each PC (db/sync/syncedTables.ts).
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql
    .raw(
      `CREATE TABLE ar_day_totals (
        doc_date TEXT PRIMARY KEY,
        net_fen INTEGER NOT NULL,
        invoiced_fen INTEGER NOT NULL CHECK (invoiced_fen >= 0),
        received_fen INTEGER NOT NULL CHECK (received_fen >= 0),
        doc_count INTEGER NOT NULL CHECK (doc_count >= 0)
      ) WITHOUT ROWID`,
    )
    .execute(db);
  await sql
    .raw(
      `INSERT INTO ar_day_totals (doc_date, net_fen, invoiced_fen, received_fen, doc_count)
       SELECT doc_date, SUM(CASE WHEN side = 'debit' THEN amount_fen ELSE -amount_fen END),
         coalesce(SUM(CASE WHEN kind = 'invoice' THEN amount_fen END), 0),
         coalesce(SUM(CASE WHEN kind = 'receipt' THEN amount_fen END), 0), count(*)
       FROM ar_documents GROUP BY doc_date`,
    )
    .execute(db);
  await sql
    .raw(
      `CREATE TRIGGER ar_day_totals_add AFTER INSERT ON ar_documents BEGIN
         INSERT OR IGNORE INTO ar_day_totals (doc_date, net_fen, invoiced_fen, received_fen, doc_count) VALUES (NEW.doc_date, 0, 0, 0, 0);
         UPDATE ar_day_totals SET
           net_fen = net_fen + CASE WHEN NEW.side = 'debit' THEN NEW.amount_fen ELSE -NEW.amount_fen END,
           invoiced_fen = invoiced_fen + CASE WHEN NEW.kind = 'invoice' THEN NEW.amount_fen ELSE 0 END,
           received_fen = received_fen + CASE WHEN NEW.kind = 'receipt' THEN NEW.amount_fen ELSE 0 END,
           doc_count = doc_count + 1
         WHERE doc_date = NEW.doc_date;
       END`,
    )
    .execute(db);
}
