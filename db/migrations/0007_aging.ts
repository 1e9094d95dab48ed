import { sql, type Kysely } from 'kysely';

/**
 * Aging and the dashboard (issue 6). One covering index: documents by date
 * with what the date-window totals read — the kind (invoices for DSO,
 * receipts for collections), the side and the amount (the receivables
 * balance at each month-end of the DSO trend). Those totals span the last
 * ~15 months; through this index they are one sequential read grouped in
 * index order, instead of a table lookup per document (ar_documents_date
 * holds only the date).
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`CREATE INDEX ar_documents_day_amounts ON ar_documents (doc_date, kind, side, amount_fen)`.execute(db);
}
