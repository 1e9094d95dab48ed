/**
 * "As of today": when no document is dated after asOf, the stored full
 * replay IS the state as of asOf, so the open debits are exactly the rows
 * with open_fen > 0. One pass over the (covering) partial index of open
 * debits sums them per customer; grouping by customer alone follows the
 * index order, so SQLite needs no sort. Per bucket boundary the pass keeps a
 * running "reference ≥ threshold" sum (one comparison per row and column),
 * and the buckets are the differences of neighbouring sums.
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

/** `SUM(CASE WHEN ref >= @t{i} …)` for every threshold: the open amount with days ≤ maxDays(i). */
function cumulativeColumns(reference: string, bucketCount: number): string {
  const cols: string[] = [];
  for (let i = 0; i < bucketCount - 1; i++) cols.push(`SUM(CASE WHEN ${reference} >= @t${i} THEN d.open_fen ELSE 0 END) AS c${i}`);
  return cols.join(', ');
}

function currentSql(basis: AgingBasis, bucketCount: number): string {
  return `SELECT d.customer_id AS customerId, SUM(d.open_fen) AS total, ${cumulativeColumns(referenceColumn(basis, 'd'), bucketCount)},
      SUM(CASE WHEN d.due_on >= @asOf THEN d.open_fen ELSE 0 END) AS notOverdue
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
  // Rows as arrays [customer, total, c0 … c(n-2), notOverdue]: thousands of them, read on every report.
  const stmt = ctx.db.prepare(currentSql(basis, buckets.length));
  const rows = stmt.raw(true).all(params) as (string | number)[][];
  const out = new Map<string, OpenByCustomer>();
  const n = buckets.length;
  for (const r of rows) {
    const total = r[1] as number;
    const bucketsFen = new Array<number>(n);
    let below = 0;
    for (let i = 0; i < n - 1; i++) {
      const upTo = r[2 + i] as number;
      bucketsFen[i] = upTo - below;
      below = upTo;
    }
    bucketsFen[n - 1] = total - below;
    out.set(r[0] as string, { bucketsFen, overdueFen: total - (r[n + 1] as number) });
  }
  return out;
}

/** The latest document date in the ledger (null when empty): read from the date index, one step. */
export function latestDocDate(ctx: ServiceContext): string | null {
  const row = ctx.db.prepare(`SELECT max(doc_date) AS d FROM ar_documents`).get() as { d: string | null };
  return row.d;
}
