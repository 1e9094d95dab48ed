import { sql, type Kysely } from 'kysely';

/**
 * Contracts (issue 4): contracts with their lines, payment schedule
 * (付款计划) and signed copies. The services check every rule first with a
 * clear message; these constraints are the second line that keeps a bug or a
 * hand-edited file from storing a contract whose parts disagree.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  const date = (col: string) => sql.raw(`${col} GLOB '[0-9][0-9][0-9][0-9]-[0-1][0-9]-[0-3][0-9]'`);
  const optionalDate = (col: string) => sql.raw(`${col} IS NULL OR ${col} GLOB '[0-9][0-9][0-9][0-9]-[0-1][0-9]-[0-3][0-9]'`);
  // An exact integer of fen (never a REAL: that would mean someone multiplied by 100).
  const fen = (col: string, min: number) =>
    sql.raw(`typeof(${col}) = 'integer' AND ${col} >= ${min} AND ${col} <= 99999999999999`);

  await db.schema
    .createTable('contracts')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('contract_no', 'text', (c) => c.notNull().check(sql`length(contract_no) BETWEEN 1 AND 40`))
    .addColumn('customer_id', 'text', (c) => c.notNull().references('customers.id'))
    .addColumn('title', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('kind', 'text', (c) => c.notNull().check(sql`kind IN ('sales', 'framework', 'annual')`))
    .addColumn('signed_on', 'text', (c) => c.check(optionalDate('signed_on')))
    .addColumn('starts_on', 'text', (c) => c.check(optionalDate('starts_on')))
    .addColumn('ends_on', 'text', (c) => c.check(optionalDate('ends_on')))
    .addColumn('amount_fen', 'integer', (c) => c.notNull().defaultTo(0).check(fen('amount_fen', 0)))
    // 1 = the amount was entered by hand (a framework agreement without lines); 0 = the sum of the lines.
    .addColumn('amount_manual', 'integer', (c) => c.notNull().defaultTo(0).check(sql`amount_manual IN (0, 1)`))
    .addColumn('status', 'text', (c) =>
      c.notNull().defaultTo('draft').check(sql`status IN ('draft', 'active', 'completed', 'terminated')`),
    )
    .addColumn('payment_terms', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('rebate_terms', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('notes', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('terminated_reason', 'text')
    // The last return to draft (contracts.reopen); every earlier one is in the audit log.
    .addColumn('reopened_at', 'text')
    .addColumn('reopen_reason', 'text')
    .addColumn('import_batch_id', 'text', (c) => c.references('import_batches.id'))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    // First activation: from then on the contract number is fixed (it is printed on the signed copy).
    .addColumn('activated_at', 'text')
    .addColumn('completed_at', 'text')
    .addColumn('terminated_at', 'text')
    .addCheckConstraint('contracts_period', sql`starts_on IS NULL OR ends_on IS NULL OR ends_on >= starts_on`)
    .addCheckConstraint('contracts_terminated_reason', sql`status <> 'terminated' OR length(trim(terminated_reason)) > 0`)
    .addCheckConstraint('contracts_active_since', sql`status <> 'active' OR activated_at IS NOT NULL`)
    .addCheckConstraint('contracts_manual_amount', sql`amount_manual = 0 OR kind = 'framework'`)
    .execute();
  // Numbers are unique ignoring case, like customer codes: ht202611-0001 and HT202611-0001 are one contract to a clerk.
  await sql`CREATE UNIQUE INDEX contracts_no ON contracts (contract_no COLLATE NOCASE)`.execute(db);
  await db.schema.createIndex('contracts_customer').on('contracts').columns(['customer_id', 'signed_on']).execute();
  await db.schema.createIndex('contracts_status_ends').on('contracts').columns(['status', 'ends_on']).execute();
  for (const col of ['signed_on', 'ends_on', 'updated_at', 'created_at', 'import_batch_id']) {
    await db.schema.createIndex(`contracts_${col}`).on('contracts').column(col).execute();
  }

  await db.schema
    .createTable('contract_lines')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('contract_id', 'text', (c) => c.notNull().references('contracts.id'))
    .addColumn('seq', 'integer', (c) => c.notNull().check(sql`seq >= 1`))
    .addColumn('product_id', 'text', (c) => c.references('products.id'))
    .addColumn('description', 'text', (c) => c.notNull().check(sql`length(trim(description)) > 0`))
    .addColumn('spec', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('unit', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('qty_thousandths', 'integer', (c) =>
      c.notNull().check(sql`typeof(qty_thousandths) = 'integer' AND qty_thousandths > 0`),
    )
    .addColumn('unit_price_fen', 'integer', (c) => c.notNull().check(fen('unit_price_fen', 0)))
    .addColumn('amount_fen', 'integer', (c) => c.notNull().check(fen('amount_fen', 0)))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await sql`CREATE UNIQUE INDEX contract_lines_seq ON contract_lines (contract_id, seq)`.execute(db);
  await db.schema.createIndex('contract_lines_product').on('contract_lines').column('product_id').execute();

  await db.schema
    .createTable('contract_installments')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('contract_id', 'text', (c) => c.notNull().references('contracts.id'))
    .addColumn('seq', 'integer', (c) => c.notNull().check(sql`seq >= 1`))
    .addColumn('label', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('due_on', 'text', (c) => c.notNull().check(date('due_on')))
    .addColumn('amount_fen', 'integer', (c) => c.notNull().check(fen('amount_fen', 1)))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await sql`CREATE UNIQUE INDEX contract_installments_seq ON contract_installments (contract_id, seq)`.execute(db);
  await db.schema.createIndex('contract_installments_due').on('contract_installments').column('due_on').execute();

  await db.schema
    .createTable('contract_attachments')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('contract_id', 'text', (c) => c.notNull().references('contracts.id'))
    // The bytes live in the content-addressed store; a removal never deletes them.
    .addColumn('sha256', 'text', (c) => c.notNull().references('stored_files.sha256'))
    .addColumn('file_name', 'text', (c) => c.notNull().check(sql`length(trim(file_name)) > 0`))
    .addColumn('size', 'integer', (c) => c.notNull().check(sql`size > 0`))
    .addColumn('mime', 'text', (c) => c.notNull().check(sql`mime IN ('application/pdf', 'image/jpeg', 'image/png')`))
    .addColumn('added_at', 'text', (c) => c.notNull())
    .addColumn('added_by', 'text', (c) => c.notNull())
    .addColumn('removed_at', 'text')
    .addColumn('removed_by', 'text')
    .addColumn('removed_reason', 'text')
    .addColumn('updated_at', 'text', (c) => c.notNull())
    // A removal always says why: the signed copy is evidence.
    .addCheckConstraint(
      'contract_attachments_removal',
      sql`removed_at IS NULL OR (length(trim(removed_reason)) > 0 AND removed_by IS NOT NULL)`,
    )
    .execute();
  await db.schema.createIndex('contract_attachments_contract').on('contract_attachments').columns(['contract_id', 'added_at']).execute();
  await db.schema.createIndex('contract_attachments_sha').on('contract_attachments').column('sha256').execute();
}
