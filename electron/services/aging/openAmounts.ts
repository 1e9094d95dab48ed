/**
 * "As of today": when no document is dated after asOf, the stored full
 * replay IS the state as of asOf, so the open debits are exactly the rows
 * with open_fen > 0. One pass over the (covering) partial index of open
 * debits sums them per customer with one CASE column per bucket; grouping by
 * customer alone follows the index order, so SQLite needs no sort.
 *
 * The database is never ANALYZEd, so the partial index is named
 * (INDEXED BY): without statistics the planner could pick a full scan.
 */
import type { AgingBasis, AgingBucket } from '../../../shared/receivables/aging';
import type { ServiceContext } from '../context';
import { bucketThresholds, referenceColumn } from './bucketSql';

export interface OpenByCustomer {
  bucketsFen: number[];
  /** Open on debits due before asOf (days ≥ 1 on the due basis). */
  overdueFen: number;
}

/**
 * SUM(CASE …) per bucket: bucket i holds reference dates in [t(i), t(i−1)),
 * the first one everything from t(0) on, the last everything before t(n−2).
 */
function pivotColumns(reference: string, bucketCount: number): string {
  const cols: string[] = [];
  for (let i = 0; i < bucketCount; i++) {
    const lower = i < bucketCount - 1 ? `${reference} >= @t${i}` : null;
    const upper = i > 0 ? `${reference} < @t${i - 1}` : null;
    const cond = [upper, lower].filter((c) => c !== null).join(' AND ');
    cols.push(`coalesce(SUM(CASE WHEN ${cond} THEN d.open_fen END), 0) AS b${i}`);
  }
  return cols.join(', ');
}

function currentSql(basis: AgingBasis, bucketCount: number): string {
  return `SELECT d.customer_id AS customerId, ${pivotColumns(referenceColumn(basis, 'd'), bucketCount)},
      coalesce(SUM(CASE WHEN d.due_on < @asOf THEN d.open_fen END), 0) AS overdue
    FROM ar_documents d INDEXED BY ar_documents_open WHERE d.open_fen > 0
    GROUP BY d.customer_id`;
}

/** Valid only when no document is dated after asOf (see latestDocDate). */
export function currentOpenAmounts(
  ctx: ServiceContext,
  asOf: string,
  basis: AgingBasis,
  buckets: readonly AgingBucket[],
): Map<string, OpenByCustomer> {
  const params: Record<string, string> = { asOf };
  bucketThresholds(asOf, buckets).forEach((t, i) => (params[`t${i}`] = t));
  const rows = ctx.db.prepare(currentSql(basis, buckets.length)).all(params) as Record<string, number | string>[];
  const out = new Map<string, OpenByCustomer>();
  for (const r of rows) {
    const bucketsFen = buckets.map((_, i) => r[`b${i}`] as number);
    out.set(r.customerId as string, { bucketsFen, overdueFen: r.overdue as number });
  }
  return out;
}

/** The latest document date in the ledger (null when empty): read from the date index, one step. */
export function latestDocDate(ctx: ServiceContext): string | null {
  const row = ctx.db.prepare(`SELECT max(doc_date) AS d FROM ar_documents`).get() as { d: string | null };
  return row.d;
}
