/**
 * The void-window spans (shared/receivables/voidWindows.ts) against the
 * obviously correct state: on random histories with voids dated up to 20
 * days after their originals (back-dated documents and explicit targets
 * included), for every date, the open/unapplied amounts read as
 * "spans alive at D" — the window spans where a void crosses D, the full
 * replay's spans elsewhere, which is what aging.report reads — equal a
 * replay as of D, document by document. Runs: VOID_WINDOW_RUNS, or ten per
 * OPEN_SPANS_RUNS of the deep setting (npm run test:deep), 300 in CI.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { openSpansOf, type OpenSpan } from '../../../shared/receivables/openSpans';
import { replay } from '../../../shared/receivables/replay';
import type { ArDoc } from '../../../shared/receivables/types';
import { voidWindowSpansOf, voidWindowsOf } from '../../../shared/receivables/voidWindows';
import { BASE_DATE, historyArb, shiftDate } from './fixtures';

const deep = process.env.OPEN_SPANS_RUNS ? 10 * Number(process.env.OPEN_SPANS_RUNS) : undefined;
const RUNS = { numRuns: Number(process.env.VOID_WINDOW_RUNS ?? deep ?? 300) };

/** The dates of the histories (days −1 … 65 from BASE_DATE), every one of them. */
const DATES = Array.from({ length: 67 }, (_, i) => shiftDate(BASE_DATE, i - 1));

/** Whether a void dated after D reverses a document dated ≤ D (written out from the documents, not the windows). */
function crossedAt(docs: readonly ArDoc[], asOf: string): boolean {
  const byId = new Map(docs.map((d) => [d.id, d]));
  return docs.some((d) => d.kind === 'void' && d.voidsId !== null && d.docDate > asOf && (byId.get(d.voidsId)?.docDate ?? '9999') <= asOf);
}

/** Document → amount of the spans alive at D. */
function aliveAt(spans: readonly OpenSpan[], asOf: string): Map<string, number> {
  const out = new Map<string, number>();
  for (const s of spans) if (s.fromOn <= asOf && asOf < s.untilOn) out.set(s.docId, (out.get(s.docId) ?? 0) + s.openFen);
  return out;
}

/** Document → open (debits) or unapplied (credits) amount of the replay as of D, zeros left out. */
function replayedAt(docs: readonly ArDoc[], asOf: string): Map<string, number> {
  const r = replay(docs, asOf);
  const out = new Map<string, number>();
  for (const [id, v] of [...r.openByDebit, ...r.unappliedByCredit]) if (v > 0) out.set(id, v);
  return out;
}

const sorted = (m: Map<string, number>) => [...m].sort((a, b) => (a[0] < b[0] ? -1 : 1));

describe('void-window spans', () => {
  it('read as of any date, they equal a replay as of that date', () => {
    fc.assert(
      fc.property(historyArb({ maxDocs: 25 }), (docs) => {
        const full = openSpansOf(docs, replay(docs, null));
        const windows = voidWindowSpansOf(docs);
        for (const asOf of DATES) {
          const read = crossedAt(docs, asOf) ? aliveAt(windows, asOf) : aliveAt(full, asOf);
          expect(sorted(read), asOf).toEqual(sorted(replayedAt(docs, asOf)));
        }
      }),
      RUNS,
    );
  });

  it('the windows cover exactly the dates a void crosses, in order and without overlap; spans never leave their window', () => {
    fc.assert(
      fc.property(historyArb({ maxDocs: 25 }), (docs) => {
        const windows = voidWindowsOf(docs);
        for (const asOf of DATES) {
          expect(windows.some((w) => w.fromOn <= asOf && asOf < w.untilOn), asOf).toBe(crossedAt(docs, asOf));
        }
        for (let i = 0; i < windows.length; i++) {
          expect(windows[i].fromOn < windows[i].untilOn).toBe(true);
          if (i > 0) expect(windows[i - 1].untilOn <= windows[i].fromOn).toBe(true);
        }
        for (const s of voidWindowSpansOf(docs, windows)) {
          expect(s.fromOn < s.untilOn && s.openFen > 0).toBe(true);
          expect(windows.some((w) => w.fromOn <= s.fromOn && s.untilOn <= w.untilOn)).toBe(true);
        }
      }),
      RUNS,
    );
  });

  it('a worked example: a receipt voided 10 days later still paid the invoice in between', () => {
    const docs: ArDoc[] = [
      { id: 'i1', kind: 'invoice', side: 'debit', docNo: '1', docDate: '2024-01-01', dueOn: '2024-01-31', amountFen: 100, voidsId: null, explicitTargets: [] },
      { id: 'r1', kind: 'receipt', side: 'credit', docNo: '1', docDate: '2024-01-05', dueOn: null, amountFen: 60, voidsId: null, explicitTargets: [] },
      { id: 'v1', kind: 'void', side: 'debit', docNo: 'V1', docDate: '2024-01-15', dueOn: null, amountFen: 60, voidsId: 'r1', explicitTargets: [] },
    ];
    expect(voidWindowsOf(docs)).toEqual([{ fromOn: '2024-01-05', untilOn: '2024-01-15' }]);
    expect(voidWindowSpansOf(docs).map((s) => [s.docId, s.fromOn, s.untilOn, s.openFen])).toEqual([['i1', '2024-01-05', '2024-01-15', 40]]);
  });
});
