/**
 * The exception to the prefix rule (openAmounts.ts): a document dated ≤ D
 * voided by a void dated > D was still alive at D, but the stored full
 * replay was derived without it. Voids carry their original's date and are
 * indexed by (doc_date, original_date), so those customers are found with
 * one range read, and each is replayed as of D by the pure engine.
 */
import { agingOf, type AgingBasis, type AgingBucket, type AgingResult } from '../../../shared/receivables/aging';
import type { ArDoc, DocKind, ExplicitTarget, Side } from '../../../shared/receivables/types';
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

// Both reads cover all the customers at once; documents dated after D are left out (the replay as of D skips them anyway).
const DOCS_SQL = `SELECT customer_id, id, kind, side, doc_no, doc_date, due_on, amount_fen, voids_id
  FROM ar_documents INDEXED BY ar_documents_customer_replay
  WHERE customer_id IN (SELECT value FROM json_each(?)) AND doc_date <= ?`;
const TARGETS_SQL = `SELECT customer_id, credit_id, debit_id, amount_fen FROM ar_explicit_targets
  WHERE customer_id IN (SELECT value FROM json_each(?)) ORDER BY customer_id, credit_id, seq`;

type DocRow = [string, string, string, string, string, string, string | null, number, string | null];
type TargetRow = [string, string, string, number];

/**
 * Several customers' aging as of asOf, each a full replay by the shared
 * engine, their documents dated ≤ asOf loaded in two
 * statements for all of them (a report replays every customer with a
 * crossing void: one query each was most of that cost).
 */
export function replayedAgings(
  ctx: ServiceContext,
  customerIds: readonly string[],
  asOf: string,
  basis: AgingBasis,
  buckets: readonly AgingBucket[],
): Map<string, AgingResult> {
  const out = new Map<string, AgingResult>();
  if (customerIds.length === 0) return out;
  const ids = JSON.stringify(customerIds);
  const targets = new Map<string, ExplicitTarget[]>();
  for (const [, creditId, debitId, amountFen] of ctx.db.prepare(TARGETS_SQL).raw(true).all(ids) as TargetRow[]) {
    let list = targets.get(creditId);
    if (list === undefined) targets.set(creditId, (list = []));
    list.push({ debitId, amountFen });
  }
  const docs = new Map<string, ArDoc[]>(customerIds.map((id) => [id, []]));
  for (const [customerId, id, kind, side, docNo, docDate, dueOn, amountFen, voidsId] of ctx.db.prepare(DOCS_SQL).raw(true).all(ids, asOf) as DocRow[]) {
    docs.get(customerId)?.push({ id, kind: kind as DocKind, side: side as Side, docNo, docDate, dueOn, amountFen, voidsId, explicitTargets: targets.get(id) ?? [] });
  }
  for (const [customerId, list] of docs) out.set(customerId, agingOf(list, asOf, basis, buckets));
  return out;
}
