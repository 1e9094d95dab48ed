import { sql, type Kysely } from 'kysely';

/**
 * Covering indexes for two alert rules (issue 17, alerts for today).
 *
 * follow_up_due takes each interaction whose follow-up date has come and
 * keeps it when no later interaction of its customer exists, by (date, entry
 * time, id). Both indexes it walks lacked columns of that test, so every
 * candidate cost a table lookup and every later interaction another; with
 * them added the test is answered from the indexes (same names, same
 * leading columns: every other reader uses them as before).
 *
 * installment_due sums what each due installment's live invoices settled;
 * "live" (no void reverses it) needs the invoice's id, which the installment
 * index (0022) did not hold: one table lookup per invoice.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`DROP INDEX interactions_customer_date`.execute(db);
  await sql`CREATE INDEX interactions_customer_date ON interactions (customer_id, date, created_at, id)`.execute(db);
  await sql`DROP INDEX interactions_follow_up`.execute(db);
  await sql`CREATE INDEX interactions_follow_up ON interactions (next_follow_up, date, customer_id, created_at, id)`.execute(db);
  await sql`DROP INDEX ar_documents_installment`.execute(db);
  await sql`CREATE INDEX ar_documents_installment ON ar_documents (installment_id, kind, amount_fen, open_fen, id) WHERE installment_id IS NOT NULL`.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`DROP INDEX interactions_customer_date`.execute(db);
  await sql`CREATE INDEX interactions_customer_date ON interactions (customer_id, date, created_at)`.execute(db);
  await sql`DROP INDEX interactions_follow_up`.execute(db);
  await sql`CREATE INDEX interactions_follow_up ON interactions (next_follow_up)`.execute(db);
  await sql`DROP INDEX ar_documents_installment`.execute(db);
  await sql`CREATE INDEX ar_documents_installment ON ar_documents (installment_id, kind, amount_fen, open_fen) WHERE installment_id IS NOT NULL`.execute(db);
}
