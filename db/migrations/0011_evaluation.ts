import { sql, type Kysely } from 'kysely';

/**
 * Customer evaluation, visit plans and after-sales (issue 14):
 * - customers.layer (客户分层 重点/普通/潜在) beside the grade, and
 *   customers.visit_interval_days, the per-customer override of the visit plan;
 * - interactions.satisfaction, the 1–5 rating a visit can carry;
 * - after_sales_cases (售后与投诉) and after_sales_events, each case's timeline
 *   (insert-only: a status change or a note is a new row, never an edit);
 * - alert_acks rebuilt with a kind check that accepts any non-empty kind: the
 *   list of kinds lives in shared/alerts/kinds.ts (validated by the service),
 *   so a new alert rule no longer needs a table rebuild.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  const isoDate = (col: string) => `${col} GLOB '[0-9][0-9][0-9][0-9]-[0-1][0-9]-[0-3][0-9]'`;
  await sql.raw(`ALTER TABLE customers ADD COLUMN layer TEXT CHECK (layer IS NULL OR layer IN ('key', 'ordinary', 'potential'))`).execute(db);
  await sql
    .raw(
      `ALTER TABLE customers ADD COLUMN visit_interval_days INTEGER
        CHECK (visit_interval_days IS NULL OR (typeof(visit_interval_days) = 'integer' AND visit_interval_days BETWEEN 1 AND 3650))`,
    )
    .execute(db);
  await sql`CREATE INDEX customers_layer ON customers (layer)`.execute(db);
  await sql
    .raw(`ALTER TABLE interactions ADD COLUMN satisfaction INTEGER CHECK (satisfaction IS NULL OR (typeof(satisfaction) = 'integer' AND satisfaction BETWEEN 1 AND 5))`)
    .execute(db);
  // Visit plans read each customer's latest T/E/M interaction.
  await sql`CREATE INDEX interactions_visits ON interactions (customer_id, date) WHERE channel IN ('T', 'E', 'M')`.execute(db);

  await sql
    .raw(
      `CREATE TABLE after_sales_cases (
        id TEXT PRIMARY KEY,
        case_no TEXT NOT NULL CHECK (length(case_no) BETWEEN 1 AND 30),
        customer_id TEXT NOT NULL REFERENCES customers(id),
        type TEXT NOT NULL CHECK (type IN ('quality', 'delivery', 'billing', 'service', 'other')),
        product_id TEXT REFERENCES products(id),
        contract_id TEXT REFERENCES contracts(id),
        description TEXT NOT NULL CHECK (length(trim(description)) > 0),
        received_on TEXT NOT NULL CHECK (${isoDate('received_on')}),
        promised_on TEXT NOT NULL CHECK (${isoDate('promised_on')}),
        owner TEXT NOT NULL DEFAULT '',
        status TEXT NOT NULL CHECK (status IN ('open', 'in_progress', 'resolved', 'closed')),
        resolution TEXT NOT NULL DEFAULT '',
        feedback TEXT NOT NULL DEFAULT '',
        credit_note_id TEXT REFERENCES ar_documents(id),
        resolved_on TEXT CHECK (resolved_on IS NULL OR ${isoDate('resolved_on')}),
        closed_on TEXT CHECK (closed_on IS NULL OR ${isoDate('closed_on')}),
        created_at TEXT NOT NULL,
        updated_at TEXT NOT NULL,
        -- A promise to answer is never before the complaint arrived.
        CHECK (promised_on >= received_on)
      )`,
    )
    .execute(db);
  await sql`CREATE UNIQUE INDEX after_sales_cases_no ON after_sales_cases (case_no COLLATE NOCASE)`.execute(db);
  await sql`CREATE INDEX after_sales_cases_customer ON after_sales_cases (customer_id, received_on)`.execute(db);
  await sql`CREATE INDEX after_sales_cases_open ON after_sales_cases (status, promised_on)`.execute(db);
  await sql`CREATE INDEX after_sales_cases_received ON after_sales_cases (received_on)`.execute(db);

  await sql
    .raw(
      `CREATE TABLE after_sales_events (
        id TEXT PRIMARY KEY,
        case_id TEXT NOT NULL REFERENCES after_sales_cases(id),
        customer_id TEXT NOT NULL REFERENCES customers(id),
        on_date TEXT NOT NULL CHECK (${isoDate('on_date')}),
        at TEXT NOT NULL,
        user TEXT NOT NULL,
        action TEXT NOT NULL CHECK (action IN ('created', 'status', 'note', 'credit_note', 'edited')),
        from_status TEXT,
        to_status TEXT,
        note TEXT NOT NULL DEFAULT ''
      )`,
    )
    .execute(db);
  await sql`CREATE INDEX after_sales_events_case ON after_sales_events (case_id, at)`.execute(db);
  await sql`CREATE INDEX after_sales_events_customer ON after_sales_events (customer_id, on_date)`.execute(db);

  // alert_acks with an open kind list (see above); rows copied as they are.
  await sql
    .raw(
      `CREATE TABLE alert_acks_new (
        alert_key TEXT PRIMARY KEY CHECK (length(alert_key) BETWEEN 3 AND 200),
        kind TEXT NOT NULL CHECK (length(kind) BETWEEN 1 AND 60),
        snoozed_until TEXT CHECK (snoozed_until IS NULL OR ${isoDate('snoozed_until')}),
        acknowledged INTEGER NOT NULL CHECK (acknowledged IN (0, 1)),
        note TEXT NOT NULL DEFAULT '',
        user TEXT NOT NULL,
        acked_on TEXT NOT NULL CHECK (${isoDate('acked_on')}),
        at TEXT NOT NULL,
        severity TEXT NOT NULL CHECK (severity IN ('info', 'warning', 'critical')),
        facts TEXT NOT NULL CHECK (json_valid(facts)),
        CHECK ((acknowledged = 1) = (snoozed_until IS NULL)),
        CHECK (acknowledged = 0 OR length(trim(note)) > 0)
      ) WITHOUT ROWID`,
    )
    .execute(db);
  await sql`INSERT INTO alert_acks_new SELECT alert_key, kind, snoozed_until, acknowledged, note, user, acked_on, at, severity, facts FROM alert_acks`.execute(db);
  await sql`DROP TABLE alert_acks`.execute(db);
  await sql`ALTER TABLE alert_acks_new RENAME TO alert_acks`.execute(db);
}
