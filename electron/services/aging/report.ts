/**
 * aging.report: the rows of agingRows.ts, sorted by any column, totals over
 * every matching row, and one page of rows. At most a few thousand rows
 * exist (one per customer), so sorting happens here rather than in SQL; the
 * page keeps what crosses to the renderer small.
 */
import type { z } from 'zod';
import type { AgingReport, AgingRow, AgingSortColumn, AgingTotals, agingReportSchema } from '../../../shared/api/aging';
import type { AgingBucket } from '../../../shared/receivables/aging';
import { DomainError } from '../../../shared/errors';
import type { ServiceContext } from '../context';
import { agingRows } from './agingRows';
import { bucketsFor } from './bucketSettings';
import type { AgingFilterInput } from './customerBalances';

export type AgingReportQuery = z.output<typeof agingReportSchema>;

function valueOf(column: AgingSortColumn, buckets: readonly AgingBucket[], sortKeys: ReadonlyMap<string, string>): (r: AgingRow) => number | string {
  switch (column) {
    case 'code':
      return (r) => r.code.toLowerCase();
    case 'name':
      // Pinyin order, as the customer list sorts names.
      return (r) => sortKeys.get(r.customerId) ?? '';
    case 'balance':
      return (r) => r.balanceFen;
    case 'unapplied':
      return (r) => r.unappliedFen;
    case 'overdue':
      return (r) => r.overdueFen;
    default: {
      const i = Number(column.slice('bucket'.length));
      if (!(i < buckets.length)) throw new DomainError('validation', `没有第 ${i + 1} 个账龄区间`, 'sort.column');
      return (r) => r.bucketsFen[i];
    }
  }
}

export function sortRows(rows: AgingRow[], sort: AgingFilterInput['sort'], buckets: readonly AgingBucket[], sortKeys: ReadonlyMap<string, string>): AgingRow[] {
  const value = valueOf(sort.column as AgingSortColumn, buckets, sortKeys);
  const dir = sort.direction === 'desc' ? -1 : 1;
  // Each row's key is computed once, not once per comparison (thousands of rows, ~12 comparisons each).
  const keyed = rows.map((row) => ({ row, key: value(row) }));
  // The code breaks ties, so the order is the same on every call.
  keyed.sort((a, b) => {
    if (a.key !== b.key) return (a.key < b.key ? -1 : 1) * dir;
    return a.row.code < b.row.code ? -1 : a.row.code > b.row.code ? 1 : 0;
  });
  return keyed.map((k) => k.row);
}

export function totalsOf(rows: readonly AgingRow[], bucketCount: number): AgingTotals {
  const totals: AgingTotals = { balanceFen: 0, unappliedFen: 0, bucketsFen: new Array<number>(bucketCount).fill(0), overdueFen: 0 };
  for (const r of rows) {
    totals.balanceFen += r.balanceFen;
    totals.unappliedFen += r.unappliedFen;
    totals.overdueFen += r.overdueFen;
    r.bucketsFen.forEach((v, i) => (totals.bucketsFen[i] += v));
  }
  return totals;
}

/** Every matching row, sorted, with the date and bucket list used (the export and the CLI take all of them). */
export function fullAgingReport(ctx: ServiceContext, filter: AgingFilterInput): { asOf: string; buckets: AgingBucket[]; rows: AgingRow[] } {
  const asOf = filter.asOf ?? ctx.clock.today();
  const buckets = bucketsFor(ctx, filter.basis);
  const set = agingRows(ctx, filter, asOf, buckets);
  const rows = sortRows(set.rows, filter.sort, buckets, set.sortKeys);
  return { asOf, buckets, rows };
}

export function agingReport(ctx: ServiceContext, q: AgingReportQuery): AgingReport {
  const { asOf, buckets, rows } = fullAgingReport(ctx, q);
  const page = q.limit === null ? rows.slice(q.offset) : rows.slice(q.offset, q.offset + q.limit);
  return { asOf, basis: q.basis, buckets, rows: page, total: rows.length, totals: totalsOf(rows, buckets.length) };
}
