/**
 * Keeps ar_open_spans (migration 0014_a) equal to the spans of the full
 * replay, one customer at a time: called by every re-derivation (so by every
 * posting, void, import, undo and by sync after applying remote documents)
 * and by the bulk loader. Only the spans that changed are written: an import
 * of new invoices adds a span or two per customer instead of rewriting the
 * customer's history. The void-window spans (voidWindowSpans.ts) are kept
 * in the same step, so every path that keeps the one keeps the other.
 */
import { openSpansOf } from '../../../shared/receivables/openSpans';
import type { ArDoc, ReplayResult } from '../../../shared/receivables/types';
import type { ServiceContext } from '../context';
import { storeSpans } from './spanRows';
import { writeVoidWindowSpans } from './voidWindowSpans';

/** Brings the customer's stored spans (and void-window spans) in line with its replay; returns how many rows changed. */
export function writeOpenSpans(ctx: ServiceContext, customerId: string, docs: readonly ArDoc[], result: ReplayResult, fresh = false): number {
  return storeSpans(ctx, 'ar_open_spans', customerId, openSpansOf(docs, result), fresh) + writeVoidWindowSpans(ctx, customerId, docs, fresh);
}
