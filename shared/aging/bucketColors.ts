/**
 * The one colour ramp of aging buckets (UI.md: neutral for 未到期, deepening
 * to deep red for 365天以上), used by every chart, legend and table of the
 * app so a colour means the same age everywhere. Bucket lists are settings,
 * so colours are given by position: buckets that are not past due (the first
 * one, and any whose days never exceed 0) are neutral greys; the past-due
 * ones are spread over the warm ramp from its lightest to its deepest stop.
 */
import type { AgingBucket } from '../receivables/aging';

/** Not yet due / current period. */
export const NOT_DUE_COLORS = ['#adb5bd', '#868e96'] as const;
/** Yellow-orange to deep red; the last stop is always the oldest bucket. */
export const OVERDUE_RAMP = ['#fcc419', '#ff922b', '#f76707', '#f03e3e', '#c92a2a', '#8f1d1d'] as const;

const notDue = (b: Pick<AgingBucket, 'maxDays'>, index: number): boolean => index === 0 || (b.maxDays !== null && b.maxDays <= 0);

/** A colour per bucket, in list order. */
export function bucketColors(buckets: readonly Pick<AgingBucket, 'maxDays'>[]): string[] {
  const overdue = buckets.filter((b, i) => !notDue(b, i)).length;
  let neutral = 0;
  let warm = 0;
  return buckets.map((b, i) => {
    if (notDue(b, i)) return NOT_DUE_COLORS[Math.min(neutral++, NOT_DUE_COLORS.length - 1)];
    const step = overdue === 1 ? OVERDUE_RAMP.length - 1 : Math.round((warm++ * (OVERDUE_RAMP.length - 1)) / (overdue - 1));
    return OVERDUE_RAMP[step];
  });
}
