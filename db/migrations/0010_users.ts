import { sql, type Kysely } from 'kysely';

/**
 * Users, roles, approvals and period close (issue 13).
 *
 * - users: the people who log in. Never deleted (the audit names them), only
 *   disabled. The password and recovery code are stored as scrypt PHC strings.
 * - login_throttle: failed logins per user name on THIS PC (local, not synced):
 *   the back-off protects the login screen, not the file.
 * - approvals: a pending request holds the exact call (method + canonical JSON
 *   payload + its sha256); the decision executes that payload, re-checked.
 * - lock_exceptions: a time-boxed permission from the boss to write one
 *   customer's documents dated on or before a closed or confirmed period.
 * - exception_reviews: the 已复核 tick on an exceptions-report line (the audit row).
 * - audit_log gains who was logged in (user_id), who authorized the act
 *   (authorized_by, approval_id) and the channel (ipc/http/cli/system).
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  const statements = [
    `CREATE TABLE users (
      id TEXT PRIMARY KEY,
      username TEXT NOT NULL COLLATE NOCASE UNIQUE CHECK (length(username) BETWEEN 1 AND 50),
      display_name TEXT NOT NULL CHECK (length(display_name) BETWEEN 1 AND 50),
      role TEXT NOT NULL CHECK (role IN ('boss', 'accountant', 'clerk', 'salesperson')),
      password_hash TEXT NOT NULL CHECK (password_hash LIKE 'scrypt$%'),
      must_change_password INTEGER NOT NULL DEFAULT 0 CHECK (must_change_password IN (0, 1)),
      recovery_code_hash TEXT CHECK (recovery_code_hash IS NULL OR recovery_code_hash LIKE 'scrypt$%'),
      disabled_at TEXT,
      created_at TEXT NOT NULL,
      updated_at TEXT NOT NULL
    )`,
    `CREATE TABLE login_throttle (
      username TEXT PRIMARY KEY COLLATE NOCASE,
      failures INTEGER NOT NULL CHECK (failures >= 0),
      locked_until TEXT
    ) WITHOUT ROWID`,
    `CREATE TABLE approvals (
      id TEXT PRIMARY KEY,
      method TEXT NOT NULL,
      payload TEXT NOT NULL CHECK (json_valid(payload)),
      payload_sha256 TEXT NOT NULL CHECK (length(payload_sha256) = 64),
      act TEXT NOT NULL,
      summary TEXT NOT NULL,
      customer_id TEXT,
      amount_fen INTEGER,
      reason TEXT NOT NULL CHECK (length(trim(reason)) > 0),
      requested_by TEXT NOT NULL REFERENCES users(id),
      requested_at TEXT NOT NULL,
      expires_at TEXT NOT NULL,
      status TEXT NOT NULL CHECK (status IN ('pending', 'approved', 'rejected', 'withdrawn', 'failed')),
      decided_by TEXT REFERENCES users(id),
      decided_at TEXT,
      decision_note TEXT NOT NULL DEFAULT '',
      CHECK ((status = 'pending') = (decided_at IS NULL))
    )`,
    `CREATE INDEX approvals_status ON approvals (status, requested_at)`,
    `CREATE TABLE lock_exceptions (
      id TEXT PRIMARY KEY,
      customer_id TEXT NOT NULL REFERENCES customers(id),
      through_date TEXT NOT NULL CHECK (through_date GLOB '[0-9][0-9][0-9][0-9]-[0-1][0-9]-[0-3][0-9]'),
      reason TEXT NOT NULL CHECK (length(trim(reason)) > 0),
      granted_by TEXT NOT NULL REFERENCES users(id),
      created_at TEXT NOT NULL,
      expires_at TEXT NOT NULL,
      revoked_at TEXT,
      revoked_by TEXT REFERENCES users(id),
      CHECK (expires_at > created_at)
    )`,
    `CREATE INDEX lock_exceptions_customer ON lock_exceptions (customer_id, expires_at)`,
    `CREATE TABLE exception_reviews (
      id TEXT PRIMARY KEY,
      audit_id TEXT NOT NULL UNIQUE REFERENCES audit_log(id),
      reviewed_by TEXT NOT NULL REFERENCES users(id),
      reviewed_at TEXT NOT NULL
    )`,
    `ALTER TABLE audit_log ADD COLUMN user_id TEXT`,
    `ALTER TABLE audit_log ADD COLUMN authorized_by TEXT`,
    `ALTER TABLE audit_log ADD COLUMN approval_id TEXT`,
    `ALTER TABLE audit_log ADD COLUMN channel TEXT`,
    `CREATE INDEX audit_log_at ON audit_log (at)`,
  ];
  for (const s of statements) await sql.raw(s).execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  for (const t of ['exception_reviews', 'lock_exceptions', 'approvals', 'login_throttle', 'users']) await sql.raw(`DROP TABLE ${t}`).execute(db);
}
