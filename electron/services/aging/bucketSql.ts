/**
 * Bucketing inside SQL. Days = asOf − reference date, and bucket i holds
 * days ≤ maxDays(i) above the previous bucket; so with a validated
 * (contiguous, ascending) list, "days ≤ max" is "reference ≥ asOf − max",
 * and a row's bucket is the first i whose threshold date its reference
 * reaches. Comparing ISO date strings keeps the SQL on the indexed value
 * itself: no date arithmetic per row.
 */
import { addDays } from '../../../shared/dates/calendar';
import type { AgingBasis, AgingBucket } from '../../../shared/receivables/aging';

/** Below and above every real YYYY-MM-DD, for ranges that reach past the calendar. */
const BEFORE_ALL_DATES = '0000-00-00';
const AFTER_ALL_DATES = '9999-99-99';

/** asOf − days as a date, clamped to the ends of the calendar (a 100,000-day bucket is still a valid bucket). */
export function thresholdDate(asOf: string, days: number): string {
  try {
    return addDays(asOf, -days);
  } catch {
    return days > 0 ? BEFORE_ALL_DATES : AFTER_ALL_DATES;
  }
}

/** The threshold of every bucket but the last (whose top is open): reference ≥ thresholds[i] ⇒ bucket ≤ i. */
export function bucketThresholds(asOf: string, buckets: readonly AgingBucket[]): string[] {
  return buckets.slice(0, -1).map((b) => thresholdDate(asOf, b.maxDays as number));
}

/** The column days are counted from: the due date (逾期账龄) or the document date (账龄). */
export const referenceColumn = (basis: AgingBasis, alias: string): string => `${alias}.${basis === 'due' ? 'due_on' : 'doc_date'}`;
