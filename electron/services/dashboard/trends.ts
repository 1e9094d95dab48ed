/**
 * The dashboard's time series, computed from the per-day totals:
 * collections and invoicing per calendar month, and DSO (§4: receivables
 * balance at the date ÷ invoiced amount of the trailing 90 days × 90) at the
 * date and at each of the last 12 month-ends. The balance at an earlier date
 * is the balance at asOf minus the net of the documents dated after it, the
 * same rule (debits − credits of everything dated ≤ the date) as the ledger.
 */
import type { DsoPoint, MonthCollections } from '../../../shared/api/dashboard';
import { addDays, addMonths, endOfMonth, startOfMonth } from '../../../shared/dates/calendar';
import { flowBetween, type DayTotals, type VoidedFlow } from './dailyTotals';

/** DSO looks back this many days, the date itself included. */
export const DSO_WINDOW_DAYS = 90;
export const TREND_MONTHS = 12;

/** The first date the dashboard's series read: the trailing window of the oldest trend point. */
export function seriesStart(asOf: string): string {
  const oldestMonthEnd = endOfMonth(addMonths(startOfMonth(asOf), -TREND_MONTHS));
  const oldestMonthStart = startOfMonth(addMonths(startOfMonth(asOf), -(TREND_MONTHS - 1)));
  const dsoStart = addDays(oldestMonthEnd, -(DSO_WINDOW_DAYS - 1));
  return dsoStart < oldestMonthStart ? dsoStart : oldestMonthStart;
}

export interface Series {
  days: readonly DayTotals[];
  voided: readonly VoidedFlow[];
  asOf: string;
  /** Receivables balance at asOf. */
  balanceFen: number;
}

/** The balance at `date` (≤ asOf): the balance at asOf less the net of what is dated after `date`. */
function balanceAt(s: Series, date: string): number {
  let later = 0;
  for (const d of s.days) if (d.date > date && d.date <= s.asOf) later += d.netFen;
  return s.balanceFen - later;
}

/** Days with one decimal. A ratio of two amounts, not an amount, so a float is fine here. */
function dsoDays(balanceFen: number, invoicedFen: number): number | null {
  if (invoicedFen <= 0) return null;
  return Math.round((balanceFen / invoicedFen) * DSO_WINDOW_DAYS * 10) / 10;
}

export function dsoAt(s: Series, date: string): DsoPoint {
  const balanceFen = balanceAt(s, date);
  const invoicedFen = flowBetween(s.days, s.voided, 'invoice', addDays(date, -(DSO_WINDOW_DAYS - 1)), date, date);
  return { date, balanceFen, invoicedFen, days: dsoDays(balanceFen, invoicedFen) };
}

/** The last 12 month-ends before asOf's month, oldest first. */
export function dsoTrend(s: Series): DsoPoint[] {
  const points: DsoPoint[] = [];
  for (let back = TREND_MONTHS; back >= 1; back--) points.push(dsoAt(s, endOfMonth(addMonths(startOfMonth(s.asOf), -back))));
  return points;
}

/** Receipts and invoices of one calendar month up to asOf, as of asOf. */
export function monthFlows(s: Series, monthStart: string): MonthCollections {
  const monthEnd = endOfMonth(monthStart);
  const to = monthEnd < s.asOf ? monthEnd : s.asOf;
  return {
    month: monthStart.slice(0, 7),
    from: monthStart,
    to,
    receivedFen: flowBetween(s.days, s.voided, 'receipt', monthStart, to, s.asOf),
    invoicedFen: flowBetween(s.days, s.voided, 'invoice', monthStart, to, s.asOf),
  };
}

/**
 * Last month over the days of this month so far: from its 1st to the same
 * day of the month as asOf (its last day when last month is shorter), as of
 * asOf — month to date against the same days, like with like.
 */
export function lastMonthSameDays(s: Series): MonthCollections {
  const lastStart = addMonths(startOfMonth(s.asOf), -1);
  const lastEnd = endOfMonth(lastStart);
  const sameDay = `${lastStart.slice(0, 8)}${s.asOf.slice(8, 10)}`;
  const to = sameDay < lastEnd ? sameDay : lastEnd;
  return {
    month: lastStart.slice(0, 7),
    from: lastStart,
    to,
    receivedFen: flowBetween(s.days, s.voided, 'receipt', lastStart, to, s.asOf),
    invoicedFen: flowBetween(s.days, s.voided, 'invoice', lastStart, to, s.asOf),
  };
}

/** The last 12 months, oldest first, the current month (to asOf) last. */
export function monthSeries(s: Series): MonthCollections[] {
  const current = startOfMonth(s.asOf);
  const months: MonthCollections[] = [];
  for (let back = TREND_MONTHS - 1; back >= 0; back--) months.push(monthFlows(s, addMonths(current, -back)));
  return months;
}
