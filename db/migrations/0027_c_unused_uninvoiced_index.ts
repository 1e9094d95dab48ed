import { sql, type Kysely } from 'kysely';

/**
 * ar_documents_uninvoiced (0004: doc_date of invoices with no VAT invoice
 * number) is never read: the only query it was made for, the 未开票发货
 * list (ledger/documentLists.ts uninvoicedShipments), is built with Kysely,
 * which binds 'invoice' and '' as parameters, and SQLite uses a partial index
 * only for literal terms; its plans seek ar_documents_kind_no or the
 * customer's replay index instead (EXPLAIN QUERY PLAN of every statement the
 * integration tests prepare: no plan names it). It still cost a write for
 * every imported invoice (issue 17 point 4) and for every VAT number entered.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`DROP INDEX ar_documents_uninvoiced`.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`CREATE INDEX ar_documents_uninvoiced ON ar_documents (doc_date) WHERE kind = 'invoice' AND vat_invoice_no = ''`.execute(db);
}
