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

/** Invoices and receipts dated from `from` on that a void reverses (a void is never dated before its original). */
export function voidedFlows(ctx: ServiceContext, from: string): VoidedFlow[] {
  return ctx.db.prepare(VOIDED_SQL).all(from) as VoidedFlow[];
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
