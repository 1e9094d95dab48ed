/**
 * Parsing of money typed by clerks or read from Excel into integer fen.
 * Digits are read one by one into an integer: never parseFloat, never "* 100",
 * because 0.29 * 100 is 28.999999999999996 and an amount must not drift.
 * Nothing is ever rounded: a value that does not fit the allowed decimals is
 * refused so that the clerk looks at it.
 */
import { fail, ok, type ParseResult } from '../result';
import { normalizeCell } from '../text/normalize';

/** How one kind of decimal quantity is read (money in fen, quantities in thousandths). */
export interface ScaledDecimalRule {
  /** What the value is called in messages: 金额, 单价, 数量. */
  label: string;
  /** Fraction digits kept in the integer result: 2 for fen, 3 for thousandths. */
  decimals: number;
  /** Largest number of integer digits (12 -> up to 999,999,999,999.xx). */
  maxIntegerDigits: number;
  allowNegative: boolean;
  allowZero: boolean;
  /** Accept ¥ / ￥ before the number and 元 after it (money only). */
  allowCurrency: boolean;
}

/** Multipliers clerks write in prose ("5万"); a parser guessing them would be a liability. */
const UNIT_CHARS = /[万萬亿億千仟百佰十拾]|\d\s*[kKwW]$/;
const CHINESE_COUNT = ['零', '一', '两', '三', '四', '五', '六'];
const GROUPED_INTEGER = /^\d{1,3}(,\d{3})+$/;

const groupThousands = (digits: string): string => digits.replace(/\B(?=(\d{3})+(?!\d))/g, ',');

function maxDisplay(rule: ScaledDecimalRule): string {
  const integer = groupThousands('9'.repeat(rule.maxIntegerDigits));
  return rule.decimals > 0 ? `${integer}.${'9'.repeat(rule.decimals)}` : integer;
}

function decimalsMessage(rule: ScaledDecimalRule, shown: string, found: number): string {
  const allowed = CHINESE_COUNT[rule.decimals] ?? String(rule.decimals);
  return `${rule.label}最多${allowed}位小数，“${shown}”有 ${found} 位小数；系统不会自动四舍五入，请核对后重新填写`;
}

/**
 * Turns a JS number (an Excel numeric cell) into its shortest decimal text,
 * which is what the user saw in the cell. A float such as 0.30000000000000004
 * keeps all its digits and is then refused for too many decimals.
 */
function numberToText(n: number, rule: ScaledDecimalRule): ParseResult<string> {
  if (!Number.isFinite(n)) return fail(`${rule.label}不是有效数字`);
  const text = String(n);
  if (/e/i.test(text)) {
    // Exponent form only appears for |n| >= 1e21 or |n| < 1e-6.
    return Math.abs(n) >= 1
      ? fail(`${rule.label}“${text}”超出上限，最大为 ${maxDisplay(rule)}`)
      : fail(decimalsMessage(rule, text, Number(text.split(/e-/i)[1] ?? '0')));
  }
  return ok(text);
}

/**
 * Reads a decimal number into an integer scaled by 10^decimals, under the
 * rule's limits. Shared by money and quantity parsing so both accept exactly
 * the same spellings.
 */
export function parseScaledDecimal(input: string | number, rule: ScaledDecimalRule): ParseResult<number> {
  let text: string;
  if (typeof input === 'number') {
    const converted = numberToText(input, rule);
    if (!converted.ok) return converted;
    text = converted.value;
  } else {
    text = input;
  }

  const shown = text.trim();
  // U+2212 (the typographic minus) arrives from Word and web pages.
  let rest = normalizeCell(text).replace(/\u2212/g, '-');
  if (rest === '') return fail(`${rule.label}不能为空`);
  const invalid = fail(
    `${rule.label}“${shown}”不是有效数字，只能包含数字、小数点和千位分隔符逗号，例如 50000 或 50,000.00`,
  );

  // Leading sign and currency symbol, in either order ("-¥5" and "¥-5"), spaces allowed between.
  let sign = '';
  let symbol = false;
  for (;;) {
    rest = rest.trimStart();
    const c = rest.charAt(0);
    if (c === '-' || c === '+') {
      if (sign !== '') return invalid;
      sign = c;
    } else if (rule.allowCurrency && (c === '¥' || c === '￥')) {
      if (symbol) return invalid;
      symbol = true;
    } else {
      break;
    }
    rest = rest.slice(1);
  }
  if (rule.allowCurrency) rest = rest.replace(/\s*元$/, '');
  const body = rest.trimEnd();

  if (UNIT_CHARS.test(body)) {
    return fail(`${rule.label}“${shown}”中含有“万”“千”等单位，系统不接受单位，请写出完整数字，例如 5万 写成 50000`);
  }
  if (!/^[\d.,]+$/.test(body)) return invalid;

  const pieces = body.split('.');
  if (pieces.length > 2) return invalid;
  const integerText = pieces[0];
  const fractionText = pieces[1] ?? '';
  if (integerText === '' && fractionText === '') return invalid;
  if (fractionText.includes(',') || (integerText.includes(',') && !GROUPED_INTEGER.test(integerText))) {
    return fail(
      `${rule.label}“${shown}”的千位分隔符位置不正确，逗号应每 3 位一个，例如 1,000 或 50,000.00`,
    );
  }
  if (fractionText.length > rule.decimals) return fail(decimalsMessage(rule, shown, fractionText.length));

  const integerDigits = integerText.replace(/,/g, '').replace(/^0+/, '');
  if (integerDigits.length > rule.maxIntegerDigits) {
    return fail(`${rule.label}“${shown}”超出上限，最大为 ${maxDisplay(rule)}`);
  }
  // maxIntegerDigits + decimals stays within 15 digits, so the accumulation is exact.
  let scaled = 0;
  for (const digit of integerDigits + fractionText.padEnd(rule.decimals, '0')) {
    scaled = scaled * 10 + (digit.charCodeAt(0) - 48);
  }

  if (scaled === 0) {
    return rule.allowZero ? ok(0) : fail(`${rule.label}必须大于 0`);
  }
  if (sign === '-') {
    if (!rule.allowNegative) return fail(`${rule.label}不能为负数，“${shown}”带有负号`);
    return ok(-scaled);
  }
  return ok(scaled);
}

export interface AmountOptions {
  /** Accept a leading minus (adjustments, opening balances that are prepayments). */
  allowNegative?: boolean;
  /** Accept 0 (optional fields, a price of zero). */
  allowZero?: boolean;
  /** Name of the field in messages; default 金额. */
  label?: string;
}

/**
 * "50,000.00", "¥50,000", "５００００．００", 50000 (an Excel number) -> 5000000 fen.
 * Refuses units (5万), more than two decimals, misplaced commas, letters, and
 * anything above 999,999,999,999.99.
 */
export function parseAmountToFen(input: string | number, opts: AmountOptions = {}): ParseResult<number> {
  return parseScaledDecimal(input, {
    label: opts.label ?? '金额',
    decimals: 2,
    maxIntegerDigits: 12,
    allowNegative: opts.allowNegative ?? false,
    allowZero: opts.allowZero ?? false,
    allowCurrency: true,
  });
}
