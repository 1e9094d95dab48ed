/**
 * The 返利 list for all customers and the dashboard's obligation figure.
 * The list is filtered in memory after the three set-based queries of
 * progress.ts: 3,000 targets are a few hundred kilobytes, and the status
 * filter depends on computed figures SQL does not have.
 */
import type { z } from 'zod';
import type { RebateListPage, RebateObligation, rebateListSchema } from '../../../shared/api/rebates';
import { normalizeSearch } from './searchText';
import type { ServiceContext } from '../context';
import { obligationOf, progressRows } from './progress';

export function rebateList(ctx: ServiceContext, input: z.output<typeof rebateListSchema>): RebateListPage {
  const asOf = input.asOf ?? ctx.clock.today();
  const all = progressRows(ctx, { asOf, contractId: input.contractId });
  const needle = normalizeSearch(input.search);
  const rows = all.filter((r) => {
    if (input.status !== 'all' && r.status !== input.status) return false;
    if (input.contractNo !== '' && r.contractNo !== input.contractNo) return false;
    if (needle === '') return true;
    return [r.contractNo, r.customer.code, r.customer.name, r.contractTitle].some((s) => normalizeSearch(s).includes(needle));
  });
  const totals = { targetFen: 0, baseFen: 0, earnedFen: 0, settledFen: 0, differenceFen: 0, earnedNotSettledFen: obligationOf(rows).earnedNotSettledFen };
  for (const r of rows) {
    totals.targetFen += r.target.targetFen;
    totals.baseFen += r.baseFen;
    totals.earnedFen += r.earnedFen;
    totals.settledFen += r.settledFen;
    totals.differenceFen += r.differenceFen;
  }
  return { rows: rows.slice(input.offset, input.offset + input.limit), total: rows.length, totals };
}

export function rebateObligation(ctx: ServiceContext, asOf: string | null): RebateObligation {
  const date = asOf ?? ctx.clock.today();
  return { asOf: date, ...obligationOf(progressRows(ctx, { asOf: date })) };
}
