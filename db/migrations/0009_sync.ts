import { sql, type Kysely } from 'kysely';

/**
 * LAN-share sync (issue 12). Every table here is this PC's own bookkeeping
 * of the sync and never travels itself (listed in `localTables`):
 *
 * - sync_changes: the outbox. Capture triggers (db/sync/capture.ts, created
 *   at open from the sync registry) write one row per changed field in the
 *   same transaction as the write. `id` is a local order only (rowid).
 * - sync_winners: per (table, key, column) the newest change by hybrid
 *   logical clock and its value: the last-writer-wins register of every
 *   field of a `fields` table. Keeping the value (not only the stamp) lets a
 *   row deleted and re-created on another PC be rebuilt from its fields.
 * - sync_segments: this PC's published segments: which outbox rows each
 *   holds and the causal vector it depends on, fixed before the file is
 *   written, so a crash mid-publish rewrites identical bytes.
 * - sync_cursors: how far each other PC's log is applied.
 * - sync_rejects: remote changes the local constraints refused (reported).
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`CREATE TABLE sync_changes (
    id INTEGER PRIMARY KEY,
    hlc TEXT NOT NULL,
    tbl TEXT NOT NULL,
    pk TEXT NOT NULL,
    col TEXT NOT NULL,
    val
  )`.execute(db);
  await sql`CREATE TABLE sync_winners (
    tbl TEXT NOT NULL,
    pk TEXT NOT NULL,
    col TEXT NOT NULL,
    hlc TEXT NOT NULL,
    val,
    PRIMARY KEY (tbl, pk, col)
  ) WITHOUT ROWID`.execute(db);
  // A local field change is always the newest this PC has seen (the clock moves past every remote stamp).
  await sql`CREATE TRIGGER sync_changes_winner AFTER INSERT ON sync_changes WHEN NEW.col <> '*'
    BEGIN
      INSERT INTO sync_winners (tbl, pk, col, hlc, val) VALUES (NEW.tbl, NEW.pk, NEW.col, NEW.hlc, NEW.val)
      ON CONFLICT (tbl, pk, col) DO UPDATE SET hlc = excluded.hlc, val = excluded.val WHERE excluded.hlc > sync_winners.hlc;
    END`.execute(db);
  await sql`CREATE TABLE sync_segments (
    device TEXT NOT NULL,
    seq INTEGER NOT NULL,
    first_change INTEGER NOT NULL,
    last_change INTEGER NOT NULL,
    deps TEXT NOT NULL,
    file TEXT,
    PRIMARY KEY (device, seq)
  ) WITHOUT ROWID`.execute(db);
  await sql`CREATE TABLE sync_cursors (
    device TEXT PRIMARY KEY,
    seq INTEGER NOT NULL DEFAULT 0,
    last_hlc TEXT NOT NULL DEFAULT '',
    changes INTEGER NOT NULL DEFAULT 0,
    updated_at TEXT NOT NULL DEFAULT ''
  )`.execute(db);
  await sql`CREATE TABLE sync_rejects (
    device TEXT NOT NULL,
    seq INTEGER NOT NULL,
    tbl TEXT NOT NULL,
    pk TEXT NOT NULL,
    message TEXT NOT NULL,
    PRIMARY KEY (device, seq, tbl, pk)
  ) WITHOUT ROWID`.execute(db);
}
