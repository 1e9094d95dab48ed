/**
 * 统一社会信用代码 (unified social credit code, GB 32100-2015): 18 characters
 * from a 31-symbol alphabet (digits and capitals without I, O, Z, S, V, which
 * are easy to misread); the 18th is a check character over the first 17.
 */
import { fail, ok, type ParseResult } from '../result';
import { normalizeCell } from '../text/normalize';

const CHARSET = '0123456789ABCDEFGHJKLMNPQRTUWXY';
const WEIGHTS = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28];
const EXPECTED = '应为 18 位，由数字和大写字母组成（不含 I、O、Z、S、V）';

/**
 * The check character for the first 17 characters:
 * 31 − (Σ value×weight mod 31), where 31 becomes 0. Throws on bad input
 * because callers (test-data generators) pass well-formed text.
 */
export function computeTaxIdCheckChar(first17: string): string {
  if (first17.length !== 17) throw new RangeError(`expected 17 characters, got ${first17.length}`);
  let sum = 0;
  for (let i = 0; i < 17; i++) {
    const value = CHARSET.indexOf(first17[i]);
    if (value < 0) throw new RangeError(`character ${JSON.stringify(first17[i])} is not in the GB 32100 alphabet`);
    sum += value * WEIGHTS[i];
  }
  return CHARSET[(31 - (sum % 31)) % 31];
}

/**
 * Trims, drops spaces (codes are often pasted in groups), converts full-width
 * and lower case, then checks length, alphabet and check character. Returns the
 * normalized 18-character code.
 */
export function validateTaxId(s: string): ParseResult<string> {
  const code = normalizeCell(s).replace(/ /g, '').toUpperCase();
  if (code === '') return fail('统一社会信用代码不能为空');
  const length = [...code].length;
  if (length !== 18) {
    const oldStyle = length === 15 ? '（15 位的旧工商注册号不能使用，请填写新的统一社会信用代码）' : '';
    return fail(`统一社会信用代码${EXPECTED}，当前为 ${length} 位${oldStyle}`);
  }
  for (let i = 0; i < 18; i++) {
    if (!CHARSET.includes(code[i])) {
      return fail(`统一社会信用代码第 ${i + 1} 位“${code[i]}”不是允许的字符；统一社会信用代码${EXPECTED}`);
    }
  }
  if (computeTaxIdCheckChar(code.slice(0, 17)) !== code[17]) {
    return fail(`统一社会信用代码校验位不正确，请核对是否抄错；统一社会信用代码${EXPECTED}`);
  }
  return ok(code);
}
