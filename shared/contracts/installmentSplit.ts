/**
 * Spreading a contract amount over installments by percentages (预付款 30%,
 * 到货款 70%). Each part is computed with largest-remainder rounding, so the
 * parts add up to the amount exactly, fen for fen, whatever the amount.
 */
import { parseScaledDecimal } from '../money/parseAmount';
import { splitByLargestRemainder } from '../money/split';
import { fail, ok, type ParseResult } from '../result';

/** 100% in basis points: percentages may carry two decimals (33.33%). */
const WHOLE_BP = 10_000;

/** "30" or 30 -> 3000 basis points; refuses 0, negatives, more than two decimals. */
export function percentToBasisPoints(input: string | number, label = '比例'): ParseResult<number> {
  return parseScaledDecimal(input, {
    label,
    decimals: 2,
    maxIntegerDigits: 3,
    allowNegative: false,
    allowZero: false,
    allowCurrency: false,
  });
}

export interface SplitProblem {
  /** Index of the offending percentage, or null when the list as a whole is wrong. */
  index: number | null;
  message: string;
}

/**
 * Amounts for the percentages, in order. The percentages must add up to
 * exactly 100: a plan of 30/60 leaves a tenth of the contract unscheduled,
 * which is a typing mistake, not a plan.
 */
export function splitByPercents(
  amountFen: number,
  percents: readonly (string | number)[],
): { ok: true; amountsFen: number[] } | { ok: false; problem: SplitProblem } {
  if (percents.length === 0) return { ok: false, problem: { index: null, message: '请至少填写一期的比例' } };
  const bps: number[] = [];
  for (let i = 0; i < percents.length; i++) {
    const r = percentToBasisPoints(percents[i], `第 ${i + 1} 期比例`);
    if (!r.ok) return { ok: false, problem: { index: i, message: r.message } };
    bps.push(r.value);
  }
  const total = bps.reduce((s, b) => s + b, 0);
  if (total !== WHOLE_BP) {
    const shown = (total / 100).toFixed(2).replace(/\.?0+$/, '');
    return { ok: false, problem: { index: null, message: `各期比例合计应为 100%，现在是 ${shown}%` } };
  }
  return { ok: true, amountsFen: splitByLargestRemainder(amountFen, bps) };
}

/** splitByPercents as a ParseResult, for callers that only need a message. */
export function splitByPercentsResult(amountFen: number, percents: readonly (string | number)[]): ParseResult<number[]> {
  const r = splitByPercents(amountFen, percents);
  return r.ok ? ok(r.amountsFen) : fail(r.problem.message);
}
