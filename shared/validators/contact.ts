/**
 * Contact fields of customers: mainland mobile numbers, landlines, e-mail.
 * Each returns the value in the form it is stored.
 */
import { fail, ok, type ParseResult } from '../result';
import { normalizeCell } from '../text/normalize';

/**
 * Mainland mobile: 11 digits, 1 then 3–9. Spaces, dashes and a +86 / 0086 / 86
 * country prefix are accepted (numbers copied from WeChat or business cards)
 * and removed. Returns the 11 digits.
 */
export function validateMobile(s: string): ParseResult<string> {
  const shown = s.trim();
  let digits = normalizeCell(s).replace(/[\s-]/g, '');
  if (digits === '') return fail('手机号不能为空');
  // "(+86)138..." as some address books write it.
  digits = digits.replace(/^\((\+?86)\)/, '$1');
  if (digits.startsWith('+86')) digits = digits.slice(3);
  else if (digits.startsWith('0086')) digits = digits.slice(4);
  else if (digits.length === 13 && digits.startsWith('86')) digits = digits.slice(2);
  if (!/^\d+$/.test(digits)) {
    return fail(`手机号“${shown}”只能包含数字（可带 +86 前缀、空格或横线），应为 11 位数字，例如 13800138000`);
  }
  if (digits.length !== 11) {
    return fail(`手机号“${shown}”应为 11 位数字，当前为 ${digits.length} 位`);
  }
  if (!/^1[3-9]/.test(digits)) {
    return fail(`手机号“${shown}”不正确：大陆手机号应以 13–19 开头，共 11 位数字`);
  }
  return ok(digits);
}

/** The extension, written as 转 / 分机 / ext / x / #, at the end. */
const EXTENSION = /^(.*?)\s*(?:转|分机|ext\.?|x|#)\s*(\d{1,6})$/i;
const MAIN_NUMBER = /^\+?[\d\s()-]+$/;

/**
 * Landline, leniently: digits with dashes, spaces, parentheses and an optional
 * leading +, 5–20 digits in all (hotlines like 95555 up to international
 * numbers), plus an optional extension. Returns the trimmed text with the
 * extension written as " 转 NNN".
 */
export function validatePhone(s: string): ParseResult<string> {
  const shown = s.trim();
  const text = normalizeCell(s);
  if (text === '') return fail('电话不能为空');
  const ext = EXTENSION.exec(text);
  const main = ext === null ? text : ext[1];
  const expected = '只能包含数字、空格、横线和括号，分机号可写在“转”后，例如 0591-87654321 转 8001';
  if (!MAIN_NUMBER.test(main)) return fail(`电话“${shown}”格式不正确：${expected}`);
  const digitCount = main.replace(/\D/g, '').length;
  if (digitCount < 5 || digitCount > 20) {
    return fail(`电话“${shown}”的号码位数不正确（当前 ${digitCount} 位数字），应为 5–20 位：${expected}`);
  }
  return ok(ext === null ? main : `${main} 转 ${ext[2]}`);
}

const LOCAL_PART = /^[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+(\.[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+)*$/;
const DOMAIN_LABEL = /^[A-Za-z0-9]([A-Za-z0-9-]*[A-Za-z0-9])?$/;

/**
 * A practical e-mail check (not full RFC 5322): local@domain, ASCII, the
 * domain with at least one dot and a letter TLD. A full-width ＠ is accepted.
 * Returns the address with the domain in lower case.
 */
export function validateEmail(s: string): ParseResult<string> {
  const shown = s.trim();
  const text = normalizeCell(s);
  if (text === '') return fail('邮箱不能为空');
  const expected = '应类似 name@example.com';
  const at = text.lastIndexOf('@');
  if (at < 0) return fail(`邮箱“${shown}”缺少 @，${expected}`);
  const local = text.slice(0, at);
  const domain = text.slice(at + 1).toLowerCase();
  const labels = domain.split('.');
  const valid =
    text.length <= 254 &&
    local.length <= 64 &&
    LOCAL_PART.test(local) &&
    labels.length >= 2 &&
    labels.every((label) => label.length <= 63 && DOMAIN_LABEL.test(label)) &&
    /^[a-z]{2,}$/.test(labels[labels.length - 1]);
  if (!valid) return fail(`邮箱“${shown}”格式不正确，${expected}（不能有空格、中文或连续的点）`);
  return ok(`${local}@${domain}`);
}
