import { sql, type Kysely } from 'kysely';

/**
 * The customer file (issue 3): customers, contacts, interactions, products,
 * and the generic import batch register later imports reuse. Services check
 * every rule first with a clear message; these constraints are the second
 * line that keeps a bug (or a hand-edited file) from storing nonsense.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  const isoDate = (col: string) => sql.raw(`${col} GLOB '[0-9][0-9][0-9][0-9]-[0-1][0-9]-[0-3][0-9]'`);
  const optionalDate = (col: string) => sql.raw(`${col} IS NULL OR ${col} GLOB '[0-9][0-9][0-9][0-9]-[0-1][0-9]-[0-3][0-9]'`);
  // Money must be an exact integer of fen: a REAL here would mean someone multiplied by 100.
  const fen = (col: string, min: number) =>
    sql.raw(`${col} IS NULL OR (typeof(${col}) = 'integer' AND ${col} >= ${min} AND ${col} <= 99999999999999)`);

  await db.schema
    .createTable('import_batches')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('kind', 'text', (c) => c.notNull().check(sql`length(kind) > 0`))
    .addColumn('file_name', 'text', (c) => c.notNull())
    .addColumn('rows', 'integer', (c) => c.notNull().check(sql`rows >= 0`))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('user', 'text', (c) => c.notNull())
    .addColumn('undone_at', 'text')
    .addColumn('undo_reason', 'text')
    // An undo always says why (it removes records someone imported on purpose).
    .addCheckConstraint('import_batches_undo_reason', sql`undone_at IS NULL OR length(undo_reason) > 0`)
    .execute();
  await db.schema.createIndex('import_batches_kind').on('import_batches').columns(['kind', 'created_at']).execute();

  await db.schema
    .createTable('customers')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('code', 'text', (c) => c.notNull().check(sql`length(code) BETWEEN 1 AND 30`))
    .addColumn('name', 'text', (c) => c.notNull().check(sql`length(trim(name)) > 0`))
    .addColumn('short_name', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('pinyin', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('sort_key', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('kind', 'text', (c) => c.check(sql`kind IS NULL OR kind IN ('distributor', 'retail', 'end_user', 'agent')`))
    .addColumn('grade', 'text', (c) => c.check(sql`grade IS NULL OR grade IN ('A', 'B', 'C', 'D')`))
    .addColumn('region', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('address', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('tax_id', 'text', (c) => c.notNull().defaultTo('').check(sql`tax_id = '' OR length(tax_id) = 18`))
    .addColumn('bank_name', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('bank_account', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('credit_limit_fen', 'integer', (c) => c.check(fen('credit_limit_fen', 0)))
    .addColumn('payment_term_days', 'integer', (c) =>
      c.check(sql`payment_term_days IS NULL OR (typeof(payment_term_days) = 'integer' AND payment_term_days BETWEEN 0 AND 3650)`),
    )
    .addColumn('salesperson', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('status', 'text', (c) => c.notNull().defaultTo('active').check(sql`status IN ('active', 'paused', 'closed')`))
    .addColumn('tags', 'text', (c) => c.notNull().defaultTo('[]').check(sql`json_valid(tags) AND json_type(tags) = 'array'`))
    .addColumn('notes', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('archived_at', 'text')
    .addColumn('import_batch_id', 'text', (c) => c.references('import_batches.id'))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  // Codes are unique ignoring case: C0001 and c0001 on two statements would be the same customer to a clerk.
  await sql`CREATE UNIQUE INDEX customers_code ON customers (code COLLATE NOCASE)`.execute(db);
  // Names are unique among the customers in use; an archived namesake may remain (a closed branch, a re-founded company).
  await sql`CREATE UNIQUE INDEX customers_active_name ON customers (name) WHERE archived_at IS NULL`.execute(db);
  for (const col of ['sort_key', 'grade', 'kind', 'region', 'salesperson', 'status', 'updated_at', 'created_at', 'import_batch_id']) {
    await db.schema.createIndex(`customers_${col}`).on('customers').column(col).execute();
  }

  await db.schema
    .createTable('contacts')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('customer_id', 'text', (c) => c.notNull().references('customers.id'))
    .addColumn('name', 'text', (c) => c.notNull().check(sql`length(trim(name)) > 0`))
    .addColumn('title', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('mobile', 'text', (c) => c.notNull().defaultTo('').check(sql`mobile = '' OR (length(mobile) = 11 AND mobile GLOB '1[3-9][0-9]*' AND mobile NOT GLOB '*[^0-9]*')`))
    .addColumn('phone', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('email', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('wechat', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('is_primary', 'integer', (c) => c.notNull().defaultTo(0).check(sql`is_primary IN (0, 1)`))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('contacts_customer').on('contacts').columns(['customer_id', 'is_primary']).execute();
  await sql`CREATE UNIQUE INDEX contacts_one_primary ON contacts (customer_id) WHERE is_primary = 1`.execute(db);

  await db.schema
    .createTable('interactions')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('customer_id', 'text', (c) => c.notNull().references('customers.id'))
    .addColumn('date', 'text', (c) => c.notNull().check(isoDate('date')))
    .addColumn('channel', 'text', (c) => c.notNull().check(sql`channel IN ('T', 'E', 'M', 'O')`))
    .addColumn('summary', 'text', (c) => c.notNull().check(sql`length(trim(summary)) > 0`))
    .addColumn('promise_date', 'text', (c) => c.check(optionalDate('promise_date')))
    .addColumn('promise_amount_fen', 'integer', (c) => c.check(fen('promise_amount_fen', 1)))
    .addColumn('next_follow_up', 'text', (c) => c.check(optionalDate('next_follow_up')))
    .addColumn('user', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    // A promise to pay is a date and an amount together.
    .addCheckConstraint('interactions_promise_pair', sql`(promise_date IS NULL) = (promise_amount_fen IS NULL)`)
    .execute();
  await db.schema.createIndex('interactions_customer_date').on('interactions').columns(['customer_id', 'date', 'created_at']).execute();
  await db.schema.createIndex('interactions_date').on('interactions').column('date').execute();
  await db.schema.createIndex('interactions_follow_up').on('interactions').column('next_follow_up').execute();
  await db.schema.createIndex('interactions_promise').on('interactions').column('promise_date').execute();

  await db.schema
    .createTable('products')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('code', 'text', (c) => c.notNull().check(sql`length(code) BETWEEN 1 AND 30`))
    .addColumn('name', 'text', (c) => c.notNull().check(sql`length(trim(name)) > 0`))
    .addColumn('pinyin', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('spec', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('unit', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('default_price_fen', 'integer', (c) => c.check(fen('default_price_fen', 0)))
    .addColumn('archived_at', 'text')
    .addColumn('import_batch_id', 'text', (c) => c.references('import_batches.id'))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await sql`CREATE UNIQUE INDEX products_code ON products (code COLLATE NOCASE)`.execute(db);
  await db.schema.createIndex('products_name').on('products').column('name').execute();
  await db.schema.createIndex('products_import_batch').on('products').column('import_batch_id').execute();
}
