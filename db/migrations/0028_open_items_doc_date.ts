import { sql, type Kysely } from 'kysely';

/**
 * The open-items index also holds each open debit's document date, so the
 * aging report as of today (nothing dated later) reads every customer's
 * open debits from this index alone on either basis — the due date for
 * 逾期账龄, the document date for 账龄 — instead of walking the open spans
 * month by month (aging/currentFigures.ts). The index only holds open
 * debits (a few percent of the documents), so the wider entry costs the
 * writers almost nothing; the queries that named it keep working with the
 * same leading columns.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`DROP INDEX ar_documents_open`.execute(db);
  await sql`CREATE INDEX ar_documents_open ON ar_documents (customer_id, due_on, open_fen, doc_date) WHERE open_fen > 0`.execute(db);
}
