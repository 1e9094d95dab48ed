/**
 * The scorecard (客户评估) of every customer, or of one, for a period: the
 * period's figures (periodFigures.ts) turned into rates and scores by the
 * pure definitions of shared/evaluation/scores.ts.
 */
import type { z } from 'zod';
import type { CustomerGrade, CustomerStatus } from '../../../shared/api/customerEnums';
import type { CustomerScorecard, Scorecard, ScorecardList, SatisfactionPoint, scorecardListSchema } from '../../../shared/api/evaluation';
import { diffDays } from '../../../shared/dates/calendar';
import type { CustomerLayer } from '../../../shared/evaluation/enums';
import {
  collectionRate,
  creditParts,
  creditScore,
  growthRate,
  quadrantOf,
  round4,
  salesParts,
  salesScore,
  suggestedGrade,
  weightedDays,
} from '../../../shared/evaluation/scores';
import type { EvaluationSettings } from '../../../shared/evaluation/settings';
import { DomainError } from '../../../shared/errors';
import type { ServiceContext } from '../context';
import { searchWords } from '../customers/search';
import { resolvePeriod, type Period } from './period';
import { emptyMoney, PeriodFigures } from './periodFigures';
import { getEvaluationSettings } from './settings';
import { visitPlanStatus } from './visitPlans';

export type ScorecardQuery = z.output<typeof scorecardListSchema>;

export interface CustomerHead {
  id: string;
  code: string;
  name: string;
  short_name: string;
  pinyin: string;
  grade: string | null;
  layer: string | null;
  salesperson: string;
  status: string;
  visit_interval_days: number | null;
  created_at: string;
}

const HEAD_COLUMNS = `id, code, name, short_name, pinyin, grade, layer, salesperson, status, visit_interval_days, created_at`;

export function customerHeads(ctx: ServiceContext, only: string | null): CustomerHead[] {
  if (only !== null) return ctx.db.prepare(`SELECT ${HEAD_COLUMNS} FROM customers WHERE id = ?`).all(only) as CustomerHead[];
  return ctx.db.prepare(`SELECT ${HEAD_COLUMNS} FROM customers WHERE archived_at IS NULL ORDER BY code COLLATE NOCASE, id`).all() as CustomerHead[];
}

/** Scorecards of the given customers for the period (all figures as of period.to). */
export function computeScorecards(ctx: ServiceContext, period: Period, heads: readonly CustomerHead[], settings: EvaluationSettings, only: string | null): Scorecard[] {
  const figures = new PeriodFigures(ctx, period, only);
  const money = figures.money();
  const paid = figures.paid();
  const overdue = figures.overdue(heads.map((h) => h.id));
  const promises = figures.brokenPromises();
  const visits = figures.visits();
  const cases = figures.cases();
  return heads.map((h) => {
    const m = money.get(h.id) ?? emptyMoney();
    const p = paid.get(h.id);
    const o = overdue.get(h.id) ?? { balanceFen: 0, overdueFen: 0, oldestDueOn: null };
    const v = visits.get(h.id);
    const c = cases.get(h.id);
    const salesFen = m.invoicedFen - m.creditedFen;
    const previousSalesFen = m.previousInvoicedFen - m.previousCreditedFen;
    const rate = collectionRate(m.collectedFen, m.openingFen, m.invoicedFen);
    const avgDaysToPay = p ? weightedDays(p.paidFen, p.amountDays) : null;
    const overdueShare = o.balanceFen > 0 ? round4(o.overdueFen / o.balanceFen) : null;
    const longestOverdueDays = o.oldestDueOn === null ? 0 : diffDays(period.to, o.oldestDueOn);
    const brokenPromises = promises.get(h.id) ?? 0;
    const sp = salesParts({ salesFen, previousSalesFen, orderCount: m.orderCount, periodDays: period.days }, settings);
    const cp = creditParts({ collectionRate: rate, avgDaysToPay, overdueShare, longestOverdueDays, brokenPromises });
    const sScore = salesScore(sp);
    const cScore = creditScore(cp);
    return {
      customerId: h.id,
      code: h.code,
      name: h.name,
      grade: h.grade as CustomerGrade | null,
      layer: h.layer as CustomerLayer | null,
      salesperson: h.salesperson,
      status: h.status as CustomerStatus,
      invoicedFen: m.invoicedFen,
      orderCount: m.orderCount,
      creditedFen: m.creditedFen,
      salesFen,
      previousSalesFen,
      growth: growthRate(salesFen, previousSalesFen),
      openingFen: m.openingFen,
      collectedFen: m.collectedFen,
      collectionRate: rate,
      paidFen: p?.paidFen ?? 0,
      avgDaysToPay,
      balanceFen: o.balanceFen,
      overdueFen: o.overdueFen,
      overdueShare,
      longestOverdueDays,
      brokenPromises,
      visits: { T: v?.T ?? 0, E: v?.E ?? 0, M: v?.M ?? 0 },
      satisfactionAvg: v && v.satisfactionCount > 0 ? Math.round((v.satisfactionSum / v.satisfactionCount) * 100) / 100 : null,
      satisfactionCount: v?.satisfactionCount ?? 0,
      complaints: c?.received ?? 0,
      openComplaints: c?.open ?? 0,
      salesParts: sp,
      creditParts: cp,
      salesScore: sScore,
      creditScore: cScore,
      suggestedGrade: suggestedGrade(sScore, cScore, settings.grades),
      quadrant: quadrantOf(sScore, cScore, settings.quadrant),
    };
  });
}

function matchesSearch(h: CustomerHead, words: string[]): boolean {
  const hay = `${h.code} ${h.name} ${h.short_name} ${h.pinyin}`.toLowerCase();
  return words.every((w) => hay.includes(w));
}

export function scorecardList(ctx: ServiceContext, q: ScorecardQuery): ScorecardList {
  const period = resolvePeriod(ctx, q);
  const settings = getEvaluationSettings(ctx);
  return ctx.db.transaction(() => {
    let heads = customerHeads(ctx, null);
    let only: string | null = null;
    if (q.customerCode !== '') {
      const code = q.customerCode.toLowerCase();
      heads = heads.filter((h) => h.code.toLowerCase() === code);
      if (heads.length === 0) throw new DomainError('not_found', `找不到客户编码“${q.customerCode}”`, 'customerCode');
      only = heads[0].id;
    }
    const words = searchWords(q.search);
    heads = heads.filter(
      (h) =>
        (q.grade.length === 0 || (h.grade !== null && (q.grade as string[]).includes(h.grade))) &&
        (q.layer.length === 0 || (h.layer !== null && (q.layer as string[]).includes(h.layer))) &&
        (q.salesperson === null || h.salesperson === q.salesperson) &&
        (words.length === 0 || matchesSearch(h, words)),
    );
    let rows = computeScorecards(ctx, period, heads, settings, only);
    if (q.quadrant.length > 0) rows = rows.filter((r) => q.quadrant.includes(r.quadrant));
    if (q.onlyRegrade) rows = rows.filter((r) => r.grade !== r.suggestedGrade);
    return { from: period.from, to: period.to, periodDays: period.days, rows, settings };
  });
}

/** Average satisfaction per month of the period (months without a rating are left out). */
function satisfactionTrend(ctx: ServiceContext, customerId: string, period: Period): SatisfactionPoint[] {
  const rows = ctx.db
    .prepare(
      `SELECT substr(date, 1, 7) AS month, avg(satisfaction) AS average, count(satisfaction) AS count FROM interactions
       WHERE customer_id = ? AND date BETWEEN ? AND ? AND satisfaction IS NOT NULL GROUP BY month ORDER BY month`,
    )
    .all(customerId, period.from, period.to) as SatisfactionPoint[];
  return rows.map((r) => ({ month: r.month, average: Math.round(r.average * 100) / 100, count: r.count }));
}

export function customerScorecard(ctx: ServiceContext, input: { customerId: string; from: string | null; to: string | null }): CustomerScorecard {
  const period = resolvePeriod(ctx, input);
  const settings = getEvaluationSettings(ctx);
  return ctx.db.transaction(() => {
    const heads = customerHeads(ctx, input.customerId);
    if (heads.length === 0) throw new DomainError('not_found', '找不到该客户', 'customerId');
    const [card] = computeScorecards(ctx, period, heads, settings, input.customerId);
    return {
      from: period.from,
      to: period.to,
      periodDays: period.days,
      card,
      satisfactionTrend: satisfactionTrend(ctx, input.customerId, period),
      visitPlan: visitPlanStatus(ctx, heads[0], settings, period.to),
      settings,
    };
  });
}
