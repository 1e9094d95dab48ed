import { compareDocs } from './order';
import type { Allocation, ArDoc, ReplayResult } from './types';

/** A debit while it takes part in the replay; `open` shrinks as credits pay it. */
interface DebitState {
  id: string;
  kind: string;
  docDate: string;
  docNo: string;
  /** Due date for FIFO; a debit without one is due on its own date (as in aging). */
  dueKey: string;
  open: number;
}

interface CreditState {
  id: string;
  docDate: string;
  remaining: number;
}

/**
 * FIFO priority of rule 2: earliest due date, then earliest date, then number,
 * then kind (numbers are unique per kind only, as in order.ts), then id.
 */
function paysFirst(a: DebitState, b: DebitState): boolean {
  if (a.dueKey !== b.dueKey) return a.dueKey < b.dueKey;
  if (a.docDate !== b.docDate) return a.docDate < b.docDate;
  if (a.docNo !== b.docNo) return a.docNo < b.docNo;
  if (a.kind !== b.kind) return a.kind < b.kind;
  return a.id < b.id;
}

/**
 * Binary min-heap of open debits. Debits arrive in document order, not due
 * order (a long-term invoice can precede a short-term one), so a heap keeps
 * "earliest due first" at O(log n) per debit instead of re-sorting for every
 * credit. Debits that an explicit target pays off stay inside and are skipped
 * when they surface (lazy deletion), which avoids searching the heap.
 */
class OpenDebitHeap {
  private readonly items: DebitState[] = [];

  push(item: DebitState): void {
    const items = this.items;
    items.push(item);
    let i = items.length - 1;
    while (i > 0) {
      const parent = (i - 1) >> 1;
      if (!paysFirst(items[i], items[parent])) break;
      [items[i], items[parent]] = [items[parent], items[i]];
      i = parent;
    }
  }

  /** The first debit FIFO should pay that still has something open, or undefined. */
  peekOpen(): DebitState | undefined {
    while (this.items.length > 0 && this.items[0].open === 0) this.pop();
    return this.items[0];
  }

  pop(): void {
    const items = this.items;
    const last = items.pop();
    if (last === undefined || items.length === 0) return;
    items[0] = last;
    let i = 0;
    for (;;) {
      const left = 2 * i + 1;
      const right = left + 1;
      let best = i;
      if (left < items.length && paysFirst(items[left], items[best])) best = left;
      if (right < items.length && paysFirst(items[right], items[best])) best = right;
      if (best === i) return;
      [items[i], items[best]] = [items[best], items[i]];
      i = best;
    }
  }
}

function laterDate(a: string, b: string): string {
  return a > b ? a : b;
}

/**
 * Replays one customer's documents in §4 order and derives the allocations
 * (核销) and open/unapplied amounts as of `asOf` (null = everything).
 *
 * Documents dated after asOf do not exist yet. A void dated ≤ asOf removes its
 * original from the replay entirely, so the original's allocations are
 * re-derived as if it had never been posted; a void dated after asOf has not
 * happened and the original counts normally. Voids themselves are never
 * allocated. The balance, however, is plain debits − credits of everything
 * dated ≤ asOf: an original and its void net to zero there.
 *
 * The input is sorted here, so the result never depends on input order.
 */
export function replay(docs: readonly ArDoc[], asOf: string | null): ReplayResult {
  let balanceFen = 0;
  const existing: ArDoc[] = [];
  for (const doc of docs) {
    if (asOf !== null && doc.docDate > asOf) continue;
    existing.push(doc);
    balanceFen += doc.side === 'debit' ? doc.amountFen : -doc.amountFen;
  }

  // A void of a void is not a supported way to "un-void": it never removes anything,
  // so the first void stays effective (its original stays gone).
  const kindById = new Map<string, ArDoc['kind']>();
  for (const doc of existing) kindById.set(doc.id, doc.kind);
  const removed = new Set<string>();
  for (const doc of existing) {
    if (doc.kind === 'void' && doc.voidsId !== null && kindById.get(doc.voidsId) !== 'void') {
      removed.add(doc.voidsId);
    }
  }

  const live = existing.filter((doc) => doc.kind !== 'void' && !removed.has(doc.id));
  live.sort(compareDocs);

  const allocations: Allocation[] = [];
  const debitsById = new Map<string, DebitState>();
  const credits: CreditState[] = [];
  const openHeap = new OpenDebitHeap();
  // Credits with something unapplied, in document order. Only the front is ever
  // consumed, and a credit is appended only after it has paid every open debit,
  // so a queue with a moving head is enough ("oldest credit first").
  const unapplied: CreditState[] = [];
  let unappliedHead = 0;

  for (const doc of live) {
    if (doc.side === 'debit') {
      const debit: DebitState = {
        id: doc.id,
        kind: doc.kind,
        docDate: doc.docDate,
        docNo: doc.docNo,
        dueKey: doc.dueOn ?? doc.docDate,
        open: doc.amountFen,
      };
      debitsById.set(doc.id, debit);
      // Rule 1: money already received (预收) pays the new debit, oldest credit first.
      while (debit.open > 0 && unappliedHead < unapplied.length) {
        const credit = unapplied[unappliedHead];
        const pay = Math.min(credit.remaining, debit.open);
        allocations.push({
          creditId: credit.id,
          debitId: debit.id,
          amountFen: pay,
          allocatedOn: laterDate(credit.docDate, debit.docDate),
          explicit: false,
        });
        credit.remaining -= pay;
        debit.open -= pay;
        if (credit.remaining === 0) unappliedHead++;
      }
      if (debit.open > 0) openHeap.push(debit);
      continue;
    }

    const credit: CreditState = { id: doc.id, docDate: doc.docDate, remaining: doc.amountFen };
    credits.push(credit);

    // Rule 2a: the clerk's own choices, each capped by what is still open on the
    // target (never its original amount) and by what is left of the credit. A target
    // that is voided, not a debit, or not posted yet at this point gets nothing.
    const explicitRowByDebit = new Map<string, Allocation>();
    for (const target of doc.explicitTargets) {
      if (credit.remaining === 0) break;
      const debit = debitsById.get(target.debitId);
      if (debit === undefined || debit.open === 0 || !(target.amountFen > 0)) continue;
      const pay = Math.min(target.amountFen, debit.open, credit.remaining);
      const row = explicitRowByDebit.get(debit.id);
      if (row !== undefined) {
        // The same target listed twice: one row, so a pair is not shown twice.
        row.amountFen += pay;
      } else {
        const fresh: Allocation = {
          creditId: credit.id,
          debitId: debit.id,
          amountFen: pay,
          allocatedOn: laterDate(credit.docDate, debit.docDate),
          explicit: true,
        };
        explicitRowByDebit.set(debit.id, fresh);
        allocations.push(fresh);
      }
      debit.open -= pay;
      credit.remaining -= pay;
    }

    // Rule 2b: the rest pays open debits, earliest due first.
    while (credit.remaining > 0) {
      const debit = openHeap.peekOpen();
      if (debit === undefined) break;
      const pay = Math.min(credit.remaining, debit.open);
      allocations.push({
        creditId: credit.id,
        debitId: debit.id,
        amountFen: pay,
        allocatedOn: laterDate(credit.docDate, debit.docDate),
        explicit: false,
      });
      debit.open -= pay;
      credit.remaining -= pay;
      if (debit.open === 0) openHeap.pop();
    }

    // Whatever is left is 预收 and waits for the next debit (rule 1).
    if (credit.remaining > 0) unapplied.push(credit);
  }

  const openByDebit = new Map<string, number>();
  for (const debit of debitsById.values()) openByDebit.set(debit.id, debit.open);
  const unappliedByCredit = new Map<string, number>();
  for (const credit of credits) unappliedByCredit.set(credit.id, credit.remaining);

  return { allocations, openByDebit, unappliedByCredit, balanceFen };
}
