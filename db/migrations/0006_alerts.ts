import { sql, type Kysely } from 'kysely';

/**
 * Alert acknowledgements (issue 7, DESIGN §3 alert_acks). Alerts themselves
 * are computed, never stored; this table remembers, per alert key, the last
 * snooze (until a date) or acknowledgement (with a note), who did it and
 * when, and the alert's severity and facts at that moment — the snapshot a
 * later computation compares with to bring the alert back when it got worse.
 * One row per key: a new snooze or acknowledgement replaces the row; the
 * audit log keeps every earlier one.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  const isoDate = (col: string) => `${col} GLOB '[0-9][0-9][0-9][0-9]-[0-1][0-9]-[0-3][0-9]'`;
  await sql
    .raw(
      `CREATE TABLE alert_acks (
        alert_key TEXT PRIMARY KEY CHECK (length(alert_key) BETWEEN 3 AND 200),
        kind TEXT NOT NULL CHECK (kind IN ('overdue', 'credit_limit', 'installment_due', 'contract_expiring',
          'contract_ended_with_balance', 'follow_up_due', 'promise_broken', 'churn', 'statement_unconfirmed')),
        snoozed_until TEXT CHECK (snoozed_until IS NULL OR ${isoDate('snoozed_until')}),
        acknowledged INTEGER NOT NULL CHECK (acknowledged IN (0, 1)),
        note TEXT NOT NULL DEFAULT '',
        user TEXT NOT NULL,
        acked_on TEXT NOT NULL CHECK (${isoDate('acked_on')}),
        at TEXT NOT NULL,
        severity TEXT NOT NULL CHECK (severity IN ('info', 'warning', 'critical')),
        facts TEXT NOT NULL CHECK (json_valid(facts)),
        -- Either snoozed until a date, or acknowledged with a note; never neither, never both.
        CHECK ((acknowledged = 1) = (snoozed_until IS NULL)),
        CHECK (acknowledged = 0 OR length(trim(note)) > 0)
      ) WITHOUT ROWID`,
    )
    .execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`DROP TABLE alert_acks`.execute(db);
}
