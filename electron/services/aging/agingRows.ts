/**
 * Every report row for one date and basis, today or any earlier date, from
 * the open spans alive then (spansAsOf.ts: they carry both the due and the
 * document date, so either basis is one covering read); for the few
 * customers a crossing void makes an exception (crossingVoids.ts), from
 * their void-window spans alive then instead (migration 0025: the replay as
 * of that date, stored by the re-derivation), read the same way. Rows with
 * nothing open and nothing unapplied are left out; balance is always
 * Σ buckets − unapplied (§4).
 */
import type { AgingRow } from '../../../shared/api/aging';
import type { AgingBucket } from '../../../shared/receivables/aging';
import type { ServiceContext } from '../context';
import { filteredCustomers, type AgingFilterInput, type CustomerFacts } from './customerBalances';
import { customersWithCrossingVoids } from './crossingVoids';
import { latestDocDate } from './openAmounts';
import { agingFromSpans } from './spansAsOf';

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
    bucketsFen: f.bucketsFen,
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
  // Inside someone's write transaction (which may yet roll back) the kept customer facts are not used.
  const outsideWrites = !ctx.db.sqlite.inTransaction;
  return ctx.db.readSnapshot(() => {
    const customers = filteredCustomers(ctx, filter, outsideWrites);
    const fromSpans = agingFromSpans(ctx, asOf, filter.basis, buckets);
    // Nothing dated after asOf: no void can cross it, and the spans alone are the state (the usual "as of today").
    const latest = latestDocDate(ctx);
    const crossing = new Set(latest !== null && latest > asOf ? customersWithCrossingVoids(ctx, asOf) : []);
    // Only crossing customers have window spans alive at asOf; one with none had nothing open then.
    const fromWindows = crossing.size > 0 ? agingFromSpans(ctx, asOf, filter.basis, buckets, 'ar_void_window_spans') : new Map<string, Figures>();
    const rows: AgingRow[] = [];
    const sortKeys = new Map<string, string>();
    const byName = filter.sort.column === 'name';
    for (const c of customers) {
      const f = crossing.has(c.id) ? fromWindows.get(c.id) : fromSpans.get(c.id);
      if (f === undefined || isEmpty(f)) continue;
      if (filter.overdueOnly && f.overdueFen === 0) continue;
      rows.push(toRow(c, f));
      if (byName) sortKeys.set(c.id, c.sortKey);
    }
    return { rows, sortKeys };
  });
}
