import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { formatThousandths, parseQuantityToThousandths } from '../../shared/money/quantity';

const value = (input: string | number): number => {
  const r = parseQuantityToThousandths(input);
  if (!r.ok) throw new Error(`expected ${JSON.stringify(input)} to parse, got: ${r.message}`);
  return r.value;
};
const message = (input: string | number): string => {
  const r = parseQuantityToThousandths(input);
  if (r.ok) throw new Error(`expected ${JSON.stringify(input)} to be refused, got ${r.value}`);
  return r.message;
};

describe('parseQuantityToThousandths', () => {
  it.each([
    ['1', 1000],
    ['1.5', 1500],
    ['0.125', 125],
    ['0.001', 1],
    ['1,200', 1_200_000],
    ['１，２００．５', 1_200_500],
    ['\u3000 3 ', 3000],
    [2.75, 2750],
    [0.001, 1],
    [100, 100_000],
  ])('%s -> %d', (input, thousandths) => {
    expect(value(input)).toBe(thousandths);
  });

  it('refuses more than three decimals without rounding', () => {
    expect(message('1.0005')).toContain('数量最多三位小数');
    expect(message(0.1 + 0.2)).toContain('数量最多三位小数');
  });

  it('refuses zero, negatives, empty, units, currency and junk', () => {
    expect(message('0')).toBe('数量必须大于 0');
    expect(message('-1')).toContain('不能为负数');
    expect(message('')).toBe('数量不能为空');
    expect(message('3万')).toContain('单位');
    expect(message('¥3')).toContain('不是有效数字');
    expect(message('3元')).toContain('不是有效数字');
    expect(message('3箱')).toContain('不是有效数字');
    expect(message('1,00')).toContain('千位分隔符');
  });

  it('uses the caller label', () => {
    const r = parseQuantityToThousandths('', '件数');
    expect(r).toEqual({ ok: false, message: '件数不能为空' });
  });
});

describe('formatThousandths', () => {
  it.each([
    [1500, '1.5'],
    [2000, '2'],
    [125, '0.125'],
    [1, '0.001'],
    [10, '0.01'],
    [0, '0'],
    [1_234_567, '1234.567'],
    [-1500, '-1.5'],
    [-125, '-0.125'],
  ])('%d -> %s', (n, text) => {
    expect(formatThousandths(n)).toBe(text);
  });

  it('refuses non-integers', () => {
    expect(() => formatThousandths(1.5)).toThrow(RangeError);
  });

  it('round-trips through the parser', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 999_999_999_999_999 }), (n) => {
        expect(value(formatThousandths(n))).toBe(n);
      }),
    );
  });
});
