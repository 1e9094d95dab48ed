import { sql, type Kysely } from 'kysely';

/**
 * Chunked imports (issue 11, point 3). A large import commits in short
 * transactions so that the office can keep saving meanwhile; its batch is
 * `committing` until the last chunk lands and `done` after. A batch left
 * `committing` by a crash is removed when the database is opened again.
 *
 * Who is committing (process and host) and when it last made progress is this
 * PC's own business, kept in a local table: another process opening the
 * database must not remove a batch that a live importer is still writing.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`ALTER TABLE import_batches ADD COLUMN status TEXT NOT NULL DEFAULT 'done'
    CHECK (status IN ('committing', 'done'))`.execute(db);
  await db.schema
    .createTable('import_commits')
    .addColumn('batch_id', 'text', (c) => c.primaryKey().references('import_batches.id'))
    .addColumn('owner_pid', 'integer', (c) => c.notNull())
    .addColumn('owner_host', 'text', (c) => c.notNull())
    .addColumn('heartbeat_at', 'text', (c) => c.notNull())
    .execute();

  // Posted documents are never deleted; the documents of a batch still committing were never
  // posted (the batch is all-or-nothing), so removing them after a crash is the rollback.
  await sql`DROP TRIGGER ar_documents_no_delete`.execute(db);
  await sql
    .raw(
      `CREATE TRIGGER ar_documents_no_delete BEFORE DELETE ON ar_documents
       WHEN NOT EXISTS (SELECT 1 FROM import_batches b WHERE b.id = OLD.import_batch_id AND b.status = 'committing')
       BEGIN SELECT RAISE(ABORT, '已过账的单据不能删除，请使用冲销'); END`,
    )
    .execute(db);
}
