import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { RMB_UPPERCASE_MAX_FEN, rmbUppercase } from '../../shared/money/rmbUppercase';

/** Yuan written as in the issue ("1,001.10") -> fen, digit by digit (no floats). */
function fenOf(amount: string): number {
  const negative = amount.startsWith('-');
  const [whole, frac = ''] = amount.replace(/^-/, '').replace(/,/g, '').split('.');
  const fen = Number(whole) * 100 + Number((frac + '00').slice(0, 2));
  return negative ? -fen : fen;
}

/**
 * An independent reader of 大写 back into fen, used to check that every
 * output of the writer means exactly its input (a second implementation by a
 * different method: multiply-and-accumulate instead of position walking).
 */
function readUppercase(words: string): number {
  const digits: Record<string, number> = { 零: 0, 壹: 1, 贰: 2, 叁: 3, 肆: 4, 伍: 5, 陆: 6, 柒: 7, 捌: 8, 玖: 9 };
  const small: Record<string, number> = { 拾: 10, 佰: 100, 仟: 1000 };
  let sign = 1;
  let text = words;
  if (text.startsWith('负')) {
    sign = -1;
    text = text.slice(1);
  }
  let total = 0; // yuan
  let section = 0;
  let pending = 0;
  let fen = 0;
  for (const ch of text) {
    if (ch in digits) pending = digits[ch];
    else if (ch in small) {
      section += pending * small[ch];
      pending = 0;
    } else if (ch === '万' || ch === '亿') {
      const unit = ch === '万' ? 10_000 : 100_000_000;
      total += (section + pending) * unit;
      section = 0;
      pending = 0;
    } else if (ch === '元') {
      total += section + pending;
      section = 0;
      pending = 0;
    } else if (ch === '角') {
      fen += pending * 10;
      pending = 0;
    } else if (ch === '分') {
      fen += pending;
      pending = 0;
    } else if (ch !== '整') throw new Error(`unexpected ${ch} in ${words}`);
  }
  return sign * (total * 100 + fen);
}

describe('rmbUppercase: the examples of issue 8', () => {
  const examples: [string, string][] = [
    ['0', '零元整'],
    ['0.05', '伍分'],
    ['10.05', '壹拾元零伍分'],
    ['1,001.10', '壹仟零壹元壹角'],
    ['100,000,000', '壹亿元整'],
    ['10,010,000.00', '壹仟零壹万元整'],
    ['107,000', '壹拾万零柒仟元整'],
    ['1,680.32', '壹仟陆佰捌拾元零叁角贰分'],
    ['100,000.10', '壹拾万元零壹角'],
  ];
  it.each(examples)('%s -> %s', (amount, words) => {
    expect(rmbUppercase(fenOf(amount))).toBe(words);
  });

  it('prefixes negative amounts with 负', () => {
    expect(rmbUppercase(fenOf('-1,680.32'))).toBe('负壹仟陆佰捌拾元零叁角贰分');
    expect(rmbUppercase(-5)).toBe('负伍分');
    expect(rmbUppercase(-100)).toBe('负壹元整');
  });

  it('accepts the largest amount and refuses anything larger', () => {
    expect(rmbUppercase(RMB_UPPERCASE_MAX_FEN)).toBe('玖仟玖佰玖拾玖亿玖仟玖佰玖拾玖万玖仟玖佰玖拾玖元玖角玖分');
    expect(rmbUppercase(-RMB_UPPERCASE_MAX_FEN)).toBe('负玖仟玖佰玖拾玖亿玖仟玖佰玖拾玖万玖仟玖佰玖拾玖元玖角玖分');
    expect(fenOf('999,999,999,999.99')).toBe(RMB_UPPERCASE_MAX_FEN);
    expect(() => rmbUppercase(RMB_UPPERCASE_MAX_FEN + 1)).toThrow(RangeError);
    expect(() => rmbUppercase(-RMB_UPPERCASE_MAX_FEN - 1)).toThrow(RangeError);
    expect(() => rmbUppercase(fenOf('1,000,000,000,000'))).toThrow(RangeError);
    expect(() => rmbUppercase(Number.MAX_SAFE_INTEGER)).toThrow(RangeError);
  });

  it('refuses values that are not integer fen', () => {
    expect(() => rmbUppercase(1.5)).toThrow(RangeError);
    expect(() => rmbUppercase(Number.NaN)).toThrow(RangeError);
    expect(() => rmbUppercase(Number.POSITIVE_INFINITY)).toThrow(RangeError);
  });

  it('treats -0 as zero, without 负', () => {
    expect(rmbUppercase(-0)).toBe('零元整');
  });
});

describe('rmbUppercase: more cases, reasoned from the settlement rules', () => {
  const cases: [string, string][] = [
    // fractions only: no 元, no leading 零
    ['0.01', '壹分'],
    ['0.10', '壹角'],
    ['0.50', '伍角'],
    ['0.55', '伍角伍分'],
    ['0.99', '玖角玖分'],
    // small yuan amounts
    ['1.00', '壹元整'],
    ['1.01', '壹元零壹分'],
    ['1.10', '壹元壹角'],
    ['1.11', '壹元壹角壹分'],
    ['9.90', '玖元玖角'],
    ['10.00', '壹拾元整'],
    ['10.50', '壹拾元零伍角'],
    ['11.00', '壹拾壹元整'],
    ['19.09', '壹拾玖元零玖分'],
    ['20.00', '贰拾元整'],
    ['100.00', '壹佰元整'],
    ['101.00', '壹佰零壹元整'],
    ['110.00', '壹佰壹拾元整'],
    ['325.04', '叁佰贰拾伍元零肆分'],
    ['1,000.00', '壹仟元整'],
    ['1,409.50', '壹仟肆佰零玖元伍角'],
    ['6,007.14', '陆仟零柒元壹角肆分'],
    ['1,010.00', '壹仟零壹拾元整'],
    ['1,100.00', '壹仟壹佰元整'],
    // the 万 section
    ['10,000', '壹万元整'],
    ['10,001', '壹万零壹元整'],
    ['10,010', '壹万零壹拾元整'],
    ['16,409.02', '壹万陆仟肆佰零玖元零贰分'],
    ['100,010', '壹拾万零壹拾元整'],
    ['100,000.01', '壹拾万元零壹分'],
    ['107,000.53', '壹拾万零柒仟元零伍角叁分'],
    ['110,000', '壹拾壹万元整'],
    ['1,000,001', '壹佰万零壹元整'],
    ['1,010,000', '壹佰零壹万元整'],
    ['1,100,000', '壹佰壹拾万元整'],
    ['20,000,000.02', '贰仟万元零贰分'],
    ['12,345,678.90', '壹仟贰佰叁拾肆万伍仟陆佰柒拾捌元玖角'],
    // the 亿 section
    ['100,000,001', '壹亿零壹元整'],
    ['100,100,000', '壹亿零壹拾万元整'],
    ['101,000,000', '壹亿零壹佰万元整'],
    ['110,000,000', '壹亿壹仟万元整'],
    ['1,000,000,000', '壹拾亿元整'],
    ['1,000,100,000', '壹拾亿零壹拾万元整'],
    ['1,000,000,000.01', '壹拾亿元零壹分'],
    ['10,000,000,000', '壹佰亿元整'],
    ['100,000,000,000', '壹仟亿元整'],
    ['100,000,010,000', '壹仟亿零壹万元整'],
    ['123,456,789,012.34', '壹仟贰佰叁拾肆亿伍仟陆佰柒拾捌万玖仟零壹拾贰元叁角肆分'],
    ['900,000,000,009.90', '玖仟亿零玖元玖角'],
  ];
  it.each(cases)('%s -> %s', (amount, words) => {
    expect(rmbUppercase(fenOf(amount))).toBe(words);
  });
});

describe('rmbUppercase: properties over the whole range', () => {
  const amount = fc.integer({ min: -RMB_UPPERCASE_MAX_FEN, max: RMB_UPPERCASE_MAX_FEN });
  // Amounts built mostly of zeros stress the 零 rule far more than uniform ones.
  const sparseAmount = fc
    .array(fc.constantFrom(0, 0, 0, 0, 1, 5, 9), { minLength: 14, maxLength: 14 })
    .map((digits) => Number(digits.join('')));

  it('reads back as exactly the input', () => {
    fc.assert(fc.property(fc.oneof(amount, sparseAmount), (fen) => readUppercase(rmbUppercase(fen)) === fen), {
      numRuns: 5000,
    });
  });

  it('keeps the shape rules: one 零 at a time, 整 only after 元, no leading 零', () => {
    fc.assert(
      fc.property(fc.oneof(amount, sparseAmount), (fen) => {
        const words = rmbUppercase(fen);
        const body = words.replace(/^负/, '');
        expect(body.includes('零零')).toBe(false);
        if (fen !== 0) expect(body.startsWith('零')).toBe(false);
        // 零 is always followed by a digit word, never by a unit.
        if (fen !== 0) expect(/零(?![壹贰叁肆伍陆柒捌玖])/.test(body)).toBe(false);
        expect(body.endsWith('整')).toBe(Math.abs(fen) % 100 === 0);
        if (body.endsWith('整')) expect(body.endsWith('元整')).toBe(true);
        expect(body.includes('元')).toBe(Math.abs(fen) >= 100 || fen === 0);
        expect(words.startsWith('负')).toBe(fen < 0);
        // 拾 never stands without its digit (壹拾, not 拾).
        expect(/(^|[^壹贰叁肆伍陆柒捌玖])拾/.test(body)).toBe(false);
      }),
      { numRuns: 3000 },
    );
  });

  it('is exhaustive over 0.00 .. 1,000.00 and 99,990.00 .. 100,010.00 (every fen)', () => {
    const ranges: [number, number][] = [
      [0, 100_000],
      [9_999_000, 10_001_000],
    ];
    for (const [from, to] of ranges) {
      for (let fen = from; fen <= to; fen++) {
        const words = rmbUppercase(fen);
        if (readUppercase(words) !== fen) throw new Error(`${fen} -> ${words}`);
        if (words.includes('零零')) throw new Error(`${fen} -> ${words}`);
      }
    }
  });
});
