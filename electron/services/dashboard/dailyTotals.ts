/**
 * Per-day totals of a date window, the raw material of the collections
 * chart and the DSO trend: net (debits − credits, voids included: the
 * balance moves by exactly this), invoices and receipts. Read from
 * ar_day_totals (migration 0014_b, one row per date, kept by an insert
 * trigger, and by a chunked import once per date for its own documents,
 * 0027_a) instead of summing every document of the window.
 *
 * "Voided ones excluded by date rules": an invoice or receipt counts as of
 * a date unless a void dated on or before that date reverses it. The voids
 * of the window's invoices and receipts are few, so they are listed with
 * their own date and each figure drops the ones that have happened by then.
 */
import type { ServiceContext } from '../context';

export interface DayTotals {
  date: string;
  netFen: number;
  invoicedFen: number;
  receivedFen: number;
}

export interface VoidedFlow {
  /** The original's kind and date, and the void's date. */
  kind: 'invoice' | 'receipt';
  date: string;
  voidedOn: string;
  amountFen: number;
}

const DAYS_SQL = `SELECT doc_date AS date, net_fen AS netFen, invoiced_fen AS invoicedFen, received_fen AS receivedFen
  FROM ar_day_totals WHERE doc_date >= ? AND doc_count > 0 ORDER BY doc_date`;

// A void that is itself voided is a second void from another PC, neutralised (sync/conflicts.ts): it reverses nothing.
// Both sides from covering indexes (migrations 0022, 0026_b): the void's date, customer, original and own id from the voids index,
// the original's kind and amount from its customer's replay index at its own date (a void carries that date).
const VOIDED_SQL = `SELECT o.kind AS kind, o.doc_date AS date, v.doc_date AS voidedOn, o.amount_fen AS amountFen
  FROM ar_documents v INDEXED BY ar_documents_voids CROSS JOIN ar_documents o INDEXED BY ar_documents_customer_replay
    ON o.customer_id = v.customer_id AND o.doc_date = v.original_date AND o.id = v.voids_id
  WHERE v.kind = 'void' AND v.doc_date >= ? AND o.kind IN ('invoice', 'receipt')
    AND NOT EXISTS (SELECT 1 FROM ar_documents n WHERE n.voids_id = v.id)`;

/** Every day from `from` on that has documents (later days included: callers cut at their own date). */
export function dailyTotals(ctx: ServiceContext, from: string): DayTotals[] {
  return ctx.db.prepare(DAYS_SQL).all(from) as DayTotals[];
}

/**
 * The voided flows are kept per connection while the voids are the same:
 * the dashboard asks after every write, reading them costs ~15–25 ms on a
 * large ledger (a seek per void), and they change only when a void is
 * added or removed — what they read of the originals (kind, date, amount)
 * never changes (ar_documents_immutable). The voids' count, newest rowid
 * and the id there (a removed newest row's rowid can be reused) tell: every
 * insert raises the newest rowid, and a removal either lowers the count or,
 * of the newest row, shows in its rowid or id. Both read from the voids'
 * own partial index.
 */
const VOIDS_NOW = `SELECT count(*) AS n, max(rowid) AS top FROM ar_documents INDEXED BY ar_documents_voids WHERE kind = 'void'`;
const ID_AT = `SELECT id FROM ar_documents WHERE rowid = ?`;
const keptVoided = new WeakMap<object, { key: string; rows: VoidedFlow[] }>();

/** Invoices and receipts dated from `from` on that a void reverses (a void is never dated before its original). */
export function voidedFlows(ctx: ServiceContext, from: string): VoidedFlow[] {
  // Under a salesperson's scope the documents are a view of theirs: read, never kept.
  if (ctx.db.scoped) return ctx.db.prepare(VOIDED_SQL).all(from) as VoidedFlow[];
  const now = ctx.db.prepare(VOIDS_NOW).get() as { n: number; top: number | null };
  const topId = now.top === null ? '' : ((ctx.db.prepare(ID_AT).pluck(true).get(now.top) as string | undefined) ?? '');
  const key = `${from}|${now.n}|${now.top}|${topId}`;
  const hit = keptVoided.get(ctx.db);
  if (hit?.key === key) return hit.rows;
  const rows = ctx.db.prepare(VOIDED_SQL).all(from) as VoidedFlow[];
  keptVoided.set(ctx.db, { key, rows });
  return rows;
}

/**
 * Σ invoices (or receipts) dated in [from, to], as of `asOf`: the voided ones
 * whose void has happened by asOf are taken out.
 */
export function flowBetween(
  days: readonly DayTotals[],
  voided: readonly VoidedFlow[],
  kind: 'invoice' | 'receipt',
  from: string,
  to: string,
  asOf: string,
): number {
  let total = 0;
  for (const d of days) {
    if (d.date < from || d.date > to) continue;
    total += kind === 'invoice' ? d.invoicedFen : d.receivedFen;
  }
  for (const v of voided) {
    if (v.kind === kind && v.date >= from && v.date <= to && v.voidedOn <= asOf) total -= v.amountFen;
  }
  return total;
}
