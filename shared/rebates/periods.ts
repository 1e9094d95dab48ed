/** Names a period by its dates: a whole month, quarter or calendar year, else custom. */
import { addMonths, endOfMonth } from '../dates/calendar';

export type PeriodKind = 'month' | 'quarter' | 'year' | 'custom';

export function periodKindOf(from: string, to: string): PeriodKind {
  if (!from.endsWith('-01')) return 'custom';
  const month = Number(from.slice(5, 7));
  if (to === endOfMonth(from)) return 'month';
  if ((month - 1) % 3 === 0 && to === endOfMonth(addMonths(from, 2))) return 'quarter';
  if (month === 1 && to === `${from.slice(0, 4)}-12-31`) return 'year';
  return 'custom';
}

/** The periods of a kind that cover [from, to] (a contract's term), for the form's quick fill. */
export function periodsOf(kind: Exclude<PeriodKind, 'custom'>, from: string, to: string): { from: string; to: string }[] {
  const step = kind === 'month' ? 1 : kind === 'quarter' ? 3 : 12;
  const out: { from: string; to: string }[] = [];
  let start = from;
  while (start <= to && out.length < 120) {
    const end = endOfMonth(addMonths(start, step - 1));
    out.push({ from: start, to: end < to ? end : to });
    start = addMonths(start.slice(0, 8) + '01', step);
  }
  return out;
}
