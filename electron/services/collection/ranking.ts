/**
 * The order of today's collection list, as a pure function so it can be
 * stated and tested on its own:
 *  1. group: 'broken' (latest promise to pay broken) first, then 'normal',
 *     then 'promised' (latest promise still pending: made on or before D,
 *     due on or after D, not yet paid in full — e.g. a customer who just
 *     promised on the phone; calling again before that date is pointless);
 *  2. within a group, the age-weighted overdue amount
 *     Σ open × (1 + days overdue / 30), largest first — ¥10,000 at 90 days
 *     (¥40,000 weighted) outranks ¥30,000 at 5 days (¥35,000);
 *  3. then the plain overdue total, then the customer code.
 */
import type { CollectionGroup } from '../../../shared/api/alerts';

const GROUP_ORDER: Record<CollectionGroup, number> = { broken: 0, normal: 1, promised: 2 };

/** Σ open × (30 + days), in thirtieths of a fen, to fen rounded half up (integers throughout: no float decides an order). */
export const fenFromThirtieths = (thirtieths: number): number => Math.floor((thirtieths + 15) / 30);

/** Σ open × (1 + days / 30) in fen, rounded half up once at the end. */
export function weightedOverdueFen(items: readonly { openFen: number; days: number }[]): number {
  let thirtieths = 0;
  for (const i of items) thirtieths += i.openFen * (30 + i.days);
  return fenFromThirtieths(thirtieths);
}

export interface Rankable {
  group: CollectionGroup;
  weightedFen: number;
  overdueFen: number;
  customerCode: string;
}

export function compareCollection(a: Rankable, b: Rankable): number {
  const g = GROUP_ORDER[a.group] - GROUP_ORDER[b.group];
  if (g !== 0) return g;
  if (a.weightedFen !== b.weightedFen) return b.weightedFen - a.weightedFen;
  if (a.overdueFen !== b.overdueFen) return b.overdueFen - a.overdueFen;
  return a.customerCode < b.customerCode ? -1 : a.customerCode > b.customerCode ? 1 : 0;
}
