/**
 * Resuming a customer's replay at a date instead of replaying its whole
 * history (issue 17 point 4: an import of this month's documents for 5,000
 * customers loaded and replayed ~1M stored documents to place ~100,000 new
 * ones).
 *
 * Why the stored derived data is enough. The replay (replay.ts) takes the
 * live documents in §4 order, date first. Add documents dated on or after
 * `from`, none of them a void: the documents dated before `from` come first
 * in both the old and the new replay and are processed identically, so the
 * state after them — the open debits with their open amounts, the credits
 * with something unapplied, in order — is the same. That state is read back
 * from the stored result of the old replay: an earlier document's open
 * (unapplied) amount then = its stored final amount + what stored
 * allocations dated on or after `from` took from it (an allocation is dated
 * on the later of its two documents, so exactly the ones made after the
 * earlier documents were processed).
 *
 * The replay rebuilds that state when it is handed the earlier documents
 * with those amounts and no explicit targets (they were applied already):
 * after each document at most one of "open debits" and "unapplied credits"
 * is non-empty (a credit keeps a rest only when no debit is open, a debit
 * stays open only when no credit has a rest), so re-feeding only open debits
 * or only unapplied credits allocates nothing and leaves the same heap or
 * queue. Everything later (stored documents dated from `from`, the new ones)
 * is handed over as it is. Earlier documents with nothing open then are left
 * out: FIFO skips them, an explicit target on them gets nothing either way,
 * and their stored amounts (0) stay right. Voids dated before `from` and
 * their originals take no part (the originals are stored as 0 with no
 * allocations); later voids are loaded and remove their originals as before.
 *
 * Proven against the full replay by tests/unit/receivables/resume.property.test.ts.
 */
import type { ArDoc } from './types';

/** A stored document with its stored derived amounts (the full replay's, as stored). */
export interface StoredDoc extends ArDoc {
  storedOpenFen: number | null;
  storedUnappliedFen: number | null;
}

/** A stored allocation row dated on or after the resume date. */
export interface StoredAllocationFrom {
  creditId: string;
  debitId: string;
  amountFen: number;
}

/**
 * The stored documents a resumed replay needs: every one dated on or after
 * `from`, every earlier one with something open or unapplied, and every one
 * named by a stored allocation dated on or after `from` (callers load exactly
 * these; the test selects them the same way).
 */
export const neededForResume = (d: StoredDoc, from: string, inLaterAllocation: boolean): boolean =>
  d.docDate >= from || (d.storedOpenFen ?? 0) > 0 || (d.storedUnappliedFen ?? 0) > 0 || inLaterAllocation;

/**
 * The replay input that resumes at `from`: documents dated from `from` as
 * they are, earlier ones with their open (unapplied) amount at `from` and no
 * explicit targets; or null when the stored amounts are not a state the
 * replay can be in (open debits and unapplied credits at once): the caller
 * then replays the whole history.
 */
export function resumeInput(stored: readonly StoredDoc[], laterAllocations: readonly StoredAllocationFrom[], from: string): ArDoc[] | null {
  const takenLater = new Map<string, number>();
  const add = (id: string, fen: number) => takenLater.set(id, (takenLater.get(id) ?? 0) + fen);
  for (const a of laterAllocations) {
    add(a.debitId, a.amountFen);
    add(a.creditId, a.amountFen);
  }
  const out: ArDoc[] = [];
  let openDebits = false;
  let unappliedCredits = false;
  for (const d of stored) {
    if (d.docDate >= from) {
      out.push(d);
      continue;
    }
    if (d.kind === 'void') continue;
    const atFrom = (d.side === 'debit' ? (d.storedOpenFen ?? 0) : (d.storedUnappliedFen ?? 0)) + (takenLater.get(d.id) ?? 0);
    if (atFrom <= 0) continue;
    if (d.side === 'debit') openDebits = true;
    else unappliedCredits = true;
    out.push({ ...d, amountFen: atFrom, explicitTargets: [] });
  }
  return openDebits && unappliedCredits ? null : out;
}
