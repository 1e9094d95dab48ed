import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { computeTaxIdCheckChar, validateTaxId } from '../../shared/validators/taxId';

const CHARSET = '0123456789ABCDEFGHJKLMNPQRTUWXY';

describe('computeTaxIdCheckChar', () => {
  it('matches a hand computation of the published example 91350100M000100Y43', () => {
    // Values 9,1,3,5,0,1,0,0,M=21,0,0,0,1,0,0,Y=30,4 times the weights:
    // 9 + 3 + 27 + 135 + 26 + 420 + 8 + 900 + 112 = 1640; 1640 mod 31 = 28; 31 − 28 = 3.
    expect(computeTaxIdCheckChar('91350100M000100Y4')).toBe('3');
  });

  it('maps a sum divisible by 31 to 0', () => {
    // All zeros: sum 0 → 31 − 0 = 31 → 0.
    expect(computeTaxIdCheckChar('00000000000000000')).toBe('0');
  });

  it('produces a letter check character when the arithmetic says so', () => {
    // "1" then zeros: sum 1 → 30 → Y.
    expect(computeTaxIdCheckChar('10000000000000000')).toBe('Y');
    // "01" then zeros: sum 3 → 28 → W.
    expect(computeTaxIdCheckChar('01000000000000000')).toBe('W');
  });

  it('throws on malformed input', () => {
    expect(() => computeTaxIdCheckChar('9135010')).toThrow(RangeError);
    expect(() => computeTaxIdCheckChar('91350100I000100Y4')).toThrow(RangeError);
  });
});

describe('validateTaxId', () => {
  it('accepts the published example and normalizes it', () => {
    expect(validateTaxId('91350100M000100Y43')).toEqual({ ok: true, value: '91350100M000100Y43' });
    expect(validateTaxId('  91350100m000100y43 ')).toEqual({ ok: true, value: '91350100M000100Y43' });
    expect(validateTaxId('９１３５０１００Ｍ０００１００Ｙ４３')).toEqual({ ok: true, value: '91350100M000100Y43' });
    expect(validateTaxId('9135 0100 M000 100Y 43')).toEqual({ ok: true, value: '91350100M000100Y43' });
  });

  it('accepts generated codes', () => {
    for (const first17 of ['91110108MA01ABCD1', '52350100MJ0000000', '12100000400000624', '93440300MA5FXXXX0']) {
      const code = first17 + computeTaxIdCheckChar(first17);
      expect(validateTaxId(code)).toEqual({ ok: true, value: code });
    }
  });

  it('names a wrong length', () => {
    const r = validateTaxId('91350100M000100Y4');
    expect(r).toEqual({ ok: false, message: expect.stringContaining('应为 18 位') });
    expect(!r.ok && r.message).toContain('当前为 17 位');
    const old = validateTaxId('350100400012345');
    expect(!old.ok && old.message).toContain('15 位的旧工商注册号');
  });

  it('names a bad character and its position', () => {
    const r = validateTaxId('91350100O000100Y43');
    expect(r.ok).toBe(false);
    expect(!r.ok && r.message).toContain('第 9 位“O”不是允许的字符');
    expect(!r.ok && r.message).toContain('不含 I、O、Z、S、V');
    const punct = validateTaxId('91350100-000100Y43');
    expect(!punct.ok && punct.message).toContain('第 9 位“-”');
  });

  it('says the check character is wrong', () => {
    const r = validateTaxId('91350100M000100Y44');
    expect(r.ok).toBe(false);
    expect(!r.ok && r.message).toContain('统一社会信用代码校验位不正确');
    expect(!r.ok && r.message).toContain('18 位');
  });

  it('refuses blank input', () => {
    expect(validateTaxId(' ')).toEqual({ ok: false, message: '统一社会信用代码不能为空' });
  });

  const first17 = fc
    .array(fc.integer({ min: 0, max: 30 }), { minLength: 17, maxLength: 17 })
    .map((xs) => xs.map((i) => CHARSET[i]).join(''));

  it('accepts every code with its computed check character', () => {
    fc.assert(
      fc.property(first17, (f) => {
        expect(validateTaxId(f + computeTaxIdCheckChar(f)).ok).toBe(true);
      }),
    );
  });

  it('catches every single-character substitution', () => {
    fc.assert(
      fc.property(first17, fc.integer({ min: 0, max: 17 }), fc.integer({ min: 1, max: 30 }), (f, pos, shift) => {
        const code = f + computeTaxIdCheckChar(f);
        const replaced = CHARSET[(CHARSET.indexOf(code[pos]) + shift) % 31];
        const typo = code.slice(0, pos) + replaced + code.slice(pos + 1);
        expect(validateTaxId(typo).ok).toBe(false);
      }),
    );
  });
});
