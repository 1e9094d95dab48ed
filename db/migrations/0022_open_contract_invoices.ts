import { sql, type Kysely } from 'kysely';

/**
 * Alerts for today (issue 17): contract_ended_with_balance sums what each
 * ended contract's invoices still have open. It read, for every customer
 * with an ended contract and something owed, all of that customer's open
 * documents with a table lookup each (the open-items index holds neither
 * the contract nor the kind). This partial index holds only the open
 * contract invoices (a few hundred among a million documents), in contract
 * order with their open amounts: the outstanding of every contract is one
 * short covering read, grouped in index order. An index is derived, so it
 * is kept by SQLite on every path that writes open amounts, sync included.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`CREATE INDEX ar_documents_open_contract_invoices ON ar_documents (contract_id, open_fen)
    WHERE open_fen > 0 AND contract_id IS NOT NULL AND kind = 'invoice'`.execute(db);
}
