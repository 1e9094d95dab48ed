/**
 * Quantities are integer thousandths (1.5 箱 = 1500), so three decimals cover
 * kilograms to the gram and fractional cases without any float.
 */
import type { ParseResult } from '../result';
import { parseScaledDecimal } from './parseAmount';

/** "1.5" -> 1500, "１，２００" -> 1200000. Up to three decimals, must be > 0, never rounded. */
export function parseQuantityToThousandths(input: string | number, label = '数量'): ParseResult<number> {
  return parseScaledDecimal(input, {
    label,
    decimals: 3,
    maxIntegerDigits: 12,
    allowNegative: false,
    allowZero: false,
    allowCurrency: false,
  });
}

/** 1500 -> "1.5", 2000 -> "2", 125 -> "0.125": no trailing zeros, no grouping (edit fields, exports). */
export function formatThousandths(n: number): string {
  if (!Number.isSafeInteger(n)) throw new RangeError(`thousandths must be a safe integer, got ${n}`);
  const abs = Math.abs(n);
  const whole = Math.trunc(abs / 1000);
  const fraction = String(abs % 1000).padStart(3, '0').replace(/0+$/, '');
  const sign = n < 0 ? '-' : '';
  return fraction === '' ? `${sign}${whole}` : `${sign}${whole}.${fraction}`;
}
