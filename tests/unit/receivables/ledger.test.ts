import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ledgerLines } from '../../../shared/receivables/ledger';
import { replay } from '../../../shared/receivables/replay';
import { dateArb, historyArb, invoice, receipt, shiftDate, voidOf } from './fixtures';

describe('ledger lines', () => {
  const i1 = invoice('i1', '2024-01-05', 10_000, '2024-02-05', 'FH-2');
  const r1 = receipt('r1', '2024-01-05', 3_000, [], 'HK-1');
  const i0 = invoice('i0', '2023-12-20', 5_000, '2024-01-20', 'FH-1');
  const v1 = voidOf(i1, 'v1', '2024-02-01');

  it('opening is the net before the period; lines are in §4 order with a running balance', () => {
    const result = ledgerLines([v1, r1, i1, i0], '2024-01-01', '2024-01-31');
    expect(result.openingFen).toBe(5_000);
    expect(result.lines.map((l) => [l.docId, l.debitFen, l.creditFen, l.balanceFen])).toEqual([
      ['i1', 10_000, 0, 15_000],
      ['r1', 0, 3_000, 12_000],
    ]);
    expect(result.closingFen).toBe(12_000);
  });

  it('shows a void and its original as two lines (they net to zero)', () => {
    const result = ledgerLines([v1, r1, i1, i0], null, '2024-12-31');
    expect(result.openingFen).toBe(0);
    expect(result.lines.map((l) => [l.docId, l.kind, l.date, l.debitFen, l.creditFen, l.balanceFen])).toEqual([
      ['i0', 'invoice', '2023-12-20', 5_000, 0, 5_000],
      ['i1', 'invoice', '2024-01-05', 10_000, 0, 15_000],
      ['r1', 'receipt', '2024-01-05', 0, 3_000, 12_000],
      ['v1', 'void', '2024-02-01', 0, 10_000, 2_000],
    ]);
    expect(result.closingFen).toBe(2_000);
  });

  it('includes both period ends and the opening rows inside the period', () => {
    const opening = { ...invoice('o1', '2024-01-01', 700, '2024-01-01', 'QC-1'), kind: 'opening' as const };
    const result = ledgerLines([opening, i1], '2024-01-01', '2024-01-05');
    expect(result.lines.map((l) => l.docId)).toEqual(['o1', 'i1']);
  });

  it('an empty period carries the opening to the closing', () => {
    const result = ledgerLines([i0, i1], '2024-01-06', '2024-01-31');
    expect(result).toEqual({ openingFen: 15_000, lines: [], closingFen: 15_000 });
    expect(ledgerLines([], null, '2024-01-31')).toEqual({ openingFen: 0, lines: [], closingFen: 0 });
  });

  it('refuses a period that ends before it starts', () => {
    expect(() => ledgerLines([i0], '2024-02-01', '2024-01-31')).toThrow(RangeError);
  });

  it('agrees with the replay balance at both ends of any period', () => {
    fc.assert(
      fc.property(historyArb(), fc.option(dateArb, { freq: 4 }), fc.integer({ min: 0, max: 40 }), (docs, from, length) => {
        const to = shiftDate(from ?? '2024-01-01', length);
        const result = ledgerLines(docs, from, to);
        const expectedOpening = from === null ? 0 : replay(docs, shiftDate(from, -1)).balanceFen;
        expect(result.openingFen).toBe(expectedOpening);
        expect(result.closingFen).toBe(replay(docs, to).balanceFen);
        expect(result.lines.length).toBe(docs.filter((d) => (from === null || d.docDate >= from) && d.docDate <= to).length);
        let running = result.openingFen;
        for (const line of result.lines) {
          expect((line.debitFen > 0) !== (line.creditFen > 0)).toBe(true);
          running += line.debitFen - line.creditFen;
          expect(line.balanceFen).toBe(running);
        }
        expect(result.closingFen).toBe(running);
      }),
      { numRuns: 300 },
    );
  });
});
