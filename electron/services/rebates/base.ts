/**
 * The bases of every target as of a date, in one set-based query (the 返利
 * list of 3,000 contracts reads them at once):
 *
 * - invoiced: the contract's invoices dated inside the period (up to as-of);
 *   for a product-line target only the invoices posted against that line;
 * - returns: 退货/折让 credit notes dated inside the period, by what they
 *   pay of those invoices (a credit note carries no contract and no line: its
 *   allocation to the invoices says whose return it is, and of which line).
 *   Rebate credit notes never reduce the base;
 * - collected: receipts dated inside the period, by what they pay of the
 *   contract's invoices (a receipt split across contracts counts per part);
 * - collectedOnTime: of those, allocated on or before the invoice's due date.
 *
 * A document voided on or before as-of does not count; documents dated after
 * as-of do not exist yet. Allocations are the ledger's derived ones (§4): as
 * of D they are the stored full replay's prefix (allocated_on ≤ D), except for
 * the few customers with a document dated ≤ D voided after D, which are
 * replayed as of D by the shared engine (the aging report does the same).
 */
import type { RebateBaseParts } from '../../../shared/api/rebates';
import { replay } from '../../../shared/receivables/replay';
import { customersWithCrossingVoids } from '../aging/crossingVoids';
import type { ServiceContext } from '../context';
import { loadCustomerDocs } from '../ledger/docRows';

const NOT_VOIDED = (alias: string) => `NOT EXISTS (SELECT 1 FROM ar_documents v WHERE v.voids_id = ${alias}.id AND v.doc_date <= @asOf)`;

/** An invoice counts for a target when it is the contract's and, for a product-line target, that line's. */
const TARGET_INVOICE = (alias: string) =>
  `${alias}.contract_id = t.contract_id AND ${alias}.kind = 'invoice' AND (t.line_id IS NULL OR ${alias}.contract_line_id = t.line_id)`;

/**
 * The scope as its own WHERE clause (not `@x IS NULL OR …`): a prepared
 * statement's plan is fixed, and only a plain equality lets SQLite use the
 * primary key or the contract index for one target or one contract.
 */
export function scopeWhere(scope: BaseScope, alias: string): string {
  if (scope.targetId) return `${alias}.id = @targetId`;
  if (scope.contractId) return `${alias}.contract_id = @contractId`;
  return '1';
}

/**
 * One statement for every target in scope: the invoiced sum, and the three
 * allocation-based parts from ONE grouped join over (target → its invoices →
 * their allocations → the paying credit), summed by kind with CASE (the
 * same rows the three correlated subqueries it replaces summed, walked once).
 * The targets are materialized and joined first (CROSS JOIN fixes the order):
 * left to itself the planner walks every invoice by kind instead of each
 * target's invoices by the contract index (0019's covering invoice index).
 */
const basesSql = (where: string) => `WITH t AS MATERIALIZED (
    SELECT r.id, r.contract_id, r.contract_line_id AS line_id, r.period_from, min(r.period_to, @asOf) AS upto, k.customer_id
    FROM rebate_targets r JOIN contracts k ON k.id = r.contract_id
    WHERE r.removed_at IS NULL AND ${where}
  ),
  inv AS (
    SELECT t.id, sum(d.amount_fen) AS invoiced
    FROM t CROSS JOIN ar_documents d ON ${TARGET_INVOICE('d')}
    WHERE d.doc_date BETWEEN t.period_from AND t.upto AND ${NOT_VOIDED('d')}
    GROUP BY t.id
  ),
  alloc AS (
    SELECT t.id,
      sum(CASE WHEN c.kind = 'credit_note' THEN a.amount_fen ELSE 0 END) AS returns,
      sum(CASE WHEN c.kind = 'receipt' THEN a.amount_fen ELSE 0 END) AS collected,
      sum(CASE WHEN c.kind = 'receipt' AND a.allocated_on <= i.due_on THEN a.amount_fen ELSE 0 END) AS on_time
    FROM t
      CROSS JOIN ar_documents i ON ${TARGET_INVOICE('i')}
      CROSS JOIN ar_allocations a ON a.debit_id = i.id
      CROSS JOIN ar_documents c ON c.id = a.credit_id
    WHERE a.allocated_on <= @asOf AND c.doc_date BETWEEN t.period_from AND t.upto
      AND (c.kind = 'receipt' OR (c.kind = 'credit_note' AND c.note_type IN ('return', 'allowance')))
      AND ${NOT_VOIDED('c')}
    GROUP BY t.id
  )
  SELECT t.id, t.contract_id, t.line_id, t.customer_id, t.period_from, t.upto,
    ifnull(inv.invoiced, 0) AS invoiced, ifnull(alloc.returns, 0) AS returns,
    ifnull(alloc.collected, 0) AS collected, ifnull(alloc.on_time, 0) AS on_time
  FROM t LEFT JOIN inv ON inv.id = t.id LEFT JOIN alloc ON alloc.id = t.id`;

/** Only the parameters the statement names (better-sqlite3 refuses extra named parameters). */
export function scopeParams(scope: BaseScope, extra: Record<string, string> = {}): Record<string, string> {
  if (scope.targetId) return { ...extra, targetId: scope.targetId };
  if (scope.contractId) return { ...extra, contractId: scope.contractId };
  return extra;
}

export interface BaseScope {
  asOf: string;
  contractId?: string | null;
  targetId?: string | null;
}

type BaseRow = { id: string; contract_id: string; line_id: string | null; customer_id: string; period_from: string; upto: string; invoiced: number; returns: number; collected: number; on_time: number };

export function baseParts(ctx: ServiceContext, scope: BaseScope): Map<string, RebateBaseParts> {
  const rows = ctx.db.prepare(basesSql(scopeWhere(scope, 'r'))).all(scopeParams(scope, { asOf: scope.asOf })) as BaseRow[];
  const out = new Map(
    rows.map((r): [string, RebateBaseParts] => [r.id, { invoicedFen: r.invoiced, returnsFen: r.returns, collectedFen: r.collected, collectedOnTimeFen: r.on_time }]),
  );
  const crossing = new Set(customersWithCrossingVoids(ctx, scope.asOf));
  const byCustomer = new Map<string, BaseRow[]>();
  for (const r of rows) if (crossing.has(r.customer_id)) byCustomer.set(r.customer_id, [...(byCustomer.get(r.customer_id) ?? []), r]);
  for (const [customerId, targets] of byCustomer) {
    for (const [id, parts] of replayedParts(ctx, customerId, scope.asOf, targets)) out.set(id, parts);
  }
  return out;
}

const META_SQL = `SELECT id, kind, note_type, contract_id, contract_line_id, doc_date, due_on FROM ar_documents WHERE customer_id = ?`;
type Meta = { id: string; kind: string; note_type: string | null; contract_id: string | null; contract_line_id: string | null; doc_date: string; due_on: string | null };

/** The allocation-based parts of one customer's targets from a replay as of asOf. */
function replayedParts(ctx: ServiceContext, customerId: string, asOf: string, targets: readonly BaseRow[]): Map<string, RebateBaseParts> {
  const meta = new Map((ctx.db.prepare(META_SQL).all(customerId) as Meta[]).map((m) => [m.id, m]));
  const { allocations } = replay(loadCustomerDocs(ctx, customerId), asOf);
  const out = new Map<string, RebateBaseParts>();
  for (const t of targets) {
    const parts: RebateBaseParts = { invoicedFen: t.invoiced, returnsFen: 0, collectedFen: 0, collectedOnTimeFen: 0 };
    for (const a of allocations) {
      const debit = meta.get(a.debitId);
      const credit = meta.get(a.creditId);
      if (!debit || !credit || debit.kind !== 'invoice' || debit.contract_id !== t.contract_id) continue;
      if (t.line_id !== null && debit.contract_line_id !== t.line_id) continue;
      if (credit.doc_date < t.period_from || credit.doc_date > t.upto) continue;
      if (credit.kind === 'credit_note' && (credit.note_type === 'return' || credit.note_type === 'allowance')) parts.returnsFen += a.amountFen;
      if (credit.kind === 'receipt') {
        parts.collectedFen += a.amountFen;
        if (debit.due_on !== null && a.allocatedOn <= debit.due_on) parts.collectedOnTimeFen += a.amountFen;
      }
    }
    out.set(t.id, parts);
  }
  return out;
}

/** The base the target's basis names. Net sales may go below 0 (returns of earlier sales); the calculation treats that as 0. */
export function baseOf(basis: string, onTimeOnly: boolean, p: RebateBaseParts): number {
  if (basis === 'collections') return onTimeOnly ? p.collectedOnTimeFen : p.collectedFen;
  return p.invoicedFen - p.returnsFen;
}
