import { describe, expect, it } from 'vitest';
import { replay } from '../../../shared/receivables/replay';
import type { ArDoc } from '../../../shared/receivables/types';
import { creditNote, entries, invoice, receipt, voidOf, writeOff } from './fixtures';

/** Allocations as compact tuples, for readable expectations. */
function allocs(docs: ArDoc[], asOf: string | null = null) {
  return replay(docs, asOf).allocations.map((a) => [a.creditId, a.debitId, a.amountFen, a.allocatedOn, a.explicit]);
}

describe('replay: FIFO by due date (rule 2)', () => {
  it('pays the debit due first, not the one dated first', () => {
    const docs = [
      invoice('i1', '2024-01-01', 10_000, '2024-03-01'),
      invoice('i2', '2024-01-10', 5_000, '2024-02-01'),
      receipt('r1', '2024-01-20', 12_000),
    ];
    const result = replay(docs, null);
    expect(allocs(docs)).toEqual([
      ['r1', 'i2', 5_000, '2024-01-20', false],
      ['r1', 'i1', 7_000, '2024-01-20', false],
    ]);
    expect(entries(result.openByDebit)).toEqual([['i1', 3_000], ['i2', 0]]);
    expect(entries(result.unappliedByCredit)).toEqual([['r1', 0]]);
    expect(result.balanceFen).toBe(3_000);
  });

  it('on equal due dates pays the earlier document date, then the lower number', () => {
    const docs = [
      invoice('i1', '2024-01-05', 100, '2024-02-01', 'N2'),
      invoice('i2', '2024-01-03', 100, '2024-02-01', 'N3'),
      invoice('i3', '2024-01-05', 100, '2024-02-01', 'N1'),
      receipt('r1', '2024-01-20', 250),
    ];
    expect(allocs(docs)).toEqual([
      ['r1', 'i2', 100, '2024-01-20', false],
      ['r1', 'i3', 100, '2024-01-20', false],
      ['r1', 'i1', 50, '2024-01-20', false],
    ]);
  });

  it('treats a debit without a due date as due on its own date', () => {
    const docs = [
      invoice('i1', '2024-01-01', 100, '2024-03-01'),
      invoice('i2', '2024-01-10', 100, null),
      receipt('r1', '2024-01-20', 100),
    ];
    expect(allocs(docs)).toEqual([['r1', 'i2', 100, '2024-01-20', false]]);
  });

  it('splits a receipt over several invoices and leaves the rest unapplied (预收)', () => {
    const docs = [invoice('i1', '2024-01-01', 100), invoice('i2', '2024-01-02', 100), receipt('r1', '2024-01-03', 250)];
    const result = replay(docs, null);
    expect(entries(result.openByDebit)).toEqual([['i1', 0], ['i2', 0]]);
    expect(entries(result.unappliedByCredit)).toEqual([['r1', 50]]);
    expect(result.balanceFen).toBe(-50);
  });
});

describe('replay: prepayment (rule 1)', () => {
  it('applies an earlier receipt to later invoices, oldest credit first, dated on the invoice', () => {
    const docs = [
      receipt('r1', '2024-01-01', 200),
      receipt('r2', '2024-01-02', 100),
      invoice('i1', '2024-01-05', 150),
      invoice('i2', '2024-01-10', 100),
    ];
    expect(allocs(docs)).toEqual([
      ['r1', 'i1', 150, '2024-01-05', false],
      ['r1', 'i2', 50, '2024-01-10', false],
      ['r2', 'i2', 50, '2024-01-10', false],
    ]);
    const asOfMid = replay(docs, '2024-01-07');
    expect(entries(asOfMid.unappliedByCredit)).toEqual([['r1', 50], ['r2', 100]]);
    expect(entries(asOfMid.openByDebit)).toEqual([['i1', 0]]);
    expect(asOfMid.balanceFen).toBe(-150);

    const end = replay(docs, null);
    expect(entries(end.unappliedByCredit)).toEqual([['r1', 0], ['r2', 50]]);
    expect(entries(end.openByDebit)).toEqual([['i1', 0], ['i2', 0]]);
  });

  it('treats a credit-side opening (期初预收) like any other credit', () => {
    const opening: ArDoc = { ...receipt('o1', '2024-01-01', 300), kind: 'opening' };
    const docs = [opening, invoice('i1', '2024-01-05', 100)];
    expect(allocs(docs)).toEqual([['o1', 'i1', 100, '2024-01-05', false]]);
    expect(replay(docs, null).balanceFen).toBe(-200);
  });
});

describe('replay: explicit targets (rule 2)', () => {
  const i1 = invoice('i1', '2024-01-01', 100, '2024-01-31');
  const i2 = invoice('i2', '2024-01-02', 100, '2024-02-28');
  const i3 = invoice('i3', '2024-01-03', 100, '2024-03-31');

  it('pays the explicit target first, then the rest FIFO by due date', () => {
    const docs = [i1, i2, i3, receipt('r1', '2024-02-01', 250, [{ debitId: 'i3', amountFen: 100 }])];
    expect(allocs(docs)).toEqual([
      ['r1', 'i3', 100, '2024-02-01', true],
      ['r1', 'i1', 100, '2024-02-01', false],
      ['r1', 'i2', 50, '2024-02-01', false],
    ]);
  });

  it('caps an explicit target at what is still open on it, not its original amount', () => {
    const docs = [
      i1,
      receipt('r1', '2024-01-10', 70),
      i2,
      receipt('r2', '2024-01-20', 100, [{ debitId: 'i1', amountFen: 100 }]),
    ];
    expect(allocs(docs)).toEqual([
      ['r1', 'i1', 70, '2024-01-10', false],
      ['r2', 'i1', 30, '2024-01-20', true],
      ['r2', 'i2', 70, '2024-01-20', false],
    ]);
    expect(entries(replay(docs, null).openByDebit)).toEqual([['i1', 0], ['i2', 30]]);
  });

  it('caps explicit targets at the credit amount', () => {
    const docs = [i1, i2, receipt('r1', '2024-02-01', 50, [{ debitId: 'i2', amountFen: 80 }, { debitId: 'i1', amountFen: 80 }])];
    expect(allocs(docs)).toEqual([['r1', 'i2', 50, '2024-02-01', true]]);
  });

  it('gives nothing to a target that does not exist yet, is paid off, or is voided; FIFO takes the rest', () => {
    const later = invoice('i9', '2024-03-01', 100);
    const voided = invoice('i8', '2024-01-01', 100);
    const docs = [
      i1,
      i2,
      voided,
      voidOf(voided, 'v8', '2024-01-05'),
      receipt('r0', '2024-01-10', 100, [{ debitId: 'i1', amountFen: 100 }]),
      receipt('r1', '2024-02-01', 60, [
        { debitId: 'i9', amountFen: 60 },
        { debitId: 'i8', amountFen: 60 },
        { debitId: 'i1', amountFen: 60 },
        { debitId: 'nope', amountFen: 60 },
      ]),
      later,
    ];
    expect(allocs(docs)).toEqual([
      ['r0', 'i1', 100, '2024-01-10', true],
      ['r1', 'i2', 60, '2024-02-01', false],
    ]);
  });

  it('merges a target listed twice into one explicit row', () => {
    const docs = [i1, receipt('r1', '2024-02-01', 60, [{ debitId: 'i1', amountFen: 20 }, { debitId: 'i1', amountFen: 30 }])];
    expect(allocs(docs)).toEqual([
      ['r1', 'i1', 50, '2024-02-01', true],
      ['r1', 'i1', 10, '2024-02-01', false],
    ]);
  });

  it('applies a credit note with an explicit target like a receipt', () => {
    const docs = [i1, i2, creditNote('c1', '2024-01-15', 40, [{ debitId: 'i2', amountFen: 40 }])];
    expect(allocs(docs)).toEqual([['c1', 'i2', 40, '2024-01-15', true]]);
  });
});

describe('replay: write-off', () => {
  it('writes off its target invoice only, after receipts paid the oldest', () => {
    const docs = [
      invoice('i1', '2024-01-01', 100, '2024-01-31'),
      invoice('i2', '2024-02-01', 200, '2024-03-01'),
      receipt('r1', '2024-03-15', 150),
      writeOff('w1', '2024-06-30', 150, 'i2'),
    ];
    const result = replay(docs, null);
    expect(allocs(docs)).toEqual([
      ['r1', 'i1', 100, '2024-03-15', false],
      ['r1', 'i2', 50, '2024-03-15', false],
      ['w1', 'i2', 150, '2024-06-30', true],
    ]);
    expect(entries(result.openByDebit)).toEqual([['i1', 0], ['i2', 0]]);
    expect(result.balanceFen).toBe(0);
  });

  it('pays a newer invoice with a write-off even if an older one is still open', () => {
    const docs = [
      invoice('i1', '2024-01-01', 100),
      invoice('i2', '2024-01-02', 100),
      writeOff('w1', '2024-06-30', 100, 'i2'),
    ];
    expect(entries(replay(docs, null).openByDebit)).toEqual([['i1', 100], ['i2', 0]]);
  });
});

describe('replay: voids (rule 3)', () => {
  const i1 = invoice('i1', '2024-01-01', 100);
  const i2 = invoice('i2', '2024-01-05', 100);
  const r1 = receipt('r1', '2024-01-10', 100);

  it('an invoice voided later counts, with its allocations, as of a date before the void', () => {
    const docs = [i1, i2, r1, voidOf(i1, 'v1', '2024-02-01')];
    const before = replay(docs, '2024-01-31');
    expect(before.allocations.map((a) => [a.creditId, a.debitId, a.amountFen])).toEqual([['r1', 'i1', 100]]);
    expect(entries(before.openByDebit)).toEqual([['i1', 0], ['i2', 100]]);
    expect(before.balanceFen).toBe(100);
  });

  it('on and after the void date the original is gone and the receipt is re-derived', () => {
    const docs = [i1, i2, r1, voidOf(i1, 'v1', '2024-02-01')];
    for (const asOf of ['2024-02-01', '2024-05-01', null]) {
      const after = replay(docs, asOf);
      // The receipt now pays i2, and keeps its own date: it was paid back then.
      expect(after.allocations).toEqual([
        { creditId: 'r1', debitId: 'i2', amountFen: 100, allocatedOn: '2024-01-10', explicit: false },
      ]);
      expect(entries(after.openByDebit)).toEqual([['i2', 0]]);
      expect(entries(after.unappliedByCredit)).toEqual([['r1', 0]]);
      expect(after.balanceFen).toBe(0);
    }
  });

  it('a voided receipt (bounced payment) reopens what it paid, from the void date on', () => {
    const docs = [i1, r1, voidOf(r1, 'v1', '2024-01-20')];
    expect(entries(replay(docs, '2024-01-19').openByDebit)).toEqual([['i1', 0]]);
    const after = replay(docs, '2024-01-20');
    expect(entries(after.openByDebit)).toEqual([['i1', 100]]);
    expect(after.unappliedByCredit.size).toBe(0);
    expect(after.allocations).toEqual([]);
    expect(after.balanceFen).toBe(100);
  });

  it('a voided invoice frees its receipt as 预收 for the next invoice', () => {
    const docs = [i1, r1, voidOf(i1, 'v1', '2024-01-15'), invoice('i3', '2024-01-20', 60)];
    const result = replay(docs, null);
    expect(result.allocations.map((a) => [a.creditId, a.debitId, a.amountFen, a.allocatedOn])).toEqual([
      ['r1', 'i3', 60, '2024-01-20'],
    ]);
    expect(entries(result.unappliedByCredit)).toEqual([['r1', 40]]);
    expect(result.balanceFen).toBe(-40);
  });

  it('a void on the same day as its original removes it as of that day', () => {
    const docs = [i1, voidOf(i1, 'v1', '2024-01-01')];
    const result = replay(docs, '2024-01-01');
    expect(result.openByDebit.size).toBe(0);
    expect(result.balanceFen).toBe(0);
  });
});

describe('replay: order effects', () => {
  it('a back-dated invoice with an earlier due date takes the receipt from the existing one', () => {
    const a = invoice('ia', '2024-03-01', 100, '2024-04-30');
    const r = receipt('r1', '2024-03-20', 100);
    expect(allocs([a, r])).toEqual([['r1', 'ia', 100, '2024-03-20', false]]);

    const backDated = invoice('ib', '2024-02-15', 100, '2024-03-15');
    expect(allocs([a, r, backDated])).toEqual([['r1', 'ib', 100, '2024-03-20', false]]);
    expect(entries(replay([a, r, backDated], null).openByDebit)).toEqual([['ia', 100], ['ib', 0]]);
  });

  it('a same-day debit is open before the same-day credit is applied', () => {
    // If the receipt came first it would pay i-old; debit-first lets it see i-new, due earlier.
    const docs = [
      receipt('r1', '2024-02-01', 100, [], 'A'),
      invoice('i-old', '2024-01-01', 100, '2024-03-01'),
      invoice('i-new', '2024-02-01', 100, '2024-02-01', 'Z'),
    ];
    expect(allocs(docs)).toEqual([['r1', 'i-new', 100, '2024-02-01', false]]);
    // …and an explicit target on the same-day invoice is honoured.
    const explicit = [
      receipt('r1', '2024-02-01', 100, [{ debitId: 'i-new', amountFen: 100 }], 'A'),
      invoice('i-new', '2024-02-01', 100, '2024-03-01', 'Z'),
      invoice('i-old', '2024-01-01', 100, '2024-01-01'),
    ];
    expect(allocs(explicit)).toEqual([['r1', 'i-new', 100, '2024-02-01', true]]);
  });

  it('orders document numbers as plain text: "10" is paid before "9"', () => {
    const docs = [
      invoice('x', '2024-01-05', 100, '2024-01-31', '9'),
      invoice('y', '2024-01-05', 100, '2024-01-31', '10'),
      receipt('r1', '2024-01-20', 100),
    ];
    expect(allocs(docs)).toEqual([['r1', 'y', 100, '2024-01-20', false]]);
  });

  it('a same-day prepayment on an equal number is ordered by plain text, credit side last', () => {
    // Two receipts on one day with numbers "10" and "9": "10" is the older credit.
    const docs = [
      receipt('r9', '2024-01-01', 50, [], '9'),
      receipt('r10', '2024-01-01', 50, [], '10'),
      invoice('i1', '2024-01-02', 50),
    ];
    expect(allocs(docs)).toEqual([['r10', 'i1', 50, '2024-01-02', false]]);
  });

  it('ignores documents dated after asOf entirely', () => {
    const docs = [invoice('i1', '2024-01-01', 100), receipt('r1', '2024-01-10', 100)];
    const result = replay(docs, '2024-01-09');
    expect(result.allocations).toEqual([]);
    expect(entries(result.openByDebit)).toEqual([['i1', 100]]);
    expect(result.unappliedByCredit.size).toBe(0);
    expect(replay(docs, '2023-12-31')).toEqual({
      allocations: [],
      openByDebit: new Map(),
      unappliedByCredit: new Map(),
      balanceFen: 0,
    });
  });
});

describe('replay: size sanity', () => {
  it('replays 2,000 invoices and 2,000 receipts', () => {
    const docs: ArDoc[] = [];
    const start = Date.parse('2020-01-01T00:00:00Z');
    const day = (n: number) => new Date(start + n * 86_400_000).toISOString().slice(0, 10);
    for (let i = 0; i < 2000; i++) {
      // Varying terms so due order differs from document order and the heap works for it.
      docs.push(invoice(`i${i}`, day(i), 10_000 + (i % 7) * 100, day(i + ((i * 37) % 90))));
      docs.push(receipt(`r${i}`, day(i + 3), 9_000 + (i % 5) * 500));
    }
    // Reverse, so sorting inside replay has real work to do.
    docs.reverse();
    const t0 = performance.now();
    const result = replay(docs, null);
    const ms = performance.now() - t0;
    console.log(`replay of ${docs.length} documents: ${ms.toFixed(1)} ms`);
    let open = 0;
    for (const v of result.openByDebit.values()) open += v;
    let unapplied = 0;
    for (const v of result.unappliedByCredit.values()) unapplied += v;
    expect(open - unapplied).toBe(result.balanceFen);

    // A customer with 2,000 open invoices paid by many small receipts at the end.
    const open2000: ArDoc[] = [];
    for (let i = 0; i < 2000; i++) open2000.push(invoice(`o${i}`, day(i), 5_000, day(i + ((i * 53) % 120))));
    for (let i = 0; i < 500; i++) open2000.push(receipt(`s${i}`, day(2100), 7_000));
    const t1 = performance.now();
    const r2 = replay(open2000, null);
    console.log(`replay of 2,000 open invoices + 500 receipts: ${(performance.now() - t1).toFixed(1)} ms`);
    expect(r2.balanceFen).toBe(2000 * 5_000 - 500 * 7_000);
  });
});
