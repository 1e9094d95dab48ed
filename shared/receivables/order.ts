import type { ArDoc } from './types';

/**
 * The §4 document order of one customer: date, then debit before credit on the
 * same date (so a same-day receipt can pay a same-day invoice), then document
 * number as plain text. The number is compared by UTF-16 code units, not with
 * localeCompare: locale collation differs between machines/ICU builds, and the
 * order must be identical on every PC ("10" sorts before "9"). Numbers are
 * unique per kind only, so the kind breaks the next tie (a receipt and a
 * credit note may both be "001"); (kind, number) is unique, so the order, and
 * thus every derived figure, never depends on the order of entry. The id is a
 * last resort for data that breaks that uniqueness.
 */
export function compareDocs(a: ArDoc, b: ArDoc): number {
  if (a.docDate !== b.docDate) return a.docDate < b.docDate ? -1 : 1;
  if (a.side !== b.side) return a.side === 'debit' ? -1 : 1;
  if (a.docNo !== b.docNo) return a.docNo < b.docNo ? -1 : 1;
  if (a.kind !== b.kind) return a.kind < b.kind ? -1 : 1;
  if (a.id !== b.id) return a.id < b.id ? -1 : 1;
  return 0;
}

/** A new array in §4 order; the input is left untouched. */
export function sortDocs(docs: readonly ArDoc[]): ArDoc[] {
  return [...docs].sort(compareDocs);
}
