/**
 * Every report row for one date and basis, today or any earlier date: the
 * customers' facts with their figures as of the date (customerFigures.ts,
 * kept between calls by figuresCache.ts). Rows with nothing open and
 * nothing unapplied are left out; balance is always Σ buckets − unapplied (§4).
 */
import type { AgingRow } from '../../../shared/api/aging';
import type { AgingBucket } from '../../../shared/receivables/aging';
import type { ServiceContext } from '../context';
import { filteredCustomers, type AgingFilterInput, type CustomerFacts } from './customerBalances';
import { versionOf } from '../cache/callWatch';
import { agingFigures } from './figuresCache';

/** The rows, and each row's pinyin sort key when sorting by name (only that sort needs it; the rows do not carry it). */
export interface AgingRowSet {
  rows: AgingRow[];
  sortKeys: Map<string, string>;
}

interface Figures {
  bucketsFen: number[];
  unappliedFen: number;
  overdueFen: number;
}

function toRow(c: CustomerFacts, f: Figures): AgingRow {
  let open = 0;
  for (const v of f.bucketsFen) open += v;
  return {
    customerId: c.id,
    code: c.code,
    name: c.name,
    grade: c.grade,
    kind: c.kind,
    region: c.region,
    salesperson: c.salesperson,
    balanceFen: open - f.unappliedFen,
    unappliedFen: f.unappliedFen,
    // A copy: the figures may be kept for the next report.
    bucketsFen: f.bucketsFen.slice(),
    overdueFen: f.overdueFen,
  };
}

/** Nothing open and nothing unapplied: no row. */
function isEmpty(f: Figures): boolean {
  if (f.unappliedFen !== 0) return false;
  for (const v of f.bucketsFen) if (v !== 0) return false;
  return true;
}

/** The filtered rows as of asOf, in no particular order. Runs in one read transaction so every part sees the same data. */
export function agingRows(ctx: ServiceContext, filter: AgingFilterInput, asOf: string, buckets: readonly AgingBucket[]): AgingRowSet {
  // Inside someone's write transaction (which may yet roll back) nothing kept is used; inside a read snapshot
  // (the dashboard's) it is.
  const outsideWrites = !ctx.db.writing;
  // Taken before this read transaction, or inside the caller's snapshot (where it is the snapshot's): see figuresCache.ts.
  const version = outsideWrites && !ctx.db.scoped ? versionOf(ctx.db) : null;
  return ctx.db.readSnapshot(() => {
    const customers = filteredCustomers(ctx, filter, outsideWrites);
    const figures = agingFigures(ctx, asOf, filter.basis, buckets, version);
    const rows: AgingRow[] = [];
    const sortKeys = new Map<string, string>();
    const byName = filter.sort.column === 'name';
    for (const c of customers) {
      const f = figures.get(c.id);
      if (f === undefined || isEmpty(f)) continue;
      if (filter.overdueOnly && f.overdueFen === 0) continue;
      rows.push(toRow(c, f));
      if (byName) sortKeys.set(c.id, c.sortKey);
    }
    return { rows, sortKeys };
  });
}
