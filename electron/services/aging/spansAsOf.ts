/**
 * "As of a date D" from the open spans (migration 0014_a,
 * shared/receivables/openSpans.ts): the documents open or unapplied at D are
 * the spans with from_on ≤ D < until_on. The index ar_open_spans_at is
 * ordered by (from_month, until_on), so for every month up to D's one seek
 * reads only that month's spans still alive after D; what is read is about
 * what is open at D, whatever D. Valid for every customer without a
 * crossing void at D (crossingVoids.ts replays those few).
 *
 * The months are passed as a JSON list (one seek each) rather than a range,
 * which SQLite could only use for the first index column.
 *
 * The void-window spans (migration 0025) have the same columns and the same
 * kind of index, and are read the same way for the customers a void crosses
 * at D: their rows alive at D are those customers' state as of D.
 */
import { addMonths } from '../../../shared/dates/calendar';
import type { AgingBasis, AgingBucket } from '../../../shared/receivables/aging';
import type { ServiceContext } from '../context';
import type { SpanTable } from '../ledger/spanRows';
import { bucketThresholds } from './bucketSql';

export interface SpanFigures {
  bucketsFen: number[];
  unappliedFen: number;
  /** Open on debits due before D. */
  overdueFen: number;
}

/** Every month from the first span's to D's, as a JSON array of 'YYYY-MM' (the index seeks). */
export function spanMonths(ctx: ServiceContext, asOf: string, table: SpanTable = 'ar_open_spans'): string {
  const first = (ctx.db.prepare(`SELECT min(from_month) AS m FROM ${table}`).get() as { m: string | null }).m;
  const months: string[] = [];
  if (first !== null) {
    const last = asOf.slice(0, 7);
    for (let m = `${first}-01`; m.slice(0, 7) <= last; m = addMonths(m, 1)) months.push(m.slice(0, 7));
  }
  return JSON.stringify(months);
}

/** The WHERE of "alive at @asOf", for the spans aliased s. */
export const ALIVE_AT = `s.from_month IN (SELECT value FROM json_each(@months)) AND s.until_on > @asOf AND s.from_on <= @asOf`;

/** The columns a basis needs: only debits have a due date (the table's CHECK), so a null due date is a credit. */
const spanColumns = (basis: AgingBasis): string => (basis === 'due' ? 's.customer_id, s.due_on, s.open_fen' : 's.customer_id, s.due_on, s.open_fen, s.doc_date');

/** A span as the bucketing reads it: a null due date is a credit's unapplied amount. */
export type SpanRow = [customerId: string, dueOn: string | null, openFen: number, docDate?: string];

/**
 * Per customer: open per bucket, unapplied and overdue as of asOf (customers
 * with nothing open or unapplied are absent). The alive spans are read as
 * plain rows and bucketed here: a handful of string comparisons per row in
 * JavaScript cost less than one SUM(CASE …) column per bucket in SQL, and
 * grouping in a Map spares SQLite a temporary B-tree (the rows do not come
 * in customer order).
 */
export function agingFromSpans(
  ctx: ServiceContext,
  asOf: string,
  basis: AgingBasis,
  buckets: readonly AgingBucket[],
  table: SpanTable = 'ar_open_spans',
): Map<string, SpanFigures> {
  const rows = ctx.db
    .prepare(`SELECT ${spanColumns(basis)} FROM ${table} s INDEXED BY ${table}_at WHERE ${ALIVE_AT}`)
    .raw(true)
    .all({ asOf, months: spanMonths(ctx, asOf, table) }) as SpanRow[];
  return bucketSpanRows(rows, asOf, basis, buckets);
}

/** One customer's figures as of asOf (undefined: nothing open or unapplied), from its own spans (the table's key leads by customer). */
export function customerAgingFromSpans(
  ctx: ServiceContext,
  customerId: string,
  asOf: string,
  basis: AgingBasis,
  buckets: readonly AgingBucket[],
  table: SpanTable = 'ar_open_spans',
): SpanFigures | undefined {
  const rows = ctx.db
    .prepare(`SELECT ${spanColumns(basis)} FROM ${table} s WHERE s.customer_id = @customerId AND s.from_on <= @asOf AND s.until_on > @asOf`)
    .raw(true)
    .all({ customerId, asOf }) as SpanRow[];
  return bucketSpanRows(rows, asOf, basis, buckets).get(customerId);
}

export function bucketSpanRows(rows: readonly SpanRow[], asOf: string, basis: AgingBasis, buckets: readonly AgingBucket[]): Map<string, SpanFigures> {
  // Bucket i holds the references ≥ thresholds[i] not already in an earlier bucket; the last one the rest.
  const thresholds = bucketThresholds(asOf, buckets);
  const n = buckets.length;
  // On the due basis the due date is also the reference date, read once.
  const byDue = basis === 'due';
  const out = new Map<string, SpanFigures>();
  // Within one month's spans still open at the end (most of what is alive) the index
  // orders rows by customer: a run of one customer's rows needs one map lookup.
  let lastId = '';
  let f: SpanFigures | undefined;
  for (const row of rows) {
    const customerId = row[0];
    const dueOn = row[1];
    const openFen = row[2];
    if (customerId !== lastId || f === undefined) {
      lastId = customerId;
      f = out.get(customerId);
      if (f === undefined) out.set(customerId, (f = { bucketsFen: new Array<number>(n).fill(0), unappliedFen: 0, overdueFen: 0 }));
    }
    if (dueOn === null) {
      f.unappliedFen += openFen;
      continue;
    }
    const reference = byDue ? dueOn : (row[3] as string);
    let i = 0;
    while (i < n - 1 && reference < thresholds[i]) i++;
    f.bucketsFen[i] += openFen;
    if (dueOn < asOf) f.overdueFen += openFen;
  }
  return out;
}

export interface SpanDebit {
  customerId: string;
  dueOn: string;
  openFen: number;
}

/** The debits overdue as of asOf (due before it) with what was open on them then. */
export function overdueFromSpans(ctx: ServiceContext, asOf: string): SpanDebit[] {
  return ctx.db
    .prepare(
      `SELECT s.customer_id AS customerId, s.due_on AS dueOn, s.open_fen AS openFen FROM ar_open_spans s INDEXED BY ar_open_spans_at
       WHERE ${ALIVE_AT} AND s.side = 'debit' AND s.due_on < @asOf`,
    )
    .all({ asOf, months: spanMonths(ctx, asOf) }) as SpanDebit[];
}

/** Each customer's balance as of asOf: open debits − unapplied credits (customers at zero are absent). */
export function balancesFromSpans(ctx: ServiceContext, asOf: string): Map<string, number> {
  const rows = ctx.db
    .prepare(
      `SELECT s.customer_id AS id, SUM(CASE WHEN s.side = 'debit' THEN s.open_fen ELSE -s.open_fen END) AS balance
       FROM ar_open_spans s INDEXED BY ar_open_spans_at WHERE ${ALIVE_AT} GROUP BY s.customer_id`,
    )
    .all({ asOf, months: spanMonths(ctx, asOf) }) as { id: string; balance: number }[];
  return new Map(rows.map((r) => [r.id, r.balance]));
}

/** The floor the bench compares with: Σ open per customer alive at asOf, no buckets, no names. */
export function openTotalsFromSpans(ctx: ServiceContext, asOf: string): { customer_id: string; open: number }[] {
  return ctx.db
    .prepare(`SELECT s.customer_id, SUM(s.open_fen) AS open FROM ar_open_spans s INDEXED BY ar_open_spans_at WHERE ${ALIVE_AT} AND s.side = 'debit' GROUP BY s.customer_id`)
    .all({ asOf, months: spanMonths(ctx, asOf) }) as { customer_id: string; open: number }[];
}

