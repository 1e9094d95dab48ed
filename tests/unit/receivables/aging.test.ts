import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  DEFAULT_DOCUMENT_BUCKETS,
  DEFAULT_DUE_BUCKETS,
  agingOf,
  bucketIndex,
  validateBuckets,
  type AgingBucket,
} from '../../../shared/receivables/aging';
import { replay } from '../../../shared/receivables/replay';
import type { ArDoc } from '../../../shared/receivables/types';
import { dateArb, historyArb, invoice, receipt, voidOf } from './fixtures';

// ---------------------------------------------------------------------------
// The oracle: a deliberately naive, slow re-statement of §4, written without
// the engine (only its types). Every credit rescans and re-sorts all debits.

interface OracleBucket {
  minDays: number | null;
  maxDays: number | null;
}

function oracleAging(docs: ArDoc[], asOf: string, basis: 'due' | 'document', buckets: OracleBucket[]) {
  const existing = docs.filter((d) => d.docDate <= asOf);
  const voidedIds = existing.filter((d) => d.kind === 'void').map((d) => d.voidsId);
  const live = existing.filter((d) => d.kind !== 'void' && !voidedIds.includes(d.id));

  const key = (d: ArDoc) => [d.docDate, d.side === 'debit' ? '0' : '1', d.docNo, d.kind, d.id];
  live.sort((a, b) => {
    const ka = key(a);
    const kb = key(b);
    for (let i = 0; i < ka.length; i++) if (ka[i] !== kb[i]) return ka[i] < kb[i] ? -1 : 1;
    return 0;
  });

  const open: Record<string, number> = {};
  const left: Record<string, number> = {};
  const debitsSoFar: ArDoc[] = [];
  const creditsSoFar: ArDoc[] = [];
  for (const doc of live) {
    if (doc.side === 'debit') {
      open[doc.id] = doc.amountFen;
      debitsSoFar.push(doc);
      for (const c of creditsSoFar) {
        const take = Math.min(left[c.id], open[doc.id]);
        left[c.id] -= take;
        open[doc.id] -= take;
      }
    } else {
      left[doc.id] = doc.amountFen;
      creditsSoFar.push(doc);
      for (const t of doc.explicitTargets) {
        if (open[t.debitId] === undefined) continue;
        const take = Math.min(t.amountFen, open[t.debitId], left[doc.id]);
        left[doc.id] -= take;
        open[t.debitId] -= take;
      }
      for (;;) {
        const candidates = debitsSoFar
          .filter((d) => open[d.id] > 0)
          .sort((a, b) => {
            const ka = [a.dueOn ?? a.docDate, a.docDate, a.docNo, a.kind, a.id];
            const kb = [b.dueOn ?? b.docDate, b.docDate, b.docNo, b.kind, b.id];
            for (let i = 0; i < ka.length; i++) if (ka[i] !== kb[i]) return ka[i] < kb[i] ? -1 : 1;
            return 0;
          });
        if (candidates.length === 0 || left[doc.id] === 0) break;
        const take = Math.min(left[doc.id], open[candidates[0].id]);
        left[doc.id] -= take;
        open[candidates[0].id] -= take;
      }
    }
  }

  const daysBetween = (from: string, to: string) =>
    Math.round((new Date(`${to}T12:00:00Z`).getTime() - new Date(`${from}T12:00:00Z`).getTime()) / 86_400_000);
  const bucketsFen = buckets.map(() => 0);
  const items: { debitId: string; openFen: number; days: number; bucket: number }[] = [];
  for (const d of debitsSoFar) {
    if (open[d.id] === 0) continue;
    const days = daysBetween(basis === 'due' ? (d.dueOn ?? d.docDate) : d.docDate, asOf);
    let bucket = -1;
    buckets.forEach((b, i) => {
      if ((b.minDays === null || days >= b.minDays) && (b.maxDays === null || days <= b.maxDays)) bucket = i;
    });
    bucketsFen[bucket] += open[d.id];
    items.push({ debitId: d.id, openFen: open[d.id], days, bucket });
  }
  const unappliedFen = Object.values(left).reduce((a, b) => a + b, 0);
  const total = bucketsFen.reduce((a, b) => a + b, 0);
  return { bucketsFen, unappliedFen, balanceFen: total - unappliedFen, items };
}

/** Narrow buckets so that random histories spanning ~60 days fall into several. */
const NARROW: AgingBucket[] = [
  { key: 'le0', label: '未到期', minDays: null, maxDays: 0 },
  { key: '1-7', label: '1-7天', minDays: 1, maxDays: 7 },
  { key: '8-20', label: '8-20天', minDays: 8, maxDays: 20 },
  { key: '21+', label: '21天以上', minDays: 21, maxDays: null },
];

describe('aging against an independent oracle', () => {
  const cases: [string, 'due' | 'document', readonly AgingBucket[]][] = [
    ['due basis, narrow buckets', 'due', NARROW],
    ['document basis, narrow buckets', 'document', NARROW],
    ['due basis, default buckets', 'due', DEFAULT_DUE_BUCKETS],
    ['document basis, default buckets', 'document', DEFAULT_DOCUMENT_BUCKETS],
  ];
  for (const [name, basis, buckets] of cases) {
    it(name, () => {
      fc.assert(
        fc.property(historyArb(), dateArb, (docs, asOf) => {
          const actual = agingOf(docs, asOf, basis, buckets);
          const expected = oracleAging(docs, asOf, basis, [...buckets]);
          expect(actual.bucketsFen).toEqual(expected.bucketsFen);
          expect(actual.unappliedFen).toBe(expected.unappliedFen);
          expect(actual.balanceFen).toBe(expected.balanceFen);
          expect(
            actual.openItems.map((i) => ({ debitId: i.debitId, openFen: i.openFen, days: i.days, bucket: i.bucket })),
          ).toEqual(expected.items);
          // The invariant every screen relies on: aging and the ledger balance agree.
          expect(actual.balanceFen).toBe(replay(docs, asOf).balanceFen);
        }),
        { numRuns: 300 },
      );
    });
  }
});

describe('aging examples', () => {
  it('puts each open amount in the bucket of its days past due, 预收 apart', () => {
    const docs = [
      invoice('a', '2024-01-01', 10_000, '2024-01-31'), // 91 days past due on 05-01 -> 91-180
      invoice('b', '2024-03-01', 20_000, '2024-03-31'), // 31 -> 31-60
      invoice('c', '2024-04-20', 30_000, '2024-05-20'), // not yet due
      receipt('r', '2024-04-25', 15_000), // pays a (due first), then 5,000 of b
    ];
    const due = agingOf(docs, '2024-05-01', 'due', DEFAULT_DUE_BUCKETS);
    expect(due.bucketsFen).toEqual([30_000, 0, 15_000, 0, 0, 0, 0]);
    expect(due.unappliedFen).toBe(0);
    expect(due.balanceFen).toBe(45_000);
    expect(due.openItems.map((i) => [i.debitId, i.openFen, i.days, i.bucket])).toEqual([
      ['b', 15_000, 31, 2],
      ['c', 30_000, -19, 0],
    ]);

    const byDate = agingOf(docs, '2024-05-01', 'document', DEFAULT_DOCUMENT_BUCKETS);
    expect(byDate.bucketsFen).toEqual([0, 30_000, 0, 15_000, 0, 0, 0]);
  });

  it('as of a past date ignores later receipts (partial payment stays in its bucket)', () => {
    const docs = [invoice('a', '2024-01-01', 10_000, '2024-01-01'), receipt('r', '2024-03-01', 10_000)];
    expect(agingOf(docs, '2024-02-15', 'due', DEFAULT_DUE_BUCKETS).bucketsFen).toEqual([0, 0, 10_000, 0, 0, 0, 0]);
    expect(agingOf(docs, '2024-03-01', 'due', DEFAULT_DUE_BUCKETS).bucketsFen).toEqual([0, 0, 0, 0, 0, 0, 0]);
  });

  it('shows unapplied credits separately and the balance net of them', () => {
    const docs = [receipt('r', '2024-01-01', 5_000), invoice('a', '2024-01-02', 2_000, null)];
    const result = agingOf(docs, '2024-01-10', 'due', DEFAULT_DUE_BUCKETS);
    expect(result.bucketsFen).toEqual([0, 0, 0, 0, 0, 0, 0]);
    expect(result.unappliedFen).toBe(3_000);
    expect(result.balanceFen).toBe(-3_000);
  });

  it('bucket edges: 0 is current, 30/31, 365/366', () => {
    const asOf = '2025-01-01';
    const docs = [
      invoice('d0', '2024-12-01', 1, '2025-01-01'),
      invoice('d30', '2024-11-01', 10, '2024-12-02'),
      invoice('d31', '2024-11-01', 100, '2024-12-01'),
      invoice('d365', '2023-01-01', 1_000, '2024-01-02'),
      invoice('d366', '2023-01-01', 10_000, '2024-01-01'), // 2024 is a leap year
    ];
    const result = agingOf(docs, asOf, 'due', DEFAULT_DUE_BUCKETS);
    expect(result.openItems.map((i) => [i.debitId, i.days])).toEqual([
      ['d365', 365],
      ['d366', 366],
      ['d30', 30],
      ['d31', 31],
      ['d0', 0],
    ]);
    expect(result.bucketsFen).toEqual([1, 10, 100, 0, 0, 1_000, 10_000]);
  });

  it('a void takes effect in aging from its own date', () => {
    const a = invoice('a', '2024-01-01', 500, '2024-01-01');
    const docs = [a, voidOf(a, 'v', '2024-02-10')];
    expect(agingOf(docs, '2024-02-09', 'due', DEFAULT_DUE_BUCKETS).balanceFen).toBe(500);
    expect(agingOf(docs, '2024-02-10', 'due', DEFAULT_DUE_BUCKETS)).toEqual({
      bucketsFen: [0, 0, 0, 0, 0, 0, 0],
      unappliedFen: 0,
      balanceFen: 0,
      openItems: [],
    });
  });

  it('supports yearly document-basis buckets', () => {
    const yearly: AgingBucket[] = [
      { key: 'y0', label: '当期', minDays: null, maxDays: 0 },
      { key: 'y1', label: '1年以内', minDays: 1, maxDays: 365 },
      { key: 'y2', label: '1-2年', minDays: 366, maxDays: 730 },
      { key: 'y3', label: '2-3年', minDays: 731, maxDays: 1095 },
      { key: 'y3+', label: '3年以上', minDays: 1096, maxDays: null },
    ];
    expect(validateBuckets(yearly)).toEqual({ ok: true });
    const docs = [invoice('a', '2021-06-01', 100), invoice('b', '2023-06-01', 200)];
    expect(agingOf(docs, '2024-06-01', 'document', yearly).bucketsFen).toEqual([0, 0, 200, 0, 100]);
  });

  it('refuses an invalid bucket list', () => {
    expect(() => agingOf([], '2024-01-01', 'due', [DEFAULT_DUE_BUCKETS[0]])).toThrow(RangeError);
  });
});

describe('bucket definitions', () => {
  it('default lists are valid and labelled as specified', () => {
    expect(validateBuckets(DEFAULT_DUE_BUCKETS)).toEqual({ ok: true });
    expect(validateBuckets(DEFAULT_DOCUMENT_BUCKETS)).toEqual({ ok: true });
    expect(DEFAULT_DUE_BUCKETS.map((b) => b.key)).toEqual(['current', '1-30', '31-60', '61-90', '91-180', '181-365', '365+']);
    expect(DEFAULT_DUE_BUCKETS.map((b) => b.label)).toEqual([
      '未到期',
      '1-30天',
      '31-60天',
      '61-90天',
      '91-180天',
      '181-365天',
      '365天以上',
    ]);
    expect(DEFAULT_DOCUMENT_BUCKETS[0].label).toBe('当期');
    expect(DEFAULT_DUE_BUCKETS[0]).toMatchObject({ minDays: null, maxDays: 0 });
    expect(DEFAULT_DUE_BUCKETS[6]).toMatchObject({ minDays: 366, maxDays: null });
  });

  const base = (): AgingBucket[] => [
    { key: 'a', label: 'A', minDays: null, maxDays: 0 },
    { key: 'b', label: 'B', minDays: 1, maxDays: 30 },
    { key: 'c', label: 'C', minDays: 31, maxDays: null },
  ];

  const invalid: [string, (b: AgingBucket[]) => AgingBucket[], string][] = [
    ['fewer than two', (b) => b.slice(0, 1), '至少需要 2 个'],
    ['bounded bottom', (b) => (b[0].minDays = -10, b), '第一个区间必须不设下限'],
    ['bounded top', (b) => (b[2].maxDays = 99, b), '最后一个区间必须不设上限'],
    ['a gap', (b) => (b[1].minDays = 2, b), '空档'],
    ['an overlap', (b) => (b[2].minDays = 30, b), '重叠'],
    ['max below min', (b) => (b[1].maxDays = 0, b), '上限不能小于下限'],
    ['fractional days', (b) => (b[1].maxDays = 30.5, b), '整数'],
    ['an empty label', (b) => (b[1].label = '  ', b), '名称不能为空'],
    ['a duplicate key', (b) => (b[2].key = 'a', b), '重复'],
    ['an open middle', (b) => (b[1].maxDays = null, b), '第 2 个区间必须设置上限'],
    ['an open-ended first bucket', (b) => (b[0].maxDays = null, b), '第一个区间必须设置上限'],
  ];
  for (const [name, mutate, message] of invalid) {
    it(`rejects ${name}`, () => {
      const result = validateBuckets(mutate(base()));
      expect(result.ok).toBe(false);
      if (!result.ok) expect(result.message).toContain(message);
    });
  }

  it('bucketIndex finds the bucket holding a number of days', () => {
    expect(bucketIndex(-400, DEFAULT_DUE_BUCKETS)).toBe(0);
    expect(bucketIndex(0, DEFAULT_DUE_BUCKETS)).toBe(0);
    expect(bucketIndex(1, DEFAULT_DUE_BUCKETS)).toBe(1);
    expect(bucketIndex(90, DEFAULT_DUE_BUCKETS)).toBe(3);
    expect(bucketIndex(91, DEFAULT_DUE_BUCKETS)).toBe(4);
    expect(bucketIndex(10_000, DEFAULT_DUE_BUCKETS)).toBe(6);
    fc.assert(
      fc.property(fc.integer({ min: -1000, max: 5000 }), (days) => {
        const i = bucketIndex(days, DEFAULT_DUE_BUCKETS);
        const b = DEFAULT_DUE_BUCKETS[i];
        expect((b.minDays ?? -Infinity) <= days && days <= (b.maxDays ?? Infinity)).toBe(true);
      }),
    );
  });
});
