/**
 * 业务员业绩: the period's figures of every customer summed per salesperson
 * (the customer's salesperson field; '' = unassigned). Rates are recomputed
 * from the sums, never averaged: collection rate = Σ receipts ÷ Σ (positive
 * opening + invoiced); DSO = Σ balance at the end ÷ Σ invoices of the 90 days
 * to the end × 90 (the dashboard's definition); overdue share = Σ overdue ÷
 * Σ positive balances. Visits planned = Σ ⌊period days ÷ plan interval⌋ over
 * their customers with a plan.
 */
import type { CustomerGrade } from '../../../shared/api/customerEnums';
import type { SalespersonRow, SalespersonTable } from '../../../shared/api/evaluation';
import type { CustomerLayer } from '../../../shared/evaluation/enums';
import { collectionRate, round4 } from '../../../shared/evaluation/scores';
import { plannedVisits, visitIntervalOf } from '../../../shared/evaluation/visitPlan';
import type { ServiceContext } from '../context';
import { resolvePeriod } from './period';
import { emptyMoney, PeriodFigures } from './periodFigures';
import { customerHeads } from './scorecards';
import { getEvaluationSettings } from './settings';

interface Acc extends Omit<SalespersonRow, 'salesperson' | 'collectionRate' | 'dso' | 'overdueShare'> {
  openingFen: number;
  invoicedFen: number;
  invoiced90Fen: number;
  positiveBalanceFen: number;
}

const newAcc = (): Acc => ({
  customers: 0,
  customersServed: 0,
  salesFen: 0,
  collectedFen: 0,
  balanceFen: 0,
  overdueFen: 0,
  visitsDone: 0,
  visitsPlanned: 0,
  openComplaints: 0,
  openingFen: 0,
  invoicedFen: 0,
  invoiced90Fen: 0,
  positiveBalanceFen: 0,
});

function finish(a: Acc): Omit<SalespersonRow, 'salesperson'> {
  const { openingFen, invoicedFen, invoiced90Fen, positiveBalanceFen, ...rest } = a;
  return {
    ...rest,
    collectionRate: collectionRate(a.collectedFen, openingFen, invoicedFen),
    dso: invoiced90Fen > 0 ? Math.round((a.balanceFen / invoiced90Fen) * 90 * 10) / 10 : null,
    overdueShare: positiveBalanceFen > 0 ? round4(a.overdueFen / positiveBalanceFen) : null,
  };
}

export function salespersonTable(ctx: ServiceContext, input: { from: string | null; to: string | null }): SalespersonTable {
  const period = resolvePeriod(ctx, input);
  const settings = getEvaluationSettings(ctx);
  return ctx.db.transaction(() => {
    const heads = customerHeads(ctx, null);
    const figures = new PeriodFigures(ctx, period, null, false);
    const money = figures.money();
    const overdue = figures.overdue(heads.map((h) => h.id));
    const visits = figures.visits();
    const cases = figures.cases();
    const bySp = new Map<string, Acc>();
    const total = newAcc();
    for (const h of heads) {
      let acc = bySp.get(h.salesperson);
      if (!acc) bySp.set(h.salesperson, (acc = newAcc()));
      const m = money.get(h.id) ?? emptyMoney();
      const o = overdue.get(h.id);
      const v = visits.get(h.id);
      const done = v ? v.T + v.E + v.M : 0;
      const interval = visitIntervalOf(
        { layer: h.layer as CustomerLayer | null, grade: h.grade as CustomerGrade | null, visitIntervalDays: h.visit_interval_days },
        settings.visitPlan,
      );
      const served = m.invoicedFen > 0 || m.collectedFen > 0 || done > 0 ? 1 : 0;
      // Each customer's opening is floored at 0 on its own (a prepayment does not cancel another customer's debt).
      const opening = Math.max(0, m.openingFen);
      const balance = o?.balanceFen ?? 0;
      for (const a of [acc, total]) {
        a.customers += 1;
        a.customersServed += served;
        a.salesFen += m.invoicedFen - m.creditedFen;
        a.collectedFen += m.collectedFen;
        a.openingFen += opening;
        a.invoicedFen += m.invoicedFen;
        a.invoiced90Fen += m.invoiced90Fen;
        a.balanceFen += balance;
        a.positiveBalanceFen += Math.max(0, balance);
        a.overdueFen += o?.overdueFen ?? 0;
        a.visitsDone += done;
        a.visitsPlanned += interval === null ? 0 : plannedVisits(period.days, interval);
        a.openComplaints += cases.get(h.id)?.open ?? 0;
      }
    }
    const rows = [...bySp].map(([salesperson, a]) => ({ salesperson, ...finish(a) })).sort((a, b) => b.salesFen - a.salesFen || (a.salesperson < b.salesperson ? -1 : 1));
    return { from: period.from, to: period.to, periodDays: period.days, rows, totals: finish(total) };
  });
}
