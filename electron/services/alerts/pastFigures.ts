/**
 * Figures "as of a past date D" for customers without a crossing void, by
 * the prefix rule the ledger and aging rely on (migration 0004, aging's
 * pastAmounts.ts): a debit dated ≤ D was open at D by its stored open amount
 * plus what was allocated to it after D. Used only when some document is
 * dated after D; as of today the stored amounts are read directly.
 */
import type { ServiceContext } from '../context';

/** SQL for "open as of @asOf" of the ar_documents row aliased `alias`. */
export const openThenSql = (alias: string): string =>
  `(${alias}.open_fen + coalesce((SELECT SUM(a.amount_fen) FROM ar_allocations a INDEXED BY ar_allocations_debit
    WHERE a.debit_id = ${alias}.id AND a.allocated_on > @asOf), 0))`;

// A void of an original dated ≤ D is itself dated ≤ D here (no crossing void), so "has a void" means "voided as of D".
const LIVE = (alias: string) => `NOT EXISTS (SELECT 1 FROM ar_documents v WHERE v.voids_id = ${alias}.id)`;

const SQL = {
  lastInvoice: `SELECT max(d.doc_date) AS d FROM ar_documents d
    WHERE d.customer_id = @customerId AND d.kind = 'invoice' AND d.doc_date <= @asOf AND ${LIVE('d')}`,
  contractOpen: `SELECT coalesce(sum(t.open_then), 0) AS n FROM (
      SELECT ${openThenSql('d')} AS open_then FROM ar_documents d INDEXED BY ar_documents_contract
      WHERE d.contract_id = @contractId AND d.kind = 'invoice' AND d.doc_date <= @asOf AND ${LIVE('d')}) t`,
};

/** The latest live invoice dated ≤ D of a customer whose stored last invoice is after D. */
export function lastInvoiceAsOf(ctx: ServiceContext, customerId: string, asOf: string): string | null {
  return (ctx.db.prepare(SQL.lastInvoice).get({ customerId, asOf }) as { d: string | null }).d;
}

/** What the contract's live invoices dated ≤ D still had open on D. */
export function contractOpenAsOf(ctx: ServiceContext, contractId: string, asOf: string): number {
  return (ctx.db.prepare(SQL.contractOpen).get({ contractId, asOf }) as { n: number }).n;
}

/** Settled on the installment's live invoices dated ≤ D, as of D: Σ (amount − open then). */
export const installmentSettledPastSql = `(SELECT coalesce(sum(d.amount_fen - ${openThenSql('d')}), 0) FROM ar_documents d
    WHERE d.installment_id = i.id AND d.kind = 'invoice' AND d.doc_date <= @asOf AND ${LIVE('d')})`;
