import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { parseAmountToFen } from '../../shared/money/parseAmount';
import { fenToDecimalString, formatFen, formatFenPlain } from '../../shared/money/format';

const value = (input: string | number, opts?: Parameters<typeof parseAmountToFen>[1]): number => {
  const r = parseAmountToFen(input, opts);
  if (!r.ok) throw new Error(`expected ${JSON.stringify(input)} to parse, got: ${r.message}`);
  return r.value;
};
const message = (input: string | number, opts?: Parameters<typeof parseAmountToFen>[1]): string => {
  const r = parseAmountToFen(input, opts);
  if (r.ok) throw new Error(`expected ${JSON.stringify(input)} to be refused, got ${r.value}`);
  return r.message;
};

describe('parseAmountToFen: accepted spellings', () => {
  it.each([
    ['50000', 5_000_000],
    ['50,000.00', 5_000_000],
    ['50,000', 5_000_000],
    ['¥50,000', 5_000_000],
    ['￥50,000', 5_000_000],
    ['５００００．００', 5_000_000],
    ['５０，０００', 5_000_000],
    ['\u3000 50000 \u3000', 5_000_000],
    ['¥ 50,000.5', 5_000_050],
    ['50000元', 5_000_000],
    ['¥1,234,567.89', 123_456_789],
    ['0.29', 29],
    ['0.01', 1],
    ['1.1', 110],
    ['.5', 50],
    ['5.', 500],
    ['007', 700],
    ['+12', 1200],
    ['999,999,999,999.99', 99_999_999_999_999],
    ['999999999999.99', 99_999_999_999_999],
  ])('%s -> %d fen', (input, fen) => {
    expect(value(input)).toBe(fen);
  });

  it('reads digit by digit where floats would drift', () => {
    // parseFloat('0.29') * 100 === 28.999999999999996; 1.15 * 100 === 114.99999999999999.
    expect(value('0.29')).toBe(29);
    expect(value('1.15')).toBe(115);
    expect(value('4.35')).toBe(435);
    expect(value('1,005.07')).toBe(100_507);
  });
});

describe('parseAmountToFen: Excel numbers', () => {
  it.each([
    [50000, 5_000_000],
    [0.29, 29],
    [1.15, 115],
    [1234.5, 123_450],
    [999999999999.99, 99_999_999_999_999],
  ])('%d -> %d fen', (input, fen) => {
    expect(value(input)).toBe(fen);
  });

  it('refuses floats with more than two decimals instead of rounding them', () => {
    expect(message(0.1 + 0.2)).toContain('金额最多两位小数');
    expect(message(1.005)).toContain('金额最多两位小数');
    expect(message(12.345)).toContain('金额最多两位小数');
  });

  it('refuses exponent forms', () => {
    expect(message(1e21)).toContain('超出上限');
    expect(message(1e-7)).toContain('金额最多两位小数');
  });

  it('refuses NaN and infinities', () => {
    expect(message(Number.NaN)).toContain('不是有效数字');
    expect(message(Number.POSITIVE_INFINITY)).toContain('不是有效数字');
  });

  it('applies the sign rules to numbers', () => {
    expect(message(-5)).toContain('不能为负数');
    expect(value(-5, { allowNegative: true })).toBe(-500);
    expect(message(0)).toContain('必须大于 0');
    expect(value(0, { allowZero: true })).toBe(0);
  });
});

describe('parseAmountToFen: refusals', () => {
  it('refuses units and says to write the full number', () => {
    for (const input of ['5万', '5 万', '５万元', '1.5亿', '3千', '5w', '5K']) {
      const m = message(input);
      expect(m).toContain('单位');
      expect(m).toContain('完整数字');
    }
  });

  it('refuses more than two decimals with the exact wording, never rounding', () => {
    expect(message('12.345')).toContain('金额最多两位小数');
    expect(message('0.001')).toContain('金额最多两位小数');
    expect(message('50.000')).toContain('金额最多两位小数');
  });

  it('refuses misplaced group separators', () => {
    for (const input of ['1,00', '1,0000', '10,00.00', ',100', '100,', '1,000,00', '1.000,00', '1,,000']) {
      expect(message(input)).toMatch(/千位分隔符|不是有效数字/);
    }
    expect(message('1,00')).toContain('千位分隔符位置不正确');
  });

  it('refuses letters and other junk', () => {
    for (const input of ['abc', '12a', 'RMB100', '1 000', '1.2.3', '.', '--5', '¥¥5', '5-', '1e5', '(100)', '１２ａ']) {
      expect(message(input, { allowNegative: true })).toContain('不是有效数字');
    }
  });

  it('refuses empty input', () => {
    expect(message('')).toBe('金额不能为空');
    expect(message(' \u3000 ')).toBe('金额不能为空');
    expect(message('¥')).toContain('不是有效数字');
  });

  it('refuses zero and negatives unless allowed', () => {
    expect(message('0')).toBe('金额必须大于 0');
    expect(message('0.00')).toBe('金额必须大于 0');
    expect(message('-5')).toContain('不能为负数');
    expect(message('－５')).toContain('不能为负数');
  });

  it('refuses values above 999,999,999,999.99', () => {
    expect(message('1,000,000,000,000')).toContain('最大为 999,999,999,999.99');
    expect(message('1000000000000.00')).toContain('超出上限');
    expect(message('99999999999999999999')).toContain('超出上限');
  });

  it('shows what was typed in the message', () => {
    expect(message('5万')).toContain('“5万”');
  });

  it('uses the caller label', () => {
    expect(message('', { label: '单价' })).toBe('单价不能为空');
  });
});

describe('parseAmountToFen: options', () => {
  it('accepts negatives in every spelling when allowed', () => {
    const opts = { allowNegative: true };
    expect(value('-50,000.00', opts)).toBe(-5_000_000);
    expect(value('－５０，０００', opts)).toBe(-5_000_000);
    expect(value('\u22125', opts)).toBe(-500);
    expect(value('-¥5', opts)).toBe(-500);
    expect(value('¥-5', opts)).toBe(-500);
    expect(value('- 5', opts)).toBe(-500);
    expect(value('-999,999,999,999.99', opts)).toBe(-99_999_999_999_999);
  });

  it('returns 0 (not -0) for a negative zero', () => {
    expect(Object.is(value('-0', { allowZero: true, allowNegative: true }), 0)).toBe(true);
    expect(Object.is(value('-0.00', { allowZero: true }), 0)).toBe(true);
  });
});

describe('parseAmountToFen: properties', () => {
  const fen = fc.integer({ min: 1, max: 99_999_999_999_999 });

  it('round-trips every formatted amount', () => {
    fc.assert(
      fc.property(fen, (n) => {
        expect(value(formatFenPlain(n))).toBe(n);
        expect(value(formatFen(n))).toBe(n);
        expect(value(fenToDecimalString(n))).toBe(n);
        expect(value(formatFenPlain(-n), { allowNegative: true })).toBe(-n);
      }),
    );
  });

  it('parses Excel numbers with at most two decimals to the same fen as their text', () => {
    fc.assert(
      fc.property(fen, (n) => {
        const asNumber = Number(fenToDecimalString(n));
        expect(value(asNumber)).toBe(n);
      }),
    );
  });

  it('never throws on arbitrary text', () => {
    fc.assert(
      fc.property(fc.string(), (s) => {
        const r = parseAmountToFen(s, { allowNegative: true, allowZero: true });
        if (r.ok) expect(Number.isSafeInteger(r.value)).toBe(true);
        else expect(r.message.length).toBeGreaterThan(0);
      }),
    );
  });
});
