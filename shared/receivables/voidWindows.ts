/**
 * Void windows: the dates at which a customer's state is NOT the prefix of
 * its full replay, and the open spans that hold for those dates instead.
 *
 * The open spans (openSpans.ts) are the full replay's, so they are the state
 * as of D except where a document dated ≤ D is voided by a void dated > D
 * (a "crossing void": at D the document still counted). Each void dated
 * after its original opens such a window [original's date, void's date).
 * Cut the customer's calendar at every window end; inside one piece [a, b)
 * the set of crossing voids does not change, and no void is dated inside
 * (a, b). So for every D in [a, b) the replay as of D keeps exactly the
 * documents the replay as of b − 1 keeps among those dated ≤ D, in the same
 * order: the state as of D is the prefix, at D, of replay(docs, b − 1), and
 * "open at D" is again "its spans with fromOn ≤ D < untilOn". Those spans,
 * clipped to [a, b), are the piece's window spans: one replay per piece,
 * done when the customer is re-derived, instead of one per report.
 *
 * A void of a void (which removes nothing, see replay.ts) still opens a
 * window: the readers find crossing customers by the void's dates alone,
 * and an extra piece costs only its replay.
 */
import { addDays } from '../dates/calendar';
import { openSpansOf, type OpenSpan } from './openSpans';
import { replay } from './replay';
import type { ArDoc } from './types';

/** One piece of the calendar, [fromOn, untilOn), during which at least one void crosses every date. */
export interface VoidWindow {
  fromOn: string;
  untilOn: string;
}

/** The pieces, in date order; none when no void is dated after its original. */
export function voidWindowsOf(docs: readonly ArDoc[]): VoidWindow[] {
  // Most customers have no void: find the voids first and look up only their originals' dates
  // (this runs on every re-derivation, over every document of the customer).
  const voids = docs.filter((d) => d.kind === 'void' && d.voidsId !== null);
  if (voids.length === 0) return [];
  const originals = new Set(voids.map((v) => v.voidsId as string));
  const dateById = new Map<string, string>();
  for (const d of docs) if (originals.has(d.id)) dateById.set(d.id, d.docDate);
  // +1 where a window opens (the original's date), −1 where it closes (the void's date).
  const delta = new Map<string, number>();
  for (const d of voids) {
    const originalOn = dateById.get(d.voidsId as string);
    if (originalOn === undefined || originalOn >= d.docDate) continue;
    delta.set(originalOn, (delta.get(originalOn) ?? 0) + 1);
    delta.set(d.docDate, (delta.get(d.docDate) ?? 0) - 1);
  }
  const points = [...delta.keys()].sort();
  const out: VoidWindow[] = [];
  let crossing = 0;
  for (let i = 0; i + 1 < points.length; i++) {
    crossing += delta.get(points[i]) as number;
    if (crossing > 0) out.push({ fromOn: points[i], untilOn: points[i + 1] });
  }
  return out;
}

/** Every window span of one customer: per piece, the spans of replay(docs, b − 1) clipped to the piece. */
export function voidWindowSpansOf(docs: readonly ArDoc[], windows: readonly VoidWindow[] = voidWindowsOf(docs)): OpenSpan[] {
  const out: OpenSpan[] = [];
  for (const w of windows) {
    for (const s of openSpansOf(docs, replay(docs, addDays(w.untilOn, -1)))) {
      if (s.fromOn >= w.untilOn || s.untilOn <= w.fromOn) continue;
      out.push({
        ...s,
        fromOn: s.fromOn > w.fromOn ? s.fromOn : w.fromOn,
        untilOn: s.untilOn < w.untilOn ? s.untilOn : w.untilOn,
      });
    }
  }
  return out;
}
