import { sql, type Kysely } from 'kysely';
import { voidWindowsOf, voidWindowSpansOf } from '../../shared/receivables/voidWindows';
import { voidWindowDigest } from '../voidWindowDigest';
import type { ArDoc, DocKind, ExplicitTarget, Side } from '../../shared/receivables/types';

/**
 * Aging as of any date without replaying anyone (issue 17 point 1):
 * ar_void_window_spans, DERIVED like ar_open_spans (0014_a) and with its
 * columns, holds for the dates a void crosses (an original dated ≤ D voided
 * after D) the spans of the replay as of those dates, clipped to the piece
 * of calendar they hold for (shared/receivables/voidWindows.ts). The report
 * reads them for the customers a void crosses at D, through the same kind of
 * "alive at D" index, instead of replaying those customers per report.
 * ar_void_window_inputs holds, per customer with windows, the digest of
 * what they were built from (db/voidWindowDigest.ts): a re-derivation whose
 * documents give the same digest skips the rebuild (null would mean "in
 * doubt": rebuilt on the next re-derivation).
 *
 * No foreign keys: the rows are rewritten by the customer's re-derivation in
 * the same transaction as any change of its documents (a discarded import
 * included). Local to each PC (db/sync/syncedTables.ts).
 *
 * Filled here by the shared engine: a window's spans need the replay as of a
 * past date, which SQL over the stored (full-replay) allocations cannot give.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  // Kysely runs SQLite migrations outside a transaction: one here, so the fill is all or nothing (and one commit, not one per row).
  await db.transaction().execute((trx) => create(trx));
}

async function create(db: Kysely<unknown>): Promise<void> {
  const isoDate = (col: string) => `${col} GLOB '[0-9][0-9][0-9][0-9]-[0-1][0-9]-[0-3][0-9]'`;
  await sql
    .raw(
      `CREATE TABLE ar_void_window_spans (
        customer_id TEXT NOT NULL,
        doc_id TEXT NOT NULL,
        from_on TEXT NOT NULL CHECK (${isoDate('from_on')}),
        until_on TEXT NOT NULL CHECK (${isoDate('until_on')} AND until_on > from_on),
        from_month TEXT NOT NULL CHECK (from_month = substr(from_on, 1, 7)),
        side TEXT NOT NULL CHECK (side IN ('debit', 'credit')),
        due_on TEXT CHECK ((side = 'debit') = (due_on IS NOT NULL)),
        doc_date TEXT NOT NULL,
        open_fen INTEGER NOT NULL CHECK (typeof(open_fen) = 'integer' AND open_fen > 0),
        PRIMARY KEY (customer_id, doc_id, from_on)
      ) WITHOUT ROWID`,
    )
    .execute(db);
  await sql`CREATE INDEX ar_void_window_spans_at ON ar_void_window_spans (from_month, until_on, customer_id, side, due_on, doc_date, open_fen)`.execute(db);
  await sql`CREATE TABLE ar_void_window_inputs (customer_id TEXT PRIMARY KEY NOT NULL, digest TEXT) WITHOUT ROWID`.execute(db);

  await fillVoidWindowSpans(db);
}

/** Rows per INSERT statement (9 values each, well under SQLite's limit on bound values). */
const ROWS_PER_INSERT = 200;

/** Every customer's window spans and their digest, from its documents (the tables are empty). */
export async function fillVoidWindowSpans(db: Kysely<unknown>): Promise<void> {
  const customers = await sql<{ customer_id: string }>`SELECT DISTINCT customer_id FROM ar_documents WHERE kind = 'void' AND doc_date > original_date`.execute(db);
  for (const { customer_id: customerId } of customers.rows) {
    const docs = await customerDocs(db, customerId);
    const windows = voidWindowsOf(docs);
    const spans = voidWindowSpansOf(docs, windows);
    for (let i = 0; i < spans.length; i += ROWS_PER_INSERT) {
      const values = spans
        .slice(i, i + ROWS_PER_INSERT)
        .map((s) => sql`(${customerId}, ${s.docId}, ${s.fromOn}, ${s.untilOn}, ${s.fromOn.slice(0, 7)}, ${s.side}, ${s.dueOn}, ${s.docDate}, ${s.openFen})`);
      await sql`INSERT INTO ar_void_window_spans (customer_id, doc_id, from_on, until_on, from_month, side, due_on, doc_date, open_fen)
        VALUES ${sql.join(values)}`.execute(db);
    }
    await sql`INSERT INTO ar_void_window_inputs (customer_id, digest) VALUES (${customerId}, ${voidWindowDigest(docs, windows)})`.execute(db);
  }
}

/** One customer's documents as the engine takes them (the same rows electron/services/ledger/docRows.ts loads). */
async function customerDocs(db: Kysely<unknown>, customerId: string): Promise<ArDoc[]> {
  const targets = await sql<{ credit_id: string; debit_id: string; amount_fen: number }>`
    SELECT credit_id, debit_id, amount_fen FROM ar_explicit_targets WHERE customer_id = ${customerId} ORDER BY credit_id, seq`.execute(db);
  const byCredit = new Map<string, ExplicitTarget[]>();
  for (const t of targets.rows) {
    let list = byCredit.get(t.credit_id);
    if (list === undefined) byCredit.set(t.credit_id, (list = []));
    list.push({ debitId: t.debit_id, amountFen: t.amount_fen });
  }
  const docs = await sql<{ id: string; kind: string; side: string; doc_no: string; doc_date: string; due_on: string | null; amount_fen: number; voids_id: string | null }>`
    SELECT id, kind, side, doc_no, doc_date, due_on, amount_fen, voids_id FROM ar_documents WHERE customer_id = ${customerId}`.execute(db);
  return docs.rows.map((r) => ({
    id: r.id,
    kind: r.kind as DocKind,
    side: r.side as Side,
    docNo: r.doc_no,
    docDate: r.doc_date,
    dueOn: r.due_on,
    amountFen: r.amount_fen,
    voidsId: r.voids_id,
    explicitTargets: byCredit.get(r.id) ?? [],
  }));
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`DROP TABLE ar_void_window_inputs`.execute(db);
  await sql`DROP TABLE ar_void_window_spans`.execute(db);
}
