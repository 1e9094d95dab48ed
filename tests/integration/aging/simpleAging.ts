/**
 * A deliberately simple, independent aging for the tests: DESIGN §4 read
 * literally and written out again, sharing no code with the engine or the
 * services (types only). Quadratic loops, plain arrays, no shortcuts — the
 * point is to be obviously right, not fast.
 */
import type { AgingBucket } from '../../../shared/api/aging';
import type { ArDocument } from '../../../shared/api/ledger';

export interface PlainDoc {
  id: string;
  kind: ArDocument['kind'];
  side: 'debit' | 'credit';
  docNo: string;
  date: string;
  dueOn: string | null;
  amountFen: number;
  voidsId: string | null;
  /** The clerk's explicit allocations, in order. */
  targets: { debitId: string; amountFen: number }[];
}

export interface SimpleAging {
  bucketsFen: number[];
  unappliedFen: number;
  balanceFen: number;
  overdueFen: number;
  /** debit id -> open amount (> 0 only). */
  open: Map<string, number>;
  /** credit id -> unapplied amount (> 0 only). */
  unapplied: Map<string, number>;
}

const dayIndex = (date: string): number => Date.UTC(Number(date.slice(0, 4)), Number(date.slice(5, 7)) - 1, Number(date.slice(8, 10))) / 86_400_000;

/** Same date: debit before credit; then number as plain text; then id. */
function before(a: PlainDoc, b: PlainDoc): number {
  if (a.date !== b.date) return a.date < b.date ? -1 : 1;
  if (a.side !== b.side) return a.side === 'debit' ? -1 : 1;
  if (a.docNo !== b.docNo) return a.docNo < b.docNo ? -1 : 1;
  return a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
}

export function simpleAging(docs: readonly PlainDoc[], asOf: string, basis: 'due' | 'document', buckets: readonly AgingBucket[]): SimpleAging {
  // Documents dated after asOf have not happened; nor have voids dated after it.
  const existing = docs.filter((d) => d.date <= asOf);
  let balanceFen = 0;
  for (const d of existing) balanceFen += d.side === 'debit' ? d.amountFen : -d.amountFen;
  const voided = new Set(existing.filter((d) => d.kind === 'void').map((d) => d.voidsId));
  const live = existing.filter((d) => d.kind !== 'void' && !voided.has(d.id)).sort(before);

  const debits: { doc: PlainDoc; open: number }[] = [];
  const credits: { doc: PlainDoc; left: number }[] = [];
  for (const doc of live) {
    if (doc.side === 'debit') {
      const debit = { doc, open: doc.amountFen };
      debits.push(debit);
      // Rule 1: money already received pays it, oldest credit first.
      for (const c of credits) {
        const pay = Math.min(c.left, debit.open);
        c.left -= pay;
        debit.open -= pay;
      }
      continue;
    }
    const credit = { doc, left: doc.amountFen };
    credits.push(credit);
    // Rule 2: the clerk's targets first, each up to what is still open on it.
    for (const t of doc.targets) {
      const target = debits.find((d) => d.doc.id === t.debitId);
      if (!target) continue;
      const pay = Math.min(t.amountFen, target.open, credit.left);
      target.open -= pay;
      credit.left -= pay;
    }
    // Then the open debits, earliest due date first (then date, then number, then id).
    for (;;) {
      const candidates = debits.filter((d) => d.open > 0);
      if (credit.left === 0 || candidates.length === 0) break;
      candidates.sort((a, b) => {
        const da = a.doc.dueOn ?? a.doc.date;
        const db = b.doc.dueOn ?? b.doc.date;
        if (da !== db) return da < db ? -1 : 1;
        if (a.doc.date !== b.doc.date) return a.doc.date < b.doc.date ? -1 : 1;
        if (a.doc.docNo !== b.doc.docNo) return a.doc.docNo < b.doc.docNo ? -1 : 1;
        return a.doc.id < b.doc.id ? -1 : 1;
      });
      const first = candidates[0];
      const pay = Math.min(first.open, credit.left);
      first.open -= pay;
      credit.left -= pay;
    }
  }

  const bucketsFen = buckets.map(() => 0);
  let overdueFen = 0;
  const open = new Map<string, number>();
  for (const d of debits) {
    if (d.open === 0) continue;
    open.set(d.doc.id, d.open);
    const due = d.doc.dueOn ?? d.doc.date;
    const days = dayIndex(asOf) - dayIndex(basis === 'due' ? due : d.doc.date);
    const i = buckets.findIndex((b) => (b.minDays === null || days >= b.minDays) && (b.maxDays === null || days <= b.maxDays));
    if (i < 0) throw new Error(`no bucket for ${days} days`);
    bucketsFen[i] += d.open;
    if (due < asOf) overdueFen += d.open;
  }
  const unapplied = new Map<string, number>();
  let unappliedFen = 0;
  for (const c of credits) {
    if (c.left === 0) continue;
    unapplied.set(c.doc.id, c.left);
    unappliedFen += c.left;
  }
  return { bucketsFen, unappliedFen, balanceFen, overdueFen, open, unapplied };
}
