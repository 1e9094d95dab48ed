import { sql, type Kysely } from 'kysely';

/**
 * How far a running chunked import has got (issue 11 point 3): the writer
 * counts the rows it has committed in its import_commits row, in the same
 * transaction as each chunk, so every screen and API result can say
 * 导入进行中：已写入 X / Y 行 without counting documents. The batch's planned
 * row count is its `rows` from the start (the same number once it is done:
 * a batch is written whole or removed).
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`ALTER TABLE import_commits ADD COLUMN rows_written INTEGER NOT NULL DEFAULT 0 CHECK (rows_written >= 0)`.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`ALTER TABLE import_commits DROP COLUMN rows_written`.execute(db);
}
