/**
 * Every report row for one date and basis, today or any earlier date, from
 * the open spans alive then (spansAsOf.ts: they carry both the due and the
 * document date, so either basis is one covering read); the few customers a
 * crossing void makes an exception are replayed (crossingVoids.ts). Rows
 * with nothing open and nothing unapplied are left out; balance is always
 * Σ buckets − unapplied (§4).
 */
import type { AgingRow } from '../../../shared/api/aging';
import type { AgingBasis, AgingBucket } from '../../../shared/receivables/aging';
import type { ServiceContext } from '../context';
import { filteredCustomers, type AgingFilterInput, type CustomerFacts } from './customerBalances';
import { customersWithCrossingVoids, replayedAging } from './crossingVoids';
import { latestDocDate } from './openAmounts';
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

function figuresAsOf(ctx: ServiceContext, customers: readonly CustomerFacts[], asOf: string, basis: AgingBasis, buckets: readonly AgingBucket[]) {
  const fromSpans = agingFromSpans(ctx, asOf, basis, buckets);
  // Nothing dated after asOf: no void can cross it, and the spans alone are the state (the usual "as of today").
  const latest = latestDocDate(ctx);
  const crossing = new Set(latest !== null && latest > asOf ? customersWithCrossingVoids(ctx, asOf) : []);
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
  return ctx.db.readSnapshot(() => {
    const customers = filteredCustomers(ctx, filter);
    const figures = figuresAsOf(ctx, customers, asOf, filter.basis, buckets);
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
