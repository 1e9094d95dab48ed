/**
 * Open spans: how much of each document was open (debits) or unapplied
 * (credits) over which dates, according to the full replay.
 *
 * The replay allocates when it reaches the later of the two documents
 * (allocated_on), so the state as of any date D is the PREFIX of the full
 * replay — unless a document dated ≤ D is voided by a void dated > D (a
 * "crossing void"; those customers are replayed as of D instead). Within
 * that prefix a document's open amount is a step function of D: its amount
 * from its date, lower after each date it received allocations, until it is
 * settled. Each step is one span [fromOn, untilOn) with the amount open
 * during it; a span still open today ends at OPEN_END. So "open as of D" is
 * exactly "the spans with fromOn ≤ D < untilOn", which an index can find
 * without replaying anything (electron/services/aging/spansAsOf.ts).
 *
 * Voided originals and voids have no spans: the full replay removes them.
 * Steps of zero length (paid on its own date) and zero amounts are left out.
 */
import type { Allocation, ArDoc, ReplayResult } from './types';

/** untilOn of a span that is still open after the last document. */
export const OPEN_END = '9999-12-31';

export interface OpenSpan {
  docId: string;
  side: 'debit' | 'credit';
  fromOn: string;
  untilOn: string;
  openFen: number;
  /** Debits: the due date (aging's due basis); credits: null. */
  dueOn: string | null;
  docDate: string;
}

/** Allocated amount per date, for one side of the allocations, keyed by document (only the documents `only` keeps). */
function stepsByDoc(allocations: readonly Allocation[], side: 'debit' | 'credit', only?: (docId: string) => boolean): Map<string, Map<string, number>> {
  const out = new Map<string, Map<string, number>>();
  for (const a of allocations) {
    const id = side === 'debit' ? a.debitId : a.creditId;
    if (only !== undefined && !only(id)) continue;
    let steps = out.get(id);
    if (steps === undefined) out.set(id, (steps = new Map()));
    steps.set(a.allocatedOn, (steps.get(a.allocatedOn) ?? 0) + a.amountFen);
  }
  return out;
}

/** One document's spans from its amount, date and allocations per date. */
function spansOf(doc: ArDoc, steps: ReadonlyMap<string, number> | undefined, out: OpenSpan[]): void {
  const side = doc.side;
  const dueOn = side === 'debit' ? (doc.dueOn ?? doc.docDate) : null;
  let level = doc.amountFen;
  let from = doc.docDate;
  const dates = steps ? [...steps.keys()].sort() : [];
  for (const date of dates) {
    if (date > from && level > 0) out.push({ docId: doc.id, side, fromOn: from, untilOn: date, openFen: level, dueOn, docDate: doc.docDate });
    level -= steps?.get(date) ?? 0;
    if (date > from) from = date;
  }
  if (level > 0) out.push({ docId: doc.id, side, fromOn: from, untilOn: OPEN_END, openFen: level, dueOn, docDate: doc.docDate });
}

/**
 * Every span of one customer, from its documents and their full replay
 * (replay(docs, null)); with `only`, the spans of the documents it keeps, the
 * same as filtering every span by document but without building the rest (an
 * import writes the spans of a few new documents of customers with hundreds).
 */
export function openSpansOf(docs: readonly ArDoc[], result: ReplayResult, only?: (docId: string) => boolean): OpenSpan[] {
  const debitSteps = stepsByDoc(result.allocations, 'debit', only);
  const creditSteps = stepsByDoc(result.allocations, 'credit', only);
  const out: OpenSpan[] = [];
  for (const doc of docs) {
    if (only !== undefined && !only(doc.id)) continue;
    // The replay's own lists say which documents are live (not voids, not voided).
    if (doc.side === 'debit' ? !result.openByDebit.has(doc.id) : !result.unappliedByCredit.has(doc.id)) continue;
    spansOf(doc, (doc.side === 'debit' ? debitSteps : creditSteps).get(doc.id), out);
  }
  return out;
}
