/**
 * The exception to the prefix rule (openAmounts.ts): a document dated ≤ D
 * voided by a void dated > D was still alive at D, but the stored full
 * replay was derived without it. Voids carry their original's date and are
 * indexed by (doc_date, original_date), so those customers are found with
 * one range read; aging reads their void-window spans (migration 0025),
 * other readers replay them as of D.
 */
import type { ServiceContext } from '../context';

export function customersWithCrossingVoids(ctx: ServiceContext, asOf: string): string[] {
  const rows = ctx.db
    .prepare(
      `SELECT DISTINCT customer_id FROM ar_documents INDEXED BY ar_documents_voids
       WHERE kind = 'void' AND doc_date > ? AND original_date <= ?`,
    )
    .all(asOf, asOf) as { customer_id: string }[];
  return rows.map((r) => r.customer_id);
}
