import { sql, type Kysely } from 'kysely';

/**
 * Per-product-line rebate targets (issue 15 point 1) need to know which
 * contract line an invoice ships: ar_documents gets an optional
 * contract_line_id. Only an invoice posted against a contract may carry one,
 * and the line must belong to that contract (a trigger, since a CHECK cannot
 * read another table); like every other field of a posted document it never
 * changes afterwards (the immutability trigger of 0004 predates the column, so
 * a second trigger guards it).
 *
 * Credit notes get no line of their own: a 退货/折让 note names its line the
 * way it names its contract, by the invoices it pays (its allocation).
 * rebate_targets.contract_line_id already exists (0012).
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`ALTER TABLE ar_documents ADD COLUMN contract_line_id TEXT REFERENCES contract_lines (id)`.execute(db);
  await sql`CREATE INDEX ar_documents_contract_line ON ar_documents (contract_line_id) WHERE contract_line_id IS NOT NULL`.execute(db);
  // A contract's invoices with what the rebate base reads of them (date, line, amount, due date), so the
  // 返利 list of 3,000 contracts sums each target's invoices from the index alone.
  await sql`CREATE INDEX ar_documents_contract_invoices ON ar_documents
    (contract_id, doc_date, contract_line_id, amount_fen, due_on, id) WHERE kind = 'invoice'`.execute(db);
  await sql
    .raw(
      `CREATE TRIGGER ar_documents_contract_line_check BEFORE INSERT ON ar_documents
       WHEN NEW.contract_line_id IS NOT NULL AND (NEW.kind <> 'invoice' OR NEW.contract_id IS NULL
         OR NOT EXISTS (SELECT 1 FROM contract_lines l WHERE l.id = NEW.contract_line_id AND l.contract_id = NEW.contract_id))
       BEGIN SELECT RAISE(ABORT, '合同行必须属于应收单所选的合同'); END`,
    )
    .execute(db);
  await sql
    .raw(
      `CREATE TRIGGER ar_documents_contract_line_immutable BEFORE UPDATE OF contract_line_id ON ar_documents
       WHEN OLD.contract_line_id IS NOT NEW.contract_line_id
       BEGIN SELECT RAISE(ABORT, '已过账的单据不能修改，请冲销后重新录入'); END`,
    )
    .execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`DROP TRIGGER ar_documents_contract_line_immutable`.execute(db);
  await sql`DROP TRIGGER ar_documents_contract_line_check`.execute(db);
  await sql`DROP INDEX ar_documents_contract_invoices`.execute(db);
  await sql`DROP INDEX ar_documents_contract_line`.execute(db);
  await sql`ALTER TABLE ar_documents DROP COLUMN contract_line_id`.execute(db);
}
