import { sql, type Kysely } from 'kysely';

/**
 * The receivables ledger (issue 5, DESIGN §3–4).
 *
 * ar_documents holds every posted document, one table for all kinds. Posted
 * documents are immutable (triggers refuse changes to anything but the
 * derived open/unapplied amounts and the VAT invoice annotation, and refuse
 * deletes): a mistake is fixed by a void document. ar_explicit_targets are
 * the clerk's hand-made allocation choices (inputs of the replay).
 * ar_allocations and ar_customer_state are DERIVED: after every write that
 * touches a customer's documents the service replays that customer's
 * documents (shared/receivables/replay.ts) and stores the result, so they
 * never depend on the order documents were entered in.
 *
 * For the "as of D" readers (aging, statements): because the replay
 * allocates when it reaches the later document, the state as of D is the
 * prefix of the stored full replay (allocated_on ≤ D) unless a document
 * dated ≤ D is voided by a void dated > D. Voids therefore carry their
 * original's date (original_date) and are indexed by date, so those few
 * customers can be found with one range query and replayed as of D.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  const isoDate = (col: string) => `${col} GLOB '[0-9][0-9][0-9][0-9]-[0-1][0-9]-[0-3][0-9]'`;
  const optionalDate = (col: string) => `(${col} IS NULL OR ${isoDate(col)})`;
  const fen = (col: string, min: number) => `(typeof(${col}) = 'integer' AND ${col} >= ${min} AND ${col} <= 99999999999999)`;

  await sql
    .raw(
      `CREATE TABLE ar_documents (
        id TEXT PRIMARY KEY,
        customer_id TEXT NOT NULL REFERENCES customers (id),
        kind TEXT NOT NULL CHECK (kind IN ('opening', 'invoice', 'receipt', 'credit_note', 'write_off', 'refund', 'void')),
        side TEXT NOT NULL CHECK (side IN ('debit', 'credit')),
        doc_no TEXT NOT NULL CHECK (length(doc_no) BETWEEN 1 AND 40),
        doc_date TEXT NOT NULL CHECK (${isoDate('doc_date')}),
        due_on TEXT CHECK (${optionalDate('due_on')}),
        amount_fen INTEGER NOT NULL CHECK (${fen('amount_fen', 1)}),
        contract_id TEXT REFERENCES contracts (id),
        installment_id TEXT REFERENCES contract_installments (id),
        method TEXT CHECK (method IS NULL OR method IN ('bank_transfer', 'cash', 'acceptance_bill', 'wechat', 'alipay', 'other')),
        reference TEXT NOT NULL DEFAULT '',
        bill_no TEXT NOT NULL DEFAULT '',
        bill_maturity_on TEXT CHECK (${optionalDate('bill_maturity_on')}),
        vat_invoice_no TEXT NOT NULL DEFAULT '',
        vat_invoice_date TEXT CHECK (${optionalDate('vat_invoice_date')}),
        note_type TEXT CHECK (note_type IS NULL OR note_type IN ('return', 'allowance', 'rebate')),
        memo TEXT NOT NULL DEFAULT '',
        voids_id TEXT REFERENCES ar_documents (id),
        void_reason TEXT NOT NULL DEFAULT '',
        original_date TEXT CHECK (${optionalDate('original_date')}),
        import_batch_id TEXT REFERENCES import_batches (id),
        open_fen INTEGER,
        unapplied_fen INTEGER,
        created_at TEXT NOT NULL,
        created_by TEXT NOT NULL,
        updated_at TEXT NOT NULL,
        -- The kind gives the side; only openings (signed) and voids (opposite their original) may be either.
        CHECK ((kind IN ('invoice', 'refund') AND side = 'debit')
            OR (kind IN ('receipt', 'credit_note', 'write_off') AND side = 'credit')
            OR kind IN ('opening', 'void')),
        -- A void names its original, says why, is dated on/after it and has no due date.
        CHECK ((kind = 'void') = (voids_id IS NOT NULL)),
        CHECK (kind <> 'void' OR (length(trim(void_reason)) > 0 AND original_date IS NOT NULL AND doc_date >= original_date)),
        CHECK (kind = 'void' OR (void_reason = '' AND original_date IS NULL)),
        -- Every debit but a void carries its effective due date (resolved when posted, §4); credits none.
        CHECK ((kind <> 'void' AND side = 'debit') = (due_on IS NOT NULL)),
        CHECK (due_on IS NULL OR due_on >= doc_date),
        CHECK (method IS NULL OR kind IN ('receipt', 'refund')),
        CHECK (kind NOT IN ('receipt', 'refund') OR method IS NOT NULL),
        -- Bill number and maturity belong to 承兑汇票 only (the entry form requires them; imported history may lack them).
        CHECK (bill_maturity_on IS NULL OR method = 'acceptance_bill'),
        CHECK (bill_no = '' OR method = 'acceptance_bill'),
        CHECK (bill_maturity_on IS NULL OR bill_maturity_on >= doc_date),
        CHECK (kind = 'invoice' OR (contract_id IS NULL AND vat_invoice_no = '' AND vat_invoice_date IS NULL)),
        CHECK (installment_id IS NULL OR contract_id IS NOT NULL),
        CHECK (vat_invoice_date IS NULL OR vat_invoice_no <> ''),
        CHECK ((kind = 'credit_note') = (note_type IS NOT NULL)),
        -- Derived amounts: debits have an open amount, credits an unapplied one, voids neither.
        CHECK (CASE WHEN kind = 'void' THEN open_fen IS NULL AND unapplied_fen IS NULL
                    WHEN side = 'debit' THEN unapplied_fen IS NULL AND ${fen('open_fen', 0)} AND open_fen <= amount_fen
                    ELSE open_fen IS NULL AND ${fen('unapplied_fen', 0)} AND unapplied_fen <= amount_fen END),
        UNIQUE (kind, doc_no)
      )`,
    )
    .execute(db);
  // A customer's documents in (almost) §4 order, covering every column the replay reads: a posting
  // re-derives the customer from this index alone, without a table lookup per document.
  await sql`CREATE INDEX ar_documents_customer_replay ON ar_documents
    (customer_id, doc_date, side, doc_no, kind, amount_fen, due_on, voids_id, id, open_fen, unapplied_fen)`.execute(db);
  await sql`CREATE INDEX ar_documents_date ON ar_documents (doc_date)`.execute(db);
  // At most one void per original. Partial: the million documents that are not voids need no entry.
  await sql`CREATE UNIQUE INDEX ar_documents_voids_id ON ar_documents (voids_id) WHERE voids_id IS NOT NULL`.execute(db);
  // Open items per customer by due date: the receipt screen, aging and overdue alerts read only these.
  await sql`CREATE INDEX ar_documents_open ON ar_documents (customer_id, due_on, open_fen) WHERE open_fen > 0`.execute(db);
  // Voids by their own date with their original's date: finds the customers whose "as of D" state is not a prefix.
  await sql`CREATE INDEX ar_documents_voids ON ar_documents (doc_date, original_date, customer_id) WHERE kind = 'void'`.execute(db);
  await sql`CREATE INDEX ar_documents_contract ON ar_documents (contract_id) WHERE contract_id IS NOT NULL`.execute(db);
  await sql`CREATE INDEX ar_documents_installment ON ar_documents (installment_id) WHERE installment_id IS NOT NULL`.execute(db);
  await sql`CREATE INDEX ar_documents_import_batch ON ar_documents (import_batch_id) WHERE import_batch_id IS NOT NULL`.execute(db);
  // 已发货未开票: invoices without a VAT invoice number.
  await sql`CREATE INDEX ar_documents_uninvoiced ON ar_documents (doc_date) WHERE kind = 'invoice' AND vat_invoice_no = ''`.execute(db);

  // Immutability as the database's own rule, the second line behind the services.
  await sql
    .raw(
      `CREATE TRIGGER ar_documents_immutable BEFORE UPDATE ON ar_documents
       WHEN OLD.id IS NOT NEW.id OR OLD.customer_id IS NOT NEW.customer_id OR OLD.kind IS NOT NEW.kind
         OR OLD.side IS NOT NEW.side OR OLD.doc_no IS NOT NEW.doc_no OR OLD.doc_date IS NOT NEW.doc_date
         OR OLD.due_on IS NOT NEW.due_on OR OLD.amount_fen IS NOT NEW.amount_fen OR OLD.contract_id IS NOT NEW.contract_id
         OR OLD.installment_id IS NOT NEW.installment_id OR OLD.method IS NOT NEW.method OR OLD.reference IS NOT NEW.reference
         OR OLD.bill_no IS NOT NEW.bill_no OR OLD.bill_maturity_on IS NOT NEW.bill_maturity_on OR OLD.note_type IS NOT NEW.note_type
         OR OLD.memo IS NOT NEW.memo OR OLD.voids_id IS NOT NEW.voids_id OR OLD.void_reason IS NOT NEW.void_reason
         OR OLD.original_date IS NOT NEW.original_date OR OLD.import_batch_id IS NOT NEW.import_batch_id
         OR OLD.created_at IS NOT NEW.created_at OR OLD.created_by IS NOT NEW.created_by
       BEGIN SELECT RAISE(ABORT, '已过账的单据不能修改，请冲销后重新录入'); END`,
    )
    .execute(db);
  await sql
    .raw(
      `CREATE TRIGGER ar_documents_no_delete BEFORE DELETE ON ar_documents
       BEGIN SELECT RAISE(ABORT, '已过账的单据不能删除，请使用冲销'); END`,
    )
    .execute(db);

  await sql
    .raw(
      `CREATE TABLE ar_explicit_targets (
        credit_id TEXT NOT NULL REFERENCES ar_documents (id),
        seq INTEGER NOT NULL CHECK (seq >= 1),
        debit_id TEXT NOT NULL REFERENCES ar_documents (id),
        -- The credit's customer, so a re-derivation loads a customer's targets with one indexed query.
        customer_id TEXT NOT NULL REFERENCES customers (id),
        amount_fen INTEGER NOT NULL CHECK (${fen('amount_fen', 1)}),
        PRIMARY KEY (credit_id, seq),
        UNIQUE (credit_id, debit_id)
      ) WITHOUT ROWID`,
    )
    .execute(db);
  await sql`CREATE INDEX ar_explicit_targets_debit ON ar_explicit_targets (debit_id)`.execute(db);
  await sql`CREATE INDEX ar_explicit_targets_customer ON ar_explicit_targets (customer_id)`.execute(db);
  await sql
    .raw(
      `CREATE TRIGGER ar_explicit_targets_immutable BEFORE UPDATE ON ar_explicit_targets
       BEGIN SELECT RAISE(ABORT, '核销指定是单据的一部分，不能修改'); END`,
    )
    .execute(db);
  await sql
    .raw(
      `CREATE TRIGGER ar_explicit_targets_no_delete BEFORE DELETE ON ar_explicit_targets
       BEGIN SELECT RAISE(ABORT, '核销指定是单据的一部分，不能删除'); END`,
    )
    .execute(db);

  // One row per (credit, debit, explicit): a credit may pay the same debit once by hand and once more by FIFO.
  await sql
    .raw(
      `CREATE TABLE ar_allocations (
        credit_id TEXT NOT NULL REFERENCES ar_documents (id),
        debit_id TEXT NOT NULL REFERENCES ar_documents (id),
        explicit INTEGER NOT NULL CHECK (explicit IN (0, 1)),
        customer_id TEXT NOT NULL REFERENCES customers (id),
        amount_fen INTEGER NOT NULL CHECK (${fen('amount_fen', 1)}),
        allocated_on TEXT NOT NULL CHECK (${isoDate('allocated_on')}),
        PRIMARY KEY (credit_id, debit_id, explicit)
      ) WITHOUT ROWID`,
    )
    .execute(db);
  await sql`CREATE INDEX ar_allocations_debit ON ar_allocations (debit_id, allocated_on, amount_fen)`.execute(db);
  // With the primary key columns every secondary index of a WITHOUT ROWID table carries, this covers a customer's rows.
  await sql`CREATE INDEX ar_allocations_customer ON ar_allocations (customer_id, allocated_on, amount_fen)`.execute(db);

  await sql
    .raw(
      `CREATE TABLE ar_customer_state (
        customer_id TEXT PRIMARY KEY REFERENCES customers (id),
        balance_fen INTEGER NOT NULL,
        debit_fen INTEGER NOT NULL CHECK (debit_fen >= 0),
        credit_fen INTEGER NOT NULL CHECK (credit_fen >= 0),
        open_debit_fen INTEGER NOT NULL CHECK (open_debit_fen >= 0),
        unapplied_fen INTEGER NOT NULL CHECK (unapplied_fen >= 0),
        first_doc_on TEXT,
        last_doc_on TEXT,
        last_invoice_on TEXT,
        last_receipt_on TEXT,
        doc_count INTEGER NOT NULL CHECK (doc_count >= 0),
        updated_at TEXT NOT NULL,
        CHECK (balance_fen = debit_fen - credit_fen)
      )`,
    )
    .execute(db);
}
