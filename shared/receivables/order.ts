import type { ArDoc } from './types';

/**
 * The §4 document order of one customer: date, then debit before credit on the
 * same date (so a same-day receipt can pay a same-day invoice), then document
 * number as plain text. The number is compared by UTF-16 code units, not with
 * localeCompare: locale collation differs between machines/ICU builds, and the
 * order must be identical on every PC ("10" sorts before "9"). The id is the
 * last tie-break so that the order, and thus every derived figure, never
 * depends on the order the documents were handed in.
 */
export function compareDocs(a: ArDoc, b: ArDoc): number {
  if (a.docDate !== b.docDate) return a.docDate < b.docDate ? -1 : 1;
  if (a.side !== b.side) return a.side === 'debit' ? -1 : 1;
  if (a.docNo !== b.docNo) return a.docNo < b.docNo ? -1 : 1;
  if (a.id !== b.id) return a.id < b.id ? -1 : 1;
  return 0;
}

/** A new array in §4 order; the input is left untouched. */
export function sortDocs(docs: readonly ArDoc[]): ArDoc[] {
  return [...docs].sort(compareDocs);
}
