/**
 * Figures "as of a past date D" for customers without a crossing void, by
 * the prefix rule the ledger and aging rely on (migration 0004, aging's
 * spansAsOf.ts): a debit dated ≤ D was open at D by its stored open amount
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
  lastInvoices: `SELECT c.value AS id, (SELECT d.doc_date FROM ar_documents d INDEXED BY ar_documents_customer_replay
      WHERE d.customer_id = c.value AND d.doc_date <= @asOf AND d.kind = 'invoice' AND ${LIVE('d')}
      ORDER BY d.doc_date DESC LIMIT 1) AS d FROM json_each(@customers) c`,
  // Many contracts in one statement (one execution per contract cost more than its sum).
  contractsOpen: `SELECT c.value AS id, (SELECT coalesce(sum(${openThenSql('d')}), 0) FROM ar_documents d INDEXED BY ar_documents_contract
      WHERE d.contract_id = c.value AND d.kind = 'invoice' AND d.doc_date <= @asOf AND ${LIVE('d')}) AS n
    FROM json_each(@contracts) c`,
};

/**
 * The latest live invoice dated ≤ D of each customer whose stored last
 * invoice is after D, in one statement: per customer the replay index is
 * walked back from D and stops at the first live invoice (max() with a kind
 * filter would read every document before D).
 */
export function lastInvoicesAsOf(ctx: ServiceContext, customerIds: readonly string[], asOf: string): Map<string, string | null> {
  const rows = ctx.db.prepare(SQL.lastInvoices).all({ customers: JSON.stringify(customerIds), asOf }) as { id: string; d: string | null }[];
  return new Map(rows.map((r) => [r.id, r.d]));
}

/** What each contract's live invoices dated ≤ D still had open on D. */
export function contractsOpenAsOf(ctx: ServiceContext, contractIds: readonly string[], asOf: string): Map<string, number> {
  const rows = ctx.db.prepare(SQL.contractsOpen).raw(true).all({ contracts: JSON.stringify(contractIds), asOf }) as [string, number][];
  return new Map(rows);
}

/** Settled on the installment's live invoices dated ≤ D, as of D: Σ (amount − open then). */
export const installmentSettledPastSql = `(SELECT coalesce(sum(d.amount_fen - ${openThenSql('d')}), 0) FROM ar_documents d
    WHERE d.installment_id = i.id AND d.kind = 'invoice' AND d.doc_date <= @asOf AND ${LIVE('d')})`;
