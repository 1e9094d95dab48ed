import { sql, type Kysely } from 'kysely';

/**
 * The per-day totals (0014_b) of a chunked import are added once per date
 * and chunk by the import itself (electron/services/imports/dayTotalsDelta.ts)
 * instead of by the insert trigger, which ran two statements per document
 * (~10% of the cost of writing 100,000 imported invoices, issue 17 point 4).
 *
 * The trigger skips exactly the documents of a batch that this PC is writing
 * in chunks right now: their batch has a row in import_commits (local to the
 * PC, written in the batch row's transaction, removed in the final one), and
 * only the chunked import inserts documents under such a batch. Every other
 * insert — posting, voids, an import's undo, the bulk loader, documents of
 * another PC's batch arriving by sync (no import_commits row here) — still
 * adds itself here, one row at a time. The delete trigger (0015) is
 * unchanged: a discarded batch subtracts its documents one by one, which
 * equals what the import added for them in the same transactions.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`DROP TRIGGER ar_day_totals_add`.execute(db);
  await sql
    .raw(
      `CREATE TRIGGER ar_day_totals_add AFTER INSERT ON ar_documents
       WHEN NEW.import_batch_id IS NULL OR NOT EXISTS (SELECT 1 FROM import_commits c WHERE c.batch_id = NEW.import_batch_id)
       BEGIN
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
