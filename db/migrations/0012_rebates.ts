import { sql, type Kysely } from 'kysely';

/**
 * Sales targets and rebates (任务目标与返利, issue 15).
 *
 * rebate_targets: one row per contract and period (month, quarter, year or
 * custom dates inside the contract's term) with its target, basis and the
 * rebate policy that applies to it (tiers as JSON, mode, cap, on-time rate).
 * A target is master data: edited field by field, removed by stamping
 * removed_at (never deleted, settlements refer to it).
 *
 * rebate_settlements: one row per posted settlement or adjusting settlement.
 * The money itself is the ledger document it names (a 返利 credit note, or a
 * refund for a negative adjustment); the row keeps the figures of the sheet.
 * Rows are insert-only; `active_key` is derived: it is the target id while
 * the period's settlement stands, and a trigger clears it when the document
 * is voided (which reopens the period). The unique index on it is the second
 * line behind the service: one standing settlement per target.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  const isoDate = (col: string) => `${col} GLOB '[0-9][0-9][0-9][0-9]-[0-1][0-9]-[0-3][0-9]'`;
  const fen = (col: string, min: number) => `(typeof(${col}) = 'integer' AND ${col} >= ${min} AND ${col} <= 99999999999999)`;

  await sql
    .raw(
      `CREATE TABLE rebate_targets (
        id TEXT PRIMARY KEY,
        contract_id TEXT NOT NULL REFERENCES contracts (id),
        period_kind TEXT NOT NULL CHECK (period_kind IN ('month', 'quarter', 'year', 'custom')),
        period_from TEXT NOT NULL CHECK (${isoDate('period_from')}),
        period_to TEXT NOT NULL CHECK (${isoDate('period_to')}),
        basis TEXT NOT NULL CHECK (basis IN ('sales', 'collections')),
        on_time_only INTEGER NOT NULL DEFAULT 0 CHECK (on_time_only IN (0, 1)),
        contract_line_id TEXT REFERENCES contract_lines (id),
        target_fen INTEGER NOT NULL CHECK (${fen('target_fen', 1)}),
        mode TEXT NOT NULL CHECK (mode IN ('whole', 'banded')),
        tiers TEXT NOT NULL CHECK (json_valid(tiers) AND json_array_length(tiers) >= 1),
        cap_fen INTEGER CHECK (cap_fen IS NULL OR ${fen('cap_fen', 1)}),
        on_time_rate_ppm INTEGER CHECK (on_time_rate_ppm IS NULL OR (on_time_rate_ppm BETWEEN 1 AND 1000000)),
        notes TEXT NOT NULL DEFAULT '',
        import_batch_id TEXT REFERENCES import_batches (id),
        removed_at TEXT,
        created_at TEXT NOT NULL,
        updated_at TEXT NOT NULL,
        CHECK (period_from <= period_to),
        CHECK (on_time_only = 0 OR basis = 'collections')
      )`,
    )
    .execute(db);
  await sql`CREATE UNIQUE INDEX rebate_targets_period ON rebate_targets
    (contract_id, period_from, period_to, ifnull(contract_line_id, '')) WHERE removed_at IS NULL`.execute(db);
  await sql`CREATE INDEX rebate_targets_to ON rebate_targets (period_to) WHERE removed_at IS NULL`.execute(db);
  await sql`CREATE INDEX rebate_targets_import_batch ON rebate_targets (import_batch_id) WHERE import_batch_id IS NOT NULL`.execute(db);

  await sql
    .raw(
      `CREATE TABLE rebate_settlements (
        id TEXT PRIMARY KEY,
        target_id TEXT NOT NULL REFERENCES rebate_targets (id),
        contract_id TEXT NOT NULL REFERENCES contracts (id),
        customer_id TEXT NOT NULL REFERENCES customers (id),
        period_from TEXT NOT NULL CHECK (${isoDate('period_from')}),
        period_to TEXT NOT NULL CHECK (${isoDate('period_to')}),
        kind TEXT NOT NULL CHECK (kind IN ('settlement', 'adjustment')),
        payout TEXT NOT NULL CHECK (payout IN ('credit', 'cash')),
        document_id TEXT NOT NULL UNIQUE REFERENCES ar_documents (id),
        refund_id TEXT REFERENCES ar_documents (id),
        amount_fen INTEGER NOT NULL CHECK (typeof(amount_fen) = 'integer' AND amount_fen <> 0),
        base_fen INTEGER NOT NULL,
        earned_fen INTEGER NOT NULL,
        figures TEXT NOT NULL CHECK (json_valid(figures)),
        settled_on TEXT NOT NULL CHECK (${isoDate('settled_on')} AND settled_on > period_to),
        active_key TEXT UNIQUE,
        created_at TEXT NOT NULL,
        created_by TEXT NOT NULL,
        CHECK (kind = 'adjustment' OR amount_fen > 0),
        CHECK (payout = 'credit' OR refund_id IS NOT NULL OR amount_fen < 0)
      )`,
    )
    .execute(db);
  await sql`CREATE INDEX rebate_settlements_target ON rebate_settlements (target_id)`.execute(db);
  await sql
    .raw(
      `CREATE TRIGGER rebate_settlements_immutable BEFORE UPDATE ON rebate_settlements
       WHEN OLD.id IS NOT NEW.id OR OLD.target_id IS NOT NEW.target_id OR OLD.document_id IS NOT NEW.document_id
         OR OLD.amount_fen IS NOT NEW.amount_fen OR OLD.kind IS NOT NEW.kind OR OLD.figures IS NOT NEW.figures
         OR OLD.settled_on IS NOT NEW.settled_on OR (NEW.active_key IS NOT NULL AND OLD.active_key IS NOT NEW.active_key)
       BEGIN SELECT RAISE(ABORT, '返利结算已过账，不能修改；请冲销其单据后重新结算'); END`,
    )
    .execute(db);
  await sql
    .raw(
      `CREATE TRIGGER rebate_settlements_no_delete BEFORE DELETE ON rebate_settlements
       BEGIN SELECT RAISE(ABORT, '返利结算不能删除，请冲销其单据'); END`,
    )
    .execute(db);
  // Voiding a settlement's document reopens its period: the derived key is cleared in the same statement.
  await sql
    .raw(
      `CREATE TRIGGER rebate_settlements_reopen AFTER INSERT ON ar_documents WHEN NEW.kind = 'void'
       BEGIN UPDATE rebate_settlements SET active_key = NULL WHERE document_id = NEW.voids_id AND active_key IS NOT NULL; END`,
    )
    .execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`DROP TRIGGER rebate_settlements_reopen`.execute(db);
  await sql`DROP TABLE rebate_settlements`.execute(db);
  await sql`DROP TABLE rebate_targets`.execute(db);
}
