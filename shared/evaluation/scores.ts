/**
 * The scorecard's pure calculations (客户评估). Every definition here is
 * also written out in the help text (i18n evaluation.help.*) and in the hover
 * formulas, and the integration tests recompute each one independently.
 *
 * Rates are decimals rounded to 4 places; scores are integers 0–100.
 */
import type { CustomerGrade } from '../api/customerEnums';
import type { Quadrant } from './enums';
import type { EvaluationSettings, GradeThresholds } from './settings';

/** Days to pay at which that part of the credit score is 0. */
export const DAYS_TO_PAY_ZERO = 120;
/** Longest overdue days at which that half of the overdue part is 0. */
export const LONGEST_OVERDUE_ZERO = 180;
/** Broken promises in the period at which that part is 0. */
export const BROKEN_PROMISES_ZERO = 3;

export const round4 = (x: number): number => Math.round(x * 10_000) / 10_000;
const clamp01 = (x: number): number => (x < 0 ? 0 : x > 1 ? 1 : x);

/**
 * 回款率 = receipts dated in the period ÷ (opening balance + invoiced in the
 * period). The opening balance is what was owed the day before the period
 * starts; a prepayment (negative opening) counts as 0. null when the
 * denominator is 0 (nothing owed and nothing invoiced). Can exceed 1 when the
 * customer prepaid.
 */
export function collectionRate(collectedFen: number, openingFen: number, invoicedFen: number): number | null {
  const base = Math.max(0, openingFen) + invoicedFen;
  return base > 0 ? round4(collectedFen / base) : null;
}

/** Growth against the previous period of the same length; null when the previous period had no (positive) sales. */
export function growthRate(salesFen: number, previousSalesFen: number): number | null {
  return previousSalesFen > 0 ? round4((salesFen - previousSalesFen) / previousSalesFen) : null;
}

/** Σ amount × days ÷ Σ amount, one decimal; null without allocations. */
export function weightedDays(amountFen: number, amountDays: number): number | null {
  return amountFen > 0 ? Math.round((amountDays / amountFen) * 10) / 10 : null;
}

export interface SalesInputs {
  salesFen: number;
  previousSalesFen: number;
  orderCount: number;
  periodDays: number;
}

export interface SalesParts {
  volume: number;
  growth: number;
  frequency: number;
}

/**
 * 销售能力 = round(100 × (0.5 × volume + 0.25 × growth + 0.25 × frequency)):
 * volume = net sales ÷ (full-score sales × days/365), capped 0–1;
 * growth = 0.5 + growth rate, capped 0–1 (−50 % → 0, flat → 0.5, +50 % → 1;
 * no previous sales: 1 if it sells now, else 0);
 * frequency = invoices ÷ (full-score invoices × days/365), capped 0–1.
 */
export function salesParts(i: SalesInputs, s: Pick<EvaluationSettings, 'fullSalesFen' | 'fullOrders'>): SalesParts {
  const scale = i.periodDays / 365;
  const g = growthRate(i.salesFen, i.previousSalesFen);
  return {
    volume: clamp01(i.salesFen / (s.fullSalesFen * scale)),
    growth: g === null ? (i.salesFen > 0 ? 1 : 0) : clamp01(0.5 + g),
    frequency: clamp01(i.orderCount / (s.fullOrders * scale)),
  };
}

export const salesScore = (p: SalesParts): number => Math.round(100 * (0.5 * p.volume + 0.25 * p.growth + 0.25 * p.frequency));

export interface CreditInputs {
  collectionRate: number | null;
  avgDaysToPay: number | null;
  overdueShare: number | null;
  longestOverdueDays: number;
  brokenPromises: number;
}

export interface CreditParts {
  collection: number;
  daysToPay: number;
  overdue: number;
  promises: number;
}

/**
 * 信用质量 = round(100 × (0.4 × collection + 0.2 × days + 0.3 × overdue + 0.1 × promises)):
 * collection = 回款率 capped at 1 (nothing to collect: 1);
 * days = 1 − avg days to pay ÷ 120, at least 0 (no payments: 1);
 * overdue = 0.5 × (1 − overdue share) + 0.5 × (1 − longest overdue days ÷ 180, at least 0);
 * promises = 1 − broken promises ÷ 3, at least 0.
 */
export function creditParts(i: CreditInputs): CreditParts {
  return {
    collection: i.collectionRate === null ? 1 : clamp01(i.collectionRate),
    daysToPay: i.avgDaysToPay === null ? 1 : clamp01(1 - i.avgDaysToPay / DAYS_TO_PAY_ZERO),
    overdue: 0.5 * (1 - clamp01(i.overdueShare ?? 0)) + 0.5 * clamp01(1 - i.longestOverdueDays / LONGEST_OVERDUE_ZERO),
    promises: clamp01(1 - i.brokenPromises / BROKEN_PROMISES_ZERO),
  };
}

export const creditScore = (p: CreditParts): number =>
  Math.round(100 * (0.4 * p.collection + 0.2 * p.daysToPay + 0.3 * p.overdue + 0.1 * p.promises));

/** The first grade (A, B, C) whose sales AND credit thresholds both scores reach; otherwise D. */
export function suggestedGrade(sales: number, credit: number, t: GradeThresholds): CustomerGrade {
  for (const g of ['A', 'B', 'C'] as const) if (sales >= t[g].sales && credit >= t[g].credit) return g;
  return 'D';
}

/** A score at or above its split is high. */
export function quadrantOf(sales: number, credit: number, split: EvaluationSettings['quadrant']): Quadrant {
  const highSales = sales >= split.salesSplit;
  const highCredit = credit >= split.creditSplit;
  if (highSales) return highCredit ? 'develop' : 'collect';
  return highCredit ? 'maintain' : 'shrink';
}
