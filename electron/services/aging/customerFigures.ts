/**
 * Each customer's aging figures as of a date (open per bucket, unapplied,
 * overdue), from the spans that hold its state then: the open spans for
 * every customer, except the few a crossing void makes an exception
 * (crossingVoids.ts), whose void-window spans (migration 0025: the replay as
 * of that date, stored by the re-derivation) are read instead; as of a date
 * nothing is dated after, from the stored state (currentFigures.ts). Whole, for
 * every customer at once, or for one customer (figuresCache.ts recomputes
 * only the customers a write changed).
 */
import type { AgingBasis, AgingBucket } from '../../../shared/receivables/aging';
import type { ServiceContext } from '../context';
import { customersWithCrossingVoids } from './crossingVoids';
import { agingFromStoredState } from './currentFigures';
import { latestDocDate } from './openAmounts';
import { agingFromSpans, customerAgingFromSpans, type SpanFigures } from './spansAsOf';

/** Nothing dated after asOf (the usual "as of today"): the stored state is the state as of asOf, and no void can cross it. */
const nothingAfter = (ctx: ServiceContext, asOf: string): boolean => {
  const latest = latestDocDate(ctx);
  return latest === null || latest <= asOf;
};

/** The customers a void crosses at asOf. */
export function crossedAt(ctx: ServiceContext, asOf: string): Set<string> {
  return new Set(nothingAfter(ctx, asOf) ? [] : customersWithCrossingVoids(ctx, asOf));
}

/** Every customer with anything open or unapplied at asOf. */
export function figuresOfAll(ctx: ServiceContext, asOf: string, basis: AgingBasis, buckets: readonly AgingBucket[]): Map<string, SpanFigures> {
  if (nothingAfter(ctx, asOf)) return agingFromStoredState(ctx, asOf, basis, buckets);
  const figures = agingFromSpans(ctx, asOf, basis, buckets);
  const crossed = new Set(customersWithCrossingVoids(ctx, asOf));
  if (crossed.size === 0) return figures;
  // Only crossed customers have window spans alive at asOf; one with none had nothing open then.
  const fromWindows = agingFromSpans(ctx, asOf, basis, buckets, 'ar_void_window_spans');
  for (const id of crossed) {
    const w = fromWindows.get(id);
    if (w === undefined) figures.delete(id);
    else figures.set(id, w);
  }
  return figures;
}

/** One customer's figures at asOf (undefined: nothing open or unapplied); `crossed` is crossedAt's answer for the same date. */
export function figuresOfOne(
  ctx: ServiceContext,
  customerId: string,
  asOf: string,
  basis: AgingBasis,
  buckets: readonly AgingBucket[],
  crossed: ReadonlySet<string>,
): SpanFigures | undefined {
  return customerAgingFromSpans(ctx, customerId, asOf, basis, buckets, crossed.has(customerId) ? 'ar_void_window_spans' : 'ar_open_spans');
}
