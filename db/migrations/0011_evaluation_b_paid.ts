import { sql, type Kysely } from 'kysely';

/**
 * Two small covering indexes for the scorecard's days to pay (receipts
 * allocated to invoices, electron/services/evaluation/periodFigures.ts), so the
 * per-allocation look-ups read a narrow index instead of the wide document rows:
 * - the invoices' kind and date by id (the debit side of each allocation);
 * - the credits that are not receipts (credit notes, write-offs, openings,
 *   voids: a few percent of the documents, so the index stays small and hot),
 *   probed for each allocation's credit instead of its wide document row.
 * Named to sort after 0011_evaluation (Kysely refuses a new migration that sorts
 * before one already run, and "0011_b_…" would sort before "0011_evaluation").
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`CREATE INDEX ar_documents_invoice_dates ON ar_documents (id, kind, doc_date) WHERE kind = 'invoice'`.execute(db);
  await sql`CREATE INDEX ar_documents_non_receipt_credits ON ar_documents (id, side, kind) WHERE side = 'credit' AND kind <> 'receipt'`.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`DROP INDEX ar_documents_non_receipt_credits`.execute(db);
  await sql`DROP INDEX ar_documents_invoice_dates`.execute(db);
}
