/**
 * The exception to the prefix rule (openAmounts.ts): a document dated ≤ D
 * voided by a void dated > D was still alive at D, but the stored full
 * replay was derived without it. Voids carry their original's date and are
 * indexed by (doc_date, original_date), so those customers are found with
 * one range read, and each is replayed as of D by the pure engine.
 */
import { agingOf, type AgingBasis, type AgingBucket, type AgingResult } from '../../../shared/receivables/aging';
import type { ServiceContext } from '../context';
import { loadCustomerDocs } from '../ledger/docRows';

export function customersWithCrossingVoids(ctx: ServiceContext, asOf: string): string[] {
  const rows = ctx.db
    .prepare(
      `SELECT DISTINCT customer_id FROM ar_documents INDEXED BY ar_documents_voids
       WHERE kind = 'void' AND doc_date > ? AND original_date <= ?`,
    )
    .all(asOf, asOf) as { customer_id: string }[];
  return rows.map((r) => r.customer_id);
}

/** One customer's aging as of asOf by a full replay of its documents (§4, shared engine). */
export function replayedAging(
  ctx: ServiceContext,
  customerId: string,
  asOf: string,
  basis: AgingBasis,
  buckets: readonly AgingBucket[],
): AgingResult {
  return agingOf(loadCustomerDocs(ctx, customerId), asOf, basis, buckets);
}
