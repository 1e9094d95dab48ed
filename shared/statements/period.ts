/** Period helpers for statement screens: the month before a date is the usual 月结 period. */
import { addMonths, endOfMonth, startOfMonth } from '../dates/calendar';

/** The calendar month before `today` (both ends inclusive): what a clerk prints at the start of a month. */
export function lastMonthPeriod(today: string): { from: string; to: string } {
  const from = startOfMonth(addMonths(today, -1));
  return { from, to: endOfMonth(from) };
}

/** DZ + yyyymm of the period end: statements are numbered by the month they close (DESIGN §4). */
export function statementNoPrefix(periodTo: string): string {
  return `DZ${periodTo.slice(0, 4)}${periodTo.slice(5, 7)}`;
}
