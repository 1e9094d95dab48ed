import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { lineAmountFen } from '../../shared/money/lineAmount';

describe('lineAmountFen', () => {
  it('multiplies whole quantities exactly', () => {
    expect(lineAmountFen(3000, 1999)).toBe(5997); // 3 × 19.99
    expect(lineAmountFen(1000, 0)).toBe(0);
  });

  it('rounds half up, once per line', () => {
    expect(lineAmountFen(1500, 333)).toBe(500); // 499.5 -> 500
    expect(lineAmountFen(1500, 331)).toBe(497); // 496.5 -> 497
    expect(lineAmountFen(1, 499)).toBe(0); // 0.499 -> 0
    expect(lineAmountFen(1, 500)).toBe(1); // 0.5 -> 1
    expect(lineAmountFen(1, 501)).toBe(1);
    expect(lineAmountFen(125, 1)).toBe(0); // 0.125 -> 0
    expect(lineAmountFen(2_345, 1_000)).toBe(2_345);
    expect(lineAmountFen(333, 100)).toBe(33); // 33.3 -> 33
    expect(lineAmountFen(335, 100)).toBe(34); // 33.5 -> 34
  });

  it('rounds .5 away from zero for negative lines (returns, discounts)', () => {
    expect(lineAmountFen(-1500, 333)).toBe(-500);
    expect(lineAmountFen(1500, -333)).toBe(-500);
    expect(Object.is(lineAmountFen(-1, 499), 0)).toBe(true);
  });

  it('stays exact where the product passes 2^53', () => {
    // 999,999,999.999 units × 9,007.19 yuan: qty × price ≈ 9.0e17, far past 2^53.
    const qty = 999_999_999_999;
    const price = 900_719;
    const expected = (BigInt(qty) * BigInt(price) + 500n) / 1000n;
    expect(lineAmountFen(qty, price)).toBe(Number(expected));
    expect(lineAmountFen(9_007_199_254_740_991, 1)).toBe(9_007_199_254_741);
  });

  it('throws when the result is not a safe integer', () => {
    expect(() => lineAmountFen(9_007_199_254_740_991, 9_007_199_254_740_991)).toThrow(RangeError);
  });

  it('refuses non-integer inputs', () => {
    expect(() => lineAmountFen(1.5, 100)).toThrow(RangeError);
    expect(() => lineAmountFen(1000, 0.5)).toThrow(RangeError);
  });

  it('matches exact rational rounding for any line', () => {
    fc.assert(
      // Ranges keep |result| ≤ 1e15, inside the safe integer range.
      fc.property(fc.integer({ min: -1e9, max: 1e9 }), fc.integer({ min: -1e9, max: 1e9 }), (q, p) => {
        const product = BigInt(q) * BigInt(p);
        const result = BigInt(lineAmountFen(q, p));
        // |result × 1000 − product| ≤ 500, and exactly 500 only when rounding away from zero.
        const diff = result * 1000n - product;
        const absDiff = diff < 0n ? -diff : diff;
        expect(absDiff <= 500n).toBe(true);
        if (absDiff === 500n) {
          const absResult = result < 0n ? -result : result;
          const absProduct = product < 0n ? -product : product;
          expect(absResult * 1000n > absProduct).toBe(true);
        }
      }),
    );
  });

  it('rounds every exact half-fen away from zero', () => {
    // (1000k + 500) × odd p always ends in exactly half a fen.
    fc.assert(
      fc.property(fc.integer({ min: -1e6, max: 1e6 }), fc.integer({ min: -5e5, max: 5e5 }), (k, j) => {
        const q = 1000 * k + 500;
        const p = 2 * j + 1;
        const product = BigInt(q) * BigInt(p);
        const magnitude = ((product < 0n ? -product : product) + 500n) / 1000n;
        expect(lineAmountFen(q, p)).toBe(Number(product < 0n ? -magnitude : magnitude));
      }),
    );
  });
});
