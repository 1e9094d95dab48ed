import { sql, type Kysely } from 'kysely';

/**
 * The voids index also holds each void's own id (issue 17, dashboard).
 *
 * The dashboard lists the invoices and receipts voided within its window
 * and leaves out a void that is itself voided (a neutralised second void
 * from another PC, dashboard/dailyTotals.ts). That test needs the void's id,
 * which the index (0022) did not hold: one table lookup per void of the
 * window, a third of the dashboard on a million-document ledger. With the id
 * the read is covering. The other readers (crossing voids, evaluation
 * figures) read its leading columns as before.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`DROP INDEX ar_documents_voids`.execute(db);
  await sql`CREATE INDEX ar_documents_voids ON ar_documents (doc_date, original_date, customer_id, voids_id, id) WHERE kind = 'void'`.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`DROP INDEX ar_documents_voids`.execute(db);
  await sql`CREATE INDEX ar_documents_voids ON ar_documents (doc_date, original_date, customer_id, voids_id) WHERE kind = 'void'`.execute(db);
}
