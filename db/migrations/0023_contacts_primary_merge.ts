import { sql, type Kysely } from 'kysely';

/**
 * "One primary contact per customer" leaves the database (issue 12, point 4).
 *
 * Two PCs offline can each make a different contact the customer's primary
 * one. Under the UNIQUE partial index the second PC to apply would refuse the
 * other's change and the PCs would differ forever. The index becomes a plain
 * one; the contacts service still keeps one primary per customer on each PC,
 * and after a sync round the later choice wins on every PC
 * (electron/services/sync/doublePrimaries.ts).
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`DROP INDEX contacts_one_primary`.execute(db);
  await sql`CREATE INDEX contacts_primary ON contacts (customer_id) WHERE is_primary = 1`.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`DROP INDEX contacts_primary`.execute(db);
  await sql`CREATE UNIQUE INDEX contacts_one_primary ON contacts (customer_id) WHERE is_primary = 1`.execute(db);
}
