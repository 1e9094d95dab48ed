import { sql, type Kysely } from 'kysely';

/**
 * Which PCs have posted documents, in two index seeks (issue 17, alerts).
 *
 * The sync conflict credit_limit_passed needs a customer's live invoices
 * posted on two or more PCs (the device of each invoice's audit row). It
 * read, for every customer over the limit, every invoice with an audit
 * lookup each — most of the time of every alert computation on a large
 * ledger, also where only one PC has ever posted a document and no customer
 * can qualify. With (entity, device) indexed, min(device) and max(device)
 * of the document audit rows are one seek each: equal means at most one PC,
 * and the per-customer read is skipped (sync/conflicts.ts).
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`CREATE INDEX audit_log_entity_device ON audit_log (entity, device)`.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`DROP INDEX audit_log_entity_device`.execute(db);
}
