import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { replay } from '../../../shared/receivables/replay';
import type { ArDoc, ReplayResult } from '../../../shared/receivables/types';
import { asOfArb, dateArb, entries, historyArb, shiftDate, signed } from './fixtures';

const RUNS = { numRuns: 400 };

/** Documents that take part in the replay as of asOf: existing, not voids, not voided. */
function liveDocs(docs: ArDoc[], asOf: string | null): ArDoc[] {
  const existing = docs.filter((d) => asOf === null || d.docDate <= asOf);
  const voided = new Set(existing.filter((d) => d.kind === 'void').map((d) => d.voidsId));
  return existing.filter((d) => d.kind !== 'void' && !voided.has(d.id));
}

function sum(values: Iterable<number>): number {
  let total = 0;
  for (const v of values) total += v;
  return total;
}

function comparable(r: ReplayResult) {
  return {
    allocations: r.allocations,
    open: entries(r.openByDebit),
    unapplied: entries(r.unappliedByCredit),
    balance: r.balanceFen,
  };
}

describe('replay properties on random histories', () => {
  it('does not depend on the order of the input', () => {
    const arb = historyArb().chain((docs) =>
      fc.tuple(fc.constant(docs), fc.shuffledSubarray(docs, { minLength: docs.length, maxLength: docs.length }), asOfArb),
    );
    fc.assert(
      fc.property(arb, ([docs, shuffled, asOf]) => {
        // Not only the same totals: the same rows in the same order, the same maps in the same order.
        const a = replay(docs, asOf);
        const b = replay(shuffled, asOf);
        expect(b.allocations).toEqual(a.allocations);
        expect([...b.openByDebit]).toEqual([...a.openByDebit]);
        expect([...b.unappliedByCredit]).toEqual([...a.unappliedByCredit]);
        expect(b.balanceFen).toBe(a.balanceFen);
      }),
      RUNS,
    );
  });

  it('never allocates more than either side, and open/unapplied are what is left', () => {
    fc.assert(
      fc.property(historyArb(), asOfArb, (docs, asOf) => {
        const result = replay(docs, asOf);
        const live = liveDocs(docs, asOf);
        const byId = new Map(live.map((d) => [d.id, d]));
        const toDebit = new Map<string, number>();
        const fromCredit = new Map<string, number>();
        for (const a of result.allocations) {
          const credit = byId.get(a.creditId);
          const debit = byId.get(a.debitId);
          // Only live documents of the right sides are ever allocated.
          expect(credit?.side).toBe('credit');
          expect(debit?.side).toBe('debit');
          if (credit === undefined || debit === undefined) return;
          expect(a.amountFen).toBeGreaterThan(0);
          expect(Number.isInteger(a.amountFen)).toBe(true);
          expect(a.allocatedOn).toBe(credit.docDate > debit.docDate ? credit.docDate : debit.docDate);
          if (a.explicit) {
            expect(credit.explicitTargets.some((t) => t.debitId === a.debitId)).toBe(true);
            // An explicit target gets nothing if it is not posted yet when the credit is.
            expect(debit.docDate <= credit.docDate).toBe(true);
          }
          toDebit.set(a.debitId, (toDebit.get(a.debitId) ?? 0) + a.amountFen);
          fromCredit.set(a.creditId, (fromCredit.get(a.creditId) ?? 0) + a.amountFen);
        }
        const liveDebits = live.filter((d) => d.side === 'debit');
        const liveCredits = live.filter((d) => d.side === 'credit');
        expect([...result.openByDebit.keys()].sort()).toEqual(liveDebits.map((d) => d.id).sort());
        expect([...result.unappliedByCredit.keys()].sort()).toEqual(liveCredits.map((d) => d.id).sort());
        for (const d of liveDebits) {
          const allocated = toDebit.get(d.id) ?? 0;
          expect(allocated).toBeLessThanOrEqual(d.amountFen);
          expect(result.openByDebit.get(d.id)).toBe(d.amountFen - allocated);
        }
        for (const c of liveCredits) {
          const allocated = fromCredit.get(c.id) ?? 0;
          expect(allocated).toBeLessThanOrEqual(c.amountFen);
          expect(result.unappliedByCredit.get(c.id)).toBe(c.amountFen - allocated);
        }
      }),
      RUNS,
    );
  });

  it('balance is debits − credits of everything dated ≤ asOf, and open − unapplied equals it', () => {
    fc.assert(
      fc.property(historyArb(), asOfArb, (docs, asOf) => {
        const result = replay(docs, asOf);
        const expected = sum(docs.filter((d) => asOf === null || d.docDate <= asOf).map(signed));
        expect(result.balanceFen).toBe(expected);
        const open = sum(result.openByDebit.values());
        const unapplied = sum(result.unappliedByCredit.values());
        expect(open - unapplied).toBe(expected);
        // Credits always pay whatever is open, so open items and 预收 never coexist.
        expect(open === 0 || unapplied === 0).toBe(true);
      }),
      RUNS,
    );
  });

  it('a void and an identical re-post: same state before the void, same totals once re-posted', () => {
    const arb = historyArb()
      .filter((docs) => docs.some((d) => d.kind !== 'void'))
      .chain((docs) => {
        const candidates = docs.filter((d) => d.kind !== 'void' && !docs.some((v) => v.voidsId === d.id));
        return fc.tuple(
          fc.constant(docs),
          candidates.length === 0 ? fc.constant(null) : fc.constantFrom(...candidates),
          fc.integer({ min: 0, max: 15 }),
          fc.integer({ min: 0, max: 15 }),
          dateArb,
        );
      });
    fc.assert(
      fc.property(arb, ([docs, original, voidAfter, repostAfter, asOf]) => {
        if (original === null) return;
        const voidDate = shiftDate(original.docDate, voidAfter);
        const repostDate = shiftDate(voidDate, repostAfter);
        const withFix: ArDoc[] = [
          ...docs,
          {
            id: 'fix-void',
            kind: 'void',
            side: original.side === 'debit' ? 'credit' : 'debit',
            docNo: 'FV',
            docDate: voidDate,
            dueOn: null,
            amountFen: original.amountFen,
            voidsId: original.id,
            explicitTargets: [],
          },
          { ...original, id: 'fix-repost', docDate: repostDate },
        ];
        const before = replay(docs, asOf);
        const after = replay(withFix, asOf);
        if (asOf < voidDate) {
          // Neither the void nor the re-post has happened: nothing may change.
          expect(comparable(after)).toEqual(comparable(before));
        } else if (asOf < repostDate) {
          expect(after.balanceFen).toBe(before.balanceFen - signed(original));
          expect(after.openByDebit.has(original.id)).toBe(false);
          expect(after.unappliedByCredit.has(original.id)).toBe(false);
        } else {
          // Allocations may move (the re-post is later in the order and may meet other
          // credits/debits), but what is owed overall cannot.
          expect(after.balanceFen).toBe(before.balanceFen);
          expect(sum(after.openByDebit.values())).toBe(sum(before.openByDebit.values()));
          expect(sum(after.unappliedByCredit.values())).toBe(sum(before.unappliedByCredit.values()));
          expect(after.openByDebit.has(original.id)).toBe(false);
          expect(after.unappliedByCredit.has(original.id)).toBe(false);
        }
      }),
      RUNS,
    );
  });

  it('as of a date, later documents change nothing', () => {
    fc.assert(
      fc.property(historyArb(), dateArb, (docs, asOf) => {
        const upToAsOf = docs.filter((d) => d.docDate <= asOf);
        expect(comparable(replay(docs, asOf))).toEqual(comparable(replay(upToAsOf, null)));
      }),
      RUNS,
    );
  });

  it('with no explicit targets and no voids, allocations pay each debit by due order', () => {
    // An independent check of "earliest due first": replaying credit by credit, every
    // FIFO allocation of a credit must go to a debit no later in due order than any
    // debit the same credit leaves open.
    const arb = historyArb({ withVoids: false }).map((docs) =>
      docs.map((d) => (d.kind === 'write_off' ? { ...d, kind: 'receipt' as const } : d)).map((d) => ({ ...d, explicitTargets: [] })),
    );
    fc.assert(
      fc.property(arb, (docs) => {
        const result = replay(docs, null);
        const byId = new Map(docs.map((d) => [d.id, d]));
        const dueKey = (d: ArDoc) => `${d.dueOn ?? d.docDate}|${d.docDate}`;
        for (const credit of docs.filter((d) => d.side === 'credit')) {
          const paid = result.allocations.filter((a) => a.creditId === credit.id && a.allocatedOn === credit.docDate);
          if (paid.length === 0) continue;
          // Debits present when the credit arrived (debit first on its date) and still open at the end.
          const leftOpen = docs.filter(
            (d) => d.side === 'debit' && d.docDate <= credit.docDate && (result.openByDebit.get(d.id) ?? 0) > 0,
          );
          for (const a of paid) {
            const debit = byId.get(a.debitId);
            if (debit === undefined) throw new Error('unknown debit');
            for (const other of leftOpen) expect(dueKey(debit) <= dueKey(other)).toBe(true);
          }
        }
      }),
      RUNS,
    );
  });
});
