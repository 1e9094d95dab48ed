/**
 * Aging figures as of a date no document is dated after (the usual "as of
 * today"): then the state as of that date is the stored full replay, so
 * each open debit's open amount is read from the open-items index
 * (ar_documents_open, which holds the due and document dates: migration
 * 0028) and each customer's unapplied credit from its summary row. That is
 * one covering read of about as many rows as are open, against a seek per
 * month of history in the open spans (spansAsOf.ts), which remain the
 * source for every earlier date. The caller checks the date (latestDocDate).
 */
import type { AgingBasis, AgingBucket } from '../../../shared/receivables/aging';
import type { ServiceContext } from '../context';
import { bucketSpanRows, type SpanFigures, type SpanRow } from './spansAsOf';

/** Each open debit's customer, due date, open amount (and document date on that basis): covered by the index. */
export const OPEN_DEBITS = {
  due: `SELECT customer_id, due_on, open_fen FROM ar_documents INDEXED BY ar_documents_open WHERE open_fen > 0`,
  document: `SELECT customer_id, due_on, open_fen, doc_date FROM ar_documents INDEXED BY ar_documents_open WHERE open_fen > 0`,
} as const;

// A null due date is what the bucketing reads as unapplied (as a credit's span has).
const UNAPPLIED = `SELECT customer_id, NULL, unapplied_fen FROM ar_customer_state WHERE unapplied_fen > 0`;

/** Every customer with anything open or unapplied, from the stored state; asOf must be on or after every document's date. */
export function agingFromStoredState(ctx: ServiceContext, asOf: string, basis: AgingBasis, buckets: readonly AgingBucket[]): Map<string, SpanFigures> {
  const debits = ctx.db.prepare(OPEN_DEBITS[basis]).raw(true).all() as SpanRow[];
  const credits = ctx.db.prepare(UNAPPLIED).raw(true).all() as SpanRow[];
  for (const row of credits) debits.push(row);
  return bucketSpanRows(debits, asOf, basis, buckets);
}
