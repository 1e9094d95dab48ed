/**
 * The bases of every target as of a date, in one set-based query (the 返利
 * list of 3,000 contracts reads them at once):
 *
 * - invoiced: the contract's invoices dated inside the period (up to as-of);
 * - returns: 退货/折让 credit notes dated inside the period, by what they
 *   pay of the contract's invoices (a credit note carries no contract: its
 *   allocation to the contract's invoices says whose return it is). Rebate
 *   credit notes never reduce the base;
 * - collected: receipts dated inside the period, by what they pay of the
 *   contract's invoices (a receipt split across contracts counts per part);
 * - collectedOnTime: of those, allocated on or before the invoice's due date.
 *
 * A document voided on or before as-of does not count; documents dated after
 * as-of do not exist yet. Allocations are the ledger's derived ones (§4).
 */
import type { RebateBaseParts } from '../../../shared/api/rebates';
import type { ServiceContext } from '../context';

const NOT_VOIDED = (alias: string) => `NOT EXISTS (SELECT 1 FROM ar_documents v WHERE v.voids_id = ${alias}.id AND v.doc_date <= @asOf)`;

const ALLOCATED = (creditFilter: string, extra = '') => `(SELECT ifnull(sum(a.amount_fen), 0)
    FROM ar_documents i
    JOIN ar_allocations a ON a.debit_id = i.id
    JOIN ar_documents c ON c.id = a.credit_id
    WHERE i.contract_id = t.contract_id AND i.kind = 'invoice' AND ${creditFilter}
      AND c.doc_date BETWEEN t.period_from AND t.upto AND a.allocated_on <= @asOf AND ${NOT_VOIDED('c')} ${extra})`;

const BASES_SQL = `WITH t AS (
    SELECT id, contract_id, period_from, min(period_to, @asOf) AS upto FROM rebate_targets
    WHERE removed_at IS NULL AND (@contractId IS NULL OR contract_id = @contractId) AND (@targetId IS NULL OR id = @targetId)
  )
  SELECT t.id AS id,
    (SELECT ifnull(sum(d.amount_fen), 0) FROM ar_documents d
      WHERE d.contract_id = t.contract_id AND d.kind = 'invoice' AND d.doc_date BETWEEN t.period_from AND t.upto AND ${NOT_VOIDED('d')}) AS invoiced,
    ${ALLOCATED(`c.kind = 'credit_note' AND c.note_type IN ('return', 'allowance')`)} AS returns,
    ${ALLOCATED(`c.kind = 'receipt'`)} AS collected,
    ${ALLOCATED(`c.kind = 'receipt'`, 'AND a.allocated_on <= i.due_on')} AS on_time
  FROM t`;

export interface BaseScope {
  asOf: string;
  contractId?: string | null;
  targetId?: string | null;
}

export function baseParts(ctx: ServiceContext, scope: BaseScope): Map<string, RebateBaseParts> {
  const rows = ctx.db.prepare(BASES_SQL).all({
    asOf: scope.asOf,
    contractId: scope.contractId ?? null,
    targetId: scope.targetId ?? null,
  }) as { id: string; invoiced: number; returns: number; collected: number; on_time: number }[];
  return new Map(
    rows.map((r) => [r.id, { invoicedFen: r.invoiced, returnsFen: r.returns, collectedFen: r.collected, collectedOnTimeFen: r.on_time }]),
  );
}

/** The base the target's basis names. Net sales may go below 0 (returns of earlier sales); the calculation treats that as 0. */
export function baseOf(basis: string, onTimeOnly: boolean, p: RebateBaseParts): number {
  if (basis === 'collections') return onTimeOnly ? p.collectedOnTimeFen : p.collectedFen;
  return p.invoicedFen - p.returnsFen;
}
