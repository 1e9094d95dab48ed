import { sql, type Kysely } from 'kysely';

/**
 * The statement register (对账单登记, issue 8, DESIGN §3).
 *
 * One row per generated PDF. Regenerating a statement for the same customer
 * and period inserts a new row and points the old one at it (superseded_by),
 * so what was printed and sent earlier stays on record. The PDF bytes live in
 * the content-addressed file store (stored_files): pdf_sha256 is the hash of
 * the exact bytes written, and file_path is where they are in the data dir.
 *
 * Status: generated -> sent -> confirmed (date) or disputed (note, the
 * customer's figure and the difference). A confirmed statement locks its
 * period for the customer (electron/services/statements/periodLock.ts);
 * a later override marks it affected (affected_at/affected_reason).
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  const isoDate = (col: string) => `${col} GLOB '[0-9][0-9][0-9][0-9]-[0-1][0-9]-[0-3][0-9]'`;
  const optionalDate = (col: string) => `(${col} IS NULL OR ${isoDate(col)})`;
  // Signed: a prepayment gives a negative balance. Same range as every stored amount.
  const signedFen = (col: string) => `(typeof(${col}) = 'integer' AND ${col} BETWEEN -99999999999999 AND 99999999999999)`;
  const sha = (col: string) => `(length(${col}) = 64 AND ${col} NOT GLOB '*[^0-9a-f]*')`;

  await sql
    .raw(
      `CREATE TABLE statements (
        id TEXT PRIMARY KEY,
        statement_no TEXT NOT NULL UNIQUE CHECK (statement_no GLOB 'DZ[0-9][0-9][0-9][0-9][0-1][0-9]-[0-9]*'),
        customer_id TEXT NOT NULL REFERENCES customers (id),
        period_from TEXT NOT NULL CHECK (${isoDate('period_from')}),
        period_to TEXT NOT NULL CHECK (${isoDate('period_to')}),
        opening_fen INTEGER NOT NULL CHECK (${signedFen('opening_fen')}),
        closing_fen INTEGER NOT NULL CHECK (${signedFen('closing_fen')}),
        debit_total_fen INTEGER NOT NULL CHECK (debit_total_fen >= 0),
        credit_total_fen INTEGER NOT NULL CHECK (credit_total_fen >= 0),
        line_count INTEGER NOT NULL CHECK (line_count >= 0),
        lines_sha256 TEXT NOT NULL CHECK (${sha('lines_sha256')}),
        verification_code TEXT NOT NULL CHECK (length(verification_code) = 9),
        pdf_sha256 TEXT NOT NULL REFERENCES stored_files (sha256) CHECK (${sha('pdf_sha256')}),
        file_path TEXT NOT NULL CHECK (length(file_path) > 0),
        output_path TEXT,
        pages INTEGER NOT NULL CHECK (pages > 0),
        orientation TEXT NOT NULL CHECK (orientation IN ('portrait', 'landscape')),
        generated_at TEXT NOT NULL,
        generated_by TEXT NOT NULL,
        status TEXT NOT NULL DEFAULT 'generated' CHECK (status IN ('generated', 'sent', 'confirmed', 'disputed')),
        sent_on TEXT CHECK (${optionalDate('sent_on')}),
        confirmed_on TEXT CHECK (${optionalDate('confirmed_on')}),
        dispute_note TEXT,
        customer_figure_fen INTEGER CHECK (customer_figure_fen IS NULL OR ${signedFen('customer_figure_fen')}),
        difference_fen INTEGER,
        signed_copy_sha256 TEXT REFERENCES stored_files (sha256),
        signed_copy_name TEXT,
        affected_at TEXT,
        affected_reason TEXT,
        superseded_by TEXT REFERENCES statements (id),
        created_at TEXT NOT NULL,
        updated_at TEXT NOT NULL,
        CHECK (period_to >= period_from),
        CHECK (status <> 'sent' OR sent_on IS NOT NULL),
        CHECK (status <> 'confirmed' OR confirmed_on IS NOT NULL),
        CHECK (status <> 'disputed' OR (length(trim(dispute_note)) > 0 AND customer_figure_fen IS NOT NULL)),
        -- Our closing balance minus the customer's figure, to the fen.
        CHECK (customer_figure_fen IS NULL OR difference_fen = closing_fen - customer_figure_fen),
        CHECK (affected_at IS NULL OR length(trim(affected_reason)) > 0),
        CHECK (superseded_by IS NULL OR superseded_by <> id)
      )`,
    )
    .execute(db);
  await sql`CREATE INDEX statements_customer_period ON statements (customer_id, period_to, period_from)`.execute(db);
  await sql`CREATE INDEX statements_period ON statements (period_to, status)`.execute(db);
  await sql`CREATE INDEX statements_status ON statements (status, sent_on)`.execute(db);
  await sql`CREATE INDEX statements_code ON statements (verification_code)`.execute(db);
  // The period lock asks this on every ledger write: "latest confirmed period end of this customer".
  await sql`CREATE INDEX statements_confirmed ON statements (customer_id, period_to) WHERE status = 'confirmed'`.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`DROP TABLE statements`.execute(db);
}
