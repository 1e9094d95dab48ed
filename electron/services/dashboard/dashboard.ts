/**
 * dashboard.get: the boss's first screen. Every receivables figure comes
 * from the aging report of the same date on the due basis (so the dashboard
 * and 账龄分析 cannot disagree), the time series from the per-day totals, and
 * the expiring contracts from the contract list's own rule; all read in one
 * transaction, so they describe the same moment.
 */
import { agingFilterSchema } from '../../../shared/api/aging';
import type { Dashboard, DashboardDebtor, SalespersonReceivables } from '../../../shared/api/dashboard';
import type { AgingRow } from '../../../shared/api/aging';
import type { ServiceContext } from '../context';
import { fullAgingReport, totalsOf } from '../aging/report';
import { dailyTotals, voidedFlows } from './dailyTotals';
import { expiringContracts } from './expiringContracts';
import { dsoAt, dsoTrend, lastMonthSameDays, monthSeries, seriesStart, type Series } from './trends';

const TOP_DEBTORS = 10;

function bySalesperson(rows: readonly AgingRow[]): SalespersonReceivables[] {
  const groups = new Map<string, SalespersonReceivables>();
  for (const r of rows) {
    let g = groups.get(r.salesperson);
    if (g === undefined) {
      g = { salesperson: r.salesperson, customers: 0, balanceFen: 0, overdueFen: 0 };
      groups.set(r.salesperson, g);
    }
    g.customers++;
    g.balanceFen += r.balanceFen;
    g.overdueFen += r.overdueFen;
  }
  // Largest first; "no salesperson" last whatever its size, so it is not mistaken for a person.
  return [...groups.values()].sort((a, b) => (a.salesperson === '') !== (b.salesperson === '') ? (a.salesperson === '' ? 1 : -1) : b.balanceFen - a.balanceFen);
}

const debtor = (r: AgingRow): DashboardDebtor => ({
  customerId: r.customerId,
  code: r.code,
  name: r.name,
  salesperson: r.salesperson,
  balanceFen: r.balanceFen,
  overdueFen: r.overdueFen,
});

export function dashboard(ctx: ServiceContext, input: { asOf: string | null }): Dashboard {
  return ctx.db.readSnapshot(() => {
    // Sorted by balance, largest first: the top debtors are the head of this list.
    const aging = fullAgingReport(ctx, agingFilterSchema.parse({ asOf: input.asOf, basis: 'due' }));
    const { asOf, rows, buckets } = aging;
    const totals = totalsOf(rows, buckets.length);
    const openFen = totals.bucketsFen.reduce((a, b) => a + b, 0);

    const start = seriesStart(asOf);
    const series: Series = { days: dailyTotals(ctx, start), voided: voidedFlows(ctx, start), asOf, balanceFen: totals.balanceFen };
    const months = monthSeries(series);
    const expiring = expiringContracts(ctx, asOf);

    return {
      asOf,
      receivablesFen: totals.balanceFen,
      openFen,
      unappliedFen: totals.unappliedFen,
      overdueFen: totals.overdueFen,
      overdueShare: openFen > 0 ? totals.overdueFen / openFen : null,
      overdueCustomers: rows.filter((r) => r.overdueFen > 0).length,
      customers: rows.length,
      buckets,
      bucketsFen: totals.bucketsFen,
      topDebtors: rows.filter((r) => r.balanceFen > 0).slice(0, TOP_DEBTORS).map(debtor),
      collections: { thisMonth: months[months.length - 1], lastMonth: months[months.length - 2], lastMonthSameDays: lastMonthSameDays(series), months },
      dso: { current: dsoAt(series, asOf), trend: dsoTrend(series) },
      bySalesperson: bySalesperson(rows),
      expiringContracts: expiring.rows,
      expiringContractsTotal: expiring.total,
    };
  });
}
