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
import type { Allocation, ArDoc, ReplayResult } from '../../../shared/receivables/types';
import type { ServiceContext } from '../context';
import { storeSpans } from './spanRows';
import { writeVoidWindowSpans } from './voidWindowSpans';

/**
 * Which documents' spans may differ from the stored ones, when the caller
 * knows: `fresh` have none stored yet (just inserted), `touched` may have
 * changed (a changed allocation names them, or a void reversed them). A
 * document's spans depend only on its own immutable fields, whether it is
 * voided and its allocations, so every other document's stored spans are
 * already right and are neither read nor compared. Without a scope every
 * span of the customer is diffed (any write, sync, repair).
 */
export interface SpanScope {
  fresh: ReadonlySet<string>;
  touched: ReadonlySet<string>;
}

/** Brings the customer's stored spans (and void-window spans) in line with its replay; returns how many rows changed. */
export function writeOpenSpans(ctx: ServiceContext, customerId: string, docs: readonly ArDoc[], result: ReplayResult, fresh = false, scope?: SpanScope): number {
  const spans = scope ? openSpansOf(docs, result, (id) => scope.fresh.has(id) || scope.touched.has(id)) : openSpansOf(docs, result);
  return storeSpans(ctx, 'ar_open_spans', customerId, spans, fresh, scope?.touched) + writeVoidWindowSpans(ctx, customerId, docs, fresh, scope?.fresh);
}

/**
 * The open spans of the scope's documents after a resumed replay (imports,
 * shared/receivables/resume.ts): `result` holds only the allocations dated
 * from the resume date, so `earlier` adds the stored ones dated before it of
 * the earlier documents in the scope, and `docs` carry their real amounts. The
 * void-window spans are left alone: the caller checked that they stay as stored.
 */
export function writeScopedOpenSpans(
  ctx: ServiceContext,
  customerId: string,
  docs: readonly ArDoc[],
  result: ReplayResult,
  scope: SpanScope,
  earlier: readonly Allocation[],
): number {
  const all = earlier.length === 0 ? result : { ...result, allocations: [...earlier, ...result.allocations] };
  const spans = openSpansOf(docs, all, (id) => scope.fresh.has(id) || scope.touched.has(id));
  return storeSpans(ctx, 'ar_open_spans', customerId, spans, false, scope.touched);
}
