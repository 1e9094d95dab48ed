/**
 * Every report row for one date and basis, today or any earlier date, from
 * the open spans alive then (spansAsOf.ts: they carry both the due and the
 * document date, so either basis is one covering read); the few customers a
 * crossing void makes an exception are replayed (crossingVoids.ts). Rows
 * with nothing open and nothing unapplied are left out; balance is always
 * Σ buckets − unapplied (§4).
 */
import type { AgingRow } from '../../../shared/api/aging';
import type { AgingBucket, AgingResult } from '../../../shared/receivables/aging';
import type { ServiceContext } from '../context';
import { filteredCustomers, type AgingFilterInput, type CustomerFacts } from './customerBalances';
import { customersWithCrossingVoids, replayedAgings } from './crossingVoids';
import { latestDocDate } from './openAmounts';
import { agingFromSpans } from './spansAsOf';

/** The rows, and each row's pinyin sort key (sorting by name needs it; the rows themselves do not carry it). */
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

function replayedFigures(result: AgingResult, asOf: string): Figures {
  let overdueFen = 0;
  for (const item of result.openItems) if ((item.dueOn ?? item.docDate) < asOf) overdueFen += item.openFen;
  return { bucketsFen: result.bucketsFen, unappliedFen: result.unappliedFen, overdueFen };
}

/** Nothing open and nothing unapplied: no row. */
function isEmpty(f: Figures): boolean {
  if (f.unappliedFen !== 0) return false;
  for (const v of f.bucketsFen) if (v !== 0) return false;
  return true;
}

/** The filtered rows as of asOf, in no particular order. Runs in one read transaction so every part sees the same data. */
export function agingRows(ctx: ServiceContext, filter: AgingFilterInput, asOf: string, buckets: readonly AgingBucket[]): AgingRowSet {
  return ctx.db.readSnapshot(() => {
    const customers = filteredCustomers(ctx, filter);
    const fromSpans = agingFromSpans(ctx, asOf, filter.basis, buckets);
    // Nothing dated after asOf: no void can cross it, and the spans alone are the state (the usual "as of today").
    const latest = latestDocDate(ctx);
    const crossing = latest !== null && latest > asOf ? customersWithCrossingVoids(ctx, asOf) : [];
    let replayed = new Map<string, AgingResult>();
    if (crossing.length > 0) {
      const wanted = new Set(customers.map((c) => c.id));
      replayed = replayedAgings(ctx, crossing.filter((id) => wanted.has(id)), asOf, filter.basis, buckets);
    }
    const rows: AgingRow[] = [];
    const sortKeys = new Map<string, string>();
    for (const c of customers) {
      const result = replayed.get(c.id);
      const f = result !== undefined ? replayedFigures(result, asOf) : fromSpans.get(c.id);
      if (f === undefined || isEmpty(f)) continue;
      if (filter.overdueOnly && f.overdueFen === 0) continue;
      rows.push(toRow(c, f));
      sortKeys.set(c.id, c.sortKey);
    }
    return { rows, sortKeys };
  });
}
