import { sql, type Kysely } from 'kysely';

/**
 * Aging and alerts as of any date (issue 17): ar_open_spans, DERIVED from
 * the ledger (shared/receivables/openSpans.ts says what a span is). Each row
 * is one step of a document's open (debit) or unapplied (credit) amount:
 * open_fen during [from_on, until_on), until_on '9999-12-31' while still
 * open. "Open as of D" is the spans with from_on ≤ D < until_on, found
 * through ar_open_spans_at: one seek per month of from_on (from_month), each
 * reading only the spans of that month still alive after D — so a report as
 * of two years back reads about as many rows as one as of today, instead of
 * every document on one side of D.
 *
 * Kept by every re-derivation of a customer (electron/services/ledger/
 * rederive.ts, which sync also runs after applying remote documents) and by
 * the bulk loader; local to each PC (db/sync/syncedTables.ts). Filled here
 * from the stored allocations, which are the full replay of every customer.
 */
export const FILL_OPEN_SPANS_SQL = `
WITH steps AS (
  SELECT debit_id AS doc_id, allocated_on AS on_, SUM(amount_fen) AS amount FROM ar_allocations GROUP BY debit_id, allocated_on
  UNION ALL
  SELECT credit_id, allocated_on, SUM(amount_fen) FROM ar_allocations GROUP BY credit_id, allocated_on
), live AS (
  SELECT x.id, x.customer_id, x.side, x.due_on, x.doc_date, x.amount_fen FROM ar_documents x
  WHERE x.kind <> 'void' AND NOT EXISTS (SELECT 1 FROM ar_documents v WHERE v.voids_id = x.id)
), levels AS (
  SELECT l.id AS doc_id, l.customer_id, l.side, l.due_on, l.doc_date, l.doc_date AS from_on, l.amount_fen AS level FROM live l
  UNION ALL
  SELECT s.doc_id, l.customer_id, l.side, l.due_on, l.doc_date, s.on_,
    l.amount_fen - SUM(s.amount) OVER (PARTITION BY s.doc_id ORDER BY s.on_)
  FROM steps s JOIN live l ON l.id = s.doc_id
), spans AS (
  SELECT v.*, coalesce(LEAD(v.from_on) OVER (PARTITION BY v.doc_id ORDER BY v.from_on, v.level DESC), '9999-12-31') AS until_on FROM levels v
)
INSERT INTO ar_open_spans (customer_id, doc_id, from_on, until_on, from_month, side, due_on, doc_date, open_fen)
SELECT customer_id, doc_id, from_on, until_on, substr(from_on, 1, 7), side, due_on, doc_date, level
FROM spans WHERE level > 0 AND until_on > from_on`;

export async function up(db: Kysely<unknown>): Promise<void> {
  const isoDate = (col: string) => `${col} GLOB '[0-9][0-9][0-9][0-9]-[0-1][0-9]-[0-3][0-9]'`;
  await sql
    .raw(
      `CREATE TABLE ar_open_spans (
        customer_id TEXT NOT NULL REFERENCES customers (id),
        doc_id TEXT NOT NULL REFERENCES ar_documents (id),
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
  // The "alive at D" reader: per month of from_on, the spans ending after D, covering what aging needs.
  await sql`CREATE INDEX ar_open_spans_at ON ar_open_spans (from_month, until_on, customer_id, side, due_on, doc_date, open_fen)`.execute(db);
  await sql.raw(FILL_OPEN_SPANS_SQL).execute(db);
}
