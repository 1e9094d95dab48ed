/**
 * The figures the contract form shows while the clerk types, computed with
 * the very functions the service uses (parse the typed text, qty × price
 * rounded half up once per line), so the screen never shows an amount the
 * saved contract will not have.
 */
import { lineAmountFen } from '../../../../shared/money/lineAmount';
import { parseAmountToFen } from '../../../../shared/money/parseAmount';
import { parseQuantityToThousandths } from '../../../../shared/money/quantity';
import { amountIsManual, type ContractFormValues, type LineValues } from './contractFormModel';

/** The line's amount in fen as the service will store it; null while qty or price cannot be read. */
export function lineAmountOf(line: Pick<LineValues, 'qty' | 'unitPrice'>): number | null {
  const qty = parseQuantityToThousandths(line.qty);
  const price = parseAmountToFen(line.unitPrice, { allowZero: true });
  if (!qty.ok || !price.ok) return null;
  try {
    return lineAmountFen(qty.value, price.value);
  } catch {
    // Beyond the safe range: the service refuses it too, with its own message.
    return null;
  }
}

/** Sum of amounts that can all be read; null as soon as one cannot. */
function sumOrNull(amounts: readonly (number | null)[]): number | null {
  let sum = 0;
  for (const a of amounts) {
    if (a === null) return null;
    sum += a;
  }
  return sum;
}

/** The contract amount: Σ lines, or the typed amount of a framework agreement without lines (empty = 0). */
export function contractAmountOf(v: Pick<ContractFormValues, 'kind' | 'lines' | 'amount'>): number | null {
  if (amountIsManual(v)) {
    if (v.amount.trim() === '') return 0;
    const r = parseAmountToFen(v.amount, { allowZero: true });
    return r.ok ? r.value : null;
  }
  return sumOrNull(v.lines.map(lineAmountOf));
}

export function installmentAmountOf(amount: string): number | null {
  const r = parseAmountToFen(amount, { allowZero: false });
  return r.ok ? r.value : null;
}

export function installmentsTotalOf(v: Pick<ContractFormValues, 'installments'>): number | null {
  return sumOrNull(v.installments.map((i) => installmentAmountOf(i.amount)));
}

/** "30%" of the contract for a part, to two decimals; '' when it cannot be said. */
export function percentOf(partFen: number | null, wholeFen: number | null): string {
  if (partFen === null || wholeFen === null || wholeFen <= 0) return '';
  return `${(Math.round((partFen / wholeFen) * 10_000) / 100).toString()}%`;
}
