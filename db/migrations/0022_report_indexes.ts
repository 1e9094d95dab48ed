import { sql, type Kysely } from 'kysely';

/**
 * Indexes for the reports as of any date (issue 17).
 *
 * Alerts for today: contract_ended_with_balance sums what each
 * ended contract's invoices still have open. It read, for every customer
 * with an ended contract and something owed, all of that customer's open
 * documents with a table lookup each (the open-items index holds neither
 * the contract nor the kind). This partial index holds only the open
 * contract invoices (a few hundred among a million documents), in contract
 * order with their open amounts: the outstanding of every contract is one
 * short covering read, grouped in index order. An index is derived, so it
 * is kept by SQLite on every path that writes open amounts, sync included.
 *
 * The dashboard lists the invoices and receipts voided within its window
 * (dashboard/dailyTotals.ts): the voids index (0004) now also holds what each
 * void reverses, so the original is reached through the customer's replay
 * index (customer, date, …, kind, amount) instead of a table lookup for the
 * void and another for its original — two random reads per void in a
 * million-row table.
 *
 * installment_due sums what each due installment's invoices have settled
 * (amount − open): the installment index (0004) now covers the kind and
 * both amounts, so that is read from the index, not one table row each.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`CREATE INDEX ar_documents_open_contract_invoices ON ar_documents (contract_id, open_fen)
    WHERE open_fen > 0 AND contract_id IS NOT NULL AND kind = 'invoice'`.execute(db);
  await sql`DROP INDEX ar_documents_voids`.execute(db);
  await sql`CREATE INDEX ar_documents_voids ON ar_documents (doc_date, original_date, customer_id, voids_id) WHERE kind = 'void'`.execute(db);
  await sql`DROP INDEX ar_documents_installment`.execute(db);
  await sql`CREATE INDEX ar_documents_installment ON ar_documents (installment_id, kind, amount_fen, open_fen) WHERE installment_id IS NOT NULL`.execute(db);
}
