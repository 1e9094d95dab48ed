import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { splitByLargestRemainder, splitEvenly } from '../../shared/money/split';

const sum = (xs: number[]): number => xs.reduce((a, b) => a + b, 0);

describe('splitByLargestRemainder', () => {
  it('splits by percentages', () => {
    expect(splitByLargestRemainder(10_000, [30, 70])).toEqual([3_000, 7_000]);
    expect(splitByLargestRemainder(100_001, [30, 60, 10])).toEqual([30_000, 60_001, 10_000]);
  });

  it('gives leftover fen to the largest remainders', () => {
    // Exact shares 33.33.., 33.33.., 33.33.. → ties go to the earlier part.
    expect(splitByLargestRemainder(100, [1, 1, 1])).toEqual([34, 33, 33]);
    expect(splitByLargestRemainder(200, [1, 1, 1])).toEqual([67, 67, 66]);
    // Exact shares 1.6, 1.4, 2 → remainder 0.6 wins.
    expect(splitByLargestRemainder(5, [8, 7, 10])).toEqual([2, 1, 2]);
    // Exact shares 0.3, 0.7 → the later part has the larger remainder.
    expect(splitByLargestRemainder(1, [30, 70])).toEqual([0, 1]);
  });

  it('splits by basis points', () => {
    expect(splitByLargestRemainder(1_234_567, [3_333, 3_333, 3_334])).toEqual([411_481, 411_481, 411_605]);
  });

  it('gives zero to zero weights', () => {
    expect(splitByLargestRemainder(101, [0, 1, 0, 1])).toEqual([0, 51, 0, 50]);
  });

  it('splits negative totals symmetrically, without -0', () => {
    expect(splitByLargestRemainder(-100, [1, 1, 1])).toEqual([-34, -33, -33]);
    const parts = splitByLargestRemainder(-5, [0, 1]);
    expect(parts).toEqual([0, -5]);
    expect(Object.is(parts[0], 0)).toBe(true);
  });

  it('handles a zero total and a single part', () => {
    expect(splitByLargestRemainder(0, [1, 2])).toEqual([0, 0]);
    expect(splitByLargestRemainder(12_345, [7])).toEqual([12_345]);
  });

  it('stays exact when total × weight passes 2^53', () => {
    const total = 99_999_999_999_999;
    const parts = splitByLargestRemainder(total, [3_333, 3_333, 3_334]);
    expect(sum(parts)).toBe(total);
    // Exact shares …9999.6667, …9999.6667, …9999.6666: the two leftover fen go to the first two.
    expect(parts).toEqual([33_330_000_000_000, 33_330_000_000_000, 33_339_999_999_999]);
  });

  it('refuses bad arguments', () => {
    expect(() => splitByLargestRemainder(100, [])).toThrow(RangeError);
    expect(() => splitByLargestRemainder(100, [0, 0])).toThrow(RangeError);
    expect(() => splitByLargestRemainder(100, [-1, 2])).toThrow(RangeError);
    expect(() => splitByLargestRemainder(100, [0.5, 0.5])).toThrow(RangeError);
    expect(() => splitByLargestRemainder(1.5, [1])).toThrow(RangeError);
  });

  const total = fc.integer({ min: -99_999_999_999_999, max: 99_999_999_999_999 });
  const weights = fc
    .array(fc.integer({ min: 0, max: 1_000_000 }), { minLength: 1, maxLength: 30 })
    .filter((ws) => ws.some((w) => w > 0));

  it('always sums exactly to the total', () => {
    fc.assert(
      fc.property(total, weights, (t, ws) => {
        expect(sum(splitByLargestRemainder(t, ws))).toBe(t);
      }),
    );
  });

  it('keeps every part within 1 fen of its exact share', () => {
    fc.assert(
      fc.property(total, weights, (t, ws) => {
        const parts = splitByLargestRemainder(t, ws);
        const weightSum = BigInt(sum(ws));
        parts.forEach((part, i) => {
          // |part − t·w/W| < 1  ⇔  |part·W − t·w| < W, checked exactly.
          const diff = BigInt(part) * weightSum - BigInt(t) * BigInt(ws[i]);
          expect((diff < 0n ? -diff : diff) < weightSum).toBe(true);
        });
      }),
    );
  });

  it('hands out leftover fen by largest remainder, ties to the earlier part', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 1_000_000_000 }), weights, (t, ws) => {
        const parts = splitByLargestRemainder(t, ws);
        const weightSum = BigInt(sum(ws));
        const remainder = ws.map((w) => (BigInt(t) * BigInt(w)) % weightSum);
        const bumped = parts.map((p, i) => BigInt(p) * weightSum > BigInt(t) * BigInt(ws[i]));
        // No part left at its floor may rank above a part that got the extra fen.
        for (let i = 0; i < ws.length; i++) {
          for (let j = 0; j < ws.length; j++) {
            if (bumped[i] && !bumped[j]) {
              const iFirst = remainder[i] > remainder[j] || (remainder[i] === remainder[j] && i < j);
              expect(iFirst).toBe(true);
            }
          }
        }
      }),
    );
  });
});

describe('splitEvenly', () => {
  it('gives the extra fen to the earlier parts', () => {
    expect(splitEvenly(100, 3)).toEqual([34, 33, 33]);
    expect(splitEvenly(101, 4)).toEqual([26, 25, 25, 25]);
    expect(splitEvenly(2, 5)).toEqual([1, 1, 0, 0, 0]);
    expect(splitEvenly(900, 3)).toEqual([300, 300, 300]);
  });

  it('refuses a non-positive count', () => {
    expect(() => splitEvenly(100, 0)).toThrow(RangeError);
    expect(() => splitEvenly(100, 1.5)).toThrow(RangeError);
  });

  it('always sums to the total with parts at most 1 fen apart', () => {
    fc.assert(
      fc.property(fc.integer({ min: -1e12, max: 1e12 }), fc.integer({ min: 1, max: 60 }), (t, n) => {
        const parts = splitEvenly(t, n);
        expect(parts).toHaveLength(n);
        expect(sum(parts)).toBe(t);
        expect(Math.max(...parts) - Math.min(...parts)).toBeLessThanOrEqual(1);
      }),
    );
  });
});
