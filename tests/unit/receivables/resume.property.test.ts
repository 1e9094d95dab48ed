/**
 * A replay resumed at a date from the stored result (shared/receivables/
 * resume.ts, what an import does for each customer, issue 17 point 4)
 * against the full replay of everything: on random histories (voids,
 * back-dated documents, explicit targets, prepayments) with new non-void
 * documents dated on or after a random date added (their credits also
 * naming earlier debits by hand), the resumed replay gives exactly the full
 * replay's allocations dated from that date and the full replay's final
 * amount for every document it holds, and every document it leaves out is
 * settled in the full replay. The stored amounts always form a state the
 * replay can be in (resumeInput never refuses them). Runs: RESUME_RUNS, 300 in CI.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { replay } from '../../../shared/receivables/replay';
import { neededForResume, resumeInput, type StoredDoc } from '../../../shared/receivables/resume';
import type { Allocation, ArDoc } from '../../../shared/receivables/types';
import { BASE_DATE, historyArb, shiftDate } from './fixtures';

const RUNS = { numRuns: Number(process.env.RESUME_RUNS ?? 300) };

/** The new documents: a history without voids, renamed, moved to start at `from`; credits may also name stored debits. */
function newDocs(raw: readonly ArDoc[], stored: readonly ArDoc[], days: number, picks: readonly number[]): ArDoc[] {
  const rename = (id: string) => `n${id}`;
  const storedDebits = stored.filter((d) => d.side === 'debit' && d.kind !== 'void');
  return raw.map((d, i) => {
    const targets = d.explicitTargets.map((t) => ({ ...t, debitId: rename(t.debitId) }));
    const pick = picks[i % Math.max(1, picks.length)];
    if (d.side === 'credit' && d.kind !== 'write_off' && storedDebits.length > 0 && pick !== undefined && pick % 2 === 0) {
      targets.push({ debitId: storedDebits[pick % storedDebits.length].id, amountFen: 1 + (pick % 5_000) });
    }
    return {
      ...d,
      id: rename(d.id),
      docDate: shiftDate(d.docDate, days),
      dueOn: d.dueOn === null ? null : shiftDate(d.dueOn, days),
      explicitTargets: targets,
    };
  });
}

/** What the database holds after a full re-derivation of `docs`: each document with its final amounts. */
function storedOf(docs: readonly ArDoc[]): { docs: StoredDoc[]; allocations: Allocation[] } {
  const r = replay(docs, null);
  return {
    docs: docs.map((d) => ({
      ...d,
      storedOpenFen: d.kind === 'void' || d.side === 'credit' ? null : (r.openByDebit.get(d.id) ?? 0),
      storedUnappliedFen: d.kind === 'void' || d.side === 'debit' ? null : (r.unappliedByCredit.get(d.id) ?? 0),
    })),
    allocations: r.allocations,
  };
}

const key = (a: Allocation) => `${a.creditId}|${a.debitId}|${a.explicit}`;
const sortedAllocations = (list: readonly Allocation[]) => [...list].sort((a, b) => (key(a) < key(b) ? -1 : key(a) > key(b) ? 1 : 0));

describe('a replay resumed at a date from the stored result', () => {
  it('equals the full replay of the old and new documents', () => {
    let resumedWithEarlier = 0;
    fc.assert(
      fc.property(
        historyArb({ maxDocs: 25 }),
        historyArb({ maxDocs: 8, withVoids: false }),
        fc.integer({ min: 0, max: 45 }),
        fc.array(fc.nat(), { maxLength: 8 }),
        (old, rawNew, days, picks) => {
          const from = shiftDate(BASE_DATE, days);
          const fresh = newDocs(rawNew, old, days, picks);
          if (fresh.length === 0) return;
          const stored = storedOf(old);
          const later = stored.allocations.filter((a) => a.allocatedOn >= from);
          const named = new Set(later.flatMap((a) => [a.creditId, a.debitId]));
          const loaded = stored.docs.filter((d) => neededForResume(d, from, named.has(d.id)));
          const input = resumeInput(loaded, later, from);
          expect(input, 'the stored amounts are a replay state').not.toBeNull();
          if (input === null) return;
          if (input.some((d) => d.docDate < from)) resumedWithEarlier++;

          const full = replay([...old, ...fresh], null);
          const resumed = replay([...input, ...fresh], null);
          expect(sortedAllocations(resumed.allocations)).toEqual(sortedAllocations(full.allocations.filter((a) => a.allocatedOn >= from)));
          for (const [id, open] of resumed.openByDebit) expect(open, id).toBe(full.openByDebit.get(id));
          for (const [id, rest] of resumed.unappliedByCredit) expect(rest, id).toBe(full.unappliedByCredit.get(id));
          for (const [id, open] of full.openByDebit) if (!resumed.openByDebit.has(id)) expect(open, id).toBe(0);
          for (const [id, rest] of full.unappliedByCredit) if (!resumed.unappliedByCredit.has(id)) expect(rest, id).toBe(0);
          // Every new document is in the resumed replay (it decides their stored amounts).
          for (const d of fresh) expect(resumed.openByDebit.has(d.id) || resumed.unappliedByCredit.has(d.id), d.id).toBe(true);
        },
      ),
      RUNS,
    );
    // Not vacuous: many runs resume with earlier documents carried over.
    expect(resumedWithEarlier).toBeGreaterThan(RUNS.numRuns / 10);
  });
});
