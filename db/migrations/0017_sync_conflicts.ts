import { sql, type Kysely } from 'kysely';

/**
 * Uniqueness of synced rows becomes a post-merge check (issue 12, point 4).
 *
 * Two PCs offline can each create customer code C0100, the same customer
 * name or contract number, the same typed document number, or void the same
 * document. Under a UNIQUE index the second PC to apply would refuse the
 * other's row and the PCs would differ forever. So for synced tables those
 * indexes become plain ones (lookups stay fast); the services still refuse
 * a duplicate typed on this PC, and a duplicate that arrives by sync is kept
 * and shown as a sync conflict (electron/services/sync/conflicts.ts).
 *
 * ar_documents declared UNIQUE (kind, doc_no) in its table definition, which
 * no DROP INDEX removes: the table is rebuilt from its own stored definition
 * (SQLite's documented 12-step procedure), keeping every index and trigger
 * other migrations put on it.
 *
 * Also: customers.merged_into (the "merge into" resolution; an LWW field) and
 * customer_merges, the synced record of each merge that undo restores from.
 * The immutability trigger on ar_documents lets customer_id change only
 * between a merged customer and the one it was merged into.
 */
const UNIQUE_DOC_NO = /,\s*UNIQUE \(kind, doc_no\)\s*\)\s*$/;

const IMMUTABLE_TRIGGER = `CREATE TRIGGER ar_documents_immutable BEFORE UPDATE ON ar_documents
  WHEN OLD.id IS NOT NEW.id OR OLD.kind IS NOT NEW.kind
    OR (OLD.customer_id IS NOT NEW.customer_id AND NOT EXISTS (SELECT 1 FROM customers c
        WHERE (c.id = OLD.customer_id AND c.merged_into = NEW.customer_id) OR (c.id = NEW.customer_id AND c.merged_into = OLD.customer_id)))
    OR OLD.side IS NOT NEW.side OR OLD.doc_no IS NOT NEW.doc_no OR OLD.doc_date IS NOT NEW.doc_date
    OR OLD.due_on IS NOT NEW.due_on OR OLD.amount_fen IS NOT NEW.amount_fen OR OLD.contract_id IS NOT NEW.contract_id
    OR OLD.installment_id IS NOT NEW.installment_id OR OLD.method IS NOT NEW.method OR OLD.reference IS NOT NEW.reference
    OR OLD.bill_no IS NOT NEW.bill_no OR OLD.bill_maturity_on IS NOT NEW.bill_maturity_on OR OLD.note_type IS NOT NEW.note_type
    OR OLD.memo IS NOT NEW.memo OR OLD.voids_id IS NOT NEW.voids_id OR OLD.void_reason IS NOT NEW.void_reason
    OR OLD.original_date IS NOT NEW.original_date OR OLD.import_batch_id IS NOT NEW.import_batch_id
    OR OLD.created_at IS NOT NEW.created_at OR OLD.created_by IS NOT NEW.created_by
  BEGIN SELECT RAISE(ABORT, '已过账的单据不能修改，请冲销后重新录入'); END`;

async function rebuildDocumentsWithoutUniqueNumber(db: Kysely<unknown>): Promise<void> {
  const run = (s: string) => sql.raw(s).execute(db);
  const table = await sql<{ sql: string }>`SELECT sql FROM sqlite_master WHERE type = 'table' AND name = 'ar_documents'`.execute(db);
  const createSql = table.rows[0]?.sql ?? '';
  if (!UNIQUE_DOC_NO.test(createSql)) throw new Error('ar_documents 的表结构与预期不符（找不到 UNIQUE (kind, doc_no)）');
  // Everything else attached to the table (indexes, triggers of later migrations), to put back as it was.
  // Capture triggers are not kept: every open re-creates them from the registry.
  const attached = await sql<{ type: string; name: string; sql: string }>`SELECT type, name, sql FROM sqlite_master
    WHERE tbl_name = 'ar_documents' AND type IN ('index', 'trigger') AND sql IS NOT NULL AND name NOT LIKE 'sync_cap_%'`.execute(db);

  // Foreign keys off (only possible outside a transaction): the old table is dropped while other tables reference it.
  await run('PRAGMA foreign_keys = OFF');
  await run('PRAGMA legacy_alter_table = ON');
  await run('BEGIN IMMEDIATE');
  try {
    await run(createSql.replace(UNIQUE_DOC_NO, '\n      )').replace(/^CREATE TABLE ar_documents\b/, 'CREATE TABLE ar_documents_rebuilt'));
    await run('INSERT INTO ar_documents_rebuilt SELECT * FROM ar_documents');
    await run('DROP TABLE ar_documents');
    await run('ALTER TABLE ar_documents_rebuilt RENAME TO ar_documents');
    const indexes = attached.rows.filter((r) => r.type === 'index' && r.name !== 'ar_documents_voids_id');
    const triggers = attached.rows.filter((r) => r.type === 'trigger' && r.name !== 'ar_documents_immutable');
    for (const r of indexes) await run(r.sql);
    // Several voids of one document may arrive from different PCs: kept, the first counts (conflicts.ts).
    await run(`CREATE INDEX ar_documents_voids_id ON ar_documents (voids_id) WHERE voids_id IS NOT NULL`);
    // What the unique constraint's index did for the numbering lookups.
    await run(`CREATE INDEX ar_documents_kind_no ON ar_documents (kind, doc_no)`);
    for (const r of triggers) await run(r.sql);
    await run(IMMUTABLE_TRIGGER);
    const broken = await sql`PRAGMA foreign_key_check`.execute(db);
    if (broken.rows.length) throw new Error(`重建 ar_documents 后外键不一致（${broken.rows.length} 处）`);
    await run('COMMIT');
  } catch (e) {
    await run('ROLLBACK');
    throw e;
  } finally {
    await run('PRAGMA legacy_alter_table = OFF');
    await run('PRAGMA foreign_keys = ON');
  }
}

export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`ALTER TABLE customers ADD COLUMN merged_into TEXT`.execute(db);
  await rebuildDocumentsWithoutUniqueNumber(db);
  for (const s of [
    `DROP INDEX customers_code`,
    `CREATE INDEX customers_code ON customers (code COLLATE NOCASE)`,
    `DROP INDEX customers_active_name`,
    `CREATE INDEX customers_active_name ON customers (name) WHERE archived_at IS NULL`,
    `CREATE INDEX customers_tax_id ON customers (tax_id) WHERE tax_id <> ''`,
    `DROP INDEX contracts_no`,
    `CREATE INDEX contracts_no ON contracts (contract_no COLLATE NOCASE)`,
    // One row per merge; undo restores from it. "moved" lists the rows moved per table, "restore" what undo puts back.
    `CREATE TABLE customer_merges (
      id TEXT PRIMARY KEY,
      from_customer_id TEXT NOT NULL DEFAULT '',
      into_customer_id TEXT NOT NULL DEFAULT '',
      moved TEXT NOT NULL DEFAULT '{}',
      restore TEXT NOT NULL DEFAULT '{}',
      merged_at TEXT NOT NULL DEFAULT '',
      merged_by TEXT NOT NULL DEFAULT '',
      undone_at TEXT,
      undone_by TEXT
    )`,
    `CREATE INDEX customer_merges_from ON customer_merges (from_customer_id)`,
  ]) {
    await sql.raw(s).execute(db);
  }
}
