import { sql, type Kysely } from 'kysely';

/**
 * ar_day_totals (0014_b) assumed documents are never deleted, but a chunked
 * import that never finished (0008, issue 11) is removed document by document
 * at the next open. The day totals follow every delete here, so the
 * dashboard's per-day figures stay equal to the sums over the documents.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql
    .raw(
      `CREATE TRIGGER ar_day_totals_remove AFTER DELETE ON ar_documents BEGIN
         UPDATE ar_day_totals SET
           net_fen = net_fen - CASE WHEN OLD.side = 'debit' THEN OLD.amount_fen ELSE -OLD.amount_fen END,
           invoiced_fen = invoiced_fen - CASE WHEN OLD.kind = 'invoice' THEN OLD.amount_fen ELSE 0 END,
           received_fen = received_fen - CASE WHEN OLD.kind = 'receipt' THEN OLD.amount_fen ELSE 0 END,
           doc_count = doc_count - 1
         WHERE doc_date = OLD.doc_date;
       END`,
    )
    .execute(db);
}
