import { sql, type Kysely } from 'kysely';

/**
 * The two rebate alert kinds (issue 15: rebate_near_tier, rebate_unsettled)
 * join alert_acks' kind check, so their alerts can be snoozed and
 * acknowledged. SQLite cannot alter a CHECK: the table is rebuilt with the
 * same columns and rows (migration 0006's definition plus the two kinds).
 */
const KINDS = [
  'overdue',
  'credit_limit',
  'installment_due',
  'contract_expiring',
  'contract_ended_with_balance',
  'follow_up_due',
  'promise_broken',
  'churn',
  'statement_unconfirmed',
  'rebate_near_tier',
  'rebate_unsettled',
];

export async function up(db: Kysely<unknown>): Promise<void> {
  const isoDate = (col: string) => `${col} GLOB '[0-9][0-9][0-9][0-9]-[0-1][0-9]-[0-3][0-9]'`;
  await sql
    .raw(
      `CREATE TABLE alert_acks_new (
        alert_key TEXT PRIMARY KEY CHECK (length(alert_key) BETWEEN 3 AND 200),
        kind TEXT NOT NULL CHECK (kind IN (${KINDS.map((k) => `'${k}'`).join(', ')})),
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

export async function down(): Promise<void> {
  // Rebuilding back would drop acknowledgements of the rebate kinds; left as is.
}
