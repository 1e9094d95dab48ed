/**
 * Every report row for one date and basis. As of today (nothing dated
 * later) the stored replay is read directly (openAmounts.ts); as of an
 * earlier date the open spans alive then are read (spansAsOf.ts), and the
 * few customers a crossing void makes an exception are replayed
 * (crossingVoids.ts). Rows
 * with nothing open and nothing unapplied are left out; balance is always
 * Σ buckets − unapplied (§4).
 */
import type { AgingRow } from '../../../shared/api/aging';
import type { AgingBasis, AgingBucket } from '../../../shared/receivables/aging';
import type { ServiceContext } from '../context';
import { filteredCustomers, storedUnapplied, type AgingFilterInput, type CustomerFacts } from './customerBalances';
import { customersWithCrossingVoids, replayedAging } from './crossingVoids';
import { currentOpenAmounts, latestDocDate } from './openAmounts';
import { agingFromSpans } from './spansAsOf';

/** A row plus what sorting by name needs. */
export interface RankedRow extends AgingRow {
  sortKey: string;
}

interface Figures {
  bucketsFen: number[];
  unappliedFen: number;
  overdueFen: number;
}

function toRow(c: CustomerFacts, f: Figures): RankedRow {
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
    sortKey: c.sortKey,
  };
}

function replayedFigures(ctx: ServiceContext, customerId: string, asOf: string, basis: AgingBasis, buckets: readonly AgingBucket[]): Figures {
  const result = replayedAging(ctx, customerId, asOf, basis, buckets);
  let overdueFen = 0;
  for (const item of result.openItems) if ((item.dueOn ?? item.docDate) < asOf) overdueFen += item.openFen;
  return { bucketsFen: result.bucketsFen, unappliedFen: result.unappliedFen, overdueFen };
}

function currentFigures(ctx: ServiceContext, customers: readonly CustomerFacts[], asOf: string, basis: AgingBasis, buckets: readonly AgingBucket[]) {
  const open = currentOpenAmounts(ctx, asOf, basis, buckets);
  const unapplied = storedUnapplied(ctx);
  const out = new Map<string, Figures>();
  for (const c of customers) {
    const o = open.get(c.id);
    const unappliedFen = unapplied.get(c.id) ?? 0;
    if (o !== undefined || unappliedFen !== 0) {
      out.set(c.id, { bucketsFen: o?.bucketsFen ?? buckets.map(() => 0), unappliedFen, overdueFen: o?.overdueFen ?? 0 });
    }
  }
  return out;
}

function pastFigures(ctx: ServiceContext, customers: readonly CustomerFacts[], asOf: string, basis: AgingBasis, buckets: readonly AgingBucket[]) {
  const fromSpans = agingFromSpans(ctx, asOf, basis, buckets);
  const crossing = new Set(customersWithCrossingVoids(ctx, asOf));
  const out = new Map<string, Figures>();
  for (const c of customers) {
    if (crossing.has(c.id)) out.set(c.id, replayedFigures(ctx, c.id, asOf, basis, buckets));
    else {
      const f = fromSpans.get(c.id);
      if (f !== undefined) out.set(c.id, f);
    }
  }
  return out;
}

/** The filtered rows as of asOf, in no particular order. Runs in one read transaction so every part sees the same data. */
export function agingRows(ctx: ServiceContext, filter: AgingFilterInput, asOf: string, buckets: readonly AgingBucket[]): RankedRow[] {
  return ctx.db.transaction(() => {
    const customers = filteredCustomers(ctx, filter);
    const latest = latestDocDate(ctx);
    // Nothing has happened after asOf: the stored full replay is the state as of asOf.
    const figures =
      latest === null || latest <= asOf
        ? currentFigures(ctx, customers, asOf, filter.basis, buckets)
        : pastFigures(ctx, customers, asOf, filter.basis, buckets);
    const rows: RankedRow[] = [];
    for (const c of customers) {
      const f = figures.get(c.id);
      if (f === undefined || (f.unappliedFen === 0 && f.bucketsFen.every((v) => v === 0))) continue;
      if (filter.overdueOnly && f.overdueFen === 0) continue;
      rows.push(toRow(c, f));
    }
    return rows;
  });
}
